package org.lumen.dicom.codec.jpegls;

import org.lumen.dicom.io.TransferSyntax;
import org.lumen.dicom.pixel.FrameDecoder;
import org.lumen.dicom.pixel.ImagePixelDescription;
import org.lumen.dicom.pixel.PixelDataException;

/**
 * JPEG-LS Lossless and Near-Lossless (ITU-T T.87 | ISO/IEC 14495-1), transfer syntaxes 1.2.840.10008.1.2.4.80 and .81.
 * Reads SOI, SOF55, LSE preset parameters (MAXVAL, T1-T3, RESET; zeros and absent values defaulted per C.2.4.1.1), DRI,
 * one scan per component or one interleaved scan (ILV 0, 1, 2) with any NEAR, restart markers, APPn/COM (skipped) and
 * EOI. Samples of 2 to 16 bits, 1 or 3 components. Refused with a clear message: mapping tables (palettes, LSE 2/3),
 * oversize dimensions (LSE 4), subsampled components, a point transform, and HP colour transforms (APP8 "mrfx") other
 * than HP1-HP3 on 8-bit RGB, which are undone after decoding.
 *
 * <p>Decoded frames are interleaved (Planar Configuration 0) whatever the interleave mode, as GDCM writes them.
 * Samples are the decoded values as unsigned integers of the frame's precision; for signed pixel data (Pixel
 * Representation 1) these are the two's complement bit patterns of the precision's bits, with the bits above left zero (not
 * sign-extended), byte for byte what GDCM writes.
 */
public final class JpegLsFrameDecoder implements FrameDecoder {

    @Override
    public boolean supports(String transferSyntaxUid) {
        return TransferSyntax.JPEG_LS_LOSSLESS.equals(transferSyntaxUid)
                || TransferSyntax.JPEG_LS_NEAR_LOSSLESS.equals(transferSyntaxUid);
    }

    @Override
    public String name() {
        return "JPEG-LS";
    }

    @Override
    public ImagePixelDescription decodedDescription(ImagePixelDescription stored) {
        return stored.withPlanarConfiguration(0);
    }

    @Override
    public byte[] decode(byte[] encodedFrame, ImagePixelDescription stored) {
        ImagePixelDescription d = decodedDescription(stored);
        if (d.bitsAllocated() != 8 && d.bitsAllocated() != 16) {
            throw new PixelDataException("JPEG-LS: Bits Allocated " + d.bitsAllocated() + " is not supported (8 or 16)");
        }
        try {
            return new Codestream(encodedFrame, d).decode();
        } catch (ArrayIndexOutOfBoundsException | NegativeArraySizeException e) {
            // Every read is bounds-checked first; this would be a bug, reported as bad data rather than a crash.
            throw new PixelDataException("JPEG-LS: corrupt codestream (" + e.getMessage() + ")", e);
        }
    }

    /** One frame's codestream being parsed: markers in order, scans decoded into the output frame as they come. */
    private static final class Codestream {
        private final byte[] data;
        private final ImagePixelDescription d;
        private final byte[] out;
        private int pos;
        private int precision;
        private int width;
        private int height;
        private int[] componentIds;
        private boolean[] decoded;
        private int presetMaxval;
        private int presetT1;
        private int presetT2;
        private int presetT3;
        private int presetReset;
        private int restartInterval;
        private int colourTransform;

        Codestream(byte[] data, ImagePixelDescription d) {
            this.data = data;
            this.d = d;
            this.out = new byte[d.frameLength()];
        }

