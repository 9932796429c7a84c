package org.lumen.ai.seg;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumen.ai.data.NiftiSegmentationReader;
import org.lumen.ai.eval.SegmentationEvaluation;
import org.lumen.ai.train.Augmentation;
import org.lumen.dicom.testing.TestData;
import org.lumen.image.Volume;
import org.lumen.image.nifti.NiftiReader;
import org.lumen.image.nifti.NiftiWriter;

/**
 * Trains a small U-Net (base width 8, depth 3) for four short epochs of foreground-oversampled 32^3 patches from 30 real
 * hippocampus cases, then segments 10 cases it never saw (whole volumes, test-time flip, largest component per label) and
 * compares with the trivial baseline: the training labels' majority map placed on each case's centre.
 */
class HippocampusTrainingTest {
    @TempDir
    Path tmp;

    @Test
    void aShortRunBeatsTheMeanShapePriorOnHeldBackCases() throws Exception {
        List<NiftiSegmentationReader.Case> all = NiftiSegmentationReader.read(TestData.data("hippocampus"));
        SegmentationSplit split = SegmentationSplit.of(all.stream().map(NiftiSegmentationReader.Case::name).toList(), 0.2, 42);
        List<NiftiSegmentationReader.Case> trainCases = pick(all, split.train().subList(0, 30));
        List<NiftiSegmentationReader.Case> heldBack = pick(all, split.validation().subList(0, 10));
        List<PreparedCase> train = trainCases.stream().map(PreparedCase::of).toList();
        List<PreparedCase> val = heldBack.stream().map(PreparedCase::of).toList();

        SegmentationConfig config = new SegmentationConfig(new UNetSpec(3, 1, 3, 8, 3),
                SegmentationConfig.Sampling.PATCHES, new int[] {32, 32, 32}, 0.67, 2, 4, 2, 1e-2, 1e-4, 0.5, 0,
                new Augmentation(true, false, false, 10, 0.05, 0.1, 0.1), 7, 1, tmp.resolve("checkpoints"),
                new Segmenter.Options(false, PostProcessing.NONE));
        SegmentationTrainingResult result = SegmentationTrainer.train(train, val, config, SegmentationListener.SILENT);
        assertThat(result.history()).hasSize(4);
        assertThat(tmp.resolve("checkpoints/best.params")).isRegularFile();
        assertThat(tmp.resolve("checkpoints/history.json")).isRegularFile();

        MeanShapePrior prior = MeanShapePrior.of(train, 3);
        List<SegmentationEvaluation.Pair> ours = new ArrayList<>();
        List<SegmentationEvaluation.Pair> baseline = new ArrayList<>();
        try (Segmenter segmenter = Segmenter.load(config.network(), result.bestParameters())) {
            for (NiftiSegmentationReader.Case c : heldBack) {
                Volume predicted = segmenter.segment(c.image(), Segmenter.Options.DEFAULTS);
                ours.add(new SegmentationEvaluation.Pair(c.name(), c.mask(), predicted));
                int[] priorLabels = prior.labels(VoxelGrid.dims(c.image()));
                float[] data = new float[priorLabels.length];
                for (int i = 0; i < data.length; i++) {
                    data[i] = priorLabels[i];
                }
                baseline.add(new SegmentationEvaluation.Pair(c.name(), c.mask(), c.mask().withData(data)));
            }
            // the label map is on the input's grid and survives NIfTI
            Path file = tmp.resolve("seg.nii.gz");
            NiftiWriter.write(ours.get(0).predicted(), file);
            Volume back = NiftiReader.read(file);
            assertThat(back.sameGeometry(heldBack.get(0).image(), 1e-3)).isTrue();
            assertThat(back.data()).isEqualTo(ours.get(0).predicted().data());
        }
        SegmentationEvaluation model = SegmentationEvaluation.of(ours, List.of(1, 2));
        SegmentationEvaluation prior0 = SegmentationEvaluation.of(baseline, List.of(1, 2));
        String figures = "model " + model.dicePerLabel() + " mean " + model.dice() + " HD95 " + model.hd95MmPerLabel()
                + "; mean-shape prior " + prior0.dicePerLabel() + " mean " + prior0.dice() + "; history " + result.history()
                .stream().map(e -> String.format("%d:%.3f/%.3f/%.0fs", e.epoch(), e.trainLoss(), e.valDice(), e.seconds()))
                .toList() + ", " + String.format("%.0f s", result.seconds());
        System.out.println(figures);
        assertThat(model.dice()).as(figures).isGreaterThan(prior0.dice() + 0.1).isGreaterThan(0.5);
    }

    private static List<NiftiSegmentationReader.Case> pick(List<NiftiSegmentationReader.Case> all, List<String> names) {
        return all.stream().filter(c -> names.contains(c.name())).toList();
    }
}
