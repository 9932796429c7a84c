package org.lumen.dicom.codec.jpeg;

import org.lumen.dicom.pixel.PixelDataException;

/**
 * Reads the entropy-coded segment of a scan (ITU T.81 F.2.2.5): bits most significant first, 0xFF00 unstuffed to 0xFF,
 * stopping at the next marker. Past a marker or the end of the data it feeds zero bits, as a decoder must to look ahead;
 * {@link #checkNotOverrun} then tells a scan that really ran out of data from one that only peeked past its end.
 */
final class EntropyReader {
    private final byte[] data;
    private final int end;
    private int pos;
    /** Bits not yet consumed: the low {@code count} bits of {@code buffer}. */
    private long buffer;
    private int count;
    /** Zero bits fed after the data ended (a marker or the end of the frame). */
    private int paddingBits;
    private boolean atMarker;

    EntropyReader(byte[] data, int start, int end) {
        this.data = data;
        this.pos = start;
        this.end = end;
    }

    /** Tops the buffer up to at least 57 bits. */
    void fill() {
        while (count <= 56) {
            int b = 0;
            if (!atMarker && pos < end) {
                b = data[pos] & 0xFF;
                if (b == 0xFF) {
                    int next = pos + 1 < end ? data[pos + 1] & 0xFF : -1;
                    if (next == 0) {
                        pos += 2;
                    } else {
                        atMarker = true;
                        b = 0;
                        paddingBits += 8;
                    }
                } else {
                    pos++;
                }
            } else {
                paddingBits += 8;
            }
            buffer = (buffer << 8) | b;
            count += 8;
        }
    }

    /** The next {@code n} (0-16) bits without consuming them. */
    int peek(int n) {
        if (count < n) {
            fill();
        }
        return (int) (buffer >>> (count - n)) & ((1 << n) - 1);
    }

    void skip(int n) {
        count -= n;
    }

    int bitsAvailable() {
        return count;
    }

    long buffer() {
        return buffer;
    }

    /** RECEIVE then EXTEND (F.2.2.1): {@code s} bits as a signed difference; 0 bits give 0. */
    int receiveExtend(int s) {
        if (s == 0) {
            return 0;
        }
        if (count < s) {
            fill();
        }
        int v = (int) (buffer >>> (count - s)) & ((1 << s) - 1);
        count -= s;
        return v < (1 << (s - 1)) ? v - (1 << s) + 1 : v;
    }

    /** One bit (progressive refinement). */
    int bit() {
        if (count < 1) {
            fill();
        }
        count--;
        return (int) (buffer >>> count) & 1;
    }

    /** Fails when the bits decoded so far needed more than the data held: the scan or interval is truncated. */
    void checkNotOverrun(String what) {
        if (paddingBits - count > 0) {
            throw new PixelDataException("JPEG: the entropy-coded data of " + what + " ends early, at byte " + pos
                    + (atMarker && pos + 1 < end ? " (marker FF" + hex(data[pos + 1]) + ")" : " (end of frame)")
                    + "; the frame is truncated or corrupt");
        }
    }

    /**
     * At a restart point (F.2.2.5): drops the bits left in the current byte and consumes the expected RSTn marker,
     * failing when another marker or more data is there.
     */
    void restart(int expected) {
        checkNotOverrun("a restart interval");
        buffer = 0;
        count = 0;
        paddingBits = 0;
        atMarker = false;
        // Bits left in a partly read byte are padding; the marker follows, possibly after 0xFF fill bytes.
        while (pos + 1 < end && (data[pos] & 0xFF) == 0xFF && (data[pos + 1] & 0xFF) == 0xFF) {
            pos++;
        }
        if (pos + 1 >= end || (data[pos] & 0xFF) != 0xFF || (data[pos + 1] & 0xFF) != 0xD0 + expected) {
            throw new PixelDataException("JPEG: marker RST" + expected + " expected at byte " + pos + ", found "
                    + (pos + 1 < end ? hex(data[pos]) + hex(data[pos + 1]) : "the end of the frame"));
        }
        pos += 2;
    }

    /** Where the data after the scan begins: the marker that ended it (or the end of the frame). */
    int endOfScan() {
        int p = pos;
        while (p + 1 < end && !((data[p] & 0xFF) == 0xFF && (data[p + 1] & 0xFF) != 0 && (data[p + 1] & 0xFF) != 0xFF)) {
            p++;
        }
        return p + 1 < end ? p : end;
    }

    static String hex(byte b) {
        return String.format("%02X", b & 0xFF);
    }
}
