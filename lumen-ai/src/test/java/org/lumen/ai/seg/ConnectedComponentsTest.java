package org.lumen.ai.seg;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Largest-component filtering on a hand-drawn 8 x 3 x 1 map. */
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
}
