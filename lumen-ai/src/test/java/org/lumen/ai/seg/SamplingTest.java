package org.lumen.ai.seg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumen.ai.train.Augmentation;
import org.lumen.image.Geometry;
import org.lumen.image.Volume;
import org.lumen.image.VoxelType;

/** Cropping, normalisation, the split, and that augmentation moves image and labels together. */
class SamplingTest {
    @TempDir
    Path tmp;

    @Test
    void cropPadsOutsideTheSourceAndZScoreIsWithinTheVolume() {
        float[] source = {1, 2, 3, 4, 5, 6}; // 3 x 2 x 1
        float[] out = VoxelGrid.crop(source, new int[] {3, 2, 1}, new int[] {-1, 1, 0}, new int[] {4, 2, 1}, -9f);
        assertThat(out).containsExactly(-9, 4, 5, 6, -9, -9, -9, -9);
        assertThat(VoxelGrid.centredStart(new int[] {35, 51, 35}, new int[] {48, 64, 48})).containsExactly(-6, -6, -6);
        assertThat(VoxelGrid.roundedUp(new int[] {35, 51, 32}, 8)).containsExactly(40, 56, 32);

        Volume v = new Volume(2, 2, 1, new float[] {10, 20, 30, 40}, VoxelType.FLOAT32, Geometry.identity());
        float[] z = VoxelGrid.zScore(v);
        double sd = Math.sqrt(125);
        assertThat(z).containsExactly((float) (-15 / sd), (float) (-5 / sd), (float) (5 / sd), (float) (15 / sd));
    }

    @Test
    void theSplitDependsOnTheNamesAndSeedOnly() throws Exception {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= 208; i++) {
            names.add(String.format("case_%03d", i));
        }
        SegmentationSplit split = SegmentationSplit.of(names, 0.2, 42);
        assertThat(split.validation()).hasSize(42);
        assertThat(split.train()).hasSize(166).doesNotContainAnyElementsOf(split.validation());
        List<String> reversed = new ArrayList<>(names);
        java.util.Collections.reverse(reversed);
        assertThat(SegmentationSplit.of(reversed, 0.2, 42)).isEqualTo(split);
        assertThat(SegmentationSplit.of(names, 0.2, 43).validation()).isNotEqualTo(split.validation());
        split.write(tmp.resolve("split.json"));
        assertThat(SegmentationSplit.read(tmp.resolve("split.json"))).isEqualTo(split);
    }

    @Test
    void augmentationMovesImageAndLabelsAlike() {
        // an image equal to 10 x its label: after any geometric change the two must still agree voxel by voxel
        int[] dims = {20, 24, 16};
        int[] labels = new int[VoxelGrid.count(dims)];
        float[] image = new float[labels.length];
        for (int z = 4; z < 12; z++) {
            for (int y = 3; y < 20; y++) {
                for (int x = 5; x < 12; x++) {
                    int label = y < 11 ? 1 : 2;
                    labels[x + dims[0] * (y + dims[1] * z)] = label;
                    image[x + dims[0] * (y + dims[1] * z)] = 10 * label;
                }
            }
        }
        PreparedCase c = new PreparedCase("c", image, labels, dims, new int[0]);
        SegmentationConfig config = new SegmentationConfig(new UNetSpec(3, 1, 3, 4, 3),
                SegmentationConfig.Sampling.WHOLE_VOLUME, new int[] {24, 24, 16}, 0, 1, 1, 1, 1e-3, 0, 0, 0,
                new Augmentation(true, false, false, 20, 0.1, 0.15, 0), 1, 1, null, Segmenter.Options.DEFAULTS);
        SampleMaker maker = new SampleMaker(config);
        Random random = new Random(5);
        for (int draw = 0; draw < 5; draw++) {
            SampleMaker.Sample s = maker.sample(c, random);
            int agree = 0;
            for (int i = 0; i < s.labels().length; i++) {
                agree += Math.round(s.image()[i] / 10) == s.labels()[i] ? 1 : 0;
            }
            // linear interpolation blurs the image's edges by under a voxel; the labels' arg-max cuts them at the middle
            assertThat((double) agree / s.labels().length).as("draw " + draw).isGreaterThan(0.98);
        }
        // flips alone are exact
        SegmentationConfig flipsOnly = new SegmentationConfig(config.network(), config.sampling(), config.size(), 0, 1, 1,
                1, 1e-3, 0, 0, 0, new Augmentation(true, false, false, 0, 0, 0, 0), 1, 1, null, Segmenter.Options.DEFAULTS);
        SampleMaker.Sample s = new SampleMaker(flipsOnly).sample(c, new Random(1));
        for (int i = 0; i < s.labels().length; i++) {
            assertThat(s.image()[i]).isCloseTo(10f * s.labels()[i], within(0f));
        }
    }
}
