package org.lumen.image.filter;

import org.lumen.image.Volume;

/**
 * Test-fixture tricubic B-spline interpolation (IBSI "tricubic spline"): spline coefficients by the recursive
 * prefilter of Unser (mirror-symmetric boundaries) and evaluation with the cubic B-spline weights. Stands in until the
 * radiomics package's own IBSI interpolation lands; only what the IBSI 2 phase-2 test needs.
 */
final class CubicBSpline {
    private static final double POLE = Math.sqrt(3) - 2;

    private final int nx;
    private final int ny;
    private final int nz;
    private final double[] coefficients;

    CubicBSpline(Volume image) {
        nx = image.nx();
        ny = image.ny();
        nz = image.nz();
        coefficients = new double[image.voxelCount()];
        for (int i = 0; i < coefficients.length; i++) {
            coefficients[i] = image.get(i);
        }
        int[] sizes = {nx, ny, nz};
        int[] strides = {1, nx, nx * ny};
        for (int axis = 0; axis < 3; axis++) {
            if (sizes[axis] > 1) {
                for (int start : AxisConvolution.lineStarts(nx, ny, nz, axis)) {
                    prefilter(start, strides[axis], sizes[axis]);
                }
            }
        }
    }

    private void prefilter(int start, int stride, int n) {
        double[] c = new double[n];
        for (int t = 0; t < n; t++) {
            c[t] = 6 * coefficients[start + t * stride];
        }
        // Causal initialisation over the mirror-symmetric extension, truncated where the pole's powers vanish.
        double sum = c[0];
        double power = POLE;
        int horizon = Math.min(n, 40);
        for (int t = 1; t < horizon; t++) {
            sum += power * c[t];
            power *= POLE;
        }
        c[0] = sum;
        for (int t = 1; t < n; t++) {
            c[t] += POLE * c[t - 1];
        }
        c[n - 1] = (POLE / (POLE * POLE - 1)) * (c[n - 1] + POLE * c[n - 2]);
        for (int t = n - 2; t >= 0; t--) {
            c[t] = POLE * (c[t + 1] - c[t]);
        }
        for (int t = 0; t < n; t++) {
            coefficients[start + t * stride] = c[t];
        }
    }

    /** The interpolated value at continuous index (x, y, z). */
    double at(double x, double y, double z) {
        int i0 = (int) Math.floor(x) - 1;
        int j0 = (int) Math.floor(y) - 1;
        int k0 = (int) Math.floor(z) - 1;
        double[] wx = weights(x - Math.floor(x));
        double[] wy = weights(y - Math.floor(y));
        double[] wz = weights(z - Math.floor(z));
        double sum = 0;
        for (int c = 0; c < 4; c++) {
            int k = mirror(k0 + c, nz);
            for (int b = 0; b < 4; b++) {
                int j = mirror(j0 + b, ny);
                double w = wz[c] * wy[b];
                int row = nx * (j + ny * k);
                for (int a = 0; a < 4; a++) {
                    sum += w * wx[a] * coefficients[row + mirror(i0 + a, nx)];
                }
            }
        }
        return sum;
    }

    private static double[] weights(double t) {
        double t2 = t * t;
        double t3 = t2 * t;
        return new double[] {(1 - t) * (1 - t) * (1 - t) / 6, (3 * t3 - 6 * t2 + 4) / 6,
            (-3 * t3 + 3 * t2 + 3 * t + 1) / 6, t3 / 6};
    }

    private static int mirror(int i, int n) {
        if (n == 1) {
            return 0;
        }
        int period = 2 * n - 2;
        int m = Math.floorMod(i, period);
        return m < n ? m : period - m;
    }
}
