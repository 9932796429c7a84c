package org.lumen.image.registration;

import org.lumen.image.Matrix3;
import org.lumen.image.Vec3;
import org.lumen.image.resample.AffineTransform;

/**
 * Turns an optimiser's parameter vector into a transform: a small change {@code delta} about the fixed image's centre,
 * followed by the transform found so far ({@code base}), so that all-zero parameters give {@code base}.
 *
 * <p>Every parameter is in millimetres of displacement: translations directly, rotations, log-scale and matrix entries
 * multiplied by {@code radius} (the typical distance of the image's points from the centre). A step of 1 in any
 * parameter therefore moves points by about 1 mm, so one step length suits all of them.
 *
 * @param model the degrees of freedom
 * @param centre the point (fixed space, mm) rotations and scaling are about
 * @param radius typical distance (mm) of the fixed image's points from the centre
 * @param base the transform the parameters are relative to
 */
record Parameterisation(TransformModel model, Vec3 centre, double radius, AffineTransform base) {
    Parameterisation {
        if (!(radius > 0)) {
            throw new IllegalArgumentException("radius must be positive, got " + radius);
        }
    }

    int size() {
        return model.parameterCount();
    }

    /** The transform (fixed space to moving space) for parameters {@code p}. */
    AffineTransform transform(double[] p) {
        Matrix3 d = linearPart(p);
        Vec3 t = new Vec3(p[0], p[1], p[2]);
        Vec3 offset = centre.minus(d.times(centre)).plus(t);
        return base.after(new AffineTransform(d, offset));
    }

    private Matrix3 linearPart(double[] p) {
        return switch (model) {
            case RIGID -> rotation(p[3] / radius, p[4] / radius, p[5] / radius);
            case SIMILARITY -> rotation(p[3] / radius, p[4] / radius, p[5] / radius)
                    .scaleColumns(uniform(Math.exp(p[6] / radius)));
            case AFFINE -> Matrix3.ofRows(
                    1 + p[3] / radius, p[4] / radius, p[5] / radius,
                    p[6] / radius, 1 + p[7] / radius, p[8] / radius,
                    p[9] / radius, p[10] / radius, 1 + p[11] / radius);
        };
    }

    private static Vec3 uniform(double s) {
        return new Vec3(s, s, s);
    }

    /** Rotation about x by a, then y by b, then z by c (radians). */
    static Matrix3 rotation(double a, double b, double c) {
        double ca = Math.cos(a);
        double sa = Math.sin(a);
        double cb = Math.cos(b);
        double sb = Math.sin(b);
        double cc = Math.cos(c);
        double sc = Math.sin(c);
        Matrix3 rx = Matrix3.ofRows(1, 0, 0, 0, ca, -sa, 0, sa, ca);
        Matrix3 ry = Matrix3.ofRows(cb, 0, sb, 0, 1, 0, -sb, 0, cb);
        Matrix3 rz = Matrix3.ofRows(cc, -sc, 0, sc, cc, 0, 0, 0, 1);
        return rz.times(ry).times(rx);
    }
}
