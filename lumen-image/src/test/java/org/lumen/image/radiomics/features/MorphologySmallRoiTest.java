package org.lumen.image.radiomics.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.lumen.image.Geometry;
import org.lumen.image.Matrix3;
import org.lumen.image.Vec3;
import org.lumen.image.Volume;
import org.lumen.image.VoxelType;
import org.lumen.image.radiomics.FeatureTable;
import org.lumen.image.radiomics.RoiImage;

class MorphologySmallRoiTest {
    private static final Geometry GRID = new Geometry(Vec3.ZERO, Matrix3.identity(), new Vec3(2, 2, 3));

    @Test
    void aSingleVoxelIsItsOctahedronAndLeavesShapeRatiosUndefined() {
        Volume image = new Volume(3, 3, 3, new float[27], VoxelType.FLOAT32, GRID);
        boolean[] mask = new boolean[27];
        mask[13] = true;
        FeatureTable features = Morphology.compute(new RoiImage(image, mask, mask));
        assertThat(features.get("morph_volume")).isCloseTo(4.0 / 3 * 1 * 1 * 1.5, within(1e-12));
        assertThat(features.get("morph_vol_approx")).isEqualTo(12.0);
        assertThat(features.get("morph_diam")).isCloseTo(3.0, within(1e-12));
        assertThat(features.get("morph_vol_dens_conv_hull")).isCloseTo(1.0, within(1e-12));
        assertThat(features.get("morph_pca_elongation")).isNaN();
        assertThat(features.get("morph_moran_i")).isNaN();
        assertThat(features.size()).isEqualTo(29);
    }

    @Test
    void anEmptyMaskIsRefusedWithAMessage() {
        Volume image = new Volume(2, 2, 2, new float[8], VoxelType.FLOAT32, GRID);
        boolean[] none = new boolean[8];
        assertThatThrownBy(() -> Morphology.compute(new RoiImage(image, none, none)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("morphological mask is empty");
    }
}
