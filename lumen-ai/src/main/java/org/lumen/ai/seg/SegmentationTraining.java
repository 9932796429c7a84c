package org.lumen.ai.seg;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lumen.ai.data.NiftiSegmentationReader;
import org.lumen.ai.eval.SegmentationEvaluation;
import org.lumen.ai.train.Augmentation;
import org.lumen.image.Volume;

/**
 * One call from a decathlon-style folder to trained weights: read {@code imagesTr/labelsTr}, split the cases by name
 * ({@link SegmentationSplit}, written as {@code split.json}), train ({@link SegmentationTrainer}, checkpoints in
 * {@code OUT.checkpoints}), then segment every validation case with the kept weights and test-time flip under each
 * {@link PostProcessing} and keep the one with the best mean Dice. Writes into {@code out}: {@code weights.params},
 * {@code split.json}, {@code training-history.json}, {@code validation.json} (the chosen mode's
 * {@link SegmentationEvaluation} plus every mode's mean Dice) and {@code segmentation.json} (network, training size and
 * inference options: what a model package needs to rebuild the {@link Segmenter}).
 */
public final class SegmentationTraining {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** What a run produced. */
    public record Run(SegmentationTrainingResult training, SegmentationSplit split,
                      Map<Segmenter.Options, SegmentationEvaluation> validationByOptions, Segmenter.Options chosen) {
        public SegmentationEvaluation validation() {
            return validationByOptions.get(chosen);
        }
    }

    private SegmentationTraining() {
    }

    /**
     * The hippocampus configuration (anterior 1, posterior 2): patches of 40 x 56 x 40 (about a whole crop: the decathlon
     * crops are 31-43 x 40-59 x 24-47) centred near a random foreground voxel, which shifts the structure about; U-Net of
     * base width {@code width} and depth 4, batch 2, AdamW lr 3e-3 with weight decay 1e-4, one warm-up epoch;
     * left-right flips only (the labels are anterior/posterior), rotation 10 degrees, shift 5%, zoom 10%, intensity 10%.
     * Measured on 2 cores: one epoch (166 training and 42 validation cases) at width 16 costs about 215 CPU seconds.
     */
    public static SegmentationConfig hippocampus(int width, int epochs, long seed, int threads) {
        return new SegmentationConfig(new UNetSpec(3, 1, 3, width, 4), SegmentationConfig.Sampling.PATCHES,
                new int[] {40, 56, 40}, 1.0, 1, epochs, 2, 3e-3, 1e-4, 1, Math.max(5, epochs / 4),
                new Augmentation(true, false, false, 10, 0.05, 0.1, 0.1), seed, threads, null,
                new Segmenter.Options(false, PostProcessing.NONE));
    }

    /**
     * @param data               folder with {@code imagesTr/} and {@code labelsTr/}
     * @param validationFraction share of cases held for validation (e.g. 0.2)
     * @param out                output folder (created); checkpoints go to its sibling {@code out.checkpoints} unless the
     *                           configuration names a folder
     */
    public static Run run(Path data, SegmentationConfig config, double validationFraction, Path out,
                          SegmentationListener listener) throws IOException {
        List<NiftiSegmentationReader.Case> cases = NiftiSegmentationReader.read(data);
        SegmentationSplit split = SegmentationSplit.of(cases.stream().map(NiftiSegmentationReader.Case::name).toList(),
                validationFraction, config.seed());
        Files.createDirectories(out);
        split.write(out.resolve("split.json"));
        List<NiftiSegmentationReader.Case> trainCases = cases.stream().filter(c -> split.train().contains(c.name())).toList();
        List<NiftiSegmentationReader.Case> valCases = cases.stream().filter(c -> split.validation().contains(c.name())).toList();
        SegmentationConfig withCheckpoints = config.checkpoints() != null ? config
                : config.withCheckpoints(out.resolveSibling(out.getFileName() + ".checkpoints"));
        SegmentationTrainingResult result = SegmentationTrainer.train(prepare(trainCases), prepare(valCases), withCheckpoints,
                listener);
        Files.write(out.resolve("weights.params"), result.bestParameters());
        JSON.writeValue(out.resolve("training-history.json").toFile(),
                Map.of("best_epoch", result.bestEpoch(), "seconds", result.seconds(), "epochs", result.history()));

        Map<Segmenter.Options, SegmentationEvaluation> byOptions = evaluate(config.network(), result.bestParameters(),
                valCases);
        Segmenter.Options chosen = null;
        for (Map.Entry<Segmenter.Options, SegmentationEvaluation> e : byOptions.entrySet()) {
            if (chosen == null || e.getValue().dice() > byOptions.get(chosen).dice()) {
                chosen = e.getKey();
            }
        }
        Map<String, Object> validation = new LinkedHashMap<>();
        validation.put("inference", chosen);
        List<Map<String, Object>> diceByOptions = new ArrayList<>();
        byOptions.forEach((options, e) -> diceByOptions.add(Map.of("flip_x", options.flipX(), "post_processing",
                options.postProcessing().name(), "dice", e.dice(), "dice_per_label", e.dicePerLabel())));
        validation.put("dice_by_inference_options", diceByOptions);
        validation.put("evaluation", JSON.readTree(byOptions.get(chosen).toJson()));
        JSON.writeValue(out.resolve("validation.json").toFile(), validation);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("network", config.network());
        model.put("training_size", config.size());
        model.put("inference", chosen);
        JSON.writeValue(out.resolve("segmentation.json").toFile(), model);
        return new Run(result, split, byOptions, chosen);
    }

    /** Every case segmented without and with the test-time flip, under each post-processing mode (in that order). */
    public static Map<Segmenter.Options, SegmentationEvaluation> evaluate(UNetSpec spec, byte[] parameters,
                                                                         List<NiftiSegmentationReader.Case> cases)
            throws IOException {
        Map<Segmenter.Options, List<SegmentationEvaluation.Pair>> pairs = new LinkedHashMap<>();
        List<Integer> labels = new ArrayList<>();
        for (int k = 1; k < spec.classes(); k++) {
            labels.add(k);
        }
        try (Segmenter segmenter = Segmenter.load(spec, parameters)) {
            for (NiftiSegmentationReader.Case c : cases) {
                int[] dims = VoxelGrid.dims(c.image());
                float[] normalised = VoxelGrid.zScore(c.image());
                for (boolean flip : new boolean[] {false, true}) {
                    int[] raw = segmenter.argMax(segmenter.probabilities(normalised, dims, flip), VoxelGrid.count(dims));
                    for (PostProcessing mode : PostProcessing.values()) {
                        int[] labelled = ConnectedComponents.apply(raw, dims, mode);
                        pairs.computeIfAbsent(new Segmenter.Options(flip, mode), m -> new ArrayList<>())
                                .add(new SegmentationEvaluation.Pair(c.name(), c.mask(), asVolume(labelled, c.image())));
                    }
                }
            }
        }
        Map<Segmenter.Options, SegmentationEvaluation> out = new LinkedHashMap<>();
        pairs.forEach((mode, list) -> out.put(mode, SegmentationEvaluation.of(list, labels)));
        return out;
    }

    private static Volume asVolume(int[] labels, Volume grid) {
        float[] data = new float[labels.length];
        for (int i = 0; i < labels.length; i++) {
            data[i] = labels[i];
        }
        return new Volume(grid.nx(), grid.ny(), grid.nz(), data, org.lumen.image.VoxelType.UINT8, grid.geometry());
    }

    private static List<PreparedCase> prepare(List<NiftiSegmentationReader.Case> cases) {
        return cases.stream().map(PreparedCase::of).toList();
    }
}
