package org.lumen.dicom.codec.jpeg2000;

import java.util.Arrays;

/**
 * Bits of a packet header, most significant first, with the stuffing of ISO/IEC 15444-1 B.10.1: after a 0xFF byte the
 * next byte carries only 7 bits (its top bit 0), so that no marker code appears in the header.
 */
final class J2kBitWriter {
    private byte[] out = new byte[256];
    private int size;
    private int current;
    private int bits;
    private int capacity = 8;

    void writeBit(int bit) {
        current = current << 1 | bit;
        if (++bits == capacity) {
            emit();
        }
    }

    /** Writes the low {@code count} bits of {@code value}, most significant first. */
    void writeBits(int value, int count) {
        for (int k = count - 1; k >= 0; k--) {
            writeBit(value >>> k & 1);
        }
    }

    /** Pads the last byte with zeros; a header ending in 0xFF gets a 0x00 after it (B.10.1). */
    void flush() {
        if (bits > 0) {
            current <<= capacity - bits;
            emit();
        }
        if (capacity == 7) {
            emit();
        }
    }

    private void emit() {
        if (size == out.length) {
            out = Arrays.copyOf(out, size * 2);
        }
        out[size++] = (byte) current;
        capacity = current == 0xFF ? 7 : 8;
        current = 0;
        bits = 0;
    }

    int size() {
        return size;
    }

    byte[] bytes() {
        return out;
    }

    void clear() {
        size = 0;
        current = 0;
        bits = 0;
        capacity = 8;
    }
}
