package org.lumen.ai.eval;

/**
 * Exact Euclidean distance transform on a grid with anisotropic spacing (Felzenszwalb and Huttenlocher, "Distance
 * Transforms of Sampled Functions", 2012): one pass of the lower envelope of parabolas per axis, so the cost is linear in
 * the number of voxels whatever the shapes.
 */
final class DistanceTransform {
    private DistanceTransform() {
    }

    /**
     * The squared distance in mm from every voxel to the nearest {@code feature} voxel (infinite when there is none).
     *
     * @param dims    {nx, ny, nz}, x fastest
     * @param spacing the voxel size in mm along x, y, z
     */
    static double[] squaredMm(boolean[] feature, int[] dims, double[] spacing) {
        double[] d = new double[feature.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = feature[i] ? 0 : Double.POSITIVE_INFINITY;
        }
        int[] strides = {1, dims[0], dims[0] * dims[1]};
        for (int axis = 0; axis < 3; axis++) {
            pass(d, dims, strides, axis, spacing[axis]);
        }
        return d;
    }

    private static void pass(double[] d, int[] dims, int[] strides, int axis, double spacing) {
        int n = dims[axis];
        int stride = strides[axis];
        int lines = d.length / n;
        double[] f = new double[n];
        double[] out = new double[n];
        int[] v = new int[n];
        double[] z = new double[n + 1];
        int a1 = axis == 0 ? 1 : 0;
        int a2 = axis == 2 ? 1 : 2;
        for (int line = 0; line < lines; line++) {
            int u = line % dims[a1];
            int w = line / dims[a1];
            int start = u * strides[a1] + w * strides[a2];
            for (int i = 0; i < n; i++) {
                f[i] = d[start + i * stride];
            }
            envelope(f, out, v, z, spacing * spacing);
            for (int i = 0; i < n; i++) {
                d[start + i * stride] = out[i];
            }
        }
    }

    /** out[q] = min over p of s2 (q - p)^2 + f[p]. */
    private static void envelope(double[] f, double[] out, int[] v, double[] z, double s2) {
        int n = f.length;
        int k = -1;
        for (int q = 0; q < n; q++) {
            if (f[q] == Double.POSITIVE_INFINITY) {
                continue;
            }
            double s = 0;
            while (k >= 0) {
                // where the parabola from q overtakes the one from v[k]
                s = ((f[q] + s2 * q * q) - (f[v[k]] + s2 * v[k] * v[k])) / (2 * s2 * (q - v[k]));
                if (s > z[k]) {
                    break;
                }
                k--;
            }
            k++;
            v[k] = q;
            z[k] = k == 0 ? Double.NEGATIVE_INFINITY : s;
            z[k + 1] = Double.POSITIVE_INFINITY;
        }
        if (k < 0) {
            java.util.Arrays.fill(out, Double.POSITIVE_INFINITY);
            return;
        }
        int j = 0;
        for (int q = 0; q < n; q++) {
            while (z[j + 1] < q) {
                j++;
            }
            double dq = q - v[j];
            out[q] = s2 * dq * dq + f[v[j]];
        }
    }
}
