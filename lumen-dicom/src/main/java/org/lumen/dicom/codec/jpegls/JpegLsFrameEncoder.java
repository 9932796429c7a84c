package org.lumen.dicom.codec.jpegls;

import org.lumen.dicom.pixel.EncodeOptions;
import org.lumen.dicom.pixel.FrameEncoder;
import org.lumen.dicom.pixel.ImagePixelDescription;
import org.lumen.dicom.pixel.Photometric;
import org.lumen.dicom.pixel.PixelDataException;

/**
 * JPEG-LS encoder (T.87): SOI, SOF55 with the precision of Bits Stored (at least 8), one scan per component or one
 * interleaved scan, EOI; default thresholds, so an LSE segment only for near-lossless Bits Stored below 8 (MAXVAL). One component is one scan (ILV 0); three are one line-interleaved scan (ILV 1), which GDCM (CharLS) and
 * dcmtk's dcmdjpls both decode. The two transfer syntaxes differ only in NEAR, so each has its own registered class:
 * {@link JpegLsLosslessFrameEncoder} (NEAR 0) and {@link JpegLsNearLosslessFrameEncoder} (NEAR from the options).
 *
 * <p>Samples are coded as unsigned integers of Bits Stored bits: signed data as its two's complement bit patterns, as
 * DICOM stores them and GDCM and dcmtk encode them. NEAR bounds the error on those patterns, so a signed sample within
 * NEAR of the largest positive value could come back as a large negative one (and the reverse); real images stay
 * away from those extremes. Decoded frames are interleaved, so three samples per pixel are described with Planar
 * Configuration 0.
 */
public abstract class JpegLsFrameEncoder implements FrameEncoder {
    /** Interleave mode for three components: 1 (line) or 2 (sample). */
    static final int COLOUR_INTERLEAVE = 1;

    /** NEAR for these options in this encoder's transfer syntax. */
    abstract int near(EncodeOptions options);

    @Override
    public ImagePixelDescription encodedDescription(ImagePixelDescription source, EncodeOptions options) {
        if (source.isFloat()) {
            throw new PixelDataException("JPEG-LS cannot hold float pixel data");
        }
        if (source.bitsAllocated() != 8 && source.bitsAllocated() != 16) {
            throw new PixelDataException("JPEG-LS encoder takes Bits Allocated 8 or 16, not " + source.bitsAllocated());
        }
        if (source.bitsStored() < 2 || source.bitsStored() > 16) {
            throw new PixelDataException("JPEG-LS holds 2 to 16 bits per sample, not Bits Stored " + source.bitsStored());
        }
        if (source.highBit() != source.bitsStored() - 1) {
            throw new PixelDataException("JPEG-LS encoder needs High Bit = Bits Stored - 1 (got " + source.highBit() + ")");
        }
        if (source.photometric() == Photometric.YBR_FULL_422 || source.photometric() == Photometric.YBR_PARTIAL_422) {
            throw new PixelDataException("JPEG-LS encoder cannot hold " + source.photometric()
                    + " (subsampled chroma); convert to YBR_FULL or RGB first");
        }
        if (source.columns() > 65535 || source.rows() > 65535) {
            throw new PixelDataException("JPEG-LS encoder: " + source.columns() + " x " + source.rows()
                    + " needs the oversize-dimension LSE segment, which is not written");
        }
        int near = near(options);
        int maxNear = Math.min(255, ((1 << source.bitsStored()) - 1) / 2);
        if (near > maxNear) {
            throw new PixelDataException("JPEG-LS NEAR " + near + " is above " + maxNear + ", the largest for "
                    + source.bitsStored() + "-bit samples");
        }
        return source.withPlanarConfiguration(0);
    }

