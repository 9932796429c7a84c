package org.lumen.image.filter;

import org.lumen.image.Volume;

/**
 * IBSI 2 Simoncelli wavelet, a non-separable isotropic band-pass defined in the Fourier domain: at decomposition level j
 * it is {@code cos(pi/2 * log2(2^j |w| / pi))} for {@code pi / 2^(j+1) <= |w| <= pi / 2^(j-1)} (|w| the radial frequency
 * in radians per voxel) and 0 elsewhere. It is applied through the DFT of the whole image (or of each slice in 2D),
 * which makes the boundary condition periodic by construction; the response is the real part.
 */
public record SimoncelliFilter(int level, FilterMode mode) implements ImageFilter {
    public SimoncelliFilter {
        if (level < 1) {
            throw new IllegalArgumentException("Simoncelli decomposition level must be at least 1, got " + level);
        }
    }

    @Override
    public Volume apply(Volume image) {
        Grid grid = Grid.of(image);
        int nx = grid.nx();
        int ny = grid.ny();
        int nz = grid.nz();
        double[] re = grid.v().clone();
        double[] im = new double[re.length];
        boolean[] axes = {true, true, mode == FilterMode.VOLUME_3D};
        Fft.forwardOfReal3d(re, im, nx, ny, nz, axes);
        double[] fx = frequencies(nx);
        double[] fy = frequencies(ny);
        double[] fz = mode == FilterMode.VOLUME_3D ? frequencies(nz) : new double[nz];
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    double radius = Math.sqrt(fx[i] * fx[i] + fy[j] * fy[j] + fz[k] * fz[k]);
                    double gain = response(radius);
                    int t = i + nx * (j + ny * k);
                    re[t] *= gain;
                    im[t] *= gain;
                }
            }
        }
        Fft.inverse3d(re, im, nx, ny, nz, axes);
        return grid.withValues(re).toVolume(image);
    }

    /** The filter's gain at radial frequency {@code radius} (radians per voxel). */
    public double response(double radius) {
        double scale = 1 << level;
        double low = Math.PI / (2 * scale);
        double high = 2 * Math.PI / scale;
        if (radius < low || radius > high) {
            return 0;
        }
        return Math.cos(Math.PI / 2 * (Math.log(scale * radius / Math.PI) / Math.log(2)));
    }

    /**
     * Angular frequency (radians per voxel) of each DFT bin on the IBSI 2 reference grid: the n bins, taken in centred
     * order, are spread evenly from -pi to pi end to end (a step of 2 pi / (n - 1), not the DFT's 2 pi / n), the centre
     * bin {@code floor(n / 2)} of the centred order going to bin 0. This is the grid the IBSI 2 consensus values were
     * computed on; the plain DFT frequencies put the CT phantom's 8.A quartile coefficient of dispersion and 9.B minimum
     * outside their tolerances.
     */
    static double[] frequencies(int n) {
        double[] f = new double[n];
        if (n == 1) {
            return f;
        }
        double half = (n - 1) / 2.0;
        for (int bin = 0; bin < n; bin++) {
            int centred = (bin + n / 2) % n;
            f[bin] = Math.PI * (centred - half) / half;
        }
        return f;
    }
}
