package org.lumen.image.radiomics.features;

import org.lumen.image.Vec3;
import org.lumen.image.radiomics.BoundingBox;

/**
 * Moran's I and Geary's C of the intensities in a mask, with weights 1 / (distance in mm) over all pairs of distinct
 * voxels, computed exactly. Small masks sum the pairs directly. Large ones use that every pair sum is a correlation with
 * the 1/distance kernel: on a grid padded to twice the mask's bounding box (so nothing wraps around) the sums
 * {@code sum w}, {@code sum w z1 z2} and {@code sum w z1^2} follow by Parseval from the Fourier transforms of the mask,
 * the centred intensities z, their squares and the kernel, two complex 3D FFTs in all instead of O(n^2) pairs.
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
        int pz = Fft3.goodLength(2 * bz - 1);
        int size = px * py * pz;
        // a = mask + i z (zero outside the box, so its transform skips the empty lines), b = z^2 + i kernel: two real
        // signals per complex transform.
        double[] aRe = new double[size];
        double[] aIm = new double[size];
        double[] bRe = new double[size];
        double[] bIm = new double[size];
        for (int k = 0; k < bz; k++) {
            for (int j = 0; j < by; j++) {
                for (int i = 0; i < bx; i++) {
                    int n = (i + box.x0()) + nx * ((j + box.y0()) + ny * (k + box.z0()));
                    if (mask[n]) {
                        int p = i + px * (j + py * k);
                        double centred = values[n] - mean;
                        aRe[p] = 1;
                        aIm[p] = centred;
                        bRe[p] = centred * centred;
                    }
                }
            }
        }
        fillKernel(bIm, px, py, pz, spacing);
        Fft3.forward(aRe, aIm, px, py, pz, by, bz);
        Fft3.forward(bRe, bIm, px, py, pz);
        double weights = 0;
        double products = 0;
        double squares = 0;
        for (int k = 0; k < pz; k++) {
            int mk = (pz - k) % pz;
            for (int j = 0; j < py; j++) {
                int mj = (py - j) % py;
                for (int i = 0; i < px; i++) {
                    int f = i + px * (j + py * k);
                    int g = (px - i) % px + px * (mj + py * mk);
                    // Split X(f) = U(f) + i V(f) of real u, v: U = (X(f) + conj X(-f)) / 2, V = (X(f) - conj X(-f)) / 2i.
                    double maskRe = 0.5 * (aRe[f] + aRe[g]);
                    double maskIm = 0.5 * (aIm[f] - aIm[g]);
                    double zRe = 0.5 * (aIm[f] + aIm[g]);
                    double zIm = -0.5 * (aRe[f] - aRe[g]);
                    double z2Re = 0.5 * (bRe[f] + bRe[g]);
                    double z2Im = 0.5 * (bIm[f] - bIm[g]);
                    double kernel = 0.5 * (bIm[f] + bIm[g]); // real: the kernel is even
                    weights += kernel * (maskRe * maskRe + maskIm * maskIm);
                    products += kernel * (zRe * zRe + zIm * zIm);
                    squares += kernel * (z2Re * maskRe + z2Im * maskIm);
                }
            }
        }
        return new PairSums(weights / size, products / size, squares / size);
    }

    /**
     * 1 / distance (mm) of every periodic offset, 0 at offset 0. The kernel only depends on |offset| along each axis,
     * so the square roots are taken once per octant entry and mirrored.
     */
    private static void fillKernel(double[] kernel, int px, int py, int pz, Vec3 spacing) {
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
        int at = 0;
        for (int k = 0; k < pz; k++) {
            int mk = Math.abs(minimalImage(k, pz));
            for (int j = 0; j < py; j++) {
                int row = hx * (Math.abs(minimalImage(j, py)) + hy * mk);
                for (int i = 0; i < px; i++, at++) {
                    kernel[at] = octant[row + Math.abs(minimalImage(i, px))];
                }
            }
        }
    }

    /** The signed offset a periodic index stands for: 0 .. n/2 forwards, the rest backwards. */
    private static int minimalImage(int index, int period) {
        return index <= period / 2 ? index : index - period;
    }
}
