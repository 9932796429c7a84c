package org.lumen.ai.seg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lumen.image.Geometry;
import org.lumen.image.Matrix3;
import org.lumen.image.Vec3;
import org.lumen.image.Volume;
import org.lumen.image.VoxelType;
import org.lumen.image.volumetry.LabelVolumes;

/** Largest-component filtering and label volumes on a hand-drawn 8 x 3 x 1 map. */
class ConnectedComponentsTest {
    private static final int[] DIMS = {8, 3, 1};

    // label 1: a 2x2 block (x 0-1, y 0-1) and a single voxel at x 7, y 0, touching nothing.
    // label 2: a 3-voxel line (x 2-4, y 0) touching the block, and a 4-voxel line (x 3-6, y 2) on its own;
    // (x 5, y 1) is label 1 diagonal to the line's (x 4, y 0) and (x 6, y 2): six-connectivity keeps it apart.
    private static final int[] MAP = {
        1, 1, 2, 2, 2, 0, 0, 1,
        1, 1, 0, 0, 0, 1, 0, 0,
        0, 0, 0, 2, 2, 2, 2, 0};

    @Test
    void perLabelKeepsEachLabelsLargestPiece() {
        assertThat(ConnectedComponents.apply(MAP, DIMS, PostProcessing.LARGEST_COMPONENT_PER_LABEL)).containsExactly(
                1, 1, 0, 0, 0, 0, 0, 0,
                1, 1, 0, 0, 0, 0, 0, 0,
                0, 0, 0, 2, 2, 2, 2, 0);
    }

    @Test
    void unionKeepsTheLargestForegroundPieceWithItsLabels() {
        // block + the touching line = 7 voxels beat the 4-voxel line
        assertThat(ConnectedComponents.apply(MAP, DIMS, PostProcessing.LARGEST_COMPONENT_OF_UNION)).containsExactly(
                1, 1, 2, 2, 2, 0, 0, 0,
                1, 1, 0, 0, 0, 0, 0, 0,
                0, 0, 0, 0, 0, 0, 0, 0);
        assertThat(ConnectedComponents.apply(MAP, DIMS, PostProcessing.NONE)).containsExactly(MAP);
        assertThat(ConnectedComponents.apply(new int[24], DIMS, PostProcessing.LARGEST_COMPONENT_OF_UNION))
                .containsOnly(0);
    }

    @Test
    void labelVolumesAreCountsTimesTheVoxelVolume() {
        float[] data = new float[MAP.length];
        for (int i = 0; i < data.length; i++) {
            data[i] = MAP[i];
        }
        // label 1: 6 voxels, label 2: 7 voxels; voxels of 0.5 x 2 x 3 = 3 mm^3
        Volume v = new Volume(8, 3, 1, data, VoxelType.UINT8, new Geometry(new Vec3(0, 0, 0), Matrix3.identity(),
                new Vec3(0.5, 2, 3)));
        assertThat(LabelVolumes.mm3(v)).isEqualTo(Map.of(1, 18.0, 2, 21.0));
    }
}
