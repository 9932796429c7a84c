package org.lumen.dicom.pixel;

import org.lumen.dicom.data.ByteUtils;
import org.lumen.dicom.io.TransferSyntax;

/**
 * RLE Lossless (PS3.5 Annex G). A frame is a 64-byte header (the segment count and up to 15 segment offsets, little
 * endian) followed by PackBits segments: one per byte of each sample, the most significant byte's segment first, each
 * sample's segments in turn. The segments are woven back into little endian samples in the description's planar
 * configuration. 1-bit data has a single segment holding the packed bits.
 */
public final class RleFrameDecoder implements FrameDecoder {
    private static final int HEADER_LENGTH = 64;

    @Override
    public boolean supports(String transferSyntaxUid) {
        return TransferSyntax.RLE_LOSSLESS.equals(transferSyntaxUid);
    }

    @Override
    public String name() {
        return "RLE Lossless";
    }

    @Override
    public byte[] decode(byte[] encoded, ImagePixelDescription d) {
        if (encoded.length < HEADER_LENGTH) {
            throw new PixelDataException("RLE frame of " + encoded.length + " bytes is shorter than its 64-byte header");
        }
        int bytesPerSample = d.bitsAllocated() == 1 ? 1 : d.bitsAllocated() / 8;
        int expectedSegments = d.samplesPerPixel() * bytesPerSample;
        int segments = ByteUtils.i32(encoded, 0, false);
        if (segments != expectedSegments) {
            throw new PixelDataException("RLE frame has " + segments + " segment(s); " + d.samplesPerPixel() + " sample(s) of "
                    + d.bitsAllocated() + " bits need " + expectedSegments);
        }
        int segmentLength = d.bitsAllocated() == 1 ? d.frameLength() : d.pixelsPerFrame();
        byte[] out = new byte[d.frameLength()];
        byte[] segment = new byte[segmentLength];
        for (int s = 0; s < segments; s++) {
            int start = ByteUtils.i32(encoded, 4 + 4 * s, false);
            int end = s + 1 < segments ? ByteUtils.i32(encoded, 8 + 4 * s, false) : encoded.length;
            if (start < HEADER_LENGTH || end > encoded.length || end < start) {
                throw new PixelDataException("RLE segment " + (s + 1) + " lies at bytes " + start + ".." + end
                        + ", outside the frame of " + encoded.length + " bytes");
            }
            unpack(encoded, start, end, segment, s + 1);
            weave(segment, s, bytesPerSample, d, out);
        }
        return out;
    }

    /** PackBits: n >= 0 copies n + 1 literal bytes, -127 <= n <= -1 repeats the next byte 1 - n times, -128 is nothing. */
    static void unpack(byte[] in, int start, int end, byte[] out, int segmentNumber) {
        int o = 0;
        int i = start;
        while (o < out.length && i < end) {
            int n = in[i++];
            if (n >= 0) {
                int count = Math.min(n + 1, Math.min(end - i, out.length - o));
                System.arraycopy(in, i, out, o, count);
                i += n + 1;
                o += count;
            } else if (n != -128) {
                if (i >= end) {
                    break;
                }
                int count = Math.min(1 - n, out.length - o);
                java.util.Arrays.fill(out, o, o + count, in[i++]);
                o += count;
            }
        }
        if (o < out.length) {
            throw new PixelDataException("RLE segment " + segmentNumber + " decodes to " + o + " bytes, fewer than the "
                    + out.length + " the frame needs");
        }
    }

    /** Puts segment {@code s} (byte {@code s % bytesPerSample} of sample {@code s / bytesPerSample}, most significant first). */
    private static void weave(byte[] segment, int s, int bytesPerSample, ImagePixelDescription d, byte[] out) {
        if (d.bitsAllocated() == 1) {
            System.arraycopy(segment, 0, out, 0, out.length);
            return;
        }
        int sample = s / bytesPerSample;
        int byteInSample = bytesPerSample - 1 - s % bytesPerSample;
        int pixels = d.pixelsPerFrame();
        int spp = d.samplesPerPixel();
        if (d.planarConfiguration() == 0) {
            int stride = spp * bytesPerSample;
            for (int p = 0, o = sample * bytesPerSample + byteInSample; p < pixels; p++, o += stride) {
                out[o] = segment[p];
            }
        } else {
            for (int p = 0, o = sample * pixels * bytesPerSample + byteInSample; p < pixels; p++, o += bytesPerSample) {
                out[o] = segment[p];
            }
        }
    }
}
