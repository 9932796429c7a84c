package org.lumen.image.filter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BoundaryAndFftTest {
    @Test
    void boundaryConditionsExtendAFourVoxelAxisAsIbsiDefinesThem() {
        int[] indices = {-2, -1, 0, 1, 2, 3, 4, 5};
        assertArrayEquals(new int[] {-1, -1, 0, 1, 2, 3, -1, -1}, resolveAll(Boundary.ZERO, indices));
        assertArrayEquals(new int[] {0, 0, 0, 1, 2, 3, 3, 3}, resolveAll(Boundary.NEAREST, indices));
        assertArrayEquals(new int[] {2, 3, 0, 1, 2, 3, 0, 1}, resolveAll(Boundary.PERIODIC, indices));
        assertArrayEquals(new int[] {1, 0, 0, 1, 2, 3, 3, 2}, resolveAll(Boundary.MIRROR, indices));
    }

    @Test
    void kernelCentreFollowsTheReferenceConventionForEvenLengthsAndReversal() {
        Kernel1D haar = Wavelet.HAAR.highPass();
        assertEquals(1, haar.centre());
        // out[i] = a (x[i] - x[i+1]); reversed, out[i] = a (x[i] - x[i-1]).
        double[] line = {0, 0, 1, 1};
        Grid grid = new Grid(4, 1, 1, line);
        double a = Math.sqrt(0.5);
        assertArrayEquals(new double[] {0, -a, 0, 0}, AxisConvolution.convolve(grid, 0, haar, Boundary.NEAREST).v(),
                1e-12);
        assertArrayEquals(new double[] {0, 0, a, 0},
                AxisConvolution.convolve(grid, 0, haar.reversed(), Boundary.NEAREST).v(), 1e-12);
        assertEquals(Kernel1D.centred(1, 0, 2, 0, 3), Kernel1D.centred(1, 2, 3).dilated(2));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 8, 12, 45, 64, 180, 197, 200})
    void fftMatchesTheDefiningSumAndInvertsExactly(int n) {
        Random random = new Random(n);
        double[] re = new double[n];
        double[] im = new double[n];
        for (int j = 0; j < n; j++) {
            re[j] = random.nextGaussian();
            im[j] = random.nextGaussian();
        }
        double[] fr = re.clone();
        double[] fi = im.clone();
        Fft.of(n).transform(fr, fi, false);
        for (int k = 0; k < n; k++) {
            double sr = 0;
            double si = 0;
            for (int j = 0; j < n; j++) {
                double angle = -2 * Math.PI * ((long) j * k % n) / n;
                sr += re[j] * Math.cos(angle) - im[j] * Math.sin(angle);
                si += re[j] * Math.sin(angle) + im[j] * Math.cos(angle);
            }
            assertEquals(sr, fr[k], 1e-9 * n, "real part of bin " + k);
            assertEquals(si, fi[k], 1e-9 * n, "imaginary part of bin " + k);
        }
        Fft.of(n).transform(fr, fi, true);
        assertArrayEquals(re, fr, 1e-10);
        assertArrayEquals(im, fi, 1e-10);
    }

    private static int[] resolveAll(Boundary boundary, int[] indices) {
        int[] out = new int[indices.length];
        for (int t = 0; t < indices.length; t++) {
            out[t] = boundary.resolve(indices[t], 4);
        }
        return out;
    }
}
