package org.lumen.ai.tasks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lumen.ai.eval.BinaryEvaluation;
import org.lumen.ai.model.ModelCard;
import org.lumen.ai.model.ModelManifest;
import org.lumen.ai.model.ModelPackage;
import org.lumen.ai.plot.Charts;
import org.lumen.ai.plot.CurvePoint;
import org.lumen.ai.train.Trainer;
import org.lumen.ai.train.TrainingListener;
import org.lumen.ai.train.TrainingResult;
import org.lumen.ai.train.TrainConfig;

/**
 * Trains a task and writes its model package ({@code config.out()}) through {@link ModelPackage#write}: manifest with the
 * validation figures of the kept epoch (AUC with DeLong's 95% interval, the threshold's accuracy, sensitivity,
 * specificity, PPV, NPV, ECE), {@code weights.params}, the model card, the training-curve, ROC and reliability plots, and
 * {@value #HISTORY} (one entry per epoch).
 */
public final class TaskTraining {
    public static final String WEIGHTS_FILE = "weights.params";
    public static final String HISTORY = "training-history.json";
    /** The content split of an image folder: which file went to which side ({@code ContentSplit.listing}). */
    public static final String SPLIT = "validation-split.tsv";
    private static final String VERSION = "1.0.0";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TaskTraining() {
    }

    /**
     * @param command the command line that reproduces this run, recorded in the manifest
     */
    public static TrainingResult run(TrainConfig config, TrainingListener listener, boolean resume, String command)
            throws IOException {
        TaskPreset preset = Tasks.get(config.task());
        TrainingResult result = Trainer.train(config, listener, resume);
        List<CurvePoint> curve = result.history().stream()
                .map(m -> new CurvePoint(m.epoch(), m.trainLoss(), m.valLoss(), m.valAuc())).toList();
        Map<String, ModelPackage.FileWriter> files = new LinkedHashMap<>();
        files.put(ModelPackage.TRAINING_CURVES, file -> Charts.trainingCurves(curve, config.task() + " training", file));
        files.put(HISTORY, file -> JSON.writeValue(file.toFile(), result.history()));
        if (result.split() != null) {
            files.put(SPLIT, file -> Files.writeString(file, result.split().listing(config.images())));
        }
        if (config.classes().size() == 2) {
            writeBinary(preset, result, command, files);
        } else {
            MulticlassTraining.write(preset, result, command, files);
        }
        return result;
    }

    private static void writeBinary(TaskPreset preset, TrainingResult result, String command,
                                    Map<String, ModelPackage.FileWriter> files) {
        TrainConfig config = result.config();
        BinaryEvaluation validation = BinaryEvaluation.of(result.valScores(), result.valLabels(), config.positiveClass(),
                result.operatingPoint().threshold());
        ModelManifest manifest = manifest(preset, result, command, result.operatingPoint().threshold(),
                validationFigures(result, validation));
        String title = config.task() + " (validation, n = " + validation.n() + ")";
        files.put(ModelPackage.ROC, file -> Charts.roc(validation, title, file));
        files.put(ModelPackage.RELIABILITY, file -> Charts.reliability(validation, title, file));
        ModelPackage.write(config.out(), manifest, file -> Files.write(file, result.bestParameters()),
                ModelCard.markdown(manifest, notes(preset, result), ModelCard.STANDARD_PLOTS), files);
    }

    /**
     * @param threshold the operating threshold (two classes), 0 for a task read by arg-max (every most probable class is
     *                  reported)
     */
    static ModelManifest manifest(TaskPreset preset, TrainingResult result, String command, double threshold,
                                  Map<String, Double> validation) {
        TrainConfig config = result.config();
        return new ModelManifest(config.task(), VERSION, "classification", preset.description(),
                new ModelManifest.InputContract(preset.modalities(), preset.bodyParts(), config.network().dimensions(),
                        config.preprocessing()),
                new ModelManifest.OutputContract(config.classes(), preset.findings(), config.positiveClass(), threshold),
                config.network(), ModelManifest.FORMAT_DJL, WEIGHTS_FILE, null,
                new ModelManifest.Training(preset.dataset(), preset.licence(), preset.citation(), command, config.seed(),
                        result.history().size(), result.trainCount(), result.valCount()),
                validation);
    }

    /** The kept epoch's validation figures at the chosen threshold; undefined ones (NaN) are left out. */
    static Map<String, Double> validationFigures(TrainingResult result, BinaryEvaluation e) {
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("auc", e.auc());
        figures.put("auc_ci_low", e.aucCiLow());
        figures.put("auc_ci_high", e.aucCiHigh());
        figures.put("accuracy", e.accuracy());
        figures.put("sensitivity", e.sensitivity());
        figures.put("specificity", e.specificity());
        figures.put("ppv", e.ppv());
        figures.put("npv", e.npv());
        figures.put("ece", e.ece());
        figures.put("threshold", e.threshold());
        figures.put("n", (double) e.n());
        figures.put("best_epoch", (double) result.bestEpoch());
        figures.values().removeIf(v -> v.isNaN());
        return figures;
    }

    static String notes(TaskPreset preset, TrainingResult result) {
        String rule = result.operatingPoint() == null ? "the most probable class is reported (arg-max)"
                : "operating threshold chosen on the validation split by the "
                        + result.config().thresholdRule().name().toLowerCase() + " rule";
        return String.format(java.util.Locale.ROOT, "Kept epoch %d of %d (best validation AUC)%s; %s. Every experiment behind this configuration is listed in "
                        + "lumen-ai/docs/training-log.md.\n\n%s", result.bestEpoch(), result.history().size(),
                result.stoppedEarly() ? ", stopped early" : "", rule, preset.outlook());
    }
}
