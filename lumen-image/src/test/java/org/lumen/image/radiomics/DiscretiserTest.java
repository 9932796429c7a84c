package org.lumen.image.radiomics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** IBSI discretisation on hand-computed cases. */
class DiscretiserTest {
    private static final float[] VALUES = {-500, -476, -475, -1, 0, 399, 400, 77};
    private static final boolean[] ALL = {true, true, true, true, true, true, true, true};

    @Test
    void fixedBinSizeCountsBinsFromTheLowerBound() {
        Discretiser.Levels levels = Discretiser.discretise(VALUES, ALL, Discretisation.binSize(25), -500);
        // floor((x + 500) / 25) + 1
        assertThat(levels.levels()).containsExactly(1, 1, 2, 20, 21, 36, 37, 24);
        assertThat(levels.levelCount()).isEqualTo(37);
    }

    @Test
    void fixedBinNumberSpansTheRoiAndPutsTheMaximumInTheLastBin() {
        boolean[] mask = ALL.clone();
        mask[7] = false; // outside the mask: level 0, and not part of the range
        Discretiser.Levels levels = Discretiser.discretise(VALUES, mask, Discretisation.binNumber(9), Double.NaN);
        // floor(9 (x + 500) / 900) + 1, and 9 for the maximum 400
        assertThat(levels.levels()).containsExactly(1, 1, 1, 5, 6, 9, 9, 0);
        assertThat(levels.levelCount()).isEqualTo(9);
    }

    @Test
    void withoutDiscretisationWholeIntensitiesFromOneAreTheLevels() {
        Discretiser.Levels levels = Discretiser.discretise(new float[] {1, 6, 3, 4}, new boolean[] {true, true, true, true},
                Discretisation.NONE, Double.NaN);
        assertThat(levels.levels()).containsExactly(1, 6, 3, 4);
        assertThat(levels.levelCount()).isEqualTo(6);
        assertThatThrownBy(() -> Discretiser.discretise(new float[] {1.5f}, new boolean[] {true}, Discretisation.NONE, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("use FBN or FBS");
    }

    @Test
    void fixedBinSizeRefusesAnIntensityBelowTheLowerBound() {
        assertThatThrownBy(() -> Discretiser.discretise(VALUES, ALL, Discretisation.binSize(25), -400))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("re-segment");
    }

    @Test
    void settingsTextParses() {
        assertThat(Discretisation.parse("FBN 32")).isEqualTo(Discretisation.binNumber(32));
        assertThat(Discretisation.parse("fbs 2.5")).isEqualTo(Discretisation.binSize(2.5));
        assertThat(Discretisation.parse("none")).isEqualTo(Discretisation.NONE);
        assertThatThrownBy(() -> Discretisation.parse("FBN 0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Discretisation.parse("bins 8")).hasMessageContaining("none, FBN <bins>, FBS <width>");
    }
}
