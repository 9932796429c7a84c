package org.lumen.dicom.pixel;

/**
 * A VOI window: Window Center and Width with the function that applies them (PS3.3 C.11.2.1.2).
 *
 * @param center    Window Center (0028,1050)
 * @param width     Window Width (0028,1051): at least 1 for LINEAR, above 0 for LINEAR_EXACT and SIGMOID
 * @param function  VOI LUT Function (0028,1056)
 */
public record Window(double center, double width, VoiFunction function) {

    public Window {
        if (function == null) {
            function = VoiFunction.LINEAR;
        }
        if (Double.isNaN(center) || Double.isNaN(width)) {
            throw new PixelDataException("Window Center and Width must be numbers, got " + center + " and " + width);
        }
        if (function == VoiFunction.LINEAR ? width < 1 : width <= 0) {
            throw new PixelDataException("Window Width " + width + " is invalid for " + function
                    + (function == VoiFunction.LINEAR ? " (it must be at least 1)" : " (it must be above 0)"));
        }
    }

    /** A LINEAR window. */
    public static Window of(double center, double width) {
        return new Window(center, width, VoiFunction.LINEAR);
    }

    /** Maps {@code x} into {@code [yMin, yMax]} with the equations of PS3.3 C.11.2.1.2.1 (LINEAR), .3.1 and .3.2. */
    public double apply(double x, double yMin, double yMax) {
        double range = yMax - yMin;
        return switch (function) {
            case LINEAR -> {
                double c = center - 0.5;
                double halfWidth = (width - 1) / 2;
                if (x <= c - halfWidth) {
                    yield yMin;
                }
                if (x > c + halfWidth) {
                    yield yMax;
                }
                yield ((x - c) / (width - 1) + 0.5) * range + yMin;
            }
            case LINEAR_EXACT -> {
                if (x <= center - width / 2) {
                    yield yMin;
                }
                if (x > center + width / 2) {
                    yield yMax;
                }
                yield ((x - center) / width + 0.5) * range + yMin;
            }
            case SIGMOID -> range / (1 + Math.exp(-4 * (x - center) / width)) + yMin;
        };
    }
}
