package org.lumen.dicom.pixel;

import java.io.ByteArrayOutputStream;
import org.lumen.dicom.data.ByteUtils;
import org.lumen.dicom.io.TransferSyntax;

/**
 * RLE Lossless encoder (PS3.5 Annex G), the inverse of {@link RleFrameDecoder}: one PackBits segment per byte of each
 * sample, most significant byte first, each row packed on its own (runs never cross a row, G.3.1), each segment padded to
 * an even length. 1-bit frames are one segment of the packed bits.
 */
public final class RleFrameEncoder implements FrameEncoder {
    private static final int HEADER_LENGTH = 64;
    private static final int MAX_SEGMENTS = 15;

    @Override
    public boolean supports(String transferSyntaxUid) {
        return TransferSyntax.RLE_LOSSLESS.equals(transferSyntaxUid);
    }

    @Override
    public String name() {
        return "RLE Lossless";
    }

    @Override
    public ImagePixelDescription encodedDescription(ImagePixelDescription source, EncodeOptions options) {
        if (source.isFloat()) {
            throw new PixelDataException("RLE Lossless cannot hold float pixel data");
        }
        if (source.storedSamplesPerFrame() != source.pixelsPerFrame() * source.samplesPerPixel()) {
            throw new PixelDataException("RLE Lossless cannot hold " + source.photometric()
                    + " (subsampled chroma); convert to YBR_FULL or RGB first");
        }
        int segments = source.samplesPerPixel() * Math.max(1, source.bitsAllocated() / 8);
        if (segments > MAX_SEGMENTS) {
            throw new PixelDataException("RLE Lossless holds at most 15 segments; " + source.samplesPerPixel() + " sample(s) of "
                    + source.bitsAllocated() + " bits need " + segments);
        }
        return source;
    }

    @Override
    public byte[] encode(byte[] frame, ImagePixelDescription d, EncodeOptions options) {
        encodedDescription(d, options);
        if (frame.length < d.frameLength()) {
            throw new PixelDataException("Frame of " + frame.length + " bytes is shorter than the " + d.frameLength() + " of " + d);
        }
        int bytesPerSample = d.bitsAllocated() == 1 ? 1 : d.bitsAllocated() / 8;
        int segments = d.samplesPerPixel() * bytesPerSample;
        ByteArrayOutputStream out = new ByteArrayOutputStream(frame.length / 2 + HEADER_LENGTH);
        out.writeBytes(new byte[HEADER_LENGTH]);
        int[] offsets = new int[segments];
        byte[] plane = new byte[d.bitsAllocated() == 1 ? d.frameLength() : d.pixelsPerFrame()];
        int rowLength = d.bitsAllocated() == 1 ? plane.length : d.columns();
        for (int s = 0; s < segments; s++) {
            offsets[s] = out.size();
            extract(frame, s, bytesPerSample, d, plane);
            for (int row = 0; row < plane.length; row += rowLength) {
                pack(plane, row, Math.min(plane.length, row + rowLength), out);
            }
            if ((out.size() & 1) != 0) {
                out.write(0); // a zero-length literal would be wrong; a trailing pad byte past the plane's end is ignored
            }
        }
        byte[] encoded = out.toByteArray();
        ByteUtils.put32(encoded, 0, segments, false);
        for (int s = 0; s < segments; s++) {
            ByteUtils.put32(encoded, 4 + 4 * s, offsets[s], false);
        }
        return encoded;
    }

    /** Byte {@code s % bytesPerSample} (most significant first) of sample {@code s / bytesPerSample} of every pixel. */
    private static void extract(byte[] frame, int s, int bytesPerSample, ImagePixelDescription d, byte[] plane) {
        if (d.bitsAllocated() == 1) {
            System.arraycopy(frame, 0, plane, 0, plane.length);
            return;
        }
        int sample = s / bytesPerSample;
        int byteInSample = bytesPerSample - 1 - s % bytesPerSample;
        int pixels = d.pixelsPerFrame();
        if (d.planarConfiguration() == 0) {
            int stride = d.samplesPerPixel() * bytesPerSample;
            for (int p = 0, i = sample * bytesPerSample + byteInSample; p < pixels; p++, i += stride) {
                plane[p] = frame[i];
            }
        } else {
            for (int p = 0, i = sample * pixels * bytesPerSample + byteInSample; p < pixels; p++, i += bytesPerSample) {
                plane[p] = frame[i];
            }
        }
    }

    /** PackBits of {@code in[from, to)}: runs of 3 or more equal bytes replicated, the rest as literals of up to 128. */
    static void pack(byte[] in, int from, int to, ByteArrayOutputStream out) {
        int i = from;
        int literalStart = from;
        while (i < to) {
            int run = 1;
            while (i + run < to && run < 128 && in[i + run] == in[i]) {
                run++;
            }
            if (run >= 3) {
                flushLiteral(in, literalStart, i, out);
                out.write(1 - run);
                out.write(in[i]);
                i += run;
                literalStart = i;
            } else {
                i += run;
            }
        }
        flushLiteral(in, literalStart, to, out);
    }

    private static void flushLiteral(byte[] in, int from, int to, ByteArrayOutputStream out) {
        for (int start = from; start < to; start += 128) {
            int n = Math.min(128, to - start);
            out.write(n - 1);
            out.write(in, start, n);
        }
    }
}