    @Override
    public byte[] encode(byte[] frame, ImagePixelDescription source, EncodeOptions options) {
        encodedDescription(source, options);
        if (frame.length < source.frameLength()) {
            throw new PixelDataException("Frame of " + frame.length + " bytes is shorter than the " + source.frameLength()
                    + " of " + source);
        }
        return encode(frame, source, near(options), source.samplesPerPixel() == 1 ? 0 : COLOUR_INTERLEAVE);
    }

    /** The codestream of {@code frame} with this NEAR and interleave mode (0, 1 or 2; 0 writes one scan per component). */
    static byte[] encode(byte[] frame, ImagePixelDescription d, int near, int interleave) {
        return encode(frame, d, near, interleave, null, 0);
    }

    /**
     * As {@link #encode(byte[], ImagePixelDescription, int, int)}, with the thresholds and RESET {@code presets} (T1, T2,
     * T3, RESET; null for the defaults) written in an LSE segment, and a restart marker every {@code restartInterval}
     * lines (0 for none): what other encoders may write, so that tests can check the decoder against the peers on it.
     */
    static byte[] encode(byte[] frame, ImagePixelDescription d, int near, int interleave, int[] presets,
            int restartInterval) {
        return encode(frame, d, near, interleave, presets, restartInterval, ColourTransform.NONE);
    }

    /** As above, with an HP colour transform (1-3) applied to 8-bit interleaved RGB and signalled in APP8 "mrfx". */
    static byte[] encode(byte[] frame, ImagePixelDescription d, int near, int interleave, int[] presets,
            int restartInterval, int colourTransform) {
        if (colourTransform != ColourTransform.NONE) {
            if (d.samplesPerPixel() != 3 || d.bitsAllocated() != 8 || d.bitsStored() != 8 || d.planarConfiguration() != 0) {
                throw new PixelDataException("HP colour transforms take interleaved 8-bit RGB");
            }
            frame = ColourTransform.forward(colourTransform, frame, d.pixelsPerFrame());
        }
        int width = d.columns();
        int height = d.rows();
        int components = d.samplesPerPixel();
        // dcmtk's dcmdjpls rejects precisions below 8 (it cannot read pydicom's own 7-bit sample file): such samples go
        // out as P = 8, as dcmcjpls writes them. Near-lossless adds MAXVAL 2^Bits Stored - 1 in an LSE segment so that
        // decoded values stay within Bits Stored (GDCM refuses that LSE in a lossless stream, which does not need it).
        int precision = Math.max(8, d.bitsStored());
        int maxval = near == 0 ? 0 : (1 << d.bitsStored()) - 1;
        CodingParameters p = presets == null ? new CodingParameters(precision, near, maxval, 0, 0, 0, 0)
                : new CodingParameters(precision, near, maxval, presets[0], presets[1], presets[2], presets[3]);
        byte[] out = new byte[Math.max(1024, frame.length / 2)];
        int size = 0;
        size = marker(out, size, 0xD8);
        if (colourTransform != ColourTransform.NONE) {
            size = marker(out, size, 0xE8);
            size = put16(out, size, 7);
            for (char c : "mrfx".toCharArray()) {
                out[size++] = (byte) c;
            }
            out[size++] = (byte) colourTransform;
        }
        size = marker(out, size, 0xF7);
        size = put16(out, size, 8 + 3 * components);
        out[size++] = (byte) precision;
        size = put16(out, size, height);
        size = put16(out, size, width);
        out[size++] = (byte) components;
        for (int c = 0; c < components; c++) {
            out[size++] = (byte) (c + 1);
            out[size++] = 0x11;
            out[size++] = 0;
        }
        if (!p.isDefault(precision)) {
            size = marker(out, size, 0xF8);
            size = put16(out, size, 13);
            out[size++] = 1;
            size = put16(out, size, p.maxval);
            size = put16(out, size, p.t1);
            size = put16(out, size, p.t2);
            size = put16(out, size, p.t3);
            size = put16(out, size, p.reset);
        }
        if (restartInterval > 0) {
            size = marker(out, size, 0xDD);
            size = put16(out, size, 4);
            size = put16(out, size, restartInterval);
        }
        int[][] scans = interleave == 0 ? new int[components][] : new int[][] {range(components)};
        for (int c = 0; c < components && interleave == 0; c++) {
            scans[c] = new int[] {c};
        }
        SampleReader reader = new SampleReader(frame, d);
        for (int[] scanComponents : scans) {
            int count = scanComponents.length;
            if (out.length - size < 64) {
                out = java.util.Arrays.copyOf(out, out.length * 2);
            }
            size = marker(out, size, 0xDA);
            size = put16(out, size, 6 + 2 * count);
            out[size++] = (byte) count;
            for (int c : scanComponents) {
                out[size++] = (byte) (c + 1);
                out[size++] = 0;
            }
            out[size++] = (byte) near;
            out[size++] = (byte) (count == 1 ? 0 : interleave);
            out[size++] = 0;
            ContextModel model = new ContextModel(p, count);
            ScanEncoder scan = new ScanEncoder(model, width, out, size);
            int[][] prev = new int[count][width + 2];
            int[][] cur = new int[count][width + 2];
            for (int y = 0; y < height; y++) {
                if (restartInterval > 0 && y > 0 && y % restartInterval == 0) {
                    scan.restart(0xD0 + (y / restartInterval - 1) % 8);
                    for (int i = 0; i < count; i++) {
                        java.util.Arrays.fill(prev[i], 0);
                    }
                }
                for (int i = 0; i < count; i++) {
                    reader.readLine(y, scanComponents[i], cur[i]);
                }
                if (count == 3 && interleave == 2) {
                    scan.encodeInterleavedLine(prev[0], cur[0], prev[1], cur[1], prev[2], cur[2]);
                } else {
                    for (int i = 0; i < count; i++) {
                        scan.encodeLine(prev[i], cur[i], i);
                    }
                }
                for (int i = 0; i < count; i++) {
                    int[] swap = prev[i];
                    prev[i] = cur[i];
                    cur[i] = swap;
                }
            }
            scan.flush();
            out = scan.bytes();
            size = scan.size();
        }
        if (out.length - size < 2) {
            out = java.util.Arrays.copyOf(out, size + 2);
        }
        size = marker(out, size, 0xD9);
        return java.util.Arrays.copyOf(out, size);
    }

