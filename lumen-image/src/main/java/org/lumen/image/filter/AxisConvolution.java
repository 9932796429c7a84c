package org.lumen.image.filter;

import java.util.stream.IntStream;

/** Convolution of every line of a grid along one axis with a 1D kernel, the image extended by a boundary condition. */
final class AxisConvolution {
    private AxisConvolution() {
    }

    static Grid convolve(Grid grid, int axis, Kernel1D kernel, Boundary boundary) {
        int n = grid.size(axis);
        int stride = grid.stride(axis);
        int below = kernel.reachBelow();
        int above = kernel.reachAbove();
        int centre = kernel.centre();
        int length = kernel.length();
        double[] in = grid.v();
        double[] out = new double[in.length];
        int[] lineStarts = lineStarts(grid, axis);
        IntStream.range(0, lineStarts.length).parallel().forEach(line -> {
            int start = lineStarts[line];
            // The line with `below` voxels before and `above` after it, taken from the boundary condition.
            double[] padded = new double[n + below + above];
            for (int t = 0; t < padded.length; t++) {
                int source = boundary.resolve(t - below, n);
                padded[t] = source < 0 ? 0 : in[start + source * stride];
            }
            for (int i = 0; i < n; i++) {
                double sum = 0;
                int base = i + centre + below;
                for (int k = 0; k < length; k++) {
                    sum += kernel.tap(k) * padded[base - k];
                }
                out[start + i * stride] = sum;
            }
        });
        return grid.withValues(out);
    }

    /** Linear index of the first voxel of every line along {@code axis}. */
    static int[] lineStarts(Grid grid, int axis) {
        return lineStarts(grid.nx(), grid.ny(), grid.nz(), axis);
    }

    static int[] lineStarts(int nx, int ny, int nz, int axis) {
        int[] starts;
        int count = 0;
        switch (axis) {
            case 0 -> {
                starts = new int[ny * nz];
                for (int k = 0; k < nz; k++) {
                    for (int j = 0; j < ny; j++) {
                        starts[count++] = nx * (j + ny * k);
                    }
                }
            }
            case 1 -> {
                starts = new int[nx * nz];
                for (int k = 0; k < nz; k++) {
                    for (int i = 0; i < nx; i++) {
                        starts[count++] = i + nx * ny * k;
                    }
                }
            }
            case 2 -> {
                starts = new int[nx * ny];
                for (int j = 0; j < ny; j++) {
                    for (int i = 0; i < nx; i++) {
                        starts[count++] = i + nx * j;
                    }
                }
            }
            default -> throw new IllegalArgumentException("axis must be 0, 1 or 2, got " + axis);
        }
        return starts;
    }
}