        byte[] decode() {
            if (data.length < 4 || u8(0) != 0xFF || u8(1) != 0xD8) {
                throw new PixelDataException("JPEG-LS: the frame does not start with an SOI marker (FFD8)");
            }
            pos = 2;
            while (true) {
                int marker = nextMarker();
                if (marker == 0xD9) {
                    break;
                }
                int markerAt = pos - 2;
                if (marker >= 0xD0 && marker <= 0xD7) {
                    throw new PixelDataException(String.format("JPEG-LS: marker FF%02X at byte %d outside a scan", marker, markerAt));
                }
                int length = u16(pos);
                if (length < 2 || pos + length > data.length) {
                    throw new PixelDataException(String.format("JPEG-LS: segment FF%02X at byte %d claims %d bytes; %d remain",
                            marker, markerAt, length, data.length - pos));
                }
                int segment = pos + 2;
                int segmentEnd = pos + length;
                switch (marker) {
                    case 0xF7 -> readFrameHeader(segment, segmentEnd, markerAt);
                    case 0xF8 -> readPresets(segment, segmentEnd, markerAt);
                    case 0xDD -> readRestartInterval(segment, segmentEnd, markerAt);
                    case 0xDA -> {
                        pos = segmentEnd;
                        readScan(segment, segmentEnd, markerAt);
                        continue;
                    }
                    case 0xE8 -> checkColourTransform(segment, segmentEnd);
                    default -> {
                        boolean skippable = (marker >= 0xE0 && marker <= 0xEF) || marker == 0xFE;
                        if (!skippable) {
                            throw new PixelDataException(String.format("JPEG-LS: marker FF%02X at byte %d %s", marker, markerAt,
                                    isOtherSof(marker) ? "starts a frame that is not JPEG-LS (SOF55, FFF7, expected)"
                                            : "is not expected in a JPEG-LS codestream"));
                        }
                    }
                }
                pos = segmentEnd;
            }
            if (componentIds == null) {
                throw new PixelDataException("JPEG-LS: EOI reached without a frame header (SOF55)");
            }
            for (int i = 0; i < decoded.length; i++) {
                if (!decoded[i]) {
                    throw new PixelDataException("JPEG-LS: component " + componentIds[i] + " has no scan before EOI");
                }
            }
            if (colourTransform != ColourTransform.NONE) {
                if (componentIds.length != 3 || precision != 8 || d.bitsAllocated() != 8) {
                    throw new PixelDataException("JPEG-LS: HP colour transform " + colourTransform + " is supported for 3"
                            + " components of 8 bits only (the frame has " + componentIds.length + " of " + precision + ")");
                }
                ColourTransform.inverse(colourTransform, out, width * height);
            }
            return out;
        }

        /** The next marker code at pos (fill bytes FF skipped); a missing EOI at the end of the data counts as EOI. */
        private int nextMarker() {
            if (pos >= data.length || (pos == data.length - 1 && data[pos] == 0)) {
                if (componentIds != null && allDecoded()) {
                    return 0xD9;
                }
                throw new PixelDataException("JPEG-LS: the codestream ends at byte " + data.length + " before EOI");
            }
            if (u8(pos) != 0xFF) {
                throw new PixelDataException(String.format("JPEG-LS: byte %02X at %d where a marker (FFxx) was expected",
                        u8(pos), pos));
            }
            while (pos < data.length && u8(pos) == 0xFF) {
                pos++;
            }
            if (pos >= data.length) {
                throw new PixelDataException("JPEG-LS: the codestream ends inside a marker at byte " + data.length);
            }
            return u8(pos++);
        }

        private boolean allDecoded() {
            for (boolean done : decoded) {
                if (!done) {
                    return false;
                }
            }
            return true;
        }

        private static boolean isOtherSof(int marker) {
            return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        }

        private void readFrameHeader(int at, int end, int markerAt) {
            if (componentIds != null) {
                throw new PixelDataException("JPEG-LS: a second frame header (SOF55) at byte " + markerAt);
            }
            need(at, end, 6, "SOF55", markerAt);
            precision = u8(at);
            height = u16(at + 1);
            width = u16(at + 3);
            int count = u8(at + 5);
            need(at, end, 6 + 3 * count, "SOF55", markerAt);
            if (precision < 2 || precision > 16) {
                throw new PixelDataException("JPEG-LS: sample precision " + precision + " is outside 2..16");
            }
            if (precision > d.bitsAllocated()) {
                throw new PixelDataException("JPEG-LS: " + precision + "-bit samples do not fit Bits Allocated " + d.bitsAllocated());
            }
            if (width != d.columns() || height != d.rows()) {
                throw new PixelDataException("JPEG-LS: frame header says " + width + " x " + height + " (columns x rows); the"
                        + " dataset says " + d.columns() + " x " + d.rows());
            }
            if (count != d.samplesPerPixel()) {
                throw new PixelDataException("JPEG-LS: frame has " + count + " component(s); Samples per Pixel is "
                        + d.samplesPerPixel());
            }
            componentIds = new int[count];
            decoded = new boolean[count];
            for (int i = 0; i < count; i++) {
                componentIds[i] = u8(at + 6 + 3 * i);
                int sampling = u8(at + 7 + 3 * i);
                if (sampling != 0x11) {
                    throw new PixelDataException(String.format("JPEG-LS: component %d is subsampled (H/V %02X); not supported",
                            componentIds[i], sampling));
                }
            }
        }

