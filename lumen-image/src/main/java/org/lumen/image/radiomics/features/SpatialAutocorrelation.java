package org.lumen.image.radiomics.features;

import org.lumen.image.Vec3;
import org.lumen.image.radiomics.BoundingBox;

/**
 * Moran's I and Geary's C of the intensities in a mask, with weights 1 / (distance in mm) over all pairs of distinct
 * voxels, computed exactly. Small masks sum the pairs directly. Large ones use that every pair sum is a correlation with
 * the 1/distance kernel: on a grid padded to twice the mask's bounding box (so nothing wraps around) the sums
 * {@code sum w}, {@code sum w z1 z2} and {@code sum w z1^2} follow by Parseval from the Fourier transforms of the mask,
 * the centred intensities z and their squares (one complex 3D FFT of mask + i z, one of half the length along z for
 * z^2, its even and odd slices packed as real and imaginary parts; both skip the empty lines of the padding) and of the kernel (real and even along each axis, so only its octant is transformed) instead
 * of O(n^2) pairs.
 *
 * @param moranI IBSI morph_moran_i
 * @param gearyC IBSI morph_geary_c
 */
record SpatialAutocorrelation(double moranI, double gearyC) {
    /** Up to this many voxels the direct pair sum is cheaper than the transforms. */
    static final int DIRECT_LIMIT = 2000;

    /**
     * @param values intensities on the grid (x fastest)
     * @param mask the voxels taking part
     * @param spacing voxel spacing in mm
     */
    static SpatialAutocorrelation of(float[] values, boolean[] mask, int nx, int ny, int nz, Vec3 spacing) {
        int count = 0;
        double mean = 0;
        for (int n = 0; n < mask.length; n++) {
            if (mask[n]) {
                count++;
                mean += values[n];
            }
        }
        if (count < 2) {
            return new SpatialAutocorrelation(Double.NaN, Double.NaN);
        }
        mean /= count;
        PairSums sums = count <= DIRECT_LIMIT ? direct(values, mask, nx, ny, spacing, mean, count)
                : byFourier(values, mask, nx, ny, nz, spacing, mean);
        double squares = 0;
        for (int n = 0; n < mask.length; n++) {
            if (mask[n]) {
                squares += (values[n] - mean) * (values[n] - mean);
            }
        }
        double gearySum = 2 * sums.weightedSquares - 2 * sums.weightedProducts;
        return new SpatialAutocorrelation(count / sums.weights * sums.weightedProducts / squares,
                (count - 1) / (2 * sums.weights) * gearySum / squares);
    }

    /**
     * Sums over ordered pairs of distinct voxels: {@code weights} = sum w, {@code weightedProducts} = sum w z1 z2 and
     * {@code weightedSquares} = sum w z1^2, with z the intensity minus the mean.
     */
    record PairSums(double weights, double weightedProducts, double weightedSquares) {
    }

    static PairSums direct(float[] values, boolean[] mask, int nx, int ny, Vec3 spacing, double mean, int count) {
        double[] x = new double[count];
        double[] y = new double[count];
        double[] z = new double[count];
        double[] centred = new double[count];
        int at = 0;
        for (int n = 0; n < mask.length; n++) {
            if (mask[n]) {
                x[at] = (n % nx) * spacing.x();
                y[at] = ((n / nx) % ny) * spacing.y();
                z[at] = (n / (nx * ny)) * spacing.z();
                centred[at++] = values[n] - mean;
            }
        }
        double weights = 0;
        double products = 0;
        double squares = 0;
        for (int a = 0; a < count; a++) {
            for (int b = a + 1; b < count; b++) {
                double dx = x[a] - x[b];
                double dy = y[a] - y[b];
                double dz = z[a] - z[b];
                double w = 1 / Math.sqrt(dx * dx + dy * dy + dz * dz);
                weights += w;
                products += w * centred[a] * centred[b];
                squares += w * (centred[a] * centred[a] + centred[b] * centred[b]);
            }
        }
        return new PairSums(2 * weights, 2 * products, squares);
    }

