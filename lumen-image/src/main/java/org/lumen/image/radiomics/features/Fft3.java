package org.lumen.image.radiomics.features;

/**
 * In-place forward discrete Fourier transform of a complex 3D grid (x fastest), for lengths whose prime factors are 2, 3
 * and 5 ({@link #goodLength} picks one). Used for the exact all-pairs sums of Moran's I and Geary's C, which are
 * correlations with a 1/distance kernel.
 *
 * <p>Each axis is transformed a plane at a time with the lines of the plane side by side ({@link Lines}): every
 * butterfly then runs over a contiguous row of values, which keeps the memory access sequential however far apart the
 * points of one line lie in the grid.
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
        forward(re, im, nx, ny, nz, ny, nz);
    }

    /**
     * The transform of a grid that is zero for {@code j >= usedY} or {@code k >= usedZ} (a signal padded for a linear
     * correlation): lines that hold only zeros stay zero through the x and y passes, so they are skipped.
     */
    static void forward(double[] re, double[] im, int nx, int ny, int nz, int usedY, int usedZ) {
        int plane = nx * ny;
        if (nx > 1) {
            // x: transpose each z-plane so that its x-lines sit side by side (rows of usedY values).
            Lines lines = new Lines(nx, usedY);
            for (int k = 0; k < usedZ; k++) {
                int base = k * plane;
                for (int j = 0; j < usedY; j++) {
                    for (int i = 0; i < nx; i++) {
                        lines.re[i * usedY + j] = re[base + j * nx + i];
                        lines.im[i * usedY + j] = im[base + j * nx + i];
                    }
                }
                lines.transform();
                for (int j = 0; j < usedY; j++) {
                    for (int i = 0; i < nx; i++) {
                        re[base + j * nx + i] = lines.re[i * usedY + j];
                        im[base + j * nx + i] = lines.im[i * usedY + j];
                    }
                }
            }
        }
        if (ny > 1) {
            // y: a z-plane already holds its y-lines side by side (rows of nx values).
            Lines lines = new Lines(ny, nx);
            for (int k = 0; k < usedZ; k++) {
                System.arraycopy(re, k * plane, lines.re, 0, plane);
                System.arraycopy(im, k * plane, lines.im, 0, plane);
                lines.transform();
                System.arraycopy(lines.re, 0, re, k * plane, plane);
                System.arraycopy(lines.im, 0, im, k * plane, plane);
            }
        }
        if (nz > 1) {
            // z: for each y, the x-rows of all slices side by side.
            Lines lines = new Lines(nz, nx);
            for (int j = 0; j < ny; j++) {
                for (int k = 0; k < nz; k++) {
                    System.arraycopy(re, k * plane + j * nx, lines.re, k * nx, nx);
                    System.arraycopy(im, k * plane + j * nx, lines.im, k * nx, nx);
                }
                lines.transform();
                for (int k = 0; k < nz; k++) {
                    System.arraycopy(lines.re, k * nx, re, k * plane + j * nx, nx);
                    System.arraycopy(lines.im, k * nx, im, k * plane + j * nx, nx);
                }
            }
        }
    }

    /**
     * The spectrum of a real grid of periods px, py, pz that is even along each axis on its own (the value at offset
     * (i, j, k) depends only on the minimal periodic |i|, |j|, |k|, like a kernel of the distance): that spectrum is
     * real and even the same way, so only its octant is computed. Each axis pass transforms the octant's lines
     * mirrored out to a full period, two at a time (one as the real, one as the imaginary part: the transform of a
     * real even line is real, so the two come back apart), about a sixth of the work of the full complex grid.
     *
     * @param octant values at offsets 0 .. p/2 along each axis (x fastest), replaced by the spectrum at frequencies
     *     0 .. p/2
     */
    static void forwardEvenReal(double[] octant, int px, int py, int pz) {
        int hx = px / 2 + 1;
        int hy = py / 2 + 1;
        int hz = pz / 2 + 1;
        if (octant.length != hx * hy * hz) {
            throw new IllegalArgumentException(octant.length + " values are not the octant of a " + px + "x" + py + "x"
                    + pz + " grid");
        }
        int[] xLines = new int[hy * hz];
        for (int k = 0, at = 0; k < hz; k++) {
            for (int j = 0; j < hy; j++) {
                xLines[at++] = hx * (j + hy * k);
            }
        }
        int[] yLines = new int[hx * hz];
        for (int k = 0, at = 0; k < hz; k++) {
            for (int i = 0; i < hx; i++) {
                yLines[at++] = i + hx * hy * k;
            }
        }
        int[] zLines = new int[hx * hy];
        for (int n = 0; n < zLines.length; n++) {
            zLines[n] = n;
        }
        evenRealAxis(octant, px, 1, xLines);
        evenRealAxis(octant, py, hx, yLines);
        evenRealAxis(octant, pz, hx * hy, zLines);
    }

    /**
     * Transforms the mirrored lines starting at {@code starts} (points {@code stride} apart) along one axis. The
     * copies run point by point across the batch's lines, whose starts are close together, so that each pass reads
     * and writes neighbouring values even when the stride is a whole plane.
     */
    private static void evenRealAxis(double[] data, int period, int stride, int[] starts) {
        int half = period / 2 + 1;
        int batch = Math.max(1, Math.min(64, (starts.length + 1) / 2));
        Lines lines = new Lines(period, batch);
        int[] realLine = new int[batch];
        int[] imaginaryLine = new int[batch];
        for (int first = 0; first < starts.length; first += 2 * batch) {
            int reals = Math.min(batch, starts.length - first);
            int imaginaries = Math.max(0, Math.min(batch, starts.length - first - batch));
            for (int w = 0; w < batch; w++) {
                realLine[w] = w < reals ? starts[first + w] : -1;
                imaginaryLine[w] = w < imaginaries ? starts[first + batch + w] : -1;
            }
            for (int t = 0; t < period; t++) {
                int offset = stride * Math.min(t, period - t);
                int row = t * batch;
                for (int w = 0; w < batch; w++) {
                    lines.re[row + w] = realLine[w] < 0 ? 0 : data[realLine[w] + offset];
                    lines.im[row + w] = imaginaryLine[w] < 0 ? 0 : data[imaginaryLine[w] + offset];
                }
            }
            lines.transform();
            for (int t = 0; t < half; t++) {
                int offset = stride * t;
                int row = t * batch;
                for (int w = 0; w < reals; w++) {
                    data[realLine[w] + offset] = lines.re[row + w];
                }
                for (int w = 0; w < imaginaries; w++) {
                    data[imaginaryLine[w] + offset] = lines.im[row + w];
                }
            }
        }
    }

    /**
     * {@code width} lines of {@code n} points transformed together: point t of line w at {@code t * width + w}. Stockham
     * autosort decimation in frequency: each stage of radix r reads r rows {@code m} points apart and writes them
     * interleaved to the other buffer, so the result comes out in natural order without a bit-reversal pass.
     */
    static final class Lines {
        final int n;
        final int width;
        final double[] re;
        final double[] im;
        private double[] workRe;
        private double[] workIm;
        private final int[] radices;
        /** twiddles[stage][p * r + u] = exp(-2 pi i p u / len) of that stage. */
        private final double[][] twiddleRe;
        private final double[][] twiddleIm;

        Lines(int n, int width) {
            this.n = n;
            this.width = width;
            this.re = new double[n * width];
            this.im = new double[n * width];
            this.workRe = new double[n * width];
            this.workIm = new double[n * width];
            this.radices = factorise(n);
            this.twiddleRe = new double[radices.length][];
            this.twiddleIm = new double[radices.length][];
            int length = n;
            for (int stage = 0; stage < radices.length; stage++) {
                int r = radices[stage];
                int m = length / r;
                twiddleRe[stage] = new double[m * r];
                twiddleIm[stage] = new double[m * r];
                for (int p = 0; p < m; p++) {
                    for (int u = 0; u < r; u++) {
                        double angle = -2 * Math.PI * ((long) p * u % length) / length;
                        twiddleRe[stage][p * r + u] = Math.cos(angle);
                        twiddleIm[stage][p * r + u] = Math.sin(angle);
                    }
                }
                length = m;
            }
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

        /** Transforms {@link #re}, {@link #im} in place. */
        void transform() {
            double[] xr = re;
            double[] xi = im;
            double[] yr = workRe;
            double[] yi = workIm;
            int stride = 1;
            int length = n;
            for (int stage = 0; stage < radices.length; stage++) {
                int r = radices[stage];
                int m = length / r;
                switch (r) {
                    case 2 -> radix2(xr, xi, yr, yi, stride, m, twiddleRe[stage], twiddleIm[stage]);
                    case 3 -> radix3(xr, xi, yr, yi, stride, m, twiddleRe[stage], twiddleIm[stage]);
                    case 4 -> radix4(xr, xi, yr, yi, stride, m, twiddleRe[stage], twiddleIm[stage]);
                    default -> radix5(xr, xi, yr, yi, stride, m, twiddleRe[stage], twiddleIm[stage]);
                }
                double[] swap = xr;
                xr = yr;
                yr = swap;
                swap = xi;
                xi = yi;
                yi = swap;
                stride *= r;
                length = m;
            }
            if (xr != re) {
                System.arraycopy(xr, 0, re, 0, re.length);
                System.arraycopy(xi, 0, im, 0, im.length);
                workRe = xr;
                workIm = xi;
            }
        }

        private void radix2(double[] xr, double[] xi, double[] yr, double[] yi, int s, int m, double[] twr, double[] twi) {
            for (int p = 0; p < m; p++) {
                double w1r = twr[2 * p + 1];
                double w1i = twi[2 * p + 1];
                for (int q = 0; q < s; q++) {
                    int a0 = (q + s * p) * width;
                    int a1 = (q + s * (p + m)) * width;
                    int y0 = (q + s * (2 * p)) * width;
                    int y1 = (q + s * (2 * p + 1)) * width;
                    for (int w = 0; w < width; w++) {
                        double ar = xr[a0 + w];
                        double ai = xi[a0 + w];
                        double br = xr[a1 + w];
                        double bi = xi[a1 + w];
                        yr[y0 + w] = ar + br;
                        yi[y0 + w] = ai + bi;
                        double dr = ar - br;
                        double di = ai - bi;
                        yr[y1 + w] = dr * w1r - di * w1i;
                        yi[y1 + w] = dr * w1i + di * w1r;
                    }
                }
            }
        }

        private void radix4(double[] xr, double[] xi, double[] yr, double[] yi, int s, int m, double[] twr, double[] twi) {
            for (int p = 0; p < m; p++) {
                double w1r = twr[4 * p + 1];
                double w1i = twi[4 * p + 1];
                double w2r = twr[4 * p + 2];
                double w2i = twi[4 * p + 2];
                double w3r = twr[4 * p + 3];
                double w3i = twi[4 * p + 3];
                for (int q = 0; q < s; q++) {
                    int a0 = (q + s * p) * width;
                    int a1 = (q + s * (p + m)) * width;
                    int a2 = (q + s * (p + 2 * m)) * width;
                    int a3 = (q + s * (p + 3 * m)) * width;
                    int y0 = (q + s * (4 * p)) * width;
                    int y1 = y0 + s * width;
                    int y2 = y1 + s * width;
                    int y3 = y2 + s * width;
                    for (int w = 0; w < width; w++) {
                        double b0r = xr[a0 + w] + xr[a2 + w];
                        double b0i = xi[a0 + w] + xi[a2 + w];
                        double b1r = xr[a0 + w] - xr[a2 + w];
                        double b1i = xi[a0 + w] - xi[a2 + w];
                        double b2r = xr[a1 + w] + xr[a3 + w];
                        double b2i = xi[a1 + w] + xi[a3 + w];
                        // (a1 - a3) times -i
                        double b3r = xi[a1 + w] - xi[a3 + w];
                        double b3i = xr[a3 + w] - xr[a1 + w];
                        yr[y0 + w] = b0r + b2r;
                        yi[y0 + w] = b0i + b2i;
                        double cr = b1r + b3r;
                        double ci = b1i + b3i;
                        yr[y1 + w] = cr * w1r - ci * w1i;
                        yi[y1 + w] = cr * w1i + ci * w1r;
                        cr = b0r - b2r;
                        ci = b0i - b2i;
                        yr[y2 + w] = cr * w2r - ci * w2i;
                        yi[y2 + w] = cr * w2i + ci * w2r;
                        cr = b1r - b3r;
                        ci = b1i - b3i;
                        yr[y3 + w] = cr * w3r - ci * w3i;
                        yi[y3 + w] = cr * w3i + ci * w3r;
                    }
                }
            }
        }

        private void radix3(double[] xr, double[] xi, double[] yr, double[] yi, int s, int m, double[] twr, double[] twi) {
            double c = Math.sqrt(3) / 2;
            for (int p = 0; p < m; p++) {
                double w1r = twr[3 * p + 1];
                double w1i = twi[3 * p + 1];
                double w2r = twr[3 * p + 2];
                double w2i = twi[3 * p + 2];
                for (int q = 0; q < s; q++) {
                    int a0 = (q + s * p) * width;
                    int a1 = (q + s * (p + m)) * width;
                    int a2 = (q + s * (p + 2 * m)) * width;
                    int y0 = (q + s * (3 * p)) * width;
                    int y1 = y0 + s * width;
                    int y2 = y1 + s * width;
                    for (int w = 0; w < width; w++) {
                        double sr = xr[a1 + w] + xr[a2 + w];
                        double si = xi[a1 + w] + xi[a2 + w];
                        double dr = c * (xr[a1 + w] - xr[a2 + w]);
                        double di = c * (xi[a1 + w] - xi[a2 + w]);
                        double hr = xr[a0 + w] - 0.5 * sr;
                        double hi = xi[a0 + w] - 0.5 * si;
                        yr[y0 + w] = xr[a0 + w] + sr;
                        yi[y0 + w] = xi[a0 + w] + si;
                        // Y1 = h - i d, Y2 = h + i d
                        double cr = hr + di;
                        double ci = hi - dr;
                        yr[y1 + w] = cr * w1r - ci * w1i;
                        yi[y1 + w] = cr * w1i + ci * w1r;
                        cr = hr - di;
                        ci = hi + dr;
                        yr[y2 + w] = cr * w2r - ci * w2i;
                        yi[y2 + w] = cr * w2i + ci * w2r;
                    }
                }
            }
        }

        private void radix5(double[] xr, double[] xi, double[] yr, double[] yi, int s, int m, double[] twr, double[] twi) {
            double c1 = Math.cos(2 * Math.PI / 5);
            double c2 = Math.cos(4 * Math.PI / 5);
            double s1 = Math.sin(2 * Math.PI / 5);
            double s2 = Math.sin(4 * Math.PI / 5);
            double[] outRe = new double[5];
            double[] outIm = new double[5];
            for (int p = 0; p < m; p++) {
                for (int q = 0; q < s; q++) {
                    int a0 = (q + s * p) * width;
                    int a1 = (q + s * (p + m)) * width;
                    int a2 = (q + s * (p + 2 * m)) * width;
                    int a3 = (q + s * (p + 3 * m)) * width;
                    int a4 = (q + s * (p + 4 * m)) * width;
                    int y0 = (q + s * (5 * p)) * width;
                    for (int w = 0; w < width; w++) {
                        double x0r = xr[a0 + w];
                        double x0i = xi[a0 + w];
                        double sum1r = xr[a1 + w] + xr[a4 + w];
                        double sum1i = xi[a1 + w] + xi[a4 + w];
                        double dif1r = xr[a1 + w] - xr[a4 + w];
                        double dif1i = xi[a1 + w] - xi[a4 + w];
                        double sum2r = xr[a2 + w] + xr[a3 + w];
                        double sum2i = xi[a2 + w] + xi[a3 + w];
                        double dif2r = xr[a2 + w] - xr[a3 + w];
                        double dif2i = xi[a2 + w] - xi[a3 + w];
                        double e1r = x0r + c1 * sum1r + c2 * sum2r;
                        double e1i = x0i + c1 * sum1i + c2 * sum2i;
                        double e2r = x0r + c2 * sum1r + c1 * sum2r;
                        double e2i = x0i + c2 * sum1i + c1 * sum2i;
                        double o1r = s1 * dif1r + s2 * dif2r;
                        double o1i = s1 * dif1i + s2 * dif2i;
                        double o2r = s2 * dif1r - s1 * dif2r;
                        double o2i = s2 * dif1i - s1 * dif2i;
                        // Y1 = e1 - i o1, Y4 = e1 + i o1, Y2 = e2 - i o2, Y3 = e2 + i o2; -i (a + ib) = b - ia
                        outRe[0] = x0r + sum1r + sum2r;
                        outIm[0] = x0i + sum1i + sum2i;
                        outRe[1] = e1r + o1i;
                        outIm[1] = e1i - o1r;
                        outRe[4] = e1r - o1i;
                        outIm[4] = e1i + o1r;
                        outRe[2] = e2r + o2i;
                        outIm[2] = e2i - o2r;
                        outRe[3] = e2r - o2i;
                        outIm[3] = e2i + o2r;
                        for (int u = 0; u < 5; u++) {
                            double wr = twr[5 * p + u];
                            double wi = twi[5 * p + u];
                            int out = y0 + u * s * width + w;
                            yr[out] = outRe[u] * wr - outIm[u] * wi;
                            yi[out] = outRe[u] * wi + outIm[u] * wr;
                        }
                    }
                }
            }
        }
    }
}
