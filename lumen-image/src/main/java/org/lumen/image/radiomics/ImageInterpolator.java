package org.lumen.image.radiomics;

/**
 * Interpolates a voxel array onto an {@link InterpolationGrid}, one axis at a time: the grid keeps the original axes, so
 * nearest, linear and cubic B-spline interpolation are all separable and each pass is a 1D resampling along one axis.
 * Points beyond the outer voxel centres take the value the image would have if padded with its boundary intensities, as
 * the IBSI recommends for the grid's overhang.
 *
 * <p>A pass sees the array as {@code outer x length x inner} (inner: the axes below the one resampled, which are
 * contiguous), so each output plane or row is a weighted sum of whole input planes or rows: sequential memory access
 * whichever axis is resampled.
 */
public final class ImageInterpolator {
    /** Edge padding before the spline prefilter, so the spline's taps beyond the ends see boundary values. */
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
        return interpolateRegion(values, new int[3], new int[] {nx, ny, nz}, new int[] {nx, ny, nz}, grid, new int[3],
                grid.size(), method);
    }

    /**
     * Points {@code first .. first + count - 1} (per axis) of the new grid, from the part of the original grid that
     * starts at voxel {@code offset} and has {@code size} voxels (of {@code fullSize}). Positions and weights are computed
     * exactly as for the whole grid, so a region gives bit for bit the values the whole grid has there (a mask value of
     * exactly 0.5 stays 0.5). The region must hold every tap, or reach the original grid's edge where it does not.
     */
    private static double[] interpolateRegion(double[] values, int[] offset, int[] size, int[] fullSize,
                                              InterpolationGrid grid, int[] first, int[] count, GridInterpolation method) {
        int[] current = size.clone();
        double[] result = values;
        for (int axis = 0; axis < 3; axis++) {
            if (grid.keepsAxis(axis, fullSize[axis])) {
                continue;
            }
            AxisMap map = new AxisMap(grid.start()[axis], grid.step()[axis], first[axis], offset[axis], fullSize[axis]);
            result = resampleAxis(result, current, axis, count[axis], map, method);
            current[axis] = count[axis];
        }
        return result == values ? values.clone() : result;
    }

    /**
     * Where the k-th computed point of one axis lies: at original index {@code start + (first + k) step}, clamped to
     * the original grid, read from a region that begins at original index {@code offset}.
     */
    private record AxisMap(double start, double step, int first, int offset, int fullLength) {
        /** The clamped position, in original index units. */
        double position(int k) {
            return Math.max(0, Math.min(fullLength - 1, start + (first + k) * step));
        }
    }

    /**
     * A mask on the new grid: interpolated as 0/1 values and inside where at least {@code threshold}. Only the part of
     * the new grid near {@code extent} (the mask's bounding box) is computed; everywhere else every tap reads 0.
     *
     * @param mask the mask on the original {@code nx x ny x nz} grid, x fastest
     * @return the mask on the new grid, x fastest
     */
    public static boolean[] interpolateMask(boolean[] mask, int nx, int ny, int nz, BoundingBox extent,
                                            InterpolationGrid grid, GridInterpolation method, double threshold) {
        int[] size = {nx, ny, nz};
        // Two voxels of zeros around the ROI cover every tap of nearest and linear interpolation.
        BoundingBox source = extent.grow(2, 2, 2, nx, ny, nz);
        int[] lo = {source.x0(), source.y0(), source.z0()};
        int[] hi = {source.x1(), source.y1(), source.z1()};
        int[] first = new int[3];
        int[] subSize = new int[3];
        for (int axis = 0; axis < 3; axis++) {
            double start = grid.start()[axis];
            double step = grid.step()[axis];
            // Where the box reaches the image edge, the grid's overhang beyond it copies the edge: keep that part too.
            int from = lo[axis] == 0 ? 0 : (int) Math.ceil((lo[axis] - start) / step);
            int to = hi[axis] == size[axis] - 1 ? grid.size()[axis] - 1 : (int) Math.floor((hi[axis] - start) / step);
            first[axis] = Math.max(0, from);
            subSize[axis] = Math.min(grid.size()[axis] - 1, to) - first[axis] + 1;
        }
        boolean[] inside = new boolean[grid.nx() * grid.ny() * grid.nz()];
        if (subSize[0] <= 0 || subSize[1] <= 0 || subSize[2] <= 0) {
            return inside;
        }
        boolean[] cropped = source.crop(mask, nx, ny);
        double[] values = new double[cropped.length];
        for (int n = 0; n < values.length; n++) {
            values[n] = cropped[n] ? 1 : 0;
        }
        double[] result = interpolateRegion(values, lo, new int[] {source.nx(), source.ny(), source.nz()}, size, grid,
                first, subSize, method);
        int n = 0;
        for (int z = 0; z < subSize[2]; z++) {
            for (int y = 0; y < subSize[1]; y++) {
                int row = first[0] + grid.nx() * (first[1] + y + grid.ny() * (first[2] + z));
                for (int x = 0; x < subSize[0]; x++, n++) {
                    inside[row + x] = result[n] >= threshold;
                }
            }
        }
        return inside;
    }

    /** Resamples along {@code axis} (of {@code size[axis]} samples) to the {@code newLength} points {@code map} places. */
    private static double[] resampleAxis(double[] in, int[] size, int axis, int newLength, AxisMap map,
                                         GridInterpolation method) {
        int inner = axis == 0 ? 1 : axis == 1 ? size[0] : size[0] * size[1];
        int outer = axis == 0 ? size[1] * size[2] : axis == 1 ? size[2] : 1;
        int length = size[axis];
        Taps taps = switch (method) {
            case NEAREST -> Taps.nearest(length, newLength, map);
            case LINEAR -> Taps.linear(length, newLength, map);
            case CUBIC_SPLINE -> Taps.cubicSpline(length, newLength, map);
        };
        double[] source = method == GridInterpolation.CUBIC_SPLINE
                ? splineCoefficients(in, outer, length, inner) : in;
        int sourceLength = method == GridInterpolation.CUBIC_SPLINE ? length + 2 * SPLINE_PADDING : length;
        double[] out = new double[outer * newLength * inner];
        if (inner == 1) {
            resampleLines(source, sourceLength, out, newLength, outer, taps);
            return out;
        }
        for (int o = 0; o < outer; o++) {
            int inBase = o * sourceLength * inner;
            int outBase = o * newLength * inner;
            for (int k = 0; k < newLength; k++) {
                int to = outBase + k * inner;
                for (int t = 0; t < taps.count; t++) {
                    double w = taps.weight[k * taps.count + t];
                    if (w == 0) {
                        continue;
                    }
                    int from = inBase + taps.index[k * taps.count + t] * inner;
                    for (int i = 0; i < inner; i++) {
                        out[to + i] += w * source[from + i];
                    }
                }
            }
        }
        return out;
    }

    /** The pass along x, where each line is contiguous. */
    private static void resampleLines(double[] source, int sourceLength, double[] out, int newLength, int lines, Taps taps) {
        int count = taps.count;
        int[] index = taps.index;
        double[] weight = taps.weight;
        for (int line = 0; line < lines; line++) {
            int inBase = line * sourceLength;
            int outBase = line * newLength;
            for (int k = 0; k < newLength; k++) {
                double sum = 0;
                int tap = k * count;
                for (int t = 0; t < count; t++) {
                    sum += weight[tap + t] * source[inBase + index[tap + t]];
                }
                out[outBase + k] = sum;
            }
        }
    }

    /** For each output point, {@code count} source indices along the axis and their weights. */
    private static final class Taps {
        final int count;
        final int[] index;
        final double[] weight;

        private Taps(int count, int points) {
            this.count = count;
            index = new int[count * points];
            weight = new double[count * points];
        }

        static Taps nearest(int length, int points, AxisMap map) {
            Taps taps = new Taps(1, points);
            for (int k = 0; k < points; k++) {
                taps.index[k] = (int) Math.rint(map.position(k)) - map.offset();
                taps.weight[k] = 1;
            }
            return taps;
        }

        static Taps linear(int length, int points, AxisMap map) {
            Taps taps = new Taps(2, points);
            for (int k = 0; k < points; k++) {
                double p = map.position(k);
                int below = Math.min((int) Math.floor(p), Math.max(map.fullLength() - 2, 0));
                double f = map.fullLength() == 1 ? 0 : p - below;
                taps.index[2 * k] = below - map.offset();
                taps.weight[2 * k] = 1 - f;
                taps.index[2 * k + 1] = Math.min(below + 1, map.fullLength() - 1) - map.offset();
                taps.weight[2 * k + 1] = f;
            }
            return taps;
        }

        /** Cubic B-spline weights on the padded coefficient line (index 0 is SPLINE_PADDING samples before the first). */
        static Taps cubicSpline(int length, int points, AxisMap map) {
            Taps taps = new Taps(4, points);
            for (int k = 0; k < points; k++) {
                double unclamped = map.start() + (map.first() + k) * map.step();
                double p = Math.max(-2, Math.min(map.fullLength() + 1, unclamped)) - map.offset() + SPLINE_PADDING;
                int i = (int) Math.floor(p);
                double t = p - i;
                double s = 1 - t;
                double[] w = {s * s * s / 6, (4 - 6 * t * t + 3 * t * t * t) / 6, (1 + 3 * t + 3 * t * t - 3 * t * t * t) / 6,
                    t * t * t / 6};
                for (int j = 0; j < 4; j++) {
                    taps.index[4 * k + j] = i - 1 + j;
                    taps.weight[4 * k + j] = w[j];
                }
            }
            return taps;
        }
    }

    /**
     * Cubic B-spline coefficients along the middle axis of an {@code outer x length x inner} array, after padding that
     * axis with {@link #SPLINE_PADDING} copies of its end values on each side (Unser's recursive filter, mirror-symmetric
     * ends, run on whole inner rows at once).
     */
    private static double[] splineCoefficients(double[] in, int outer, int length, int inner) {
        int padded = length + 2 * SPLINE_PADDING;
        double[] c = new double[outer * padded * inner];
        for (int o = 0; o < outer; o++) {
            int inBase = o * length * inner;
            int base = o * padded * inner;
            System.arraycopy(in, inBase, c, base + SPLINE_PADDING * inner, length * inner);
            for (int k = 0; k < SPLINE_PADDING; k++) {
                System.arraycopy(in, inBase, c, base + k * inner, inner);
                System.arraycopy(in, inBase + (length - 1) * inner, c, base + (padded - 1 - k) * inner, inner);
            }
            if (inner == 1) {
                prefilterLine(c, base, padded);
            } else {
                prefilter(c, base, padded, inner);
            }
        }
        return c;
    }

    /** {@link #prefilter} for one contiguous line c[base .. base + n - 1]. */
    private static void prefilterLine(double[] c, int base, int n) {
        double z = SPLINE_POLE;
        int end = base + n;
        for (int i = base; i < end; i++) {
            c[i] *= 6;
        }
        int horizon = Math.min(n, 30);
        double first = 0;
        double power = 1;
        for (int k = 0; k < horizon; k++) {
            first += power * c[base + k];
            power *= z;
        }
        c[base] = first;
        for (int i = base + 1; i < end; i++) {
            c[i] += z * c[i - 1];
        }
        c[end - 1] = z / (z * z - 1) * (c[end - 1] + z * c[end - 2]);
        for (int i = end - 2; i >= base; i--) {
            c[i] = z * (c[i + 1] - c[i]);
        }
    }

    /** In place on rows base + k * inner (k = 0..n-1), each of {@code inner} values. */
    private static void prefilter(double[] c, int base, int n, int inner) {
        double z = SPLINE_POLE;
        int end = base + n * inner;
        for (int i = base; i < end; i++) {
            c[i] *= 6; // the filter's gain (1 - z)(1 - 1/z)
        }
        int horizon = Math.min(n, 30); // |z|^30 < 1e-17: the mirror-symmetric start, truncated
        double[] first = new double[inner];
        double power = 1;
        for (int k = 0; k < horizon; k++) {
            int row = base + k * inner;
            for (int i = 0; i < inner; i++) {
                first[i] += power * c[row + i];
            }
            power *= z;
        }
        System.arraycopy(first, 0, c, base, inner);
        for (int k = 1; k < n; k++) {
            int row = base + k * inner;
            int previous = row - inner;
            for (int i = 0; i < inner; i++) {
                c[row + i] += z * c[previous + i];
            }
        }
        int last = base + (n - 1) * inner;
        double factor = z / (z * z - 1);
        for (int i = 0; i < inner; i++) {
            c[last + i] = factor * (c[last + i] + z * c[last - inner + i]);
        }
        for (int k = n - 2; k >= 0; k--) {
            int row = base + k * inner;
            int next = row + inner;
            for (int i = 0; i < inner; i++) {
                c[row + i] = z * (c[next + i] - c[row + i]);
            }
        }
    }
}