        private void readPresets(int at, int end, int markerAt) {
            need(at, end, 1, "LSE", markerAt);
            int id = u8(at);
            if (id != 1) {
                throw new PixelDataException("JPEG-LS: LSE segment of type " + id + " at byte " + markerAt + " ("
                        + (id == 2 || id == 3 ? "mapping table" : id == 4 ? "oversize image dimension" : "unknown")
                        + ") is not supported");
            }
            need(at, end, 11, "LSE", markerAt);
            presetMaxval = u16(at + 1);
            presetT1 = u16(at + 3);
            presetT2 = u16(at + 5);
            presetT3 = u16(at + 7);
            presetReset = u16(at + 9);
        }

        private void readRestartInterval(int at, int end, int markerAt) {
            int size = end - at;
            if (size < 2 || size > 4) {
                throw new PixelDataException("JPEG-LS: DRI segment at byte " + markerAt + " has " + size + " value bytes (2-4)");
            }
            int value = 0;
            for (int i = 0; i < size; i++) {
                value = (value << 8) | u8(at + i);
            }
            if (value < 0) {
                throw new PixelDataException("JPEG-LS: restart interval " + Integer.toUnsignedString(value) + " is too large");
            }
            restartInterval = value;
        }

        /** CharLS writes APP8 "mrfx" with a colour transform id: 0 none, 1-3 HP1-HP3 (undone after decoding). */
        private void checkColourTransform(int at, int end) {
            if (end - at >= 5 && u8(at) == 'm' && u8(at + 1) == 'r' && u8(at + 2) == 'f' && u8(at + 3) == 'x') {
                int transform = u8(at + 4);
                if (transform > 3) {
                    throw new PixelDataException("JPEG-LS: colour transform " + transform + " (APP8 mrfx) is not supported");
                }
                colourTransform = transform;
            }
        }

        private void readScan(int at, int end, int markerAt) {
            if (componentIds == null) {
                throw new PixelDataException("JPEG-LS: scan (SOS) at byte " + markerAt + " before the frame header (SOF55)");
            }
            need(at, end, 1, "SOS", markerAt);
            int count = u8(at);
            need(at, end, 4 + 2 * count, "SOS", markerAt);
            if (count < 1 || count > componentIds.length) {
                throw new PixelDataException("JPEG-LS: scan at byte " + markerAt + " has " + count + " components; the frame has "
                        + componentIds.length);
            }
            int[] indexes = new int[count];
            for (int i = 0; i < count; i++) {
                int id = u8(at + 1 + 2 * i);
                int index = componentIndex(id, markerAt);
                if (decoded[index]) {
                    throw new PixelDataException("JPEG-LS: component " + id + " is in a second scan at byte " + markerAt);
                }
                if (u8(at + 2 + 2 * i) != 0) {
                    throw new PixelDataException("JPEG-LS: component " + id + " uses mapping table " + u8(at + 2 + 2 * i)
                            + "; mapping tables are not supported");
                }
                indexes[i] = index;
            }
            int near = u8(at + 1 + 2 * count);
            int interleave = u8(at + 2 + 2 * count);
            int pointTransform = u8(at + 3 + 2 * count);
            if (interleave > 2) {
                throw new PixelDataException("JPEG-LS: interleave mode " + interleave + " at byte " + markerAt + " (0, 1 or 2)");
            }
            if ((interleave == 0) != (count == 1)) {
                throw new PixelDataException("JPEG-LS: interleave mode " + interleave + " with " + count + " component(s) in"
                        + " the scan at byte " + markerAt);
            }
            if ((pointTransform & 0x0F) != 0) {
                throw new PixelDataException("JPEG-LS: point transform " + (pointTransform & 0x0F) + " is not supported");
            }
            CodingParameters p = new CodingParameters(precision, near, presetMaxval, presetT1, presetT2, presetT3, presetReset);
            if (interleave == 2 && count != 3) {
                throw new PixelDataException("JPEG-LS: sample-interleaved scan of " + count + " components (3 supported)");
            }
            decodeScanData(p, indexes, interleave);
            for (int index : indexes) {
                decoded[index] = true;
            }
        }