    static PairSums byFourier(float[] values, boolean[] mask, int nx, int ny, int nz, Vec3 spacing, double mean) {
        BoundingBox box = BoundingBox.of(mask, nx, ny, nz).orElseThrow(
                () -> new IllegalArgumentException("Moran's I and Geary's C need at least one ROI voxel"));
        int bx = box.nx();
        int by = box.ny();
        int bz = box.nz();
        int px = Fft3.goodLength(2 * bx - 1);
        int py = Fft3.goodLength(2 * by - 1);
        int pz = evenGoodLength(2 * bz - 1);
        int size = px * py * pz;
        int hz = pz / 2;
        // a = mask + i z: two real signals in one complex transform. c = z^2 of the even slices + i z^2 of the odd
        // ones: one transform of half the length along z gives the transform of z^2. Both are zero outside the box, so
        // their transforms skip the empty lines.
        double[] aRe = new double[size];
        double[] aIm = new double[size];
        double[] cRe = new double[size / 2];
        double[] cIm = new double[size / 2];
        for (int k = 0; k < bz; k++) {
            double[] slices = k % 2 == 0 ? cRe : cIm;
            for (int j = 0; j < by; j++) {
                for (int i = 0; i < bx; i++) {
                    int n = (i + box.x0()) + nx * ((j + box.y0()) + ny * (k + box.z0()));
                    if (mask[n]) {
                        int p = i + px * (j + py * k);
                        double centred = values[n] - mean;
                        aRe[p] = 1;
                        aIm[p] = centred;
                        slices[i + px * (j + py * (k / 2))] = centred * centred;
                    }
                }
            }
        }
        Fft3.forward(aRe, aIm, px, py, pz, by, bz);
        Fft3.forward(cRe, cIm, px, py, hz, by, (bz + 1) / 2);
        double[] kernel = kernelSpectrumOctant(px, py, pz, spacing);
        int[] octantX = octantIndices(px, 1);
        int[] octantY = octantIndices(py, px / 2 + 1);
        int[] octantZ = octantIndices(pz, (px / 2 + 1) * (py / 2 + 1));
        double weights = 0;
        double products = 0;
        double squares = 0;
        // Every term is the same at f and -f (the signals are real, the kernel even), and -f of plane k lies in plane
        // pz - k: the planes 1 .. pz/2 - 1 stand for their mirror images too, planes 0 and pz/2 only for themselves.
        for (int k = 0; k <= hz; k++) {
            int mk = (pz - k) % pz;
            double planeWeights = 0;
            double planeProducts = 0;
            double planeSquares = 0;
            int kh = k % hz;
            int mkh = (hz - kh) % hz;
            double oddRe = Math.cos(-2 * Math.PI * k / pz);
            double oddIm = Math.sin(-2 * Math.PI * k / pz);
            for (int j = 0; j < py; j++) {
                int mj = (py - j) % py;
                int kernelRow = octantY[j] + octantZ[k];
                for (int i = 0; i < px; i++) {
                    int mi = (px - i) % px;
                    int f = i + px * (j + py * k);
                    int g = mi + px * (mj + py * mk);
                    // Split X(f) = U(f) + i V(f) of real u, v: U = (X(f) + conj X(-f)) / 2, V = (X(f) - conj X(-f)) / 2i.
                    double maskRe = 0.5 * (aRe[f] + aRe[g]);
                    double maskIm = 0.5 * (aIm[f] - aIm[g]);
                    double zRe = 0.5 * (aIm[f] + aIm[g]);
                    double zIm = -0.5 * (aRe[f] - aRe[g]);
                    // The same split of c into the even (E) and odd (O) slices' transforms; z^2 = E + exp(-2 pi i k/pz) O.
                    int fh = i + px * (j + py * kh);
                    int gh = mi + px * (mj + py * mkh);
                    double evenRe = 0.5 * (cRe[fh] + cRe[gh]);
                    double evenIm = 0.5 * (cIm[fh] - cIm[gh]);
                    double oRe = 0.5 * (cIm[fh] + cIm[gh]);
                    double oIm = -0.5 * (cRe[fh] - cRe[gh]);
                    double z2Re = evenRe + oddRe * oRe - oddIm * oIm;
                    double z2Im = evenIm + oddRe * oIm + oddIm * oRe;
                    double kernelValue = kernel[kernelRow + octantX[i]];
                    planeWeights += kernelValue * (maskRe * maskRe + maskIm * maskIm);
                    planeProducts += kernelValue * (zRe * zRe + zIm * zIm);
                    planeSquares += kernelValue * (z2Re * maskRe + z2Im * maskIm);
                }
            }
            double mirrored = k == 0 || k == hz ? 1 : 2;
            weights += mirrored * planeWeights;
            products += mirrored * planeProducts;
            squares += mirrored * planeSquares;
        }
        return new PairSums(weights / size, products / size, squares / size);
    }

    /**
     * The spectrum of the periodic kernel 1 / distance (mm), 0 at offset 0, at frequencies 0 .. p/2 along each axis.
     * The kernel depends only on |offset| along each axis, so it and its (real) spectrum are even along each axis and
     * the octant is all there is to compute.
     */
    private static double[] kernelSpectrumOctant(int px, int py, int pz, Vec3 spacing) {
        int hx = px / 2 + 1;
        int hy = py / 2 + 1;
        int hz = pz / 2 + 1;
        double[] octant = new double[hx * hy * hz];
        for (int k = 0, at = 0; k < hz; k++) {
            double dz = k * spacing.z();
            for (int j = 0; j < hy; j++) {
                double dy = j * spacing.y();
                for (int i = 0; i < hx; i++, at++) {
                    double dx = i * spacing.x();
                    double distance = Math.sqrt(dx * dx + dy * dy + dz * dz);
                    octant[at] = distance == 0 ? 0 : 1 / distance;
                }
            }
        }
        Fft3.forwardEvenReal(octant, px, py, pz);
        return octant;
    }

    /** For each index 0 .. period-1 along an axis, its offset into the octant: |minimal image| times the stride. */
    private static int[] octantIndices(int period, int stride) {
        int[] indices = new int[period];
        for (int n = 0; n < period; n++) {
            indices[n] = Math.abs(minimalImage(n, period)) * stride;
        }
        return indices;
    }

    /** The smallest even length at least {@code minimum} with no prime factor above 5. */
    private static int evenGoodLength(int minimum) {
        int length = Fft3.goodLength(minimum);
        while (length % 2 != 0) {
            length = Fft3.goodLength(length + 1);
        }
        return length;
    }

    /** The signed offset a periodic index stands for: 0 .. n/2 forwards, the rest backwards. */
    private static int minimalImage(int index, int period) {
        return index <= period / 2 ? index : index - period;
    }
}
