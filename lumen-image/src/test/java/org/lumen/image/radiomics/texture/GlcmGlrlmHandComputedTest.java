package org.lumen.image.radiomics.texture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lumen.image.radiomics.Dimensionality;
import org.lumen.image.radiomics.DiscretisedRoi;
import org.lumen.image.radiomics.FeatureTable;

/** GLCM and GLRLM on ROIs small enough to count by hand: distances, undefined features, empty matrices, bad input. */
class GlcmGlrlmHandComputedTest {
    private static final Set<Dimensionality> TWO_D = EnumSet.of(Dimensionality.TWO_D);

    @Test
    void theGlcmDistancePairsVoxelsThatFarApart() {
        // One row 1 2 1 2 1: only the x direction has pairs, the three other in-plane directions are empty and skipped.
        DiscretisedRoi row = roi(5, 1, 1, 2, 1, 2, 1, 2, 1);

        FeatureTable adjacent = new GlcmFamily().compute(row, TWO_D);
        // Pairs (1,2) x4 both ways: p12 = p21 = 1/2.
        assertThat(adjacent.get("cm_joint_max_2D_avg")).isEqualTo(0.5);
        assertThat(adjacent.get("cm_contrast_2D_avg")).isEqualTo(1.0);
        assertThat(adjacent.get("cm_corr_2D_avg")).isCloseTo(-1.0, within(1e-12));

        FeatureTable twoApart = new GlcmFamily(2).compute(row, TWO_D);
        // Pairs (1,1), (2,2), (1,1), both ways: p11 = 4/6, p22 = 2/6.
        assertThat(twoApart.get("cm_joint_max_2D_avg")).isCloseTo(4.0 / 6, within(1e-12));
        assertThat(twoApart.get("cm_contrast_2D_avg")).isEqualTo(0.0);
        assertThat(twoApart.get("cm_joint_avg_2D_avg")).isCloseTo(4.0 / 3, within(1e-12));
        assertThat(twoApart.get("cm_corr_2D_avg")).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void aSingleGreyLevelLeavesCorrelationUndefined() {
        DiscretisedRoi flat = roi(3, 3, 1, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2);

        FeatureTable glcm = new GlcmFamily().compute(flat, EnumSet.allOf(Dimensionality.class));
        assertThat(glcm.get("cm_joint_max_2D_avg")).isEqualTo(1.0);
        assertThat(glcm.get("cm_joint_avg_2D_comb")).isEqualTo(2.0);
        assertThat(glcm.get("cm_joint_entr_2_5D_avg")).isEqualTo(0.0);
        assertThat(glcm.get("cm_corr_2D_avg")).isNaN();
        assertThat(glcm.get("cm_info_corr1_3D_comb")).isNaN();
        assertThat(glcm.get("cm_info_corr2_3D_comb")).isEqualTo(0.0);
        // 3D directions leaving the single slice find no pairs; the in-plane ones do.
        assertThat(glcm.get("cm_energy_3D_avg")).isEqualTo(1.0);
        assertThat(glcm.size()).isEqualTo(6 * 25);
    }

    @Test
    void runLengthsOfAUniformSquare() {
        // 3 x 3 of one level. Rows and columns: 3 runs of 3 each. Each diagonal direction: runs 1, 2, 3, 2, 1.
        FeatureTable glrlm = new GlrlmFamily().compute(roi(3, 3, 1, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2),
                EnumSet.of(Dimensionality.TWO_D, Dimensionality.TWO_AND_HALF_D));
        double straightSre = 1.0 / 9;
        double diagonalSre = (1 + 1 + 0.25 + 0.25 + 1.0 / 9) / 5;
        assertThat(glrlm.get("rlm_sre_2D_avg")).isCloseTo((2 * straightSre + 2 * diagonalSre) / 4, within(1e-12));
        assertThat(glrlm.get("rlm_r_perc_2D_avg")).isCloseTo((3.0 / 9 + 3.0 / 9 + 5.0 / 9 + 5.0 / 9) / 4,
                within(1e-12));
        // Merged: 8 runs of 3, 4 of 2, 4 of 1 over 4 x 9 voxels.
        assertThat(glrlm.get("rlm_sre_2D_comb")).isCloseTo((8.0 / 9 + 4.0 / 4 + 4) / 16, within(1e-12));
        assertThat(glrlm.get("rlm_r_perc_2D_comb")).isCloseTo(16.0 / 36, within(1e-12));
        assertThat(glrlm.get("rlm_r_perc_2_5D_comb")).isCloseTo(16.0 / 36, within(1e-12));
        assertThat(glrlm.get("rlm_hgre_2D_comb")).isEqualTo(4.0);
        assertThat(glrlm.get("rlm_glnu_norm_2D_comb")).isEqualTo(1.0);
        assertThat(glrlm.get("rlm_gl_var_2D_comb")).isEqualTo(0.0);
    }

    @Test
    void runsStopAtVoxelsOutsideTheIntensityMask() {
        // 1 1 0 1 1 1 in x: runs of 2 and 3, not one of 5 (LRE 6.5); along y and the diagonals every voxel is a run
        // of 1 (LRE 1).
        FeatureTable glrlm = new GlrlmFamily().compute(roi(6, 1, 1, 1, 1, 1, 0, 1, 1, 1), TWO_D);
        assertThat(glrlm.get("rlm_lre_2D_avg")).isCloseTo(((4.0 + 9.0) / 2 + 3 * 1.0) / 4, within(1e-12));
    }

    @Test
    void anEmptyRoiGivesUndefinedFeatures() {
        FeatureTable glcm = new GlcmFamily().compute(roi(2, 2, 1, 4, 0, 0, 0, 0), EnumSet.allOf(Dimensionality.class));
        assertThat(glcm.size()).isEqualTo(6 * 25);
        assertThat(glcm.asMap().values()).allMatch(v -> v.isNaN());
    }

    @Test
    void badInputIsRefusedWithTheReason() {
        assertThatThrownBy(() -> new GlcmFamily(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("distance");
        assertThatThrownBy(() -> new GlrlmFamily().compute(roi(2, 1, 1, 2, 1, 3), TWO_D))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("grey level 3");
    }

    /** A ROI of the given levels (x fastest), level 0 outside the mask. */
    private static DiscretisedRoi roi(int nx, int ny, int nz, int levelCount, int... levels) {
        boolean[] mask = new boolean[levels.length];
        for (int i = 0; i < levels.length; i++) {
            mask[i] = levels[i] > 0;
        }
        return new DiscretisedRoi(nx, ny, nz, 1, 1, 1, levels, levelCount, mask);
    }
}
