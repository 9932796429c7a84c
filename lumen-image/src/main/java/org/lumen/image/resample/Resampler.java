package org.lumen.image.resample;

import java.util.stream.IntStream;
import org.lumen.image.Geometry;
import org.lumen.image.Vec3;
import org.lumen.image.Volume;

/**
 * Resampling in patient coordinates: each voxel centre of the target grid is mapped to patient space, through the
 * transform into the source volume, and the source is interpolated there. Points outside the source grid (beyond half a
 * voxel past the outer centres for NEAREST, beyond the outer centres for LINEAR) take {@code outside}.
 */
public final class Resampler {
    private Resampler() {
    }

    public static Volume resample(Volume source, int nx, int ny, int nz, Geometry target, AffineTransform targetToSource,
                                  Interpolation interpolation, float outside) {
        float[] out = new float[Math.multiplyExact(Math.multiplyExact(nx, ny), nz)];
        // Index of target voxel -> index in the source: one affine map, composed once.
        Vec3 origin = sourceIndex(source, targetToSource.apply(target.indexToPatient(0, 0, 0)));
        Vec3 stepI = sourceIndex(source, targetToSource.apply(target.indexToPatient(1, 0, 0))).minus(origin);
        Vec3 stepJ = sourceIndex(source, targetToSource.apply(target.indexToPatient(0, 1, 0))).minus(origin);
        Vec3 stepK = sourceIndex(source, targetToSource.apply(target.indexToPatient(0, 0, 1))).minus(origin);
        IntStream.range(0, nz).parallel().forEach(k -> {
            for (int j = 0; j < ny; j++) {
                Vec3 row = origin.plus(stepJ.times(j)).plus(stepK.times(k));
                int base = nx * (j + ny * k);
                for (int i = 0; i < nx; i++) {
                    double x = row.x() + stepI.x() * i;
                    double y = row.y() + stepI.y() * i;
                    double z = row.z() + stepI.z() * i;
                    out[base + i] = interpolation == Interpolation.NEAREST
                            ? nearest(source, x, y, z, outside)
                            : linear(source, x, y, z, outside);
                }
            }
        });
        return new Volume(nx, ny, nz, out, source.voxelType(), target);
    }

    /** Resamples onto another volume's grid with no transform (both already in the same patient space). */
    public static Volume resampleOnto(Volume source, Volume grid, Interpolation interpolation, float outside) {
        return resample(source, grid.nx(), grid.ny(), grid.nz(), grid.geometry(), AffineTransform.IDENTITY, interpolation,
                outside);
    }

    private static Vec3 sourceIndex(Volume source, Vec3 patient) {
        return source.patientToIndex(patient.x(), patient.y(), patient.z());
    }

    public static float nearest(Volume v, double x, double y, double z, float outside) {
        int i = (int) Math.floor(x + 0.5);
        int j = (int) Math.floor(y + 0.5);
        int k = (int) Math.floor(z + 0.5);
        if (i < 0 || j < 0 || k < 0 || i >= v.nx() || j >= v.ny() || k >= v.nz()) {
            return outside;
        }
        return v.get(i, j, k);
    }

    /** Trilinear interpolation at continuous index (x, y, z); a flat axis (size 1) is taken as constant. */
    public static float linear(Volume v, double x, double y, double z, float outside) {
        double eps = 1e-6;
        if (x < -eps || y < -eps || z < -eps || x > v.nx() - 1 + eps || y > v.ny() - 1 + eps || z > v.nz() - 1 + eps) {
            return outside;
        }
        int i0 = Math.min((int) Math.floor(Math.max(x, 0)), Math.max(v.nx() - 2, 0));
        int j0 = Math.min((int) Math.floor(Math.max(y, 0)), Math.max(v.ny() - 2, 0));
        int k0 = Math.min((int) Math.floor(Math.max(z, 0)), Math.max(v.nz() - 2, 0));
        int i1 = Math.min(i0 + 1, v.nx() - 1);
        int j1 = Math.min(j0 + 1, v.ny() - 1);
        int k1 = Math.min(k0 + 1, v.nz() - 1);
        double fx = clamp01(x - i0);
        double fy = clamp01(y - j0);
        double fz = clamp01(z - k0);
        double c00 = v.get(i0, j0, k0) * (1 - fx) + v.get(i1, j0, k0) * fx;
        double c10 = v.get(i0, j1, k0) * (1 - fx) + v.get(i1, j1, k0) * fx;
        double c01 = v.get(i0, j0, k1) * (1 - fx) + v.get(i1, j0, k1) * fx;
        double c11 = v.get(i0, j1, k1) * (1 - fx) + v.get(i1, j1, k1) * fx;
        double c0 = c00 * (1 - fy) + c10 * fy;
        double c1 = c01 * (1 - fy) + c11 * fy;
        return (float) (c0 * (1 - fz) + c1 * fz);
    }

    private static double clamp01(double f) {
        return f < 0 ? 0 : (f > 1 ? 1 : f);
    }
}
