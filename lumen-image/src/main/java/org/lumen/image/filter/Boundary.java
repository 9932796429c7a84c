package org.lumen.image.filter;

/**
 * How a filter sees the image beyond its edges: the four IBSI 2 boundary conditions. With {@code n} voxels along an axis
 * and an index {@code i} outside {@code 0..n-1}:
 */
public enum Boundary {
    /** Zero padding: the image is 0 outside (IBSI "constant"). */
    ZERO,
    /** The value of the nearest edge voxel is repeated (IBSI "nearest"). */
    NEAREST,
    /** The image repeats with period n (IBSI "periodic", "wrap"). */
    PERIODIC,
    /** The image is reflected about its edge, the edge voxel included: d c b a | a b c d | d c b a (IBSI "mirror"). */
    MIRROR;

    /** The voxel index that stands for index {@code i} on an axis of {@code n} voxels, or -1 for a zero outside. */
    public int resolve(int i, int n) {
        if (i >= 0 && i < n) {
            return i;
        }
        return switch (this) {
            case ZERO -> -1;
            case NEAREST -> i < 0 ? 0 : n - 1;
            case PERIODIC -> Math.floorMod(i, n);
            case MIRROR -> {
                int m = Math.floorMod(i, 2 * n);
                yield m < n ? m : 2 * n - 1 - m;
            }
        };
    }
}
