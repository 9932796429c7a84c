package org.lumen.dicom.codec.jpegls;

/**
 * The HP colour transforms of HP's JPEG-LS implementation, signalled by CharLS (and so GDCM) in an APP8 segment
 * "mrfx" followed by the transform id: 1 HP1, 2 HP2, 3 HP3. They decorrelate RGB before coding, modulo 2^8; only 8-bit
 * samples are handled here. The inverse runs on a decoded, pixel-interleaved frame in place; the forward direction
 * exists for tests, which check the inverse against GDCM on streams written with it.
 */
final class ColourTransform {
    static final int NONE = 0;
    private static final int HALF = 128;
    private static final int QUARTER = 64;

    private ColourTransform() {
    }

    /** Turns the transformed samples of {@code pixels} interleaved RGB pixels back into R, G, B. */
    static void inverse(int transform, byte[] frame, int pixels) {
        for (int i = 0, at = 0; i < pixels; i++, at += 3) {
            int v1 = frame[at] & 0xFF;
            int v2 = frame[at + 1] & 0xFF;
            int v3 = frame[at + 2] & 0xFF;
            int r;
            int g;
            int b;
            switch (transform) {
                case 1 -> {
                    g = v2;
                    r = v1 + g - HALF;
                    b = v3 + g - HALF;
                }
                case 2 -> {
                    g = v2;
                    r = (v1 + g - HALF) & 0xFF;
                    b = v3 + ((r + g) >> 1) - HALF;
                }
                default -> {
                    g = v1 - ((v3 + v2) >> 2) + QUARTER;
                    r = v3 + g - HALF;
                    b = v2 + g - HALF;
                }
            }
            frame[at] = (byte) r;
            frame[at + 1] = (byte) g;
            frame[at + 2] = (byte) b;
        }
    }

    /** The forward transform of one interleaved 8-bit RGB frame, into a new array. */
    static byte[] forward(int transform, byte[] frame, int pixels) {
        byte[] out = frame.clone();
        for (int i = 0, at = 0; i < pixels; i++, at += 3) {
            int r = frame[at] & 0xFF;
            int g = frame[at + 1] & 0xFF;
            int b = frame[at + 2] & 0xFF;
            int v1;
            int v2;
            int v3;
            switch (transform) {
                case 1 -> {
                    v1 = r - g + HALF;
                    v2 = g;
                    v3 = b - g + HALF;
                }
                case 2 -> {
                    v1 = r - g + HALF;
                    v2 = g;
                    v3 = b - ((r + g) >> 1) + HALF;
                }
                default -> {
                    v2 = (b - g + HALF) & 0xFF;
                    v3 = (r - g + HALF) & 0xFF;
                    v1 = g + ((v2 + v3) >> 2) - QUARTER;
                }
            }
            out[at] = (byte) v1;
            out[at + 1] = (byte) v2;
            out[at + 2] = (byte) v3;
        }
        return out;
    }
}
