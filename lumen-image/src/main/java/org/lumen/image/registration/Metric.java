package org.lumen.image.registration;

/** How well a moving image, pulled through a transform, matches the fixed image. */
public enum Metric {
    /**
     * Mattes mutual information: a joint histogram of fixed and moving intensities at sampled points (a fixed number of
     * bins, the moving side smoothed with a cubic B-spline Parzen window). Works across contrasts, since it asks only that
     * one intensity predict the other, not that they be linearly related.
     */
    MUTUAL_INFORMATION,
    /** Normalised cross-correlation of fixed and moving intensities: for images of the same contrast. */
    NORMALISED_CROSS_CORRELATION
}