        private int componentIndex(int id, int markerAt) {
            for (int i = 0; i < componentIds.length; i++) {
                if (componentIds[i] == id) {
                    return i;
                }
            }
            throw new PixelDataException("JPEG-LS: scan at byte " + markerAt + " names component " + id
                    + ", which the frame header does not have");
        }

        /** Decodes the scan's lines from pos, restart interval by restart interval; leaves pos at the marker after it. */
        private void decodeScanData(CodingParameters p, int[] indexes, int interleave) {
            int count = indexes.length;
            ContextModel model = new ContextModel(p, count);
            ScanDecoder scan = new ScanDecoder(data, model, width);
            // one spare element past the right edge: the decoder reads ahead Rd of the column after the last
            int[][] prev = new int[count][width + 3];
            int[][] cur = new int[count][width + 3];
            int segmentEnd = scanDataEnd(pos);
            scan.start(pos, segmentEnd);
            int expectedRestart = 0;
            for (int y = 0; y < height; y++) {
                if (restartInterval > 0 && y > 0 && y % restartInterval == 0) {
                    scan.checkNotOverrun();
                    int marker = segmentEnd + 1 < data.length ? u8(segmentEnd + 1) : -1;
                    if (marker != 0xD0 + expectedRestart) {
                        throw new PixelDataException(String.format("JPEG-LS: expected restart marker FF%02X at byte %d, found %s",
                                0xD0 + expectedRestart, segmentEnd, marker < 0 ? "the end of the data" : String.format("FF%02X", marker)));
                    }
                    expectedRestart = (expectedRestart + 1) & 7;
                    model.reset();
                    for (int c = 0; c < count; c++) {
                        java.util.Arrays.fill(prev[c], 0);
                        java.util.Arrays.fill(cur[c], 0);
                    }
                    int next = segmentEnd + 2;
                    segmentEnd = scanDataEnd(next);
                    scan.start(next, segmentEnd);
                }
                if (interleave == 2) {
                    scan.decodeInterleavedLine(prev[0], cur[0], prev[1], cur[1], prev[2], cur[2]);
                } else {
                    for (int c = 0; c < count; c++) {
                        scan.decodeLine(prev[c], cur[c], c);
                    }
                }
                for (int c = 0; c < count; c++) {
                    writeLine(cur[c], indexes[c], y);
                    int[] swap = prev[c];
                    prev[c] = cur[c];
                    cur[c] = swap;
                }
            }
            scan.checkNotOverrun();
            pos = segmentEnd;
        }

        /** Where the entropy-coded data starting at {@code from} ends: the next FF followed by a byte >= 80 (a marker). */
        private int scanDataEnd(int from) {
            byte[] b = data;
            int last = b.length - 1;
            for (int i = from; i < last; i++) {
                if (b[i] == (byte) 0xFF && (b[i + 1] & 0x80) != 0) {
                    return i;
                }
            }
            return b.length;
        }

        /** Puts one decoded line of frame component {@code component} into the interleaved little-endian frame. */
        private void writeLine(int[] line, int component, int y) {
            int spp = componentIds.length;
            int at = (y * width * spp + component);
            if (d.bitsAllocated() == 8) {
                byte[] o = out;
                for (int x = 1; x <= width; x++, at += spp) {
                    o[at] = (byte) line[x];
                }
            } else {
                byte[] o = out;
                at *= 2;
                int stride = 2 * spp;
                for (int x = 1; x <= width; x++, at += stride) {
                    int v = line[x];
                    o[at] = (byte) v;
                    o[at + 1] = (byte) (v >> 8);
                }
            }
        }

        private void need(int at, int end, int bytes, String segment, int markerAt) {
            if (end - at < bytes) {
                throw new PixelDataException("JPEG-LS: " + segment + " segment at byte " + markerAt + " is " + (end - at + 2)
                        + " bytes long; it needs " + (bytes + 2));
            }
        }

        private int u8(int at) {
            return data[at] & 0xFF;
        }

        private int u16(int at) {
            if (at + 1 >= data.length) {
                throw new PixelDataException("JPEG-LS: the codestream ends at byte " + data.length + " inside a marker segment");
            }
            return (data[at] & 0xFF) << 8 | (data[at + 1] & 0xFF);
        }
    }
}
