package org.lumen.image.radiomics;

import java.util.Locale;

/** How the image or the ROI mask is interpolated onto the IBSI interpolation grid. */
public enum GridInterpolation {
    NEAREST,
    /** Linear along each axis: bilinear in-plane, trilinear in 3D. */
    LINEAR,
    /** Cubic B-spline (IBSI's "tricubic spline"): the spline through the samples, evaluated at the new grid points. */
    CUBIC_SPLINE;

    /** Parses "nearest", "linear" or "cubic-spline" as the settings file writes them. */
    public static GridInterpolation parse(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "nearest" -> NEAREST;
            case "linear", "bilinear", "trilinear" -> LINEAR;
            case "cubic-spline", "tricubic-spline", "spline" -> CUBIC_SPLINE;
            default -> throw new IllegalArgumentException("interpolation \"" + text
                    + "\" is not one of: nearest, linear, cubic-spline");
        };
    }
}
