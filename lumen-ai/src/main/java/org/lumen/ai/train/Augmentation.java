package org.lumen.ai.train;

/**
 * Random changes made to every training image (never to validation images), drawn anew each time an image is used.
 * Geometry is one affine map per image, sampled (bi/tri)linearly with edge values repeated; intensity is
 * {@code v * contrast + brightness} on the normalised values.
 *
 * @param flipLeftRight   flip along x with probability 1/2
 * @param flipUpDown      flip along y with probability 1/2
 * @param flipDepth       flip along z with probability 1/2 (3D only)
 * @param rotationDegrees rotation in the x-y plane, uniform in [-r, r]
 * @param translate       shift along each axis, uniform in [-t, t] times the size
 * @param scale           zoom, uniform in [1 - s, 1 + s]
 * @param intensity       contrast uniform in [1 - i, 1 + i] and brightness uniform in [-i, i]
 */
public record Augmentation(boolean flipLeftRight, boolean flipUpDown, boolean flipDepth, double rotationDegrees,
                           double translate, double scale, double intensity) {

    public Augmentation {
        if (rotationDegrees < 0 || rotationDegrees > 180 || translate < 0 || translate >= 0.5 || scale < 0 || scale >= 1
                || intensity < 0 || intensity >= 1) {
            throw new IllegalArgumentException("augmentation out of range: rotation 0-180 degrees, translate 0-0.5, "
                    + "scale 0-1, intensity 0-1");
        }
    }

    /** No augmentation. */
    public static Augmentation none() {
        return new Augmentation(false, false, false, 0, 0, 0, 0);
    }

    /** Whether any geometric change may happen (flips aside). */
    public boolean affine() {
        return rotationDegrees > 0 || translate > 0 || scale > 0;
    }
}
