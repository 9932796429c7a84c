package org.lumen.image.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.lumen.dicom.testing.TestData;
import org.lumen.image.Geometry;
import org.lumen.image.Volume;
import org.lumen.image.VoxelType;
import org.lumen.image.nifti.NiftiReader;
import org.lumen.image.radiomics.BoundingBox;

/** The filters on the IBSI 2 digital phantoms (64^3 voxels of 2 mm) and small images, against hand-derived values. */
class FilterPhantomTest {
    private static final double A = Math.sqrt(0.5);

    static Volume phantom(String name) throws Exception {
        return NiftiReader.read(TestData.data("ibsi/ibsi_2_digital_phantom/nifti/" + name + "/image/" + name + ".nii.gz"));
    }

    private static int[] brightest(Volume volume) {
        int best = 0;
        for (int i = 1; i < volume.voxelCount(); i++) {
            best = volume.get(i) > volume.get(best) ? i : best;
        }
        int nx = volume.nx();
        int ny = volume.ny();
        return new int[] {best % nx, (best / nx) % ny, best / (nx * ny)};
    }

    @Test
    void meanOfTheImpulseIsTheBoxOfItsSupport() throws Exception {
        Volume impulse = phantom("impulse");
        int[] p = brightest(impulse);
        assertEquals(255f, impulse.get(p[0], p[1], p[2]));
        Volume response = new MeanFilter(15, FilterMode.VOLUME_3D, Boundary.ZERO).apply(impulse);
        Volume slices = new MeanFilter(15, FilterMode.SLICE_2D, Boundary.ZERO).apply(impulse);
        forEachVoxel(impulse, (i, j, k) -> {
            int chebyshevInPlane = Math.max(Math.abs(i - p[0]), Math.abs(j - p[1]));
            boolean inBox = Math.max(chebyshevInPlane, Math.abs(k - p[2])) <= 7;
            assertEquals(inBox ? 255.0 / (15 * 15 * 15) : 0, response.get(i, j, k), 1e-6);
            boolean inSquare = chebyshevInPlane <= 7 && k == p[2];
            assertEquals(inSquare ? 255.0 / (15 * 15) : 0, slices.get(i, j, k), 1e-6);
        });
    }

    @Test
    void logOfTheImpulseIsTheAnalyticKernel() throws Exception {
        Volume impulse = phantom("impulse");
        int[] p = brightest(impulse);
        // IBSI 2 test 2.a: sigma 3 mm on 2 mm voxels is 1.5 voxels; cut off at 4 sigma: radius floor(6.5) = 6 voxels.
        Volume response = new LaplacianOfGaussianFilter(3, 4, FilterMode.VOLUME_3D, Boundary.ZERO).apply(impulse);
        double sigma = 1.5;
        forEachVoxel(impulse, (i, j, k) -> {
            int di = i - p[0];
            int dj = j - p[1];
            int dk = k - p[2];
            double expected = 0;
            if (Math.max(Math.abs(di), Math.max(Math.abs(dj), Math.abs(dk))) <= 6) {
                double r2 = di * di + dj * dj + dk * dk;
                double gaussian = Math.exp(-r2 / (2 * sigma * sigma)) / Math.pow(2 * Math.PI * sigma * sigma, 1.5);
                expected = 255 * gaussian * (r2 / Math.pow(sigma, 4) - 3 / (sigma * sigma));
            }
            assertEquals(expected, response.get(i, j, k), 1e-5);
        });
        assertTrue(response.get(p[0], p[1], p[2]) < 0, "the LoG of a bright spot is negative at its centre");
    }

    @Test
    void lawsKernelsHaveTheirDefiningSumsNormsAndOrthogonality() {
        double[][] expected = {{16, 70}, {0, 10}, {0, 6}, {0, 10}, {0, 70}};
        String[] names = {"L5", "E5", "S5", "W5", "R5"};
        for (int n = 0; n < names.length; n++) {
            double[] taps = LawsFilter.kernel(names[n]).taps();
            assertEquals(expected[n][0], sum(taps), 1e-12, names[n] + " sum");
            assertEquals(expected[n][1], dot(taps, taps), 1e-12, names[n] + " squared norm");
            for (int m = 0; m < n; m++) {
                double[] other = LawsFilter.kernel(names[m]).taps();
                boolean sameParity = (n % 2 == 0) == (m % 2 == 0);
                if (!sameParity) {
                    assertEquals(0, dot(taps, other), 1e-12, names[n] + " against " + names[m]);
                }
            }
        }
        assertEquals(4, sum(LawsFilter.kernel("L3").taps()), 1e-12);
        assertEquals(0, sum(LawsFilter.kernel("E3").taps()), 1e-12);
        assertEquals(0, sum(LawsFilter.kernel("S3").taps()), 1e-12);
    }

