package org.lumen.dicom.pixel;

/** YCbCr to RGB for YBR_FULL and YBR_FULL_422 (PS3.3 C.7.6.3.1.2, the ITU-R BT.601 full-range equations). */
final class ColorConversion {
    private ColorConversion() {
    }

    /** Converts interleaved Y Cb Cr samples of {@code bits} bits to interleaved R G B of the same depth, rounded and clamped. */
    static int[] ybrFullToRgb(int[] ybr, int bits) {
        double half = 1 << (bits - 1);
        int max = (int) ((1L << bits) - 1);
        int[] out = new int[ybr.length];
        for (int i = 0; i + 2 < ybr.length; i += 3) {
            double y = ybr[i];
            double cb = ybr[i + 1] - half;
            double cr = ybr[i + 2] - half;
            out[i] = clamp(y + 1.402 * cr, max);
            out[i + 1] = clamp(y - 0.344136 * cb - 0.714136 * cr, max);
            out[i + 2] = clamp(y + 1.772 * cb, max);
        }
        return out;
    }

    private static int clamp(double value, int max) {
        long rounded = Math.round(value);
        return (int) Math.max(0, Math.min(max, rounded));
    }
}
