package org.lumen.dicom.codec.jpeg2000;

/**
 * The reversible 5/3 forward wavelet transform (ISO/IEC 15444-1 F.4.8.2, lifting with symmetric extension), applied to
 * a tile-component whose origin is at 0, so that every signal starts at an even index. Each level transforms the current
 * low-pass rectangle vertically then horizontally (2D_SD, F.4.2) and leaves the bands in the Mallat layout: LL top left,
 * HL top right, LH bottom left, HH bottom right, the low-pass half of a signal of n samples being its first ceil(n/2).
 */
final class J2kForwardDwt53 {
    private J2kForwardDwt53() {
    }

    /** Transforms {@code data} ({@code width x height}, rows {@code width} apart) in place over {@code levels} levels. */
    static void forward(int[] data, int width, int height, int levels) {
        int[] line = new int[Math.max(width, height)];
        int[] low = new int[(Math.max(width, height) + 1) / 2 + 1];
        int[] high = new int[Math.max(width, height) / 2 + 1];
        int w = width;
        int h = height;
        for (int level = 0; level < levels; level++) {
            if (h > 1) {
                for (int x = 0; x < w; x++) {
                    for (int y = 0, i = x; y < h; y++, i += width) {
                        line[y] = data[i];
                    }
                    lift(line, h, low, high);
                    int lowCount = (h + 1) >> 1;
                    for (int y = 0, i = x; y < lowCount; y++, i += width) {
                        data[i] = low[y];
                    }
                    for (int y = 0, i = x + lowCount * width; y < h - lowCount; y++, i += width) {
                        data[i] = high[y];
                    }
                }
            }
            if (w > 1) {
                for (int y = 0; y < h; y++) {
                    int row = y * width;
                    System.arraycopy(data, row, line, 0, w);
                    lift(line, w, low, high);
                    int lowCount = (w + 1) >> 1;
                    System.arraycopy(low, 0, data, row, lowCount);
                    System.arraycopy(high, 0, data, row + lowCount, w - lowCount);
                }
            }
            w = (w + 1) >> 1;
            h = (h + 1) >> 1;
        }
    }

    /**
     * One 1-D 5/3 analysis of {@code x[0..n)} (n >= 2) into {@code low[0..ceil(n/2))} and {@code high[0..floor(n/2))}:
     * d[i] = x[2i+1] - floor((x[2i] + x[2i+2]) / 2), s[i] = x[2i] + floor((d[i-1] + d[i] + 2) / 4), samples beyond
     * either end mirrored (x[-1] = x[1], x[n] = x[n-2]), which makes d[-1] = d[0] and, for even n, d[n/2] = d[n/2-1].
     */
    static void lift(int[] x, int n, int[] low, int[] high) {
        int highCount = n >> 1;
        int lowCount = n - highCount;
        for (int i = 0; i < highCount; i++) {
            int right = 2 * i + 2 < n ? x[2 * i + 2] : x[2 * i];
            high[i] = x[2 * i + 1] - ((x[2 * i] + right) >> 1);
        }
        for (int i = 0; i < lowCount; i++) {
            int left = i > 0 ? high[i - 1] : high[0];
            int right = i < highCount ? high[i] : high[highCount - 1];
            low[i] = x[2 * i] + ((left + right + 2) >> 2);
        }
    }
}
