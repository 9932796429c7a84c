package org.lumen.image.registration;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.lumen.image.Geometry;
import org.lumen.image.Vec3;
import org.lumen.image.Volume;
import org.lumen.image.resample.AffineTransform;
import org.lumen.image.resample.Interpolation;
import org.lumen.image.resample.Resampler;

/**
 * Coarse copies of an image for multi-resolution registration: Gaussian-smoothed (so the coarse grid does not alias) and
 * downsampled by a whole factor per axis, so that the spacing comes close to a requested one. Coarse levels have few
 * voxels and a smooth metric, which lets the search take large steps without falling into local optima.
 */
public final class ImagePyramid {
    private ImagePyramid() {
    }

    /** The per-axis whole downsampling factor that brings {@code volume}'s spacing close to {@code spacingMm} (at least 1). */
    static int[] factors(Volume volume, double spacingMm) {
        int[] f = new int[3];
        for (int axis = 0; axis < 3; axis++) {
            f[axis] = Math.max(1, (int) Math.floor(spacingMm / volume.geometry().spacing().get(axis) + 0.5));
        }
        return f;
    }

    /**
     * All levels at once, each made from the next finer one (cheaper than smoothing the full image with a wide kernel
     * for every level); the result is in the order of {@code spacingsMm}, which must run coarse to fine.
     */
    public static List<Volume> levels(Volume volume, double[] spacingsMm) {
        Volume[] out = new Volume[spacingsMm.length];
        Volume finer = volume;
        for (int l = spacingsMm.length - 1; l >= 0; l--) {
            if (l < spacingsMm.length - 1 && spacingsMm[l] < spacingsMm[l + 1]) {
                throw new IllegalArgumentException("levels must run coarse to fine, got " + Arrays.toString(spacingsMm));
            }
            out[l] = level(finer, spacingsMm[l]);
            finer = out[l];
        }
        return List.of(out);
    }

    /**
     * The image smoothed with a Gaussian of sigma {@code factor / 2} voxels along each axis and sampled every
     * {@code factor} voxels; the volume itself where every factor is 1.
     */
    public static Volume level(Volume volume, double spacingMm) {
        int[] f = factors(volume, spacingMm);
        if (f[0] == 1 && f[1] == 1 && f[2] == 1) {
            return volume;
        }
        Volume smooth = smooth(volume, new double[] {f[0] / 2.0, f[1] / 2.0, f[2] / 2.0});
        Geometry g = volume.geometry();
        // The coarse voxel (0,0,0) sits at the centre of the first f x f x f block of fine voxels.
        Vec3 origin = g.indexToPatient((f[0] - 1) / 2.0, (f[1] - 1) / 2.0, (f[2] - 1) / 2.0);
        Vec3 spacing = new Vec3(g.spacing().x() * f[0], g.spacing().y() * f[1], g.spacing().z() * f[2]);
        Geometry coarse = new Geometry(origin, g.direction(), spacing);
        int nx = Math.max(1, volume.nx() / f[0]);
        int ny = Math.max(1, volume.ny() / f[1]);
        int nz = Math.max(1, volume.nz() / f[2]);
        return Resampler.resample(smooth, nx, ny, nz, coarse, AffineTransform.IDENTITY,
                Interpolation.LINEAR, 0f);
    }

    /** Separable Gaussian smoothing with the given sigma (in voxels) per axis; edges are clamped (repeated). */
    public static Volume smooth(Volume volume, double[] sigmaVoxels) {
        float[] data = volume.data();
        int[] n = {volume.nx(), volume.ny(), volume.nz()};
        for (int axis = 0; axis < 3; axis++) {
            if (sigmaVoxels[axis] > 0 && n[axis] > 1) {
                data = smoothAxis(data, n, axis, kernel(sigmaVoxels[axis]));
            }
        }
        return volume.withData(data);
    }

    private static float[] kernel(double sigma) {
        int radius = (int) Math.ceil(3 * sigma);
        float[] k = new float[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            double w = Math.exp(-0.5 * i * i / (sigma * sigma));
            k[i + radius] = (float) w;
            sum += w;
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= (float) sum;
        }
        return k;
    }

    private static float[] smoothAxis(float[] in, int[] n, int axis, float[] k) {
        float[] out = new float[in.length];
        int radius = k.length / 2;
        int stride = axis == 0 ? 1 : (axis == 1 ? n[0] : n[0] * n[1]);
        int length = n[axis];
        // Lines along the axis are indexed by the other two coordinates; each line is independent.
        int lines = in.length / length;
        IntStream.range(0, lines).parallel().forEach(line -> {
            int start = lineStart(line, n, axis);
            for (int x = 0; x < length; x++) {
                float acc = 0;
                for (int t = -radius; t <= radius; t++) {
                    int xi = Math.min(length - 1, Math.max(0, x + t));
                    acc += k[t + radius] * in[start + xi * stride];
                }
                out[start + x * stride] = acc;
            }
        });
        return out;
    }

    private static int lineStart(int line, int[] n, int axis) {
        return switch (axis) {
            case 0 -> line * n[0];
            case 1 -> (line % n[0]) + (line / n[0]) * n[0] * n[1];
            default -> line;
        };
    }
}
