package org.lumen.dicom.codec.jpeg;

import org.lumen.dicom.io.TransferSyntax;
import org.lumen.dicom.pixel.EncodeOptions;
import org.lumen.dicom.pixel.FrameEncoder;
import org.lumen.dicom.pixel.ImagePixelDescription;
import org.lumen.dicom.pixel.Photometric;
import org.lumen.dicom.pixel.PixelDataException;

/**
 * JPEG Lossless, first-order prediction (process 14, selection value 1) for 1.2.840.10008.1.2.4.70 and, with the same
 * predictor, 1.2.840.10008.1.2.4.57. One interleaved scan, no colour transform (RGB stays RGB, YBR_FULL stays YBR_FULL),
 * one Huffman table per component built from the frame's own difference statistics (T.81 Annex K.2).
 *
 * <p>The sample precision is Bits Stored when every sample fits it (unsigned data, or signed data filling its container);
 * otherwise, to stay exact whatever the bits above the High Bit hold (sign extension of signed data, overlays), the whole
 * Bits Allocated container is coded. Subsampled YBR_FULL_422 / YBR_PARTIAL_* frames are refused: convert them first.
 */
public final class JpegLosslessFrameEncoder implements FrameEncoder {
    /** Lines per restart interval, 0 for none: restart markers cost bytes and buy nothing for DICOM frames. */
    private final int restartLines;

    public JpegLosslessFrameEncoder() {
        this(0);
    }

    /** An encoder writing a restart marker every {@code restartLines} lines (for tests of decoders' restart handling). */
    JpegLosslessFrameEncoder(int restartLines) {
        this.restartLines = restartLines;
    }

    @Override
    public boolean supports(String uid) {
        return TransferSyntax.JPEG_LOSSLESS_SV1.equals(uid) || TransferSyntax.JPEG_LOSSLESS.equals(uid);
    }

    @Override
    public String name() {
        return "JPEG Lossless";
    }

    @Override
    public ImagePixelDescription encodedDescription(ImagePixelDescription source, EncodeOptions options) {
        if (source.isFloat()) {
            throw new PixelDataException("JPEG Lossless cannot hold float pixel data");
        }
        if (source.bitsAllocated() != 8 && source.bitsAllocated() != 16) {
            throw new PixelDataException("JPEG Lossless holds samples of 2 to 16 bits in 8 or 16-bit containers, not Bits Allocated "
                    + source.bitsAllocated());
        }
        Photometric p = source.photometric();
        if (p == Photometric.YBR_FULL_422 || p == Photometric.YBR_PARTIAL_422 || p == Photometric.YBR_PARTIAL_420) {
            throw new PixelDataException("JPEG Lossless: " + p + " (subsampled chroma) is not supported; convert the frames to "
                    + "YBR_FULL or RGB first");
        }
        if (p == Photometric.YBR_ICT || p == Photometric.YBR_RCT) {
            throw new PixelDataException("JPEG Lossless: " + p + " belongs to JPEG 2000; convert the frames to RGB first");
        }
        return source.withPlanarConfiguration(0);
    }