    @Test
    void lawsOfTheImpulseIsTheNormalisedKernel() throws Exception {
        Volume impulse = phantom("impulse");
        int[] p = brightest(impulse);
        Volume response = new LawsFilter("E5L5S5", FilterMode.VOLUME_3D, Boundary.ZERO, false, Pooling.MAX,
                LawsFilter.NO_ENERGY).apply(impulse);
        double[] e5 = {-1, -2, 0, 2, 1};
        double[] l5 = {1, 4, 6, 4, 1};
        double[] s5 = {-1, 0, 2, 0, -1};
        double norm = Math.sqrt(10 * 70 * 6);
        for (int dk = -2; dk <= 2; dk++) {
            for (int dj = -2; dj <= 2; dj++) {
                for (int di = -2; di <= 2; di++) {
                    // A convolution reproduces its kernel around an impulse: offset d carries tap (centre + d).
                    double expected = 255 * e5[2 + di] * l5[2 + dj] * s5[2 + dk] / norm;
                    assertEquals(expected, response.get(p[0] + di, p[1] + dj, p[2] + dk), 1e-4);
                }
            }
        }
    }

    @Test
    void lawsEnergyOfAConstantImageIsTheConstantTimesTheKernelSum() {
        Volume constant = uniform(20, 18, 16, 3f);
        Volume response = new LawsFilter("L5L5L5", FilterMode.VOLUME_3D, Boundary.MIRROR, true, Pooling.MAX, 7)
                .apply(constant);
        double gain = Math.pow(16 / Math.sqrt(70), 3);
        for (int i = 0; i < response.voxelCount(); i++) {
            assertEquals(3 * gain, response.get(i), 1e-4);
        }
    }

