package org.lumen.dicom.pixel;

import org.lumen.dicom.data.ByteUtils;

/**
 * Turns a frame's bytes (the {@link FrameSource} layout) into sample values, always pixel-interleaved: the Bits Stored
 * bits ending at High Bit are taken from each Bits Allocated word and sign-extended when Pixel Representation is 1
 * (PS3.5 8.1.1); planar frames are interleaved; YBR_FULL_422 frames, stored as Y1 Y2 Cb Cr per pair of pixels, are
 * expanded to Y Cb Cr for every pixel (PS3.3 C.7.6.3.1.2).
 */
final class SampleDecoder {
    private SampleDecoder() {
    }

    /**
     * Integer samples, {@code rows * columns * samplesPerPixel} of them. With 32 bits stored and Pixel Representation 0
     * the int holds the unsigned value's bits ({@link Integer#toUnsignedLong} gives the value).
     */
    static int[] samples(byte[] frame, ImagePixelDescription d) {
        if (d.isFloat()) {
            throw new PixelDataException("Float pixel data has float samples; use floatSamples");
        }
        int stored = d.storedSamplesPerFrame();
        int[] raw = read(frame, d, stored);
        extractStoredBits(raw, d);
        if (d.planarConfiguration() == 1) {
            raw = interleave(raw, d.pixelsPerFrame(), d.samplesPerPixel());
        }
        if (stored != d.pixelsPerFrame() * d.samplesPerPixel()) {
            raw = expand422(raw, d.pixelsPerFrame());
        }
        return raw;
    }

    /** Float samples of Float or Double Float Pixel Data (doubles narrowed to float). */
    static float[] floatSamples(byte[] frame, ImagePixelDescription d) {
        if (!d.isFloat()) {
            throw new PixelDataException("Integer pixel data has integer samples; use samples");
        }
        float[] out = new float[d.pixelsPerFrame()];
        if (d.bitsAllocated() == 32) {
            for (int i = 0; i < out.length; i++) {
                out[i] = Float.intBitsToFloat(ByteUtils.i32(frame, 4 * i, false));
            }
        } else {
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) Double.longBitsToDouble(ByteUtils.i64(frame, 8 * i, false));
            }
        }
        return out;
    }

    private static int[] read(byte[] frame, ImagePixelDescription d, int count) {
        int[] out = new int[count];
        switch (d.bitsAllocated()) {
            case 1 -> {
                for (int i = 0; i < count; i++) {
                    out[i] = (frame[i >>> 3] >>> (i & 7)) & 1;
                }
            }
            case 8 -> {
                for (int i = 0; i < count; i++) {
                    out[i] = frame[i] & 0xFF;
                }
            }
            case 16 -> {
                for (int i = 0; i < count; i++) {
                    out[i] = ByteUtils.u16(frame, 2 * i, false);
                }
            }
            case 32 -> {
                for (int i = 0; i < count; i++) {
                    out[i] = ByteUtils.i32(frame, 4 * i, false);
                }
            }
            default -> throw new PixelDataException("Bits Allocated " + d.bitsAllocated() + " is not supported");
        }
        return out;
    }

    private static void extractStoredBits(int[] values, ImagePixelDescription d) {
        int bitsStored = d.bitsStored();
        int shift = d.highBit() - bitsStored + 1;
        boolean signed = d.isSigned();
        if (bitsStored == 32 || (bitsStored == d.bitsAllocated() && !signed)) {
            return;
        }
        int unused = 32 - bitsStored;
        for (int i = 0; i < values.length; i++) {
            int v = values[i] >>> shift;
            values[i] = signed ? (v << unused) >> unused : v & (-1 >>> unused);
        }
    }

    private static int[] interleave(int[] planar, int pixels, int samplesPerPixel) {
        int[] out = new int[planar.length];
        for (int s = 0; s < samplesPerPixel; s++) {
            for (int p = 0; p < pixels; p++) {
                out[p * samplesPerPixel + s] = planar[s * pixels + p];
            }
        }
        return out;
    }

    /** Y1 Y2 Cb Cr -> Y1 Cb Cr Y2 Cb Cr. */
    private static int[] expand422(int[] stored, int pixels) {
        int[] out = new int[pixels * 3];
        for (int pair = 0; pair < pixels / 2; pair++) {
            int in = pair * 4;
            int o = pair * 6;
            int cb = stored[in + 2];
            int cr = stored[in + 3];
            out[o] = stored[in];
            out[o + 1] = cb;
            out[o + 2] = cr;
            out[o + 3] = stored[in + 1];
            out[o + 4] = cb;
            out[o + 5] = cr;
        }
        return out;
    }
}
