package org.lumen.image.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.lumen.image.Volume;

/**
 * IBSI 2 Gabor filter, a 2D filter applied plane by plane: the kernel
 * {@code exp(-(x'^2 + gamma^2 y'^2) / (2 sigma^2)) exp(2 pi i x' / lambda)} with {@code (x', y')} the in-plane position
 * (mm) turned by {@code theta}; the response is the modulus of the complex convolution. With rotation invariance the
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
        List<Double> angles = angles();
        int[] normals = mode == FilterMode.VOLUME_3D && orthogonalPlanes ? new int[] {2, 1, 0} : new int[] {2};
        int maps = 0;
        for (int normal : normals) {
            int u = normal == 0 ? 1 : 0;
            int v = normal == 2 ? 1 : 2;
            double spacingU = image.geometry().spacing().get(u);
            double spacingV = image.geometry().spacing().get(v);
            for (double angle : angles) {
                double[] map = planeResponses(grid, normal, u, v, spacingU, spacingV, angle);
                pooling.accumulate(pooled, map, maps == 0);
                maps++;
            }
        }
        pooling.finish(pooled, maps);
        return grid.withValues(pooled).toVolume(image);
    }

    private List<Double> angles() {
        List<Double> angles = new ArrayList<>();
        if (!rotationInvariant) {
            angles.add(theta);
            return angles;
        }
        int count = (int) Math.round(2 * Math.PI / thetaStep);
        for (int k = 0; k < count; k++) {
            angles.add(theta + k * thetaStep);
        }
        return angles;
    }

    /** The modulus response of every plane normal to {@code normal} for one orientation. */
    private double[] planeResponses(Grid grid, int normal, int u, int v, double spacingU, double spacingV, double angle) {
        int nu = grid.size(u);
        int nv = grid.size(v);
        int nw = grid.size(normal);
        double widest = sigmaMm / Math.min(gamma, 1.0);
        int radiusU = (int) Math.ceil(truncation * widest / spacingU);
        int radiusV = (int) Math.ceil(truncation * widest / spacingV);
        int pu = Fft.goodLength(nu + 2 * radiusU);
        int pv = Fft.goodLength(nv + 2 * radiusV);
        double[][] spectrum = kernelSpectrum(pu, pv, radiusU, radiusV, spacingU, spacingV, angle);
        double[] out = new double[grid.v().length];
        int strideU = grid.stride(u);
        int strideV = grid.stride(v);
        int strideW = grid.stride(normal);
        double[] values = grid.v();
        IntStream.range(0, nw).parallel().forEach(w -> {
            double[] re = new double[pu * pv];
            double[] im = new double[pu * pv];
            for (int b = 0; b < pv; b++) {
                int sv = boundary.resolve(b < pv - radiusV ? b : b - pv, nv);
                for (int a = 0; a < pu; a++) {
                    int su = boundary.resolve(a < pu - radiusU ? a : a - pu, nu);
                    re[a + b * pu] = su < 0 || sv < 0 ? 0 : values[su * strideU + sv * strideV + w * strideW];
                }
            }
            Fft.transform2d(re, im, pu, pv, false);
            double[] kr = spectrum[0];
            double[] ki = spectrum[1];
            for (int t = 0; t < re.length; t++) {
                double r = re[t] * kr[t] - im[t] * ki[t];
                double i = re[t] * ki[t] + im[t] * kr[t];
                re[t] = r;
                im[t] = i;
            }
            Fft.transform2d(re, im, pu, pv, true);
            for (int b = 0; b < nv; b++) {
                for (int a = 0; a < nu; a++) {
                    int t = a + b * pu;
                    out[a * strideU + b * strideV + w * strideW] = Math.hypot(re[t], im[t]);
                }
            }
        });
        return out;
    }

    private final Map<String, double[][]> spectra() {
        return SPECTRA;
    }

    private static final Map<String, double[][]> SPECTRA = new ConcurrentHashMap<>();

    /** FFT of the kernel laid out circularly on a {@code pu x pv} plane (offset (0,0) at index 0). */
    private double[][] kernelSpectrum(int pu, int pv, int radiusU, int radiusV, double spacingU, double spacingV,
            double angle) {
        String key = List.of(pu, pv, radiusU, radiusV, spacingU, spacingV, angle, sigmaMm, lambdaMm, gamma).toString();
        return spectra().computeIfAbsent(key, k -> {
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
        });
    }
}
