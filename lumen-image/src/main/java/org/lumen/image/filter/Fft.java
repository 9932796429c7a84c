package org.lumen.image.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * Discrete Fourier transform of any length (mixed radix, decimation in time; a prime length falls back to its own
 * O(n^2) stage), in place on separate real and imaginary arrays. The forward transform is
 * {@code X[k] = sum_j x[j] exp(-2 pi i j k / n)}; the inverse carries the 1/n.
 */
final class Fft {
    private static final Map<Integer, Fft> PLANS = new ConcurrentHashMap<>();

    private final int n;
    private final int[] factors;
    private final double[] cos;
    private final double[] sin;
    private final int maxFactor;

    private Fft(int n) {
        this.n = n;
        this.factors = factorise(n);
        this.cos = new double[n];
        this.sin = new double[n];
        for (int j = 0; j < n; j++) {
            double angle = 2 * Math.PI * j / n;
            cos[j] = Math.cos(angle);
            sin[j] = Math.sin(angle);
        }
        int largest = 1;
        for (int f : factors) {
            largest = Math.max(largest, f);
        }
        this.maxFactor = largest;
    }

    static Fft of(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("transform length must be positive, got " + n);
        }
        return PLANS.computeIfAbsent(n, Fft::new);
    }

    int length() {
        return n;
    }

    /** Transforms {@code re, im} (length n) in place. */
    void transform(double[] re, double[] im, boolean inverse) {
        double[] outRe = new double[n];
        double[] outIm = new double[n];
        double[] tmpRe = new double[maxFactor];
        double[] tmpIm = new double[maxFactor];
        recurse(re, im, 0, 1, outRe, outIm, 0, n, 0, inverse ? 1 : -1, tmpRe, tmpIm);
        double scale = inverse ? 1.0 / n : 1.0;
        for (int j = 0; j < n; j++) {
            re[j] = outRe[j] * scale;
            im[j] = outIm[j] * scale;
        }
    }

    private void recurse(double[] inRe, double[] inIm, int inOffset, int inStride, double[] outRe, double[] outIm,
            int outOffset, int size, int level, int sign, double[] tmpRe, double[] tmpIm) {
        if (size == 1) {
            outRe[outOffset] = inRe[inOffset];
            outIm[outOffset] = inIm[inOffset];
            return;
        }
        int p = factors[level];
        int m = size / p;
        for (int r = 0; r < p; r++) {
            recurse(inRe, inIm, inOffset + r * inStride, inStride * p, outRe, outIm, outOffset + r * m, m, level + 1,
                    sign, tmpRe, tmpIm);
        }
        int step = n / size; // W_size^e = W_n^(e * step)
        int stepP = n / p;
        for (int k = 0; k < m; k++) {
            for (int r = 0; r < p; r++) {
                int e = (r * k * step) % n;
                double wr = cos[e];
                double wi = sign * sin[e];
                double yr = outRe[outOffset + r * m + k];
                double yi = outIm[outOffset + r * m + k];
                tmpRe[r] = yr * wr - yi * wi;
                tmpIm[r] = yr * wi + yi * wr;
            }
            if (p == 2) {
                outRe[outOffset + k] = tmpRe[0] + tmpRe[1];
                outIm[outOffset + k] = tmpIm[0] + tmpIm[1];
                outRe[outOffset + k + m] = tmpRe[0] - tmpRe[1];
                outIm[outOffset + k + m] = tmpIm[0] - tmpIm[1];
                continue;
            }
            for (int q = 0; q < p; q++) {
                double sr = 0;
                double si = 0;
                for (int r = 0; r < p; r++) {
                    int e = ((r * q) % p) * stepP;
                    double wr = cos[e];
                    double wi = sign * sin[e];
                    sr += tmpRe[r] * wr - tmpIm[r] * wi;
                    si += tmpRe[r] * wi + tmpIm[r] * wr;
                }
                outRe[outOffset + k + q * m] = sr;
                outIm[outOffset + k + q * m] = si;
            }
        }
    }

    private static int[] factorise(int n) {
        List<Integer> factors = new ArrayList<>();
        int rest = n;
        for (int f = 2; f * f <= rest; f++) {
            while (rest % f == 0) {
                factors.add(f);
                rest /= f;
            }
        }
        if (rest > 1) {
            factors.add(rest);
        }
        return factors.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The smallest length of at least {@code n} whose prime factors are all 2, 3 or 5 (fast to transform). */
    static int goodLength(int n) {
        for (int candidate = Math.max(1, n); ; candidate++) {
            int rest = candidate;
            for (int f : new int[] {2, 3, 5}) {
                while (rest % f == 0) {
                    rest /= f;
                }
            }
            if (rest == 1) {
                return candidate;
            }
        }
    }

    /**
     * Transforms a 3D complex array (x fastest) along each axis whose size is above 1 and whose flag is set, in place.
     */
    static void transform3d(double[] re, double[] im, int nx, int ny, int nz, boolean[] axes, boolean inverse) {
        int[] sizes = {nx, ny, nz};
        int[] strides = {1, nx, nx * ny};
        for (int axis = 0; axis < 3; axis++) {
            if (!axes[axis] || sizes[axis] == 1) {
                continue;
            }
            int size = sizes[axis];
            int stride = strides[axis];
            Fft plan = of(size);
            int[] starts = AxisConvolution.lineStarts(nx, ny, nz, axis);
            IntStream.range(0, starts.length).parallel().forEach(line -> {
                double[] lr = new double[size];
                double[] li = new double[size];
                int start = starts[line];
                for (int t = 0; t < size; t++) {
                    lr[t] = re[start + t * stride];
                    li[t] = im[start + t * stride];
                }
                plan.transform(lr, li, inverse);
                for (int t = 0; t < size; t++) {
                    re[start + t * stride] = lr[t];
                    im[start + t * stride] = li[t];
                }
            });
        }
    }

    /** Transforms a 2D complex array ({@code nu} fastest) along both axes, in place, on the calling thread. */
    static void transform2d(double[] re, double[] im, int nu, int nv, boolean inverse) {
        Fft rows = of(nu);
        Fft columns = of(nv);
        double[] ur = new double[nu];
        double[] ui = new double[nu];
        for (int v = 0; v < nv; v++) {
            System.arraycopy(re, v * nu, ur, 0, nu);
            System.arraycopy(im, v * nu, ui, 0, nu);
            rows.transform(ur, ui, inverse);
            System.arraycopy(ur, 0, re, v * nu, nu);
            System.arraycopy(ui, 0, im, v * nu, nu);
        }
        double[] cr = new double[nv];
        double[] ci = new double[nv];
        for (int u = 0; u < nu; u++) {
            for (int v = 0; v < nv; v++) {
                cr[v] = re[u + v * nu];
                ci[v] = im[u + v * nu];
            }
            columns.transform(cr, ci, inverse);
            for (int v = 0; v < nv; v++) {
                re[u + v * nu] = cr[v];
                im[u + v * nu] = ci[v];
            }
        }
    }
}
