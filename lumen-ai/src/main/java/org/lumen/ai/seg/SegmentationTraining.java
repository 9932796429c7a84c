package org.lumen.ai.seg;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
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
                      Map<PostProcessing, SegmentationEvaluation> validationByPostProcessing, PostProcessing chosen) {
        public SegmentationEvaluation validation() {
            return validationByPostProcessing.get(chosen);
        }
    }

    private SegmentationTraining() {
    }

    /**
     * The hippocampus configuration (anterior 1, posterior 2): whole volumes padded to 48 x 64 x 48 (every crop of the
     * decathlon set fits), U-Net of base width {@code width} and depth 4, batch 2, AdamW lr 3e-3 with weight decay 1e-4,
     * left-right flips only (the labels are anterior/posterior), rotation 10 degrees, shift 5%, zoom 10%, intensity 10%.
     */
    public static SegmentationConfig hippocampus(int width, int epochs, long seed, int threads) {
        return new SegmentationConfig(new UNetSpec(3, 1, 3, width, 4), SegmentationConfig.Sampling.WHOLE_VOLUME,
                new int[] {48, 64, 48}, 0.5, 1, epochs, 2, 3e-3, 1e-4, 1, Math.max(5, epochs / 4),
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

        Map<PostProcessing, SegmentationEvaluation> byMode = evaluate(config.network(), result.bestParameters(), valCases);
        PostProcessing chosen = PostProcessing.NONE;
        for (PostProcessing mode : PostProcessing.values()) {
            if (byMode.get(mode).dice() > byMode.get(chosen).dice()) {
                chosen = mode;
            }
        }
        Map<String, Object> validation = new LinkedHashMap<>();
        validation.put("post_processing", chosen.name());
        Map<String, Double> diceByMode = new LinkedHashMap<>();
        byMode.forEach((mode, e) -> diceByMode.put(mode.name(), e.dice()));
        validation.put("dice_by_post_processing", diceByMode);
        validation.put("evaluation", JSON.readTree(byMode.get(chosen).toJson()));
        JSON.writeValue(out.resolve("validation.json").toFile(), validation);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("network", config.network());
        model.put("training_size", config.size());
        model.put("inference", new Segmenter.Options(true, chosen));
        JSON.writeValue(out.resolve("segmentation.json").toFile(), model);
        return new Run(result, split, byMode, chosen);
    }

    /** Every validation case segmented with test-time flip under each post-processing mode. */
    public static Map<PostProcessing, SegmentationEvaluation> evaluate(UNetSpec spec, byte[] parameters,
                                                                        List<NiftiSegmentationReader.Case> cases)
            throws IOException {
        Map<PostProcessing, List<SegmentationEvaluation.Pair>> pairs = new EnumMap<>(PostProcessing.class);
        List<Integer> labels = new ArrayList<>();
        for (int k = 1; k < spec.classes(); k++) {
            labels.add(k);
        }
        try (Segmenter segmenter = Segmenter.load(spec, parameters)) {
            for (NiftiSegmentationReader.Case c : cases) {
                float[] probabilities = segmenter.probabilities(VoxelGrid.zScore(c.image()), VoxelGrid.dims(c.image()), true);
                int[] raw = segmenter.argMax(probabilities, VoxelGrid.count(VoxelGrid.dims(c.image())));
                for (PostProcessing mode : PostProcessing.values()) {
                    int[] labelled = ConnectedComponents.apply(raw, VoxelGrid.dims(c.image()), mode);
                    pairs.computeIfAbsent(mode, m -> new ArrayList<>())
                            .add(new SegmentationEvaluation.Pair(c.name(), c.mask(), asVolume(labelled, c.image())));
                }
            }
        }
        Map<PostProcessing, SegmentationEvaluation> out = new EnumMap<>(PostProcessing.class);
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
