package org.lumen.dicom.data;

/** Reads and writes fixed-size numbers in byte arrays in either byte order; the one place that knows byte order. */
public final class ByteUtils {
    private ByteUtils() {
    }

    public static int u16(byte[] b, int off, boolean bigEndian) {
        return bigEndian
                ? ((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF)
                : (b[off] & 0xFF) | ((b[off + 1] & 0xFF) << 8);
    }

    public static int s16(byte[] b, int off, boolean bigEndian) {
        return (short) u16(b, off, bigEndian);
    }

    public static int i32(byte[] b, int off, boolean bigEndian) {
        return bigEndian
                ? ((b[off] & 0xFF) << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF)
                : (b[off] & 0xFF) | ((b[off + 1] & 0xFF) << 8) | ((b[off + 2] & 0xFF) << 16) | ((b[off + 3] & 0xFF) << 24);
    }

    public static long i64(byte[] b, int off, boolean bigEndian) {
        long first = i32(b, off, bigEndian) & 0xFFFFFFFFL;
        long second = i32(b, off + 4, bigEndian) & 0xFFFFFFFFL;
        return bigEndian ? (first << 32) | second : (second << 32) | first;
    }

    /** A tag as stored in a stream or an AT value: group then element, each 16-bit in the given order. */
    public static int tag(byte[] b, int off, boolean bigEndian) {
        return (u16(b, off, bigEndian) << 16) | u16(b, off + 2, bigEndian);
    }

    public static void put16(byte[] b, int off, int v, boolean bigEndian) {
        if (bigEndian) {
            b[off] = (byte) (v >>> 8);
            b[off + 1] = (byte) v;
        } else {
            b[off] = (byte) v;
            b[off + 1] = (byte) (v >>> 8);
        }
    }

    public static void put32(byte[] b, int off, int v, boolean bigEndian) {
        if (bigEndian) {
            b[off] = (byte) (v >>> 24);
            b[off + 1] = (byte) (v >>> 16);
            b[off + 2] = (byte) (v >>> 8);
            b[off + 3] = (byte) v;
        } else {
            b[off] = (byte) v;
            b[off + 1] = (byte) (v >>> 8);
            b[off + 2] = (byte) (v >>> 16);
            b[off + 3] = (byte) (v >>> 24);
        }
    }

    public static void put64(byte[] b, int off, long v, boolean bigEndian) {
        put32(b, off + (bigEndian ? 0 : 4), (int) (v >>> 32), bigEndian);
        put32(b, off + (bigEndian ? 4 : 0), (int) v, bigEndian);
    }

    public static void putTag(byte[] b, int off, int tag, boolean bigEndian) {
        put16(b, off, tag >>> 16, bigEndian);
        put16(b, off + 2, tag, bigEndian);
    }

    /** Reverses the byte order of each {@code width}-byte unit in place (width 2, 4 or 8); a trailing partial unit is left. */
    public static byte[] swap(byte[] b, int width) {
        if (width > 1) {
            for (int off = 0; off + width <= b.length; off += width) {
                for (int i = 0, j = width - 1; i < j; i++, j--) {
                    byte t = b[off + i];
                    b[off + i] = b[off + j];
                    b[off + j] = t;
                }
            }
        }
        return b;
    }
}
