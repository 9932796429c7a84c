package org.lumen.image.png;

/**
 * A VOI window as DICOM defines it (Window Center (0028,1050), Window Width (0028,1051)).
 *
 * @param center window centre
 * @param width window width; at least 1, as DICOM requires for the LINEAR function
 */
public record Window(double center, double width) {
    public Window {
        if (!Double.isFinite(center) || !Double.isFinite(width) || width < 1) {
            throw new IllegalArgumentException("window needs a finite centre and a width of at least 1, got centre "
                    + center + ", width " + width);
        }
    }

    /**
     * The window that maps {@code low} to black and {@code high} to white under the DICOM LINEAR function (PS3.3
     * C.11.2.1.2.1, note 4: width = high - low + 1, centre = (low + high + 1) / 2).
     */
    public static Window ofRange(double low, double high) {
        if (!(high >= low)) {
            throw new IllegalArgumentException("window range needs low <= high, got " + low + " to " + high);
        }
        return new Window((low + high + 1) / 2, high - low + 1);
    }

    /** The largest value that still maps to black. */
    public double low() {
        return center - 0.5 - (width - 1) / 2;
    }

    /** The smallest value that maps to white. */
    public double high() {
        return center - 0.5 + (width - 1) / 2;
    }
}
