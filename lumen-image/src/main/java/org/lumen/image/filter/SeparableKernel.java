package org.lumen.image.filter;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A kernel that is a product of 1D kernels along x, y and z ({@code z} is null for a 2D, slice-by-slice kernel), applied
 * as one 1D convolution per axis.
 */
public record SeparableKernel(Kernel1D x, Kernel1D y, Kernel1D z) {
    public SeparableKernel {
        if (x == null || y == null) {
            throw new IllegalArgumentException("a separable kernel needs x and y components");
        }
    }

    public FilterMode mode() {
        return z == null ? FilterMode.SLICE_2D : FilterMode.VOLUME_3D;
    }

    Kernel1D along(int axis) {
        return axis == 0 ? x : axis == 1 ? y : z;
    }

    Grid apply(Grid grid, Boundary boundary) {
        Grid out = grid;
        for (int axis = 2; axis >= 0; axis--) {
            Kernel1D kernel = along(axis);
            if (kernel != null) {
                out = AxisConvolution.convolve(out, axis, kernel, boundary);
            }
        }
        return out;
    }

    /**
     * The kernel turned by a right-angle rotation: {@code rotation[a]} is the image axis that kernel axis {@code a} lands
     * on, plus one, negative when it lands reversed.
     */
    SeparableKernel rotated(int[] rotation) {
        Kernel1D[] out = new Kernel1D[3];
        for (int a = 0; a < rotation.length; a++) {
            int target = Math.abs(rotation[a]) - 1;
            out[target] = rotation[a] < 0 ? along(a).reversed() : along(a);
        }
        return new SeparableKernel(out[0], out[1], out[2]);
    }

    /**
     * The distinct copies of this kernel under the right-angle rotations of its space: the 4 in-plane rotations of a 2D
     * kernel, the 24 rotations of the cube for a 3D one (IBSI 2 rotation invariance of separable filters).
     */
    List<SeparableKernel> rotations() {
        Set<SeparableKernel> distinct = new LinkedHashSet<>();
        for (int[] rotation : rightAngleRotations(mode().dimensions())) {
            distinct.add(rotated(rotation));
        }
        return new ArrayList<>(distinct);
    }

    /** Signed axis permutations with determinant +1: 4 in 2D, 24 in 3D; the identity first. */
    static List<int[]> rightAngleRotations(int dimensions) {
        List<int[]> rotations = new ArrayList<>();
        int[][] permutations = dimensions == 2 ? new int[][] {{0, 1}, {1, 0}}
                : new int[][] {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
        for (int[] permutation : permutations) {
            int parity = permutationSign(permutation);
            for (int signs = 0; signs < (1 << dimensions); signs++) {
                int product = 1;
                int[] rotation = new int[dimensions];
                for (int a = 0; a < dimensions; a++) {
                    int sign = ((signs >> a) & 1) == 1 ? -1 : 1;
                    product *= sign;
                    rotation[a] = sign * (permutation[a] + 1);
                }
                if (product * parity == 1) {
                    rotations.add(rotation);
                }
            }
        }
        return rotations;
    }

    private static int permutationSign(int[] permutation) {
        int sign = 1;
        for (int a = 0; a < permutation.length; a++) {
            for (int b = a + 1; b < permutation.length; b++) {
                if (permutation[a] > permutation[b]) {
                    sign = -sign;
                }
            }
        }
        return sign;
    }
}
