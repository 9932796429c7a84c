package org.lumen.ai.tasks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lumen.ai.eval.Auc;
import org.lumen.ai.model.ModelManifest;
import org.lumen.ai.train.OperatingPoint;
import org.lumen.ai.train.Trainer;
import org.lumen.ai.train.TrainingListener;
import org.lumen.ai.train.TrainingResult;
import org.lumen.ai.train.TrainConfig;

/**
 * Trains a task and writes its model package folder ({@code config.out()}): {@code manifest.json}, {@code weights.params}
 * and {@code training-history.json} (one entry per epoch, for the training-curve chart).
 */
public final class TaskTraining {
    public static final String WEIGHTS_FILE = "weights.params";
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
        ModelManifest manifest = manifest(preset, result, command, sha256(result.bestParameters()));
        writePackage(config.out(), manifest, result.bestParameters());
        JSON.writeValue(config.out().resolve("training-history.json").toFile(), result.history());
        // TODO(integrator): draw training-curves.png with org.lumen.ai.plot.Charts.trainingCurves(result.history())
        // once the data+eval helper's Charts is on main.
        return result;
    }

    /**
     * Writes the package folder.
     * TODO(integrator): replace with org.lumen.ai.model.ModelPackage.write(dir, manifest, weights, modelCard) from the
     * package+onnx helper once it is on main.
     */
    static void writePackage(Path dir, ModelManifest manifest, byte[] weights) throws IOException {
        Files.createDirectories(dir);
        Files.write(dir.resolve(manifest.weightsFile()), weights);
        JSON.writeValue(dir.resolve("manifest.json").toFile(), manifest);
    }

    static ModelManifest manifest(TaskPreset preset, TrainingResult result, String command, String weightsSha256) {
        TrainConfig config = result.config();
        return new ModelManifest(config.task(), VERSION, "classification", preset.description(),
                new ModelManifest.InputContract(preset.modalities(), preset.bodyParts(), config.network().dimensions(),
                        config.preprocessing()),
                new ModelManifest.OutputContract(config.classes(), List.of(preset.finding()), config.positiveClass(),
                        result.operatingPoint().threshold()),
                config.network(), "djl", WEIGHTS_FILE, weightsSha256,
                new ModelManifest.Training(preset.dataset(), preset.licence(), preset.citation(), command, config.seed(),
                        result.history().size(), result.trainCount(), result.valCount()),
                validation(result));
    }

    /**
     * Validation figures of the kept epoch at the chosen threshold.
     * TODO(integrator): add the AUC's 95% confidence interval from org.lumen.ai.eval.BinaryEvaluation once on main.
     */
    static Map<String, Double> validation(TrainingResult result) {
        OperatingPoint point = result.operatingPoint();
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("auc", Auc.of(result.valScores(), result.valPositive()));
        metrics.put("accuracy", point.accuracy());
        metrics.put("sensitivity", point.sensitivity());
        metrics.put("specificity", point.specificity());
        metrics.put("threshold", point.threshold());
        metrics.put("n", (double) result.valCount());
        metrics.put("best_epoch", (double) result.bestEpoch());
        return metrics;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks SHA-256", e);
        }
    }
}
