package org.lumen.dicom.codec.jpeg2000;

/**
 * Bits of packet headers (ISO 15444-1 B.10.1): most significant first, and after a 0xFF byte the next byte holds only
 * seven bits (its top bit is a stuffed 0). Reading past the end throws {@link Truncated}.
 */
final class J2kPacketHeaderReader {
    /** The packet headers ended before a header was complete. */
    static final class Truncated extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Truncated() {
            super(null, null, false, false);
        }
    }

    private byte[] data;
    private int pos;
    private int end;
    private int current;
    private int bits;

    void reset(byte[] buffer, int start, int stop) {
        data = buffer;
        pos = start;
        end = stop;
        bits = 0;
        current = 0;
    }

    int position() {
        return pos;
    }

    void seek(int position) {
        pos = position;
        bits = 0;
        current = 0;
    }

    int bit() {
        if (bits == 0) {
            if (pos >= end) {
                throw new Truncated();
            }
            bits = current == 0xFF ? 7 : 8;
            current = data[pos++] & 0xFF;
        }
        bits--;
        return (current >> bits) & 1;
    }

    int bits(int n) {
        int v = 0;
        for (int i = 0; i < n; i++) {
            v = v << 1 | bit();
        }
        return v;
    }

    /** Ends a header: skips to the byte boundary, and past the stuffed byte when the last byte read was 0xFF. */
    void align() {
        if (current == 0xFF) {
            pos++;
        }
        bits = 0;
        current = 0;
    }

    /** Skips a two-byte marker ({@code FF xx}) at the current byte when present. */
    boolean skipMarker(int marker, int length) {
        if (pos + 1 < end && (data[pos] & 0xFF) == 0xFF && (data[pos + 1] & 0xFF) == (marker & 0xFF)) {
            pos += length;
            return true;
        }
        return false;
    }
}