    @Test
    void undecimatedWaveletBandsReconstructTheImage() throws Exception {
        Grid noise = Grid.of(phantom("noise"));
        for (Wavelet wavelet : Wavelet.values()) {
            Kernel1D[] decomposition = {wavelet.lowPass(), wavelet.highPass()};
            double[] sum = new double[noise.v().length];
            for (int band = 0; band < 8; band++) {
                Kernel1D[] analysis = new Kernel1D[3];
                Kernel1D[] synthesis = new Kernel1D[3];
                for (int axis = 0; axis < 3; axis++) {
                    analysis[axis] = decomposition[(band >> axis) & 1];
                    synthesis[axis] = analysis[axis].reversed();
                }
                Grid coefficients = new SeparableKernel(analysis[0], analysis[1], analysis[2])
                        .apply(noise, Boundary.PERIODIC);
                double[] back = new SeparableKernel(synthesis[0], synthesis[1], synthesis[2])
                        .apply(coefficients, Boundary.PERIODIC).v();
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += back[i];
                }
            }
            // Each axis's low and high pass together pass twice the signal: 2^3 in 3D.
            for (int i = 0; i < sum.length; i++) {
                assertEquals(8 * noise.v()[i], sum[i], 1e-6, wavelet + " at voxel " + i);
            }
        }
    }

    @Test
    void waveletFiltersAreOrthonormalQuadratureMirrors() {
        for (Wavelet wavelet : Wavelet.values()) {
            double[] lo = wavelet.lowPass().taps();
            double[] hi = wavelet.highPass().taps();
            assertEquals(Math.sqrt(2), sum(lo), 1e-12, wavelet + " low-pass sum");
            assertEquals(0, sum(hi), 1e-12, wavelet + " high-pass sum");
            if (wavelet != Wavelet.HAAR) {
                // All but Haar have at least two vanishing moments.
                assertEquals(0, moment(hi, 1), 1e-10, wavelet + " high-pass first moment");
            }
            for (int shift = 0; shift < lo.length; shift += 2) {
                assertEquals(shift == 0 ? 1 : 0, shiftedDot(lo, lo, shift), 1e-12, wavelet + " low shift " + shift);
                assertEquals(0, shiftedDot(lo, hi, shift), 1e-12, wavelet + " low-high shift " + shift);
            }
        }
    }

    @Test
    void haarOnTheCheckerboardIsFlatInsideBlocksAndFlagsOnlyBlockCorners() throws Exception {
        Volume checkerboard = phantom("checkerboard");
        Volume low = new SeparableWaveletFilter(Wavelet.HAAR, "LLL", 1, FilterMode.VOLUME_3D, Boundary.MIRROR, false,
                Pooling.MEAN).apply(checkerboard);
        Volume high = new SeparableWaveletFilter(Wavelet.HAAR, "HHH", 1, FilterMode.VOLUME_3D, Boundary.MIRROR, false,
                Pooling.MEAN).apply(checkerboard);
        int[] corners = {0};
        forEachVoxel(checkerboard, (i, j, k) -> {
            // Haar taps sit at the voxel and its upper neighbour: L sums them (times 1/sqrt 2), H takes x[i] - x[i+1].
            boolean inside = i % 8 != 7 && j % 8 != 7 && k % 8 != 7;
            if (inside) {
                assertEquals(2 * Math.sqrt(2) * checkerboard.get(i, j, k), low.get(i, j, k), 1e-3);
            }
            boolean corner = i % 8 == 7 && j % 8 == 7 && k % 8 == 7 && i < 63 && j < 63 && k < 63;
            if (corner) {
                corners[0]++;
                // The triple difference over the 2x2x2 cell of a checkerboard corner is +-4 * 255.
                assertEquals(Math.sqrt(2) * 255, Math.abs(high.get(i, j, k)), 1e-3);
            } else {
                assertEquals(0, high.get(i, j, k), 1e-3);
            }
        });
        assertEquals(7 * 7 * 7, corners[0]);
    }

    @Test
    void gaborRespondsMostAtTheOrientationOfAGrating() {
        int n = 64;
        double wavelength = 8;
        double orientation = Math.PI / 3;
        float[] values = new float[n * n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                values[i + n * j] = (float) Math.cos(2 * Math.PI * (i * Math.cos(orientation) + j * Math.sin(orientation))
                        / wavelength);
            }
        }
        Volume grating = new Volume(n, n, 1, values, VoxelType.FLOAT32, Geometry.identity());
        double bestAngle = -1;
        double best = -1;
        for (int step = 0; step < 12; step++) {
            double theta = step * Math.PI / 12;
            Volume response = new GaborFilter(6, wavelength, 1, theta, 0, false, false, Pooling.MEAN, 4,
                    FilterMode.SLICE_2D, Boundary.PERIODIC).apply(grating);
            double centre = response.get(n / 2, n / 2, 0);
            if (centre > best) {
                best = centre;
                bestAngle = theta;
            }
        }
        assertEquals(orientation, bestAngle, 1e-9);
        // A Gaussian-windowed matched wave: half the window's sum, 2 pi sigma^2 / 2 for gamma 1.
        assertEquals(Math.PI * 36, best, 0.01 * Math.PI * 36);
    }

    @Test
    void rotationInvariantFiltersDoNotChangeUnderRightAngleRotations() throws Exception {
        // Unit spacing, so that a turned copy (which the helpers place on the identity grid) keeps its scale.
        Volume noise = new BoundingBox(8, 12, 16, 47, 47, 47).crop(phantom("noise"))
                .withGeometry(Geometry.identity());
        List<ImageFilter> invariant = List.of(
                new LawsFilter("L5E5E5", FilterMode.VOLUME_3D, Boundary.MIRROR, true, Pooling.MAX, 2),
                new SeparableWaveletFilter(Wavelet.DB3, "LLH", 2, FilterMode.VOLUME_3D, Boundary.MIRROR, true,
                        Pooling.MEAN),
                new SeparableWaveletFilter(Wavelet.COIF1, "HL", 1, FilterMode.SLICE_2D, Boundary.PERIODIC, true,
                        Pooling.MEAN),
                new GaborFilter(4, 4, 1.5, 0, Math.PI / 4, true, true, Pooling.MEAN, 3, FilterMode.VOLUME_3D,
                        Boundary.MIRROR),
                new LaplacianOfGaussianFilter(3, 4, FilterMode.VOLUME_3D, Boundary.NEAREST));
        for (ImageFilter filter : invariant) {
            assertEquals(0, rotationDifference(filter, noise, FilterPhantomTest::turnAboutZ), 1e-4, filter + " about z");
            if (filter instanceof GaborFilter || filter.toString().contains("SLICE_2D")) {
                continue; // 2D filters are invariant only to turns within the slice
            }
            assertEquals(0, rotationDifference(filter, noise, FilterPhantomTest::turnAboutX), 1e-4, filter + " about x");
        }
        ImageFilter directional = new LawsFilter("L5E5E5", FilterMode.VOLUME_3D, Boundary.MIRROR, false, Pooling.MAX,
                LawsFilter.NO_ENERGY);
        assertTrue(rotationDifference(directional, noise, FilterPhantomTest::turnAboutZ) > 0.1,
                "without rotation invariance a turned image gives another response");
    }

    @Test
    void simoncelliPassesItsCentreFrequencyWhole() {
        // 65 samples: the reference frequency grid puts bin s at pi * s / 32, so bin 16 is pi / 2 and bin 8 is pi / 4.
        int n = 65;
        for (int level = 1; level <= 2; level++) {
            int bin = 32 >> level;
            float[] wave = new float[n];
            float[] offset = new float[n];
            for (int i = 0; i < n; i++) {
                wave[i] = (float) Math.cos(2 * Math.PI * bin * i / n);
                offset[i] = 5 + wave[i];
            }
            Volume response = new SimoncelliFilter(level, FilterMode.VOLUME_3D)
                    .apply(new Volume(n, 1, 1, offset, VoxelType.FLOAT32, Geometry.identity()));
            for (int i = 0; i < n; i++) {
                // Gain 1 at the band's centre frequency, 0 at frequency 0 (the constant 5 is removed).
                assertEquals(wave[i], response.get(i), 1e-5, "level " + level + " voxel " + i);
            }
        }
        assertEquals(0, new SimoncelliFilter(1, FilterMode.VOLUME_3D).response(Math.PI), 1e-12);
        assertEquals(0, new SimoncelliFilter(1, FilterMode.VOLUME_3D).response(Math.PI / 4), 1e-12);
    }

    // --- helpers

    private interface VoxelCheck {
        void at(int i, int j, int k);
    }

    private static void forEachVoxel(Volume volume, VoxelCheck check) {
        for (int k = 0; k < volume.nz(); k++) {
            for (int j = 0; j < volume.ny(); j++) {
                for (int i = 0; i < volume.nx(); i++) {
                    check.at(i, j, k);
                }
            }
        }
    }

    /** Largest difference between filter(image) and turnBack(filter(turn(image))), turn being a quarter turn. */
    private static double rotationDifference(ImageFilter filter, Volume image, UnaryOperator<Volume> turn) {
        Volume direct = filter.apply(image);
        Volume turned = filter.apply(turn.apply(image));
        Volume back = turn.apply(turn.apply(turn.apply(turned)));
        double worst = 0;
        for (int i = 0; i < direct.voxelCount(); i++) {
            worst = Math.max(worst, Math.abs(direct.get(i) - back.get(i)));
        }
        return worst;
    }

    /** A quarter turn about z: voxel (i, j, k) goes to (ny - 1 - j, i, k). */
    static Volume turnAboutZ(Volume v) {
        int nx = v.nx();
        int ny = v.ny();
        int nz = v.nz();
        float[] out = new float[v.voxelCount()];
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    out[(ny - 1 - j) + ny * (i + nx * k)] = v.get(i, j, k);
                }
            }
        }
        return new Volume(ny, nx, nz, out, VoxelType.FLOAT32, Geometry.identity());
    }

    /** A quarter turn about x: voxel (i, j, k) goes to (i, nz - 1 - k, j). */
    static Volume turnAboutX(Volume v) {
        int nx = v.nx();
        int ny = v.ny();
        int nz = v.nz();
        float[] out = new float[v.voxelCount()];
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    out[i + nx * ((nz - 1 - k) + nz * j)] = v.get(i, j, k);
                }
            }
        }
        return new Volume(nx, nz, ny, out, VoxelType.FLOAT32, Geometry.identity());
    }

    private static Volume uniform(int nx, int ny, int nz, float value) {
        float[] values = new float[nx * ny * nz];
        java.util.Arrays.fill(values, value);
        return new Volume(nx, ny, nz, values, VoxelType.FLOAT32, Geometry.identity());
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double moment(double[] taps, int order) {
        double s = 0;
        for (int k = 0; k < taps.length; k++) {
            s += Math.pow(k, order) * taps[k];
        }
        return s;
    }

    private static double shiftedDot(double[] a, double[] b, int shift) {
        double s = 0;
        for (int i = 0; i + shift < a.length; i++) {
            s += a[i + shift] * b[i];
        }
        return s;
    }
}
