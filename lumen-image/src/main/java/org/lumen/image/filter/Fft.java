package org.lumen.image.filter;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * Discrete Fourier transform of any length, in place on separate real and imaginary arrays: a Stockham mixed-radix
 * transform (radix 4, 2, 3, 5) for lengths whose prime factors are 2, 3 and 5, Bluestein's chirp-z (through a
 * power-of-two transform) for every other length. The forward transform
 * is {@code X[k] = sum_j x[j] exp(-2 pi i j k / n)}; the inverse carries the 1/n.
 */
final class Fft {
    private static final Map<Integer, Fft> PLANS = new ConcurrentHashMap<>();

    private final int n;
    /** Radices of the Stockham stages; empty when the length has a prime factor above 5. */
    private final int[] radices;
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
        this.radices = smoothRadices(n);
        if (radices.length > 0) {
            cos = new double[n];
            sin = new double[n];
            for (int j = 0; j < n; j++) {
                cos[j] = Math.cos(2 * Math.PI * j / n);
                sin[j] = Math.sin(2 * Math.PI * j / n);
            }
            inner = null;
            chirpRe = chirpIm = filterRe = filterIm = null;
        } else {
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
        if (radices.length > 0) {
            stockham(re, im);
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

    /**
     * Decimation-in-frequency Stockham stages: a stage of radix p on sub-transforms of length m (stride s) writes
     * {@code y[q + s (p j + t)] = W_m^(j t) sum_r x[q + s (j + r m / p)] W_p^(r t)}; the output comes out in natural order.
     */
    private void stockham(double[] re, double[] im) {
        double[] xr = re;
        double[] xi = im;
        double[] yr = new double[n];
        double[] yi = new double[n];
        double[] ar = new double[5];
        double[] ai = new double[5];
        double[] br = new double[5];
        double[] bi = new double[5];
        int length = n;
        int stride = 1;
        for (int p : radices) {
            int m = length / p;
            int twiddleStep = n / length;
            for (int j = 0; j < m; j++) {
                for (int q = 0; q < stride; q++) {
                    for (int r = 0; r < p; r++) {
                        ar[r] = xr[q + stride * (j + r * m)];
                        ai[r] = xi[q + stride * (j + r * m)];
                    }
                    butterfly(p, ar, ai, br, bi);
                    for (int t = 0; t < p; t++) {
                        int out = q + stride * (p * j + t);
                        if (j == 0 || t == 0) {
                            yr[out] = br[t];
                            yi[out] = bi[t];
                        } else {
                            int e = j * t * twiddleStep;
                            double wr = cos[e];
                            double wi = -sin[e];
                            yr[out] = br[t] * wr - bi[t] * wi;
                            yi[out] = br[t] * wi + bi[t] * wr;
                        }
                    }
                }
            }
            double[] swap = xr;
            xr = yr;
            yr = swap;
            swap = xi;
            xi = yi;
            yi = swap;
            length = m;
            stride *= p;
        }
        if (xr != re) {
            System.arraycopy(xr, 0, re, 0, n);
            System.arraycopy(xi, 0, im, 0, n);
        }
    }

    private static final double SIN_60 = Math.sqrt(3) / 2;
    private static final double[] COS_5 = new double[5];
    private static final double[] SIN_5 = new double[5];

    static {
        for (int j = 0; j < 5; j++) {
            COS_5[j] = Math.cos(2 * Math.PI * j / 5);
            SIN_5[j] = Math.sin(2 * Math.PI * j / 5);
        }
    }

    /** The length-p forward DFT of (ar, ai) into (br, bi), written out for p = 2, 3, 4 and summed for p = 5. */
    private static void butterfly(int p, double[] ar, double[] ai, double[] br, double[] bi) {
        switch (p) {
            case 2 -> {
                br[0] = ar[0] + ar[1];
                bi[0] = ai[0] + ai[1];
                br[1] = ar[0] - ar[1];
                bi[1] = ai[0] - ai[1];
            }
            case 3 -> {
                double sr = ar[1] + ar[2];
                double si = ai[1] + ai[2];
                double dr = ar[1] - ar[2];
                double di = ai[1] - ai[2];
                double mr = ar[0] - sr / 2;
                double mi = ai[0] - si / 2;
                br[0] = ar[0] + sr;
                bi[0] = ai[0] + si;
                br[1] = mr + SIN_60 * di;
                bi[1] = mi - SIN_60 * dr;
                br[2] = mr - SIN_60 * di;
                bi[2] = mi + SIN_60 * dr;
            }
            case 4 -> {
                double s02r = ar[0] + ar[2];
                double s02i = ai[0] + ai[2];
                double d02r = ar[0] - ar[2];
                double d02i = ai[0] - ai[2];
                double s13r = ar[1] + ar[3];
                double s13i = ai[1] + ai[3];
                double d13r = ar[1] - ar[3];
                double d13i = ai[1] - ai[3];
                br[0] = s02r + s13r;
                bi[0] = s02i + s13i;
                br[2] = s02r - s13r;
                bi[2] = s02i - s13i;
                // -i (a1 - a3) and +i (a1 - a3)
                br[1] = d02r + d13i;
                bi[1] = d02i - d13r;
                br[3] = d02r - d13i;
                bi[3] = d02i + d13r;
            }
            default -> {
                for (int t = 0; t < p; t++) {
                    double sr = 0;
                    double si = 0;
                    for (int r = 0; r < p; r++) {
                        double wr = COS_5[r * t % 5];
                        double wi = -SIN_5[r * t % 5];
                        sr += ar[r] * wr - ai[r] * wi;
                        si += ar[r] * wi + ai[r] * wr;
                    }
                    br[t] = sr;
                    bi[t] = si;
                }
            }
        }
    }

    /** The stage radices (4, 2, 3, 5) of a length whose only prime factors are 2, 3 and 5; empty for any other. */
    private static int[] smoothRadices(int n) {
        java.util.List<Integer> radices = new java.util.ArrayList<>();
        int rest = n;
        while (rest % 4 == 0) {
            radices.add(4);
            rest /= 4;
        }
        for (int p : new int[] {2, 3, 5}) {
            while (rest % p == 0) {
                radices.add(p);
                rest /= p;
            }
        }
        return rest == 1 ? radices.stream().mapToInt(Integer::intValue).toArray() : new int[0];
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

    /** The smallest length of at least {@code n} whose prime factors are 2, 3 and 5 (fast to transform). */
    static int goodLength(int n) {
        for (int candidate = Math.max(1, n); ; candidate++) {
            if (smoothRadices(candidate).length > 0) {
                return candidate;
            }
        }
    }

    /**
     * Forward transform of a real 3D array (x fastest; {@code im} all zero on entry) along the flagged axes of size
     * above 1. The first pass runs on the costliest axis and transforms two real lines at once as one complex line.
     */
    static void forwardOfReal3d(double[] re, double[] im, int nx, int ny, int nz, boolean[] axes) {
        int[] order = costliestFirst(nx, ny, nz, axes);
        for (int a = 0; a < order.length; a++) {
            pass(re, im, nx, ny, nz, order[a], false, a == 0);
        }
    }

    /** Inverse transform along the flagged axes of size above 1, in place. */
    static void inverse3d(double[] re, double[] im, int nx, int ny, int nz, boolean[] axes) {
        for (int axis : costliestFirst(nx, ny, nz, axes)) {
            pass(re, im, nx, ny, nz, axis, true, false);
        }
    }

    /** The flagged axes of size above 1, the costliest to transform (a length with a prime factor above 5) first. */
    private static int[] costliestFirst(int nx, int ny, int nz, boolean[] axes) {
        int[] sizes = {nx, ny, nz};
        return IntStream.range(0, 3).filter(a -> axes[a] && sizes[a] > 1).boxed()
                .sorted((a, b) -> Double.compare(cost(sizes[b]), cost(sizes[a])))
                .mapToInt(Integer::intValue).toArray();
    }

    private static double cost(int n) {
        return smoothRadices(n).length > 0 ? n : 8.0 * n;
    }

    /**
     * One transform pass along {@code axis}. With {@code realPairs} (forward only) the lines are real, so two share one
     * complex transform: {@code z = a + i b} gives {@code A = (Z + conj Z(-k)) / 2} and {@code B = (Z - conj Z(-k)) / 2i}.
     */
    private static void pass(double[] re, double[] im, int nx, int ny, int nz, int axis, boolean inverse,
            boolean realPairs) {
        int size = axis == 0 ? nx : axis == 1 ? ny : nz;
        int stride = axis == 0 ? 1 : axis == 1 ? nx : nx * ny;
        Fft plan = of(size);
        int[] starts = AxisConvolution.lineStarts(nx, ny, nz, axis);
        int step = realPairs ? 2 : 1;
        int jobs = (starts.length + step - 1) / step;
        IntStream.range(0, jobs).parallel().forEach(job -> {
            int first = starts[job * step];
            boolean paired = realPairs && job * step + 1 < starts.length;
            int second = paired ? starts[job * step + 1] : -1;
            double[] lr = new double[size];
            double[] li = new double[size];
            for (int t = 0; t < size; t++) {
                int at = first + t * stride;
                lr[t] = re[at];
                li[t] = paired ? re[second + t * stride] : im[at];
            }
            plan.transform(lr, li, inverse);
            for (int t = 0; t < size; t++) {
                int at = first + t * stride;
                if (!paired) {
                    re[at] = lr[t];
                    im[at] = li[t];
                } else {
                    int mirror = (size - t) % size;
                    double zr = lr[t];
                    double zi = li[t];
                    double cr = lr[mirror];
                    double ci = -li[mirror];
                    re[at] = (zr + cr) / 2;
                    im[at] = (zi + ci) / 2;
                    re[second + t * stride] = (zi - ci) / 2;
                    im[second + t * stride] = -(zr - cr) / 2;
                }
            }
        });
    }

    /** Transforms a 2D complex array ({@code nu} fastest) along both axes, in place, on the calling thread. */
    static void transform2d(double[] re, double[] im, int nu, int nv, boolean inverse) {
        transformRows(re, im, nu, nv, of(nu), inverse);
        transformColumns(re, im, nu, nv, of(nv), inverse);
    }

    /**
     * Inverse 2D transform ({@code nu} fastest) of which only rows {@code 0 .. rows-1} are wanted: all columns are
     * transformed, then only those rows (the others are left half-transformed).
     */
    static void inverse2dFirstRows(double[] re, double[] im, int nu, int nv, int rows) {
        transformColumns(re, im, nu, nv, of(nv), true);
        transformRows(re, im, nu, rows, of(nu), true);
    }

    /** Transforms rows {@code 0 .. rows-1} (each {@code nu} long, contiguous) in place. */
    private static void transformRows(double[] re, double[] im, int nu, int rows, Fft alongU, boolean inverse) {
        double[] ur = new double[nu];
        double[] ui = new double[nu];
        for (int v = 0; v < rows; v++) {
            System.arraycopy(re, v * nu, ur, 0, nu);
            System.arraycopy(im, v * nu, ui, 0, nu);
            alongU.transform(ur, ui, inverse);
            System.arraycopy(ur, 0, re, v * nu, nu);
            System.arraycopy(ui, 0, im, v * nu, nu);
        }
    }

    /** Transforms every column ({@code nv} long, stride {@code nu}) in place. */
    private static void transformColumns(double[] re, double[] im, int nu, int nv, Fft alongV, boolean inverse) {
        double[] cr = new double[nv];
        double[] ci = new double[nv];
        for (int u = 0; u < nu; u++) {
            for (int v = 0; v < nv; v++) {
                cr[v] = re[u + v * nu];
                ci[v] = im[u + v * nu];
            }
            alongV.transform(cr, ci, inverse);
            for (int v = 0; v < nv; v++) {
                re[u + v * nu] = cr[v];
                im[u + v * nu] = ci[v];
            }
        }
    }
}
