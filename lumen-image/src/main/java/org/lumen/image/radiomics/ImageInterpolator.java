package org.lumen.image.radiomics;

/**
 * Interpolates a voxel array onto an {@link InterpolationGrid}, one axis at a time: the grid keeps the original axes, so
 * nearest, linear and cubic B-spline interpolation are all separable and each pass is a 1D resampling of every line.
 * Points beyond the outer voxel centres take the value the image would have if padded with its boundary intensities, as
 * the IBSI recommends for the grid's overhang.
 */
public final class ImageInterpolator {
    /** Edge padding of each line before the spline prefilter, so the spline's taps beyond the ends see boundary values. */
    private static final int SPLINE_PADDING = 4;
    private static final double SPLINE_POLE = Math.sqrt(3) - 2;

    private ImageInterpolator() {
    }

    /**
     * Values on the new grid (x fastest) from values on the original {@code nx x ny x nz} grid.
     *
     * @param values original values, x fastest; not changed
     */
    public static double[] interpolate(double[] values, int nx, int ny, int nz, InterpolationGrid grid,
                                       GridInterpolation method) {
        int[] size = {nx, ny, nz};
        double[] current = values;
        for (int axis = 0; axis < 3; axis++) {
            if (grid.keepsAxis(axis, size[axis])) {
                continue;
            }
            current = resampleAxis(current, size, axis, grid.size()[axis], grid.start()[axis], grid.step()[axis], method);
            size[axis] = grid.size()[axis];
        }
        return current == values ? values.clone() : current;
    }

    /** Resamples every line along {@code axis} to {@code newLength} points start, start + step, ... */
    private static double[] resampleAxis(double[] in, int[] size, int axis, int newLength, double start, double step,
                                         GridInterpolation method) {
        int nx = size[0];
        int ny = size[1];
        int nz = size[2];
        int length = size[axis];
        int[] outSize = size.clone();
        outSize[axis] = newLength;
        double[] out = new double[outSize[0] * outSize[1] * outSize[2]];
        LineKernel kernel = LineKernel.of(method, length, newLength, start, step);
        double[] line = new double[length];
        double[] resampled = new double[newLength];
        // A line along x starts at (0, y, z), along y at (x, 0, z), along z at (x, y, 0); u and v run over the other axes.
        int uCount = axis == 2 ? ny : nz;
        int vCount = axis == 0 ? ny : nx;
        int inStride = axis == 0 ? 1 : axis == 1 ? nx : nx * ny;
        int outStride = axis == 0 ? 1 : axis == 1 ? outSize[0] : outSize[0] * outSize[1];
        for (int u = 0; u < uCount; u++) {
            for (int v = 0; v < vCount; v++) {
                int inBase;
                int outBase;
                if (axis == 0) {
                    inBase = nx * (v + ny * u);
                    outBase = newLength * (v + ny * u);
                } else if (axis == 1) {
                    inBase = v + nx * ny * u;
                    outBase = v + nx * newLength * u;
                } else {
                    inBase = v + nx * u;
                    outBase = inBase;
                }
                for (int n = 0; n < length; n++) {
                    line[n] = in[inBase + n * inStride];
                }
                kernel.apply(line, resampled);
                for (int n = 0; n < newLength; n++) {
                    out[outBase + n * outStride] = resampled[n];
                }
            }
        }
        return out;
    }

    /** 1D resampling of one line; the positions and weights are the same for every line of a pass, so computed once. */
    private abstract static class LineKernel {
        static LineKernel of(GridInterpolation method, int length, int newLength, double start, double step) {
            return switch (method) {
                case NEAREST -> new Nearest(length, newLength, start, step);
                case LINEAR -> new Linear(length, newLength, start, step);
                case CUBIC_SPLINE -> new CubicSpline(length, newLength, start, step);
            };
        }

        abstract void apply(double[] line, double[] out);

        static double clamp(double position, int length) {
            return Math.max(0, Math.min(length - 1, position));
        }
    }

    private static final class Nearest extends LineKernel {
        private final int[] source;

