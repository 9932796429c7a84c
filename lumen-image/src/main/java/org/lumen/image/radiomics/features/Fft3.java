package org.lumen.image.radiomics.features;

/**
 * In-place forward discrete Fourier transform of a complex 3D grid (x fastest), by mixed-radix Cooley-Tukey for lengths
 * whose prime factors are 2, 3 and 5 ({@link #goodLength} picks one). Used for the exact all-pairs sums of Moran's I and
 * Geary's C, which are correlations with a 1/distance kernel.
 */
final class Fft3 {
    private Fft3() {
    }

    /** The smallest length at least {@code minimum} with no prime factor above 5. */
    static int goodLength(int minimum) {
        for (int n = Math.max(1, minimum);; n++) {
            int rest = n;
            for (int factor : new int[] {2, 3, 5}) {
                while (rest % factor == 0) {
                    rest /= factor;
                }
            }
            if (rest == 1) {
                return n;
            }
        }
    }

    static void forward(double[] re, double[] im, int nx, int ny, int nz) {
        transformAxis(re, im, 0, nx, ny, nz);
        transformAxis(re, im, 1, nx, ny, nz);
        transformAxis(re, im, 2, nx, ny, nz);
    }

    /** Transforms every line of the grid along one axis. */
    private static void transformAxis(double[] re, double[] im, int axis, int nx, int ny, int nz) {
        int length = axis == 0 ? nx : axis == 1 ? ny : nz;
        if (length == 1) {
            return;
        }
        int stride = axis == 0 ? 1 : axis == 1 ? nx : nx * ny;
        int lineCount = re.length / length;
        Line line = new Line(length);
        for (int l = 0; l < lineCount; l++) {
            int start = axis == 0 ? l * nx : axis == 1 ? (l % nx) + nx * ny * (l / nx) : l;
            for (int t = 0; t < length; t++) {
                line.inRe[t] = re[start + t * stride];
                line.inIm[t] = im[start + t * stride];
            }
            line.transform();
            for (int t = 0; t < length; t++) {
                re[start + t * stride] = line.outRe[t];
                im[start + t * stride] = line.outIm[t];
            }
        }
    }

    /** One 1D transform of a fixed length, with its twiddle table and work arrays. */
    private static final class Line {
        final int n;
        final int[] factors;
        final double[] cos;
        final double[] sin;
        final double[] inRe;
        final double[] inIm;
        final double[] outRe;
        final double[] outIm;
        final double[] sumRe = new double[5];
        final double[] sumIm = new double[5];
        final double[] termRe = new double[5];
        final double[] termIm = new double[5];

        Line(int n) {
            this.n = n;
            this.factors = factorise(n);
            this.cos = new double[n];
            this.sin = new double[n];
            for (int j = 0; j < n; j++) {
                double angle = -2 * Math.PI * j / n;
                cos[j] = Math.cos(angle);
                sin[j] = Math.sin(angle);
            }
            inRe = new double[n];
            inIm = new double[n];
            outRe = new double[n];
            outIm = new double[n];
        }

        private static int[] factorise(int n) {
            int[] factors = new int[32];
            int count = 0;
            int rest = n;
            for (int factor : new int[] {4, 2, 3, 5}) {
                while (rest % factor == 0) {
                    factors[count++] = factor;
                    rest /= factor;
                }
            }
            if (rest != 1) {
                throw new IllegalArgumentException("FFT length " + n + " has a prime factor above 5");
            }
            return java.util.Arrays.copyOf(factors, count);
        }

        void transform() {
            recurse(0, 1, 0, n, 0);
        }

        /**
         * Decimation in time: the DFT of the {@code size} inputs at inStart + q * inStride goes to out[outStart ..
         * outStart + size); the sub-transforms of every factor-th input are combined by a radix-factor butterfly.
         */
        private void recurse(int inStart, int inStride, int outStart, int size, int level) {
            if (size == 1) {
                outRe[outStart] = inRe[inStart];
                outIm[outStart] = inIm[inStart];
                return;
            }
            int p = factors[level];
            int m = size / p;
            for (int q = 0; q < p; q++) {
                recurse(inStart + q * inStride, inStride * p, outStart + q * m, m, level + 1);
            }
            int twiddleStep = n / size;
            for (int k = 0; k < m; k++) {
                for (int q = 0; q < p; q++) {
                    // term q = sub-transform q at k times w_size^(q k)
                    int at = outStart + q * m + k;
                    int w = (q * k * twiddleStep) % n;
                    termRe[q] = outRe[at] * cos[w] - outIm[at] * sin[w];
                    termIm[q] = outRe[at] * sin[w] + outIm[at] * cos[w];
                }
                for (int r = 0; r < p; r++) {
                    double sr = 0;
                    double si = 0;
                    for (int q = 0; q < p; q++) {
                        int w = (q * r * m * twiddleStep) % n; // w_p^(q r)
                        sr += termRe[q] * cos[w] - termIm[q] * sin[w];
                        si += termRe[q] * sin[w] + termIm[q] * cos[w];
                    }
                    sumRe[r] = sr;
                    sumIm[r] = si;
                }
                for (int r = 0; r < p; r++) {
                    outRe[outStart + r * m + k] = sumRe[r];
                    outIm[outStart + r * m + k] = sumIm[r];
                }
            }
        }
    }
}
