package org.lumen.dicom.codec.jpeg;

import java.util.Arrays;

/** A growing byte buffer for a JPEG stream: marker segments, and entropy-coded bits with 0xFF byte stuffing (F.1.2.3). */
final class JpegWriter {
    private byte[] buf;
    private int size;
    private long bitBuffer;
    private int bitCount;

    JpegWriter(int capacity) {
        buf = new byte[Math.max(64, capacity)];
    }

    private void ensure(int more) {
        if (size + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
        }
    }

    void u8(int v) {
        ensure(1);
        buf[size++] = (byte) v;
    }

    void u16(int v) {
        u8(v >> 8);
        u8(v);
    }

    void marker(int code) {
        u8(0xFF);
        u8(code);
    }

    /** The low {@code n} (0-32) bits of {@code value}, most significant first. */
    void bits(int value, int n) {
        bitBuffer = (bitBuffer << n) | (value & ((1L << n) - 1));
        bitCount += n;
        if (bitCount >= 32) {
            ensure(8);
            while (bitCount >= 8) {
                bitCount -= 8;
                int b = (int) (bitBuffer >>> bitCount) & 0xFF;
                buf[size++] = (byte) b;
                if (b == 0xFF) {
                    buf[size++] = 0;
                }
            }
        }
    }

    /** Writes out the bits left, padding the last byte with 1 bits. */
    void flushBits() {
        int pad = (8 - bitCount % 8) % 8;
        bits((1 << pad) - 1, pad);
        ensure(16);
        while (bitCount >= 8) {
            bitCount -= 8;
            int b = (int) (bitBuffer >>> bitCount) & 0xFF;
            buf[size++] = (byte) b;
            if (b == 0xFF) {
                buf[size++] = 0;
            }
        }
        bitBuffer = 0;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }
}
