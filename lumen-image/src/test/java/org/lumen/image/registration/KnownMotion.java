package org.lumen.image.registration;

import java.util.Random;
import org.lumen.image.Vec3;
import org.lumen.image.Volume;
import org.lumen.image.resample.AffineTransform;
import org.lumen.image.resample.Interpolation;
import org.lumen.image.resample.Resampler;

/** A seeded random rigid-plus-scale motion of a volume, and the target registration error against it. */
final class KnownMotion {
    private KnownMotion() {
    }

    /**
     * {@code p -> c + s R (p - c) + t} about the volume's grid centre c: rotations up to {@code maxDegrees} about each
     * axis, translations up to {@code maxMm} along each, scale in [1 - maxScale, 1 + maxScale].
     */
    static AffineTransform random(Volume volume, long seed, double maxDegrees, double maxMm, double maxScale) {
        Random random = new Random(seed);
        double[] angles = new double[3];
        for (int a = 0; a < 3; a++) {
            angles[a] = Math.toRadians((2 * random.nextDouble() - 1) * maxDegrees);
        }
        Vec3 t = new Vec3((2 * random.nextDouble() - 1) * maxMm, (2 * random.nextDouble() - 1) * maxMm,
                (2 * random.nextDouble() - 1) * maxMm);
        double s = 1 + (2 * random.nextDouble() - 1) * maxScale;
        var linear = Parameterisation.rotation(angles[0], angles[1], angles[2]).scaleColumns(new Vec3(s, s, s));
        Vec3 c = volume.indexToPatient((volume.nx() - 1) / 2.0, (volume.ny() - 1) / 2.0, (volume.nz() - 1) / 2.0);
        return new AffineTransform(linear, c.minus(linear.times(c)).plus(t));
    }

    /** The volume seen through {@code motion}: the value at p is the original's at motion(p), on the same grid. */
    static Volume move(Volume volume, AffineTransform motion, Interpolation interpolation) {
        return Resampler.resample(volume, volume.nx(), volume.ny(), volume.nz(), volume.geometry(), motion, interpolation,
                0f);
    }

    /** Mean distance (mm) between where two transforms take the voxel centres (every {@code step}-th) with value above 0. */
    static double meanError(AffineTransform found, AffineTransform truth, Volume where, int step) {
        double sum = 0;
        int n = 0;
        for (int k = 0; k < where.nz(); k += step) {
            for (int j = 0; j < where.ny(); j += step) {
                for (int i = 0; i < where.nx(); i += step) {
                    if (where.get(i, j, k) > 0) {
                        Vec3 p = where.indexToPatient(i, j, k);
                        sum += found.apply(p).minus(truth.apply(p)).norm();
                        n++;
                    }
                }
            }
        }
        return sum / n;
    }
}
