package org.lumen.image.filter;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * Discrete Fourier transform of any length, in place on separate real and imaginary arrays: iterative radix 2 for
 * powers of two, Bluestein's chirp-z (through a power-of-two transform) for every other length. The forward transform
 * is {@code X[k] = sum_j x[j] exp(-2 pi i j k / n)}; the inverse carries the 1/n.
 */
final class Fft {
    private static final Map<Integer, Fft> PLANS = new ConcurrentHashMap<>();

    private final int n;
    private final boolean powerOfTwo;
    private final int[] bitReversal;
    private final double[] cos;
    private final double[] sin;
    // Bluestein: the chirp exp(-i pi j^2 / n) and the transform of its conjugate, padded to a power of two.
    private final Fft inner;
    private final double[] chirpRe;
    private final double[] chirpIm;
    private final double[] filterRe;
    private final double[] filterIm;

    private Fft(int n) {
        this.n = n;
        this.powerOfTwo = Integer.bitCount(n) == 1;
        if (powerOfTwo) {
            int bits = Integer.numberOfTrailingZeros(n);
            bitReversal = new int[n];
            for (int j = 0; j < n; j++) {
                bitReversal[j] = bits == 0 ? 0 : Integer.reverse(j) >>> (32 - bits);
            }
            cos = new double[n / 2 + 1];
            sin = new double[n / 2 + 1];
            for (int j = 0; j < cos.length; j++) {
                cos[j] = Math.cos(2 * Math.PI * j / n);
                sin[j] = Math.sin(2 * Math.PI * j / n);
            }
            inner = null;
            chirpRe = chirpIm = filterRe = filterIm = null;
        } else {
            bitReversal = null;
            cos = sin = null;
            int m = Integer.highestOneBit(2 * n - 1) << 1;
            inner = of(m);
            chirpRe = new double[n];
            chirpIm = new double[n];
            for (int j = 0; j < n; j++) {
                // j^2 mod 2n keeps the angle exact for large j.
                double angle = Math.PI * ((long) j * j % (2L * n)) / n;
                chirpRe[j] = Math.cos(angle);
                chirpIm[j] = -Math.sin(angle);
            }
            filterRe = new double[m];
            filterIm = new double[m];
            for (int j = 0; j < n; j++) {
                filterRe[j] = chirpRe[j];
                filterIm[j] = -chirpIm[j];
                if (j > 0) {
                    filterRe[m - j] = chirpRe[j];
                    filterIm[m - j] = -chirpIm[j];
                }
            }
            inner.transform(filterRe, filterIm, false);
        }
    }

    static Fft of(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("transform length must be positive, got " + n);
        }
        Fft plan = PLANS.get(n);
        if (plan == null) {
            plan = new Fft(n);
            PLANS.putIfAbsent(n, plan);
        }
        return plan;
    }

    int length() {
        return n;
    }

    /** Transforms {@code re, im} (length n) in place. */
    void transform(double[] re, double[] im, boolean inverse) {
        if (inverse) {
            // The inverse is the forward transform of the conjugate, conjugated and scaled.
            for (int j = 0; j < n; j++) {
                im[j] = -im[j];
            }
        }
        if (powerOfTwo) {
            radix2(re, im);
        } else {
            bluestein(re, im);
        }
        if (inverse) {
            double scale = 1.0 / n;
            for (int j = 0; j < n; j++) {
                re[j] *= scale;
                im[j] = -im[j] * scale;
            }
        }
    }

    private void radix2(double[] re, double[] im) {
        for (int j = 0; j < n; j++) {
            int r = bitReversal[j];
            if (r > j) {
                double t = re[j];
                re[j] = re[r];
                re[r] = t;
                t = im[j];
                im[j] = im[r];
                im[r] = t;
            }
        }
        for (int half = 1; half < n; half <<= 1) {
            int step = n / (2 * half);
            for (int block = 0; block < n; block += 2 * half) {
                for (int j = 0; j < half; j++) {
                    double wr = cos[j * step];
                    double wi = -sin[j * step];
                    int a = block + j;
                    int b = a + half;
                    double xr = re[b] * wr - im[b] * wi;
                    double xi = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - xr;
                    im[b] = im[a] - xi;
                    re[a] += xr;
                    im[a] += xi;
                }
            }
        }
    }

    private void bluestein(double[] re, double[] im) {
        int m = inner.length();
        double[] ar = new double[m];
        double[] ai = new double[m];
        for (int j = 0; j < n; j++) {
            ar[j] = re[j] * chirpRe[j] - im[j] * chirpIm[j];
            ai[j] = re[j] * chirpIm[j] + im[j] * chirpRe[j];
        }
        inner.transform(ar, ai, false);
        for (int j = 0; j < m; j++) {
            double r = ar[j] * filterRe[j] - ai[j] * filterIm[j];
            double i = ar[j] * filterIm[j] + ai[j] * filterRe[j];
            ar[j] = r;
            ai[j] = i;
        }
        inner.transform(ar, ai, true);
        for (int k = 0; k < n; k++) {
            re[k] = ar[k] * chirpRe[k] - ai[k] * chirpIm[k];
            im[k] = ar[k] * chirpIm[k] + ai[k] * chirpRe[k];
        }
    }

    /** The smallest power of two of at least {@code n} (the fastest lengths to transform). */
    static int goodLength(int n) {
        return n <= 1 ? 1 : Integer.highestOneBit(n - 1) << 1;
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
