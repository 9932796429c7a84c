package org.lumen.image.series;

import java.util.Arrays;

/** Voxel assertions for whole volumes: AssertJ's containsExactly computes a quadratic diff that never ends on millions of voxels. */
final class VoxelAssertions {
    private VoxelAssertions() {
    }

    /** Voxel-for-voxel equality, naming the first voxel that differs. */
    static void assertSameVoxels(float[] actual, float[] expected) {
        int mismatch = Arrays.mismatch(actual, expected);
        if (mismatch >= 0) {
            throw new AssertionError(mismatch < Math.min(actual.length, expected.length)
                    ? "voxel " + mismatch + " differs: " + actual[mismatch] + " vs " + expected[mismatch]
                    : "voxel counts differ: " + actual.length + " vs " + expected.length);
        }
    }
}
