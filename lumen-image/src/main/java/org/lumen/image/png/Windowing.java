package org.lumen.image.png;

import java.util.Arrays;

/** Maps voxel values to 8-bit grey levels for display. */
public final class Windowing {
    private Windowing() {
    }

    /**
     * Applies the DICOM LINEAR VOI function (PS3.3 C.11.2.1.2.1) with output range 0..255:
     * {@code x <= c - 0.5 - (w-1)/2} gives 0, {@code x > c - 0.5 + (w-1)/2} gives 255, and in between
     * {@code ((x - (c - 0.5)) / (w - 1) + 0.5) * 255}, rounded to the nearest level. NaN maps to 0.
     */
    public static byte[] apply(float[] values, double center, double width) {
        return apply(values, new Window(center, width));
    }

    public static byte[] apply(float[] values, Window window) {
        // One implementation of the VOI equations: the pixel pipeline's, which also renders DICOM frames.
        org.lumen.dicom.pixel.Window voi = org.lumen.dicom.pixel.Window.of(window.center(), window.width());
        byte[] levels = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            double x = values[i];
            levels[i] = Double.isNaN(x) ? 0 : (byte) Math.round(voi.apply(x, 0, 255));
        }
        return levels;
    }

    /** The window from the smallest to the largest finite value. */
    public static Window auto(float[] values) {
        float[] sorted = finiteSorted(values);
        return Window.ofRange(sorted[0], sorted[sorted.length - 1]);
    }

    /**
     * The window between two percentiles of the finite values (linear interpolation between order statistics), e.g. 1 and
     * 99 to keep a few extreme voxels from washing out the image.
     */
    public static Window auto(float[] values, double lowPercentile, double highPercentile) {
        if (!(lowPercentile >= 0 && lowPercentile <= highPercentile && highPercentile <= 100)) {
            throw new IllegalArgumentException("percentiles need 0 <= low <= high <= 100, got " + lowPercentile + " and "
                    + highPercentile);
        }
        float[] sorted = finiteSorted(values);
        return Window.ofRange(percentile(sorted, lowPercentile), percentile(sorted, highPercentile));
    }

    static double percentile(float[] sorted, double percent) {
        double rank = percent / 100 * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = Math.min(below + 1, sorted.length - 1);
        double fraction = rank - below;
        return sorted[below] + fraction * ((double) sorted[above] - sorted[below]);
    }

    private static float[] finiteSorted(float[] values) {
        float[] finite = new float[values.length];
        int count = 0;
        for (float value : values) {
            if (Float.isFinite(value)) {
                finite[count++] = value;
            }
        }
        if (count == 0) {
            throw new IllegalArgumentException("no finite values to choose a window from");
        }
        float[] sorted = Arrays.copyOf(finite, count);
        Arrays.sort(sorted);
        return sorted;
    }
}