    private static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }

    private static int marker(byte[] out, int at, int code) {
        out[at] = (byte) 0xFF;
        out[at + 1] = (byte) code;
        return at + 2;
    }

    private static int put16(byte[] out, int at, int value) {
        out[at] = (byte) (value >> 8);
        out[at + 1] = (byte) value;
        return at + 2;
    }

    /** Lines of one component out of a native frame (either planar configuration), masked to Bits Stored. */
    private static final class SampleReader {
        private final byte[] frame;
        private final int width;
        private final int spp;
        private final boolean planar;
        private final boolean wide;
        private final int pixels;
        private final int mask;

        SampleReader(byte[] frame, ImagePixelDescription d) {
            this.frame = frame;
            this.width = d.columns();
            this.spp = d.samplesPerPixel();
            this.planar = d.planarConfiguration() == 1 && spp > 1;
            this.wide = d.bitsAllocated() == 16;
            this.pixels = d.pixelsPerFrame();
            this.mask = (1 << d.bitsStored()) - 1;
        }

        /** Column x of row y, component c, into line[x + 1]. */
        void readLine(int y, int c, int[] line) {
            int index = planar ? c * pixels + y * width : y * width * spp + c;
            int stride = planar ? 1 : spp;
            byte[] f = frame;
            if (wide) {
                for (int x = 1; x <= width; x++, index += stride) {
                    line[x] = ((f[2 * index] & 0xFF) | (f[2 * index + 1] & 0xFF) << 8) & mask;
                }
            } else {
                for (int x = 1; x <= width; x++, index += stride) {
                    line[x] = f[index] & mask;
                }
            }
        }
    }
}
