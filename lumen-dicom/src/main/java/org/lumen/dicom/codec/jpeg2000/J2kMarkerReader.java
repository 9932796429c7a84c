package org.lumen.dicom.codec.jpeg2000;

import org.lumen.dicom.pixel.PixelDataException;

/** Big-endian reading of marker segments with every read checked against the end of the data. */
final class J2kMarkerReader {
    private final byte[] data;
    private final int end;
    private int pos;

    J2kMarkerReader(byte[] data, int start, int end) {
        this.data = data;
        this.pos = start;
        this.end = end;
    }

    byte[] data() {
        return data;
    }

    int position() {
        return pos;
    }

    void seek(int position) {
        if (position < 0 || position > end) {
            throw error("a marker segment points to byte " + position + ", outside the codestream of " + end + " bytes");
        }
        pos = position;
    }

    int end() {
        return end;
    }

    int remaining() {
        return end - pos;
    }

    int u8() {
        need(1);
        return data[pos++] & 0xFF;
    }

    int u16() {
        need(2);
        int v = (data[pos] & 0xFF) << 8 | data[pos + 1] & 0xFF;
        pos += 2;
        return v;
    }

    /** An unsigned 32-bit value; values above Integer.MAX_VALUE are refused as no frame is that large. */
    int u32() {
        need(4);
        long v = (data[pos] & 0xFFL) << 24 | (data[pos + 1] & 0xFF) << 16 | (data[pos + 2] & 0xFF) << 8 | data[pos + 3] & 0xFF;
        pos += 4;
        if (v > Integer.MAX_VALUE) {
            throw error("a 32-bit field holds " + v + ", larger than any frame");
        }
        return (int) v;
    }

    /** Component index: one byte when there are fewer than 257 components, else two. */
    int component(int components) {
        return components < 257 ? u8() : u16();
    }

    private void need(int n) {
        if (pos + n > end) {
            throw error("the codestream ends at byte " + end + " inside a marker segment");
        }
    }

    PixelDataException error(String what) {
        return new PixelDataException("JPEG 2000: " + what + " (at byte " + pos + ")");
    }
}