    @Override
    public byte[] encode(byte[] frame, ImagePixelDescription d, EncodeOptions options) {
        encodedDescription(d, options);
        if (frame.length < d.frameLength()) {
            throw new PixelDataException("Frame of " + frame.length + " bytes is shorter than the " + d.frameLength() + " of " + d);
        }
        int n = d.samplesPerPixel();
        int width = d.columns();
        int height = d.rows();
        int pixels = width * height;
        int[][] planes = samples(frame, d);
        int precision = precision(planes, d);
        int mask = (1 << precision) - 1;
        if (precision < 16) {
            for (int[] plane : planes) {
                for (int i = 0; i < pixels; i++) {
                    plane[i] &= mask;
                }
            }
        }
        // Differences from the SV1 prediction (H.1.2.1): first sample 2^(P-1), first line from the left, first column
        // from above, the rest from the left; kept as SSSS category | extra bits for the second pass.
        int[][] coded = new int[n][pixels];
        long[][] freq = new long[n][256];
        int initial = 1 << (precision - 1);
        for (int c = 0; c < n; c++) {
            int[] p = planes[c];
            int[] out = coded[c];
            long[] f = freq[c];
            for (int y = 0, i = 0; y < height; y++, i += width) {
                boolean firstLine = restartLines > 0 ? y % restartLines == 0 : y == 0;
                int code = category(p[i] - (firstLine ? initial : p[i - width]));
                out[i] = code;
                f[code & 0x1F]++;
                for (int x = i + 1, last = i + width; x < last; x++) {
                    code = category(p[x] - p[x - 1]);
                    out[x] = code;
                    f[code & 0x1F]++;
                }
            }
        }
        HuffmanCodeBuilder[] tables = new HuffmanCodeBuilder[n];
        for (int c = 0; c < n; c++) {
            tables[c] = new HuffmanCodeBuilder(freq[c]);
        }
        JpegWriter w = new JpegWriter(pixels * n * 2 + 1024);
        w.marker(0xD8);
        w.marker(0xC3);
        w.u16(8 + 3 * n);
        w.u8(precision);
        w.u16(height);
        w.u16(width);
        w.u8(n);
        for (int c = 0; c < n; c++) {
            w.u8(c + 1);
            w.u8(0x11);
            w.u8(0);
        }
        w.marker(0xC4);
        int dhtLength = 2;
        for (HuffmanCodeBuilder t : tables) {
            dhtLength += 17 + t.symbols.length;
        }
        w.u16(dhtLength);
        for (int c = 0; c < n; c++) {
            w.u8(c); // class 0 (DC / lossless), destination c
            for (int count : tables[c].counts) {
                w.u8(count);
            }
            for (int s : tables[c].symbols) {
                w.u8(s);
            }
        }
        if (restartLines > 0) {
            if ((long) restartLines * width > 0xFFFF) {
                throw new PixelDataException("JPEG Lossless: a restart interval of " + restartLines + " lines of " + width
                        + " samples is too long");
            }
            w.marker(0xDD);
            w.u16(4);
            w.u16(restartLines * width);
        }
        w.marker(0xDA);
        w.u16(6 + 2 * n);
        w.u8(n);
        for (int c = 0; c < n; c++) {
            w.u8(c + 1);
            w.u8(c << 4);
        }
        w.u8(1); // Ss: predictor selection value 1
        w.u8(0); // Se
        w.u8(0); // Ah, Al: no point transform
        for (int i = 0, interval = 0; i < pixels; i++) {
            if (restartLines > 0 && i > 0 && i % (restartLines * width) == 0) {
                w.flushBits();
                w.marker(0xD0 + (interval++ & 7));
            }
            for (int c = 0; c < n; c++) {
                int v = coded[c][i];
                int s = v & 0x1F;
                HuffmanCodeBuilder t = tables[c];
                // Code and extra bits together: at most 16 + 15 bits (category 16 has no extra bits).
                int extraBits = s < 16 ? s : 0;
                w.bits(t.code[s] << extraBits | v >>> 5, t.length[s] + extraBits);
            }
        }
        w.flushBits();
        w.marker(0xD9);
        return w.toByteArray();
    }

    /**
     * The difference as T.81 codes it (H.1.2.2, F.1.2.1): modulo 2^16 into -32767..32768; category SSSS in the low 5
     * bits, the SSSS extra bits (the difference, minus 1 when negative) above them.
     */
    static int category(int difference) {
        int d = (difference << 16) >> 16; // modulo 2^16, as a signed 16-bit value
        if (d == -32768) {
            return 16;
        }
        int magnitude = d < 0 ? -d : d;
        int s = 32 - Integer.numberOfLeadingZeros(magnitude);
        int extra = d < 0 ? d - 1 + (1 << s) : d;
        return (extra & ((1 << s) - 1)) << 5 | s;
    }

    /** Each component's samples, as unsigned container values. */
    private static int[][] samples(byte[] frame, ImagePixelDescription d) {
        int n = d.samplesPerPixel();
        int pixels = d.pixelsPerFrame();
        int bytes = d.bitsAllocated() / 8;
        int[][] planes = new int[n][pixels];
        boolean planar = n > 1 && d.planarConfiguration() == 1;
        for (int c = 0; c < n; c++) {
            int[] p = planes[c];
            int start = planar ? c * pixels * bytes : c * bytes;
            int step = planar ? bytes : n * bytes;
            for (int i = 0, o = start; i < pixels; i++, o += step) {
                p[i] = bytes == 1 ? frame[o] & 0xFF : (frame[o] & 0xFF) | (frame[o + 1] & 0xFF) << 8;
            }
        }
        return planes;
    }

    /** Bits Stored (at least 2) when every sample's container bits above it are zero, else Bits Allocated. */
    private static int precision(int[][] planes, ImagePixelDescription d) {
        int stored = Math.max(2, d.bitsStored());
        if (stored >= d.bitsAllocated()) {
            return d.bitsAllocated();
        }
        int limit = 1 << stored;
        for (int[] plane : planes) {
            for (int v : plane) {
                if (v >= limit) {
                    return d.bitsAllocated();
                }
            }
        }
        return stored;
    }
}
