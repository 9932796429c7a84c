package org.lumen.image.radiomics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** IBSI re-segmentation on a hand-computed case. */
class ResegmenterTest {
    // Twelve ROI voxels: ten of 0, one of 100 (an outlier: mean 8.25, sd about 27.7, so 3 sd reaches 91.4) and one of
    // -1; the last voxel lies outside the ROI.
    private static final float[] IMAGE = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 100, -1, 5};
    private static final boolean[] ROI = {true, true, true, true, true, true, true, true, true, true, true, true, false};

    @Test
    void rangeKeepsTheClosedInterval() {
        boolean[] mask = Resegmenter.intensityMask(IMAGE, ROI, Optional.of(new RadiomicsConfig.IntensityRange(0, 100)),
                OptionalDouble.empty());
        assertThat(mask).containsExactly(true, true, true, true, true, true, true, true, true, true, true, false, false);
    }

    @Test
    void outliersBeyondThreeStandardDeviationsGo() {
        boolean[] mask = Resegmenter.intensityMask(IMAGE, ROI, Optional.empty(), OptionalDouble.of(3));
        assertThat(mask).containsExactly(true, true, true, true, true, true, true, true, true, true, false, true, false);
    }

    @Test
    void rangeAndOutliersTogetherKeepTheIntersection() {
        boolean[] mask = Resegmenter.intensityMask(IMAGE, ROI,
                Optional.of(new RadiomicsConfig.IntensityRange(0, Double.POSITIVE_INFINITY)), OptionalDouble.of(3));
        assertThat(mask).containsExactly(true, true, true, true, true, true, true, true, true, true, false, false, false);
    }
}
