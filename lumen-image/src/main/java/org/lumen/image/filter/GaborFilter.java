package org.lumen.image.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.lumen.image.Volume;

/**
 * IBSI 2 Gabor filter, a 2D filter applied plane by plane: the kernel
 * {@code exp(-(x'^2 + gamma^2 y'^2) / (2 sigma^2)) exp(2 pi i x' / lambda)} with {@code (x', y')} the in-plane position
 * (mm) turned by {@code theta}, not normalised (the IBSI 2 consensus values were computed with this kernel); the
 * response is the modulus of the complex convolution. With rotation invariance the
 * responses for {@code theta = theta0 + k * thetaStep} over a full turn are pooled. In 2D the planes are the axial
 * slices; in 3D with orthogonal planes the axial, coronal and sagittal planes are all filtered and pooled together.
 * The kernel is cut off at {@code truncation} times its widest Gaussian width ({@code sigma / min(gamma, 1)}); the
 * convolution runs through the FFT on planes padded by the boundary condition.
 *
 * @param thetaStep angle between the pooled orientations, radians (used only with rotation invariance)
 */
public record GaborFilter(double sigmaMm, double lambdaMm, double gamma, double theta, double thetaStep,
        boolean rotationInvariant, boolean orthogonalPlanes, Pooling pooling, double truncation, FilterMode mode,
        Boundary boundary) implements ImageFilter {

    public GaborFilter {
        if (!(sigmaMm > 0) || !(lambdaMm > 0) || !(gamma > 0) || !(truncation > 0)) {
            throw new IllegalArgumentException("Gabor sigma, lambda, gamma and truncation must be positive");
        }
        if (rotationInvariant && !(thetaStep > 0)) {
            throw new IllegalArgumentException("a rotation-invariant Gabor filter needs a positive angle step");
        }
    }

    @Override
    public Volume apply(Volume image) {
        Grid grid = Grid.of(image);
        double[] pooled = new double[grid.v().length];
        List<Double> angles = distinctAngles();
        int[] normals = mode == FilterMode.VOLUME_3D && orthogonalPlanes ? new int[] {2, 1, 0} : new int[] {2};
        for (int f = 0; f < normals.length; f++) {
            int normal = normals[f];
            int u = normal == 0 ? 1 : 0;
            int v = normal == 2 ? 1 : 2;
            planeResponses(grid, normal, u, v, image.geometry().spacing().get(u), image.geometry().spacing().get(v),
                    angles, pooled, f == 0);
        }
        pooling.finish(pooled, normals.length * angles.size());
        return grid.withValues(pooled).toVolume(image);
    }

    /**
     * The orientations to filter with. Turning the kernel by pi conjugates it, which leaves the modulus of the response
     * to a real image unchanged, so of a full turn only the orientations in [theta, theta + pi) are computed; each
     * stands for itself and its opposite, which keeps both mean and max pooling exact.
     */
    private List<Double> distinctAngles() {
        List<Double> angles = new ArrayList<>();
        if (!rotationInvariant) {
            angles.add(theta);
            return angles;
        }
        int count = (int) Math.round(2 * Math.PI / thetaStep);
        if (Math.abs(count * thetaStep - 2 * Math.PI) > 1e-9 * count) {
            throw new IllegalArgumentException("the Gabor angle step must divide a full turn, got " + thetaStep);
        }
        int distinct = count % 2 == 0 ? count / 2 : count;
        for (int k = 0; k < distinct; k++) {
            angles.add(theta + k * thetaStep);
        }
        return angles;
    }

    /**
     * Pools into {@code pooled} the modulus responses of every plane normal to {@code normal} for all orientations: each
     * plane, padded by the boundary condition, is transformed once and multiplied by each kernel's spectrum.
     */
    private void planeResponses(Grid grid, int normal, int u, int v, double spacingU, double spacingV,
            List<Double> angles, double[] pooled, boolean first) {
        int nu = grid.size(u);
        int nv = grid.size(v);
        int nw = grid.size(normal);
        double widest = sigmaMm / Math.min(gamma, 1.0);
        int radiusU = (int) Math.ceil(truncation * widest / spacingU);
        int radiusV = (int) Math.ceil(truncation * widest / spacingV);
        int pu = Fft.goodLength(nu + 2 * radiusU);
        int pv = Fft.goodLength(nv + 2 * radiusV);
        List<double[][]> spectra = new ArrayList<>();
        for (double angle : angles) {
            spectra.add(kernelSpectrum(pu, pv, radiusU, radiusV, spacingU, spacingV, angle));
        }
        int strideU = grid.stride(u);
        int strideV = grid.stride(v);
        int strideW = grid.stride(normal);
        double[] values = grid.v();
        IntStream.range(0, nw).parallel().forEach(w -> {
            double[] planeRe = new double[pu * pv];
            double[] planeIm = new double[pu * pv];
            for (int b = 0; b < pv; b++) {
                int sv = boundary.resolve(b < pv - radiusV ? b : b - pv, nv);
                for (int a = 0; a < pu; a++) {
                    int su = boundary.resolve(a < pu - radiusU ? a : a - pu, nu);
                    planeRe[a + b * pu] = su < 0 || sv < 0 ? 0 : values[su * strideU + sv * strideV + w * strideW];
                }
            }
            Fft.transform2d(planeRe, planeIm, pu, pv, false);
            double[] re = new double[pu * pv];
            double[] im = new double[pu * pv];
            for (int s = 0; s < spectra.size(); s++) {
                double[] kr = spectra.get(s)[0];
                double[] ki = spectra.get(s)[1];
                for (int t = 0; t < re.length; t++) {
                    re[t] = planeRe[t] * kr[t] - planeIm[t] * ki[t];
                    im[t] = planeRe[t] * ki[t] + planeIm[t] * kr[t];
                }
                Fft.inverse2dFirstRows(re, im, pu, pv, nv);
                boolean firstMap = first && s == 0;
                for (int b = 0; b < nv; b++) {
                    for (int a = 0; a < nu; a++) {
                        int t = a + b * pu;
                        int voxel = a * strideU + b * strideV + w * strideW;
                        double modulus = Math.sqrt(re[t] * re[t] + im[t] * im[t]);
                        pooled[voxel] = firstMap ? modulus : pooling.combine(pooled[voxel], modulus);
                    }
                }
            }
        });
    }

    /** FFT of the kernel laid out circularly on a {@code pu x pv} plane (offset (0,0) at index 0). */
    private double[][] kernelSpectrum(int pu, int pv, int radiusU, int radiusV, double spacingU, double spacingV,
            double angle) {
        double[] re = new double[pu * pv];
        double[] im = new double[pu * pv];
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        for (int dv = -radiusV; dv <= radiusV; dv++) {
            for (int du = -radiusU; du <= radiusU; du++) {
                double x = du * spacingU;
                double y = dv * spacingV;
                double along = x * cos + y * sin;
                double across = -x * sin + y * cos;
                double envelope = Math.exp(-(along * along + gamma * gamma * across * across)
                        / (2 * sigmaMm * sigmaMm));
                double phase = 2 * Math.PI * along / lambdaMm;
                int t = Math.floorMod(du, pu) + Math.floorMod(dv, pv) * pu;
                re[t] = envelope * Math.cos(phase);
                im[t] = envelope * Math.sin(phase);
            }
        }
        Fft.transform2d(re, im, pu, pv, false);
        return new double[][] {re, im};
    }
}
