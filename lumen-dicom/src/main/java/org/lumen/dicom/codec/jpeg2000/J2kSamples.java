package org.lumen.dicom.codec.jpeg2000;

import org.lumen.dicom.pixel.ImagePixelDescription;

/** Turns a native frame into one int plane per component, as JPEG 2000 codes them. */
final class J2kSamples {
    private J2kSamples() {
    }

    /**
     * The samples of {@code frame} (little endian, Bits Allocated containers, either planar configuration), each taken
     * from its Bits Stored bits below High Bit, sign-extended when signed, and DC level shifted when unsigned (G.1.2:
     * minus 2^(precision - 1)), so that every plane is centred on zero.
     */
    static int[][] levelShiftedPlanes(byte[] frame, ImagePixelDescription d) {
        int pixels = d.pixelsPerFrame();
        int components = d.samplesPerPixel();
        int bytes = d.bitsAllocated() / 8;
        int precision = d.bitsStored();
        int shift = d.highBit() - precision + 1;
        int mask = (1 << precision) - 1;
        boolean signed = d.isSigned();
        int offset = signed ? 0 : 1 << (precision - 1);
        int extend = 32 - precision;
        int[][] planes = new int[components][pixels];
        for (int c = 0; c < components; c++) {
            int[] plane = planes[c];
            int first = d.planarConfiguration() == 0 ? c : c * pixels;
            int step = d.planarConfiguration() == 0 ? components : 1;
            for (int p = 0, s = first; p < pixels; p++, s += step) {
                int at = s * bytes;
                int raw = frame[at] & 0xFF;
                if (bytes >= 2) {
                    raw |= (frame[at + 1] & 0xFF) << 8;
                    if (bytes == 4) {
                        raw |= (frame[at + 2] & 0xFF) << 16 | (frame[at + 3] & 0xFF) << 24;
                    }
                }
                int value = raw >>> shift & mask;
                plane[p] = signed ? value << extend >> extend : value - offset;
            }
        }
        return planes;
    }
}