        Nearest(int length, int newLength, double start, double step) {
            source = new int[newLength];
            for (int n = 0; n < newLength; n++) {
                source[n] = (int) Math.rint(clamp(start + n * step, length));
            }
        }

        @Override
        void apply(double[] line, double[] out) {
            for (int n = 0; n < out.length; n++) {
                out[n] = line[source[n]];
            }
        }
    }

    private static final class Linear extends LineKernel {
        private final int[] below;
        private final double[] fraction;

        Linear(int length, int newLength, double start, double step) {
            below = new int[newLength];
            fraction = new double[newLength];
            for (int n = 0; n < newLength; n++) {
                double p = clamp(start + n * step, length);
                int i = Math.min((int) Math.floor(p), Math.max(length - 2, 0));
                below[n] = i;
                fraction[n] = length == 1 ? 0 : p - i;
            }
        }

        @Override
        void apply(double[] line, double[] out) {
            int last = line.length - 1;
            for (int n = 0; n < out.length; n++) {
                int i = below[n];
                double f = fraction[n];
                out[n] = f == 0 ? line[i] : line[i] * (1 - f) + line[Math.min(i + 1, last)] * f;
            }
        }
    }

    /**
     * Cubic B-spline interpolation (Unser's recursive prefilter, then the cubic B-spline basis at each point). The line
     * is first padded with its end values, which is the IBSI's boundary padding and keeps all four taps inside.
     */
    private static final class CubicSpline extends LineKernel {
        private final int[] first;
        private final double[][] weights;
        private final double[] padded;

        CubicSpline(int length, int newLength, double start, double step) {
            padded = new double[length + 2 * SPLINE_PADDING];
            first = new int[newLength];
            weights = new double[newLength][4];
            for (int n = 0; n < newLength; n++) {
                double p = Math.max(-2, Math.min(length + 1, start + n * step)) + SPLINE_PADDING;
                int i = (int) Math.floor(p);
                double t = p - i;
                first[n] = i - 1;
                double s = 1 - t;
                weights[n][0] = s * s * s / 6;
                weights[n][1] = (4 - 6 * t * t + 3 * t * t * t) / 6;
                weights[n][2] = (1 + 3 * t + 3 * t * t - 3 * t * t * t) / 6;
                weights[n][3] = t * t * t / 6;
            }
        }

        @Override
        void apply(double[] line, double[] out) {
            int length = line.length;
            for (int k = 0; k < SPLINE_PADDING; k++) {
                padded[k] = line[0];
                padded[SPLINE_PADDING + length + k] = line[length - 1];
            }
            System.arraycopy(line, 0, padded, SPLINE_PADDING, length);
            toSplineCoefficients(padded);
            for (int n = 0; n < out.length; n++) {
                int i = first[n];
                double[] w = weights[n];
                out[n] = w[0] * padded[i] + w[1] * padded[i + 1] + w[2] * padded[i + 2] + w[3] * padded[i + 3];
            }
        }

        /** In place: samples to cubic B-spline coefficients, mirror-symmetric boundaries (Unser 1993). */
        private static void toSplineCoefficients(double[] c) {
            int n = c.length;
            double z = SPLINE_POLE;
            for (int k = 0; k < n; k++) {
                c[k] *= 6; // the gain (1 - z)(1 - 1/z)
            }
            c[0] = causalStart(c, z);
            for (int k = 1; k < n; k++) {
                c[k] += z * c[k - 1];
            }
            c[n - 1] = (z / (z * z - 1)) * (c[n - 1] + z * c[n - 2]);
            for (int k = n - 2; k >= 0; k--) {
                c[k] = z * (c[k + 1] - c[k]);
            }
        }

        private static double causalStart(double[] c, double z) {
            int horizon = Math.min(c.length, 30); // |z|^30 < 1e-17
            double sum = c[0];
            double power = z;
            for (int k = 1; k < horizon; k++) {
                sum += power * c[k];
                power *= z;
            }
            return sum;
        }
    }
}
