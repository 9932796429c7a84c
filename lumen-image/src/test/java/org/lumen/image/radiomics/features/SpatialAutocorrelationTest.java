package org.lumen.image.radiomics.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lumen.image.Vec3;

class SpatialAutocorrelationTest {

    @Test
    void theFftMatchesTheDirectDftForEveryRadix() {
        Random random = new Random(5);
        int[][] shapes = {{4, 3, 5}, {6, 10, 1}, {1, 12, 9}, {16, 2, 15}, {8, 5, 3}};
        for (int[] shape : shapes) {
            int nx = shape[0];
            int ny = shape[1];
            int nz = shape[2];
            double[] re = new double[nx * ny * nz];
            double[] im = new double[re.length];
            for (int n = 0; n < re.length; n++) {
                re[n] = random.nextGaussian();
                im[n] = random.nextGaussian();
            }
            double[] fre = re.clone();
            double[] fim = im.clone();
            Fft3.forward(fre, fim, nx, ny, nz);
            for (int f = 0; f < re.length; f++) {
                double sr = 0;
                double si = 0;
                int fx = f % nx;
                int fy = (f / nx) % ny;
                int fz = f / (nx * ny);
                for (int n = 0; n < re.length; n++) {
                    double phase = -2 * Math.PI * ((double) fx * (n % nx) / nx + (double) fy * ((n / nx) % ny) / ny
                            + (double) fz * (n / (nx * ny)) / nz);
                    sr += re[n] * Math.cos(phase) - im[n] * Math.sin(phase);
                    si += re[n] * Math.sin(phase) + im[n] * Math.cos(phase);
                }
                assertThat(fre[f]).as("re %d of %dx%dx%d", f, nx, ny, nz).isCloseTo(sr, within(1e-9));
                assertThat(fim[f]).as("im %d of %dx%dx%d", f, nx, ny, nz).isCloseTo(si, within(1e-9));
            }
        }
    }

    @Test
    void theEvenRealSpectrumIsTheOctantOfTheFullComplexOne() {
        Random random = new Random(11);
        int[][] shapes = {{8, 6, 10}, {9, 5, 1}, {1, 4, 15}, {12, 3, 9}};
        for (int[] shape : shapes) {
            int px = shape[0];
            int py = shape[1];
            int pz = shape[2];
            int hx = px / 2 + 1;
            int hy = py / 2 + 1;
            int hz = pz / 2 + 1;
            double[] octant = new double[hx * hy * hz];
            for (int n = 0; n < octant.length; n++) {
                octant[n] = random.nextGaussian();
            }
            // The full grid: each axis mirrored, value at (i, j, k) = octant at the minimal |i|, |j|, |k|.
            double[] re = new double[px * py * pz];
            double[] im = new double[re.length];
            for (int k = 0, at = 0; k < pz; k++) {
                for (int j = 0; j < py; j++) {
                    for (int i = 0; i < px; i++, at++) {
                        re[at] = octant[Math.min(i, px - i) + hx * (Math.min(j, py - j) + hy * Math.min(k, pz - k))];
                    }
                }
            }
            Fft3.forward(re, im, px, py, pz);
            Fft3.forwardEvenReal(octant, px, py, pz);
            for (int k = 0; k < hz; k++) {
                for (int j = 0; j < hy; j++) {
                    for (int i = 0; i < hx; i++) {
                        int full = i + px * (j + py * k);
                        String at = i + "," + j + "," + k + " of " + px + "x" + py + "x" + pz;
                        assertThat(octant[i + hx * (j + hy * k)]).as(at).isCloseTo(re[full], within(1e-9));
                        assertThat(im[full]).as("imaginary part at " + at).isCloseTo(0, within(1e-9));
                    }
                }
            }
        }
    }

    @Test
    void theFourierPairSumsEqualTheDirectOnes() {
        // Box extents along z of 7 (odd), 4 (even), 2 and 1 (a single slice): the padded z length and its half differ.
        int[][] shapes = {{17, 13, 7}, {9, 11, 4}, {12, 10, 2}, {30, 25, 1}};
        Random random = new Random(8);
        for (int[] shape : shapes) {
            int nx = shape[0];
            int ny = shape[1];
            int nz = shape[2];
            float[] values = new float[nx * ny * nz];
            boolean[] mask = new boolean[values.length];
            double mean = 0;
            int count = 0;
            for (int n = 0; n < values.length; n++) {
                values[n] = (float) (100 * random.nextGaussian() + (n % nx) * 3);
                mask[n] = random.nextDouble() < 0.6 && n % nx > 1;
                if (mask[n]) {
                    mean += values[n];
                    count++;
                }
            }
            mean /= count;
            Vec3 spacing = new Vec3(0.9, 1.1, 2.5);
            SpatialAutocorrelation.PairSums direct = SpatialAutocorrelation.direct(values, mask, nx, ny, spacing, mean,
                    count);
            SpatialAutocorrelation.PairSums fourier = SpatialAutocorrelation.byFourier(values, mask, nx, ny, nz, spacing,
                    mean);
            String grid = nx + "x" + ny + "x" + nz;
            assertThat(fourier.weights()).as(grid).isCloseTo(direct.weights(), within(1e-9 * direct.weights()));
            assertThat(fourier.weightedProducts()).as(grid).isCloseTo(direct.weightedProducts(),
                    within(1e-9 * direct.weightedSquares()));
            assertThat(fourier.weightedSquares()).as(grid).isCloseTo(direct.weightedSquares(),
                    within(1e-9 * direct.weightedSquares()));
        }
    }

    @Test
    void aCheckerboardIsPerfectlyDispersedAndAGradientIsClustered() {
        int n = 6;
        float[] checker = new float[n * n * n];
        float[] gradient = new float[n * n * n];
        boolean[] all = new boolean[n * n * n];
        for (int k = 0, at = 0; k < n; k++) {
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++, at++) {
                    checker[at] = (i + j + k) % 2;
                    gradient[at] = i;
                    all[at] = true;
                }
            }
        }
        Vec3 unit = new Vec3(1, 1, 1);
        assertThat(SpatialAutocorrelation.of(checker, all, n, n, n, unit).moranI()).isNegative();
        assertThat(SpatialAutocorrelation.of(checker, all, n, n, n, unit).gearyC()).isGreaterThan(1);
        assertThat(SpatialAutocorrelation.of(gradient, all, n, n, n, unit).moranI()).isPositive();
        assertThat(SpatialAutocorrelation.of(gradient, all, n, n, n, unit).gearyC()).isLessThan(1);
    }
}
