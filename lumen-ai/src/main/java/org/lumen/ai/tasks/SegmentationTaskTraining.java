package org.lumen.ai.tasks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lumen.ai.eval.SegmentationEvaluation;
import org.lumen.ai.model.ModelManifest;
import org.lumen.ai.model.ModelPackage;
import org.lumen.ai.model.SegmentationContract;
import org.lumen.ai.model.SegmentationModelCard;
import org.lumen.ai.seg.CaseIntervals;
import org.lumen.ai.seg.SegmentationConfig;
import org.lumen.ai.seg.SegmentationEpoch;
import org.lumen.ai.seg.SegmentationListener;
import org.lumen.ai.seg.SegmentationTraining;
import org.lumen.ai.seg.Segmenter;

/**
 * Trains a segmentation task from a decathlon-style folder ({@link SegmentationTraining#run}) and writes its model package
 * through {@link ModelPackage#write}: a "segmentation" manifest (U-Net, preprocessing, the inference options chosen on
 * validation, validation Dice per label and HD95 with bootstrap 95% intervals over cases), {@code weights.params}, the
 * model card ({@link SegmentationModelCard}), and the run's {@value #SPLIT}, {@value #HISTORY} and {@value #VALIDATION}.
 * Checkpoints and the run's own files stay in the sibling folder {@code OUT.checkpoints}.
 */
public final class SegmentationTaskTraining {
    public static final String SPLIT = "split.json";
    public static final String HISTORY = "training-history.json";
    public static final String VALIDATION = "validation.json";
    private static final String VERSION = "1.0.0";

    private SegmentationTaskTraining() {
    }

    /** What a run produced: the training run and the package written. */
    public record Result(SegmentationTraining.Run run, ModelPackage pkg) {
    }

    /**
     * @param data    folder with {@code imagesTr/} and {@code labelsTr/}
     * @param config  the training configuration (normally {@link SegmentationTaskPreset#config})
     * @param out     the package folder; an existing package there is replaced, any other non-empty folder refused
     *                before training starts
     * @param command the command line that reproduces this run, recorded in the manifest
     */
    public static Result run(SegmentationTaskPreset preset, Path data, SegmentationConfig config, Path out,
                             SegmentationListener listener, String command) throws IOException {
        Path target = out.toAbsolutePath().normalize();
        refuseForeignFolder(target);
        Path work = target.resolveSibling(target.getFileName() + ".checkpoints");
        Path runDir = work.resolve("run");
        SegmentationTraining.Run run = SegmentationTraining.run(data, config.withCheckpoints(work), preset.validationShare(),
                runDir, listener);
        ModelManifest manifest = manifest(preset, config, run, command);
        Map<String, ModelPackage.FileWriter> files = new LinkedHashMap<>();
        for (String file : List.of(SPLIT, HISTORY, VALIDATION)) {
            files.put(file, ModelPackage.copyOf(runDir.resolve(file)));
        }
        ModelPackage pkg = ModelPackage.write(target, manifest, ModelPackage.copyOf(runDir.resolve("weights.params")),
                SegmentationModelCard.markdown(manifest, notes(preset, run), preset.limitations()), files);
        return new Result(run, pkg);
    }

    static ModelManifest manifest(SegmentationTaskPreset preset, SegmentationConfig config, SegmentationTraining.Run run,
                                  String command) {
        Map<String, Double> validation = CaseIntervals.figures(run.validation(), config.seed());
        validation.put("best_epoch", (double) run.training().bestEpoch());
        return new ModelManifest(preset.name(), VERSION, ModelManifest.SEGMENTATION, preset.description(),
                new ModelManifest.InputContract(preset.modalities(), preset.bodyParts(), config.network().dimensions(),
                        null, preset.formats()),
                new ModelManifest.OutputContract(preset.classes(), preset.findings(), 0, 0),
                null, ModelManifest.FORMAT_DJL, "weights.params", null,
                new ModelManifest.Training(preset.dataset(), preset.licence(), preset.citation(), command, config.seed(),
                        run.training().history().size(), run.split().train().size(), run.split().validation().size()),
                validation, SegmentationContract.of(config.network(), config.size(), run.chosen()));
    }

    static String notes(SegmentationTaskPreset preset, SegmentationTraining.Run run) {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Kept epoch %d of %d (best validation Dice during training, whole volumes, no"
                        + " flip, no post-processing)%s.%n%n", run.training().bestEpoch(), run.training().history().size(),
                run.training().stoppedEarly() ? ", stopped early" : ""));
        md.append("Mean validation Dice of the kept weights under each inference option (the best is used):\n\n")
                .append("| test-time flip | post-processing | mean Dice |\n|---|---|---|\n");
        for (Map.Entry<Segmenter.Options, SegmentationEvaluation> e : run.validationByOptions().entrySet()) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %.4f%s |%n", e.getKey().flipX() ? "yes" : "no",
                    e.getKey().postProcessing().name().toLowerCase(Locale.ROOT).replace('_', ' '), e.getValue().dice(),
                    e.getKey().equals(run.chosen()) ? " (chosen)" : ""));
        }
        md.append("\n| epoch | training loss | validation Dice | seconds |\n|---|---|---|---|\n");
        for (SegmentationEpoch e : run.training().history()) {
            md.append(String.format(Locale.ROOT, "| %d | %.4f | %.4f | %.0f |%n", e.epoch(), e.trainLoss(), e.valDice(),
                    e.seconds()));
        }
        return md.append('\n').append(preset.outlook()).toString();
    }

    private static void refuseForeignFolder(Path target) throws IOException {
        if (Files.isDirectory(target) && !Files.exists(target.resolve(ModelPackage.MANIFEST))) {
            try (var entries = Files.list(target)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException("the output folder " + target + " exists and is not a model package;"
                            + " choose another folder with --out or remove it");
                }
            }
        } else if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new IllegalArgumentException("the output " + target + " is a file, not a folder");
        }
    }
}
