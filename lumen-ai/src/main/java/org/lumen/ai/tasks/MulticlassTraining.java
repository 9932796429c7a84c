package org.lumen.ai.tasks;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lumen.ai.data.LabelledImages;
import org.lumen.ai.eval.Bootstrap;
import org.lumen.ai.eval.MulticlassEvaluation;
import org.lumen.ai.infer.GradCam;
import org.lumen.ai.infer.Heatmap;
import org.lumen.ai.infer.HeatmapFiles;
import org.lumen.ai.model.Classifier;
import org.lumen.ai.model.ModelCard;
import org.lumen.ai.model.ModelManifest;
import org.lumen.ai.model.ModelPackage;
import org.lumen.ai.net.Engines;
import org.lumen.ai.net.Networks;
import org.lumen.ai.plot.Charts;
import org.lumen.ai.train.TrainConfig;
import org.lumen.ai.train.TrainingResult;

/**
 * The package of a task of more than two classes, read by arg-max: validation figures from {@link MulticlassEvaluation}
 * (macro AUC and accuracy with stratified bootstrap 95% intervals, per-class sensitivity, specificity and AUC, ECE of the
 * most probable class), a reliability diagram of that confidence, and for a 2D image-folder task one Grad-CAM example per
 * class (the validation image of that class the kept network calls it most confidently, the map of that class).
 */
final class MulticlassTraining {
    private MulticlassTraining() {
    }

    static void write(TaskPreset preset, TrainingResult result, String command,
                      Map<String, ModelPackage.FileWriter> files) throws IOException {
        TrainConfig config = result.config();
        MulticlassEvaluation validation = MulticlassEvaluation.of(result.valProbabilities(), result.valLabels(),
                config.classes(), Bootstrap.standard(config.seed()));
        ModelManifest manifest = TaskTraining.manifest(preset, result, command, 0, figures(result, validation));
        String title = config.task() + " (validation, n = " + validation.n() + "; largest probability)";
        files.put(ModelPackage.RELIABILITY, file -> Charts.reliability(validation.reliability(), validation.ece(), title,
                file));
        List<String> plots = new ArrayList<>(List.of(ModelPackage.TRAINING_CURVES, ModelPackage.RELIABILITY));
        Path gradCams = Files.createTempDirectory("lumen-gradcam-");
        try {
            if (result.split() != null && config.network().dimensions() == 2) {
                for (Path png : gradCamExamples(result, result.split().valImages(), gradCams)) {
                    String name = png.getFileName().toString();
                    files.put(name, ModelPackage.copyOf(png));
                    plots.add(name);
                }
            }
            ModelPackage.write(config.out(), manifest, file -> Files.write(file, result.bestParameters()),
                    ModelCard.markdown(manifest, TaskTraining.notes(preset, result), plots, validation), files);
        } finally {
            try (var leftovers = Files.list(gradCams)) {
                for (Path p : leftovers.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(gradCams);
        }
    }

    /** The manifest's validation figures; per-class ones are keyed {@code CLASS_sensitivity} etc.; NaN left out. */
    static Map<String, Double> figures(TrainingResult result, MulticlassEvaluation e) {
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("auc", e.auc());
        figures.put("auc_ci_low", e.aucCiLow());
        figures.put("auc_ci_high", e.aucCiHigh());
        figures.put("accuracy", e.accuracy());
        figures.put("accuracy_ci_low", e.accuracyCiLow());
        figures.put("accuracy_ci_high", e.accuracyCiHigh());
        figures.put("ece", e.ece());
        for (int c = 0; c < e.classes().size(); c++) {
            String name = e.classes().get(c);
            figures.put(name + "_sensitivity", e.sensitivity().get(c));
            figures.put(name + "_specificity", e.specificity().get(c));
            figures.put(name + "_auc", e.classAucs().get(c));
        }
        figures.put("n", (double) e.n());
        figures.put("best_epoch", (double) result.bestEpoch());
        figures.values().removeIf(v -> v.isNaN());
        return figures;
    }

    /** One overlay per class that has a validation image called that class: the most confident such image. */
    private static List<Path> gradCamExamples(TrainingResult result, LabelledImages val, Path dir) throws IOException {
        TrainConfig config = result.config();
        double[][] p = result.valProbabilities();
        List<Path> written = new ArrayList<>();
        int[] inputShape = config.preprocessing().inputShape();
        try (NDManager manager = Engines.pytorch().newBaseManager()) {
            SequentialBlock net = Networks.build(config.network());
            net.initialize(manager, DataType.FLOAT32, new Shape(Classifier.batchShape(1, inputShape)));
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(result.bestParameters()))) {
                net.loadParameters(manager, in);
            } catch (MalformedModelException e) {
                throw new IOException("the kept weights do not fit the network: " + e.getMessage(), e);
            }
            for (int c = 0; c < config.classes().size(); c++) {
                int best = -1;
                for (int i = 0; i < val.size(); i++) {
                    boolean right = val.label(i) == c && Classifier.argMax(toFloat(p[i])) == c;
                    if (right && (best < 0 || p[i][c] > p[best][c])) {
                        best = i;
                    }
                }
                if (best >= 0) {
                    Heatmap heat = GradCam.heatmap(net, manager, val.image(best), inputShape, c);
                    Path png = dir.resolve(ModelCard.GRAD_CAM_PREFIX + config.classes().get(c) + ".png");
                    HeatmapFiles.overlayPng(val.image(best), inputShape, heat, png);
                    written.add(png);
                }
            }
        }
        return written;
    }

    private static float[] toFloat(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }
}
