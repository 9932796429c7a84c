package org.lumen.dicom.codec.jpeg2000;

/**
 * One code-block as tier-2 fills it: its place in the subband, whether it has been included yet, its zero bit-planes,
 * Lblock, and the coded bytes it has received so far split into codeword segments (a segment ends where the block's
 * style terminates the arithmetic coder: after every pass with termall, around raw passes with bypass).
 */
final class J2kCodeBlock {
    /** Place in the subband, in subband coordinates relative to the subband's origin: [x0, x1) x [y0, y1). */
    final int x0, y0, x1, y1;
    boolean included;
    int zeroBitPlanes;
    int lblock = 3;
    int passes;
    byte[] data = EMPTY;
    int length;
    int[] segmentLengths = new int[1];
    int[] segmentPasses = new int[1];
    int segments;
    boolean segmentOpen;
    /** Passes and bytes the packet being read adds (read from the header, copied from the body). */
    int newBytes;

    private static final byte[] EMPTY = new byte[0];

    J2kCodeBlock(int x0, int y0, int x1, int y1) {
        this.x0 = x0;
        this.y0 = y0;
        this.x1 = x1;
        this.y1 = y1;
    }

    /** Opens a new segment whose first pass is pass number {@code passes}. */
    void openSegment() {
        if (segments == segmentLengths.length) {
            segmentLengths = java.util.Arrays.copyOf(segmentLengths, segments * 2);
            segmentPasses = java.util.Arrays.copyOf(segmentPasses, segments * 2);
        }
        segmentLengths[segments] = 0;
        segmentPasses[segments] = 0;
        segments++;
        segmentOpen = true;
    }

    void append(byte[] src, int offset, int count) {
        if (length + count > data.length) {
            data = java.util.Arrays.copyOf(data, Math.max(length + count, data.length * 2));
        }
        System.arraycopy(src, offset, data, length, count);
        length += count;
    }

    /**
     * Passes the segment that starts with pass {@code first} can hold: one with termall; with bypass, the first ten
     * passes form one MQ segment, then raw segments of a significance and a refinement pass alternate with MQ segments
     * of one cleanup pass; otherwise all passes are one segment.
     */
    static int segmentCapacity(int style, int first) {
        if ((style & J2kComponentCoding.TERMINATE_ALL) != 0) {
            return 1;
        }
        if ((style & J2kComponentCoding.BYPASS) != 0) {
            if (first < 10) {
                return 10 - first;
            }
            return first % 3 == 1 ? 2 : 1;
        }
        return Integer.MAX_VALUE;
    }

    /** True when pass {@code pass} is coded raw (bypass mode: significance and refinement passes after the tenth). */
    static boolean isRaw(int style, int pass) {
        return (style & J2kComponentCoding.BYPASS) != 0 && pass >= 10 && pass % 3 != 0;
    }
}
