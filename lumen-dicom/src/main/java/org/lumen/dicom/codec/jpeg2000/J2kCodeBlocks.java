package org.lumen.dicom.codec.jpeg2000;

/**
 * The coded code-blocks of one band of one tile-component: its place in the transformed tile (Mallat layout), its
 * orientation, and per code-block (row by row, 64 x 64 from the band's origin) the tier-1 result.
 */
final class J2kCodeBlocks {
    static final int SIZE = 64;

    final int orientation;
    final int x0;
    final int y0;
    final int width;
    final int height;
    final int columns;
    final int rows;
    /** Bit-planes K of each code-block (0: all zero, not included). */
    final int[] bitPlanes;
    final int[] passes;
    final byte[][] data;

    J2kCodeBlocks(int orientation, int x0, int y0, int width, int height) {
        this.orientation = orientation;
        this.x0 = x0;
        this.y0 = y0;
        this.width = width;
        this.height = height;
        this.columns = (width + SIZE - 1) / SIZE;
        this.rows = (height + SIZE - 1) / SIZE;
        int count = columns * rows;
        bitPlanes = new int[count];
        passes = new int[count];
        data = new byte[count][];
    }

    /** Codes every code-block of this band from {@code coefficients} (rows {@code stride} apart). */
    void encode(int[] coefficients, int stride, J2kTier1Encoder tier1) {
        for (int by = 0; by < rows; by++) {
            for (int bx = 0; bx < columns; bx++) {
                int x = bx * SIZE;
                int y = by * SIZE;
                int w = Math.min(SIZE, width - x);
                int h = Math.min(SIZE, height - y);
                tier1.encode(coefficients, (y0 + y) * stride + x0 + x, stride, w, h, orientation);
                int k = by * columns + bx;
                bitPlanes[k] = tier1.bitPlanes;
                passes[k] = tier1.passes;
                data[k] = java.util.Arrays.copyOfRange(tier1.data(), 1, 1 + tier1.length);
            }
        }
    }

    /** The most bit-planes any code-block of this band needs. */
    int maxBitPlanes() {
        int max = 0;
        for (int k : bitPlanes) {
            max = Math.max(max, k);
        }
        return max;
    }

    int count() {
        return bitPlanes.length;
    }
}
