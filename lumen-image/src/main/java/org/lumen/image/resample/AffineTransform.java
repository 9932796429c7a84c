package org.lumen.image.resample;

import java.util.Objects;
import org.lumen.image.Matrix3;
import org.lumen.image.Vec3;

/**
 * A map of patient space (LPS, mm) onto itself: {@code p -> linear * p + translation}. Registration finds one;
 * {@link Resampler} uses it to pull values of a moving volume onto a fixed grid (the transform takes a fixed-grid
 * point to where it lies in the moving volume).
 */
public record AffineTransform(Matrix3 linear, Vec3 translation) {
    public static final AffineTransform IDENTITY = new AffineTransform(Matrix3.identity(), Vec3.ZERO);

    public AffineTransform {
        Objects.requireNonNull(linear, "linear");
        Objects.requireNonNull(translation, "translation");
    }

    public Vec3 apply(Vec3 point) {
        return linear.times(point).plus(translation);
    }

    /** First {@code first}, then this. */
    public AffineTransform after(AffineTransform first) {
        return new AffineTransform(linear.times(first.linear), linear.times(first.translation).plus(translation));
    }

    public AffineTransform inverse() {
        Matrix3 inverse = linear.inverse();
        return new AffineTransform(inverse, inverse.times(translation).times(-1));
    }
}
