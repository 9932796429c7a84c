package org.lumen.image.registration;

import org.lumen.image.Volume;
import org.lumen.image.resample.AffineTransform;
import org.lumen.image.resample.Interpolation;

/** {@link KnownMotion} for tests in other packages (the atlas and change tests). */
public final class KnownMotionAccess {
    private KnownMotionAccess() {
    }

    public static AffineTransform random(Volume volume, long seed, double maxDegrees, double maxMm, double maxScale) {
        return KnownMotion.random(volume, seed, maxDegrees, maxMm, maxScale);
    }

    public static Volume move(Volume volume, AffineTransform motion, Interpolation interpolation) {
        return KnownMotion.move(volume, motion, interpolation);
    }

    public static double meanError(AffineTransform found, AffineTransform truth, Volume where, int step) {
        return KnownMotion.meanError(found, truth, where, step);
    }
}
