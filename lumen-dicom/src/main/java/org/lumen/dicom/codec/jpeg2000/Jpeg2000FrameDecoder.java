package org.lumen.dicom.codec.jpeg2000;

import org.lumen.dicom.io.TransferSyntax;
import org.lumen.dicom.pixel.FrameDecoder;
import org.lumen.dicom.pixel.ImagePixelDescription;
import org.lumen.dicom.pixel.Photometric;
import org.lumen.dicom.pixel.PixelDataException;

/**
 * JPEG 2000 Image Compression (1.2.840.10008.1.2.4.90 lossless only, and .91): a pure-Java ISO 15444-1 decoder. A frame
 * is a raw codestream (SOC) or a JP2 file whose contiguous codestream box is used. With the multiple component transform
 * the decoded samples are RGB, so YBR_RCT and YBR_ICT become RGB, as GDCM writes them. Irreversible (9/7) samples are
 * rounded half to even and clamped to the component's range, as OpenJPEG does. HTJ2K codestreams are refused.
 */
public final class Jpeg2000FrameDecoder implements FrameDecoder {

    @Override
    public boolean supports(String transferSyntaxUid) {
        return TransferSyntax.JPEG_2000_LOSSLESS.equals(transferSyntaxUid) || TransferSyntax.JPEG_2000.equals(transferSyntaxUid);
    }

    @Override
    public String name() {
        return "JPEG 2000";
    }

    @Override
    public ImagePixelDescription decodedDescription(ImagePixelDescription stored) {
        if (stored.photometric() == Photometric.YBR_RCT || stored.photometric() == Photometric.YBR_ICT) {
            return stored.withPhotometric(Photometric.RGB);
        }
        return stored;
    }

    @Override
    public byte[] decode(byte[] encodedFrame, ImagePixelDescription stored) {
        ImagePixelDescription d = decodedDescription(stored);
        int[] bounds = codestreamBounds(encodedFrame);
        J2kCodestream cs = J2kCodestream.parseHeader(encodedFrame, bounds[0], bounds[1]);
        check(cs, d);
        cs = J2kCodestream.parse(encodedFrame, bounds[0], bounds[1]);
        J2kTileDecoder decoder = new J2kTileDecoder(cs);
        decoder.decodeAll();
        return layout(cs, decoder.planes(), d);
    }

    /** Checks the codestream against the dataset before anything is allocated for it. */
    private static void check(J2kCodestream cs, ImagePixelDescription d) {
        if (cs.components() != d.samplesPerPixel()) {
            throw new PixelDataException("JPEG 2000: the codestream has " + cs.components()
                    + " component(s); Samples per Pixel is " + d.samplesPerPixel());
        }
        if (cs.width() != d.columns() || cs.height() != d.rows()) {
            throw new PixelDataException("JPEG 2000: the codestream's image is " + cs.width() + " x " + cs.height()
                    + "; Columns x Rows is " + d.columns() + " x " + d.rows());
        }
        if (d.bitsAllocated() != 1 && d.bitsAllocated() != 8 && d.bitsAllocated() != 16 && d.bitsAllocated() != 32) {
            throw new PixelDataException("JPEG 2000: Bits Allocated " + d.bitsAllocated() + " is not supported (1, 8, 16 or 32)");
        }
        for (int c = 0; c < cs.components(); c++) {
            if (cs.precision(c) > d.bitsAllocated() || cs.precision(c) > 31) {
                throw new PixelDataException("JPEG 2000: component " + c + " has " + cs.precision(c)
                        + "-bit samples, which do not fit Bits Allocated " + d.bitsAllocated());
            }
            if (cs.dx[c] > d.columns() || cs.dy[c] > d.rows()) {
                throw new PixelDataException("JPEG 2000: component " + c + " is subsampled " + cs.dx[c] + " x " + cs.dy[c]
                        + ", more than the image size");
            }
        }
    }

    /** [start, end) of the codestream: the frame itself, or the contiguous codestream box of a JP2 file. */
    static int[] codestreamBounds(byte[] data) {
        if (data.length >= 2 && (data[0] & 0xFF) == 0xFF && (data[1] & 0xFF) == 0x4F) {
            return new int[] {0, data.length};
        }
        if (data.length >= 12 && readInt(data, 0) == 12 && readInt(data, 4) == 0x6A502020) {
            long pos = 0;
            while (pos + 8 <= data.length) {
                long length = readInt(data, (int) pos) & 0xFFFFFFFFL;
                int type = readInt(data, (int) pos + 4);
                long header = 8;
                if (length == 1) {
                    if (pos + 16 > data.length) {
                        break;
                    }
                    length = (long) readInt(data, (int) pos + 8) << 32 | (readInt(data, (int) pos + 12) & 0xFFFFFFFFL);
                    header = 16;
                } else if (length == 0) {
                    length = data.length - pos;
                }
                if (length < header) {
                    break;
                }
                if (type == 0x6A703263) { // 'jp2c'
                    return new int[] {(int) (pos + header), (int) Math.min(data.length, pos + length)};
                }
                pos += length;
            }
            throw new PixelDataException("JPEG 2000: the JP2 file holds no contiguous codestream box (jp2c)");
        }
        String start = data.length >= 2 ? String.format("%02X%02X", data[0] & 0xFF, data[1] & 0xFF) : "(nothing)";
        throw new PixelDataException("JPEG 2000: the frame starts with " + start
                + ", neither a codestream (SOC FF4F) nor a JP2 file signature box");
    }

    private static int readInt(byte[] b, int p) {
        return (b[p] & 0xFF) << 24 | (b[p + 1] & 0xFF) << 16 | (b[p + 2] & 0xFF) << 8 | b[p + 3] & 0xFF;
    }

    /** Writes the component planes as native pixel data: little endian, interleaved or planar as {@code d} says. */
    private static byte[] layout(J2kCodestream cs, int[][] planes, ImagePixelDescription d) {
        int rows = d.rows();
        int columns = d.columns();
        int spp = d.samplesPerPixel();
        int bytes = d.bitsAllocated() / 8;
        int pixels = rows * columns;
        byte[] out = new byte[d.frameLength()];
        if (d.bitsAllocated() == 1) {
            // one sample per pixel, packed least significant bit first (FrameSource's layout for 1-bit frames)
            int[] plane = fullSize(cs, planes[0], 0, columns, rows);
            for (int i = 0; i < pixels; i++) {
                out[i >> 3] |= (byte) ((plane[i] & 1) << (i & 7));
            }
            return out;
        }
        for (int c = 0; c < spp; c++) {
            int[] plane = fullSize(cs, planes[c], c, columns, rows);
            int pos = d.planarConfiguration() == 0 ? c * bytes : c * pixels * bytes;
            int step = d.planarConfiguration() == 0 ? spp * bytes : bytes;
            if (bytes == 1) {
                for (int i = 0; i < pixels; i++, pos += step) {
                    out[pos] = (byte) plane[i];
                }
            } else if (bytes == 2) {
                for (int i = 0; i < pixels; i++, pos += step) {
                    int v = plane[i];
                    out[pos] = (byte) v;
                    out[pos + 1] = (byte) (v >> 8);
                }
            } else {
                for (int i = 0; i < pixels; i++, pos += step) {
                    int v = plane[i];
                    out[pos] = (byte) v;
                    out[pos + 1] = (byte) (v >> 8);
                    out[pos + 2] = (byte) (v >> 16);
                    out[pos + 3] = (byte) (v >> 24);
                }
            }
        }
        return out;
    }

    /** A subsampled component brought to the image size by repeating samples; others as they are. */
    private static int[] fullSize(J2kCodestream cs, int[] plane, int c, int columns, int rows) {
        if (cs.dx[c] == 1 && cs.dy[c] == 1) {
            return plane;
        }
        int cw = cs.componentWidth(c);
        int ch = cs.componentHeight(c);
        int cx0 = J2kCodestream.ceilDiv(cs.x0, cs.dx[c]);
        int cy0 = J2kCodestream.ceilDiv(cs.y0, cs.dy[c]);
        int[] full = new int[columns * rows];
        for (int y = 0; y < rows; y++) {
            int sy = Math.min(ch - 1, Math.max(0, (cs.y0 + y) / cs.dy[c] - cy0));
            for (int x = 0; x < columns; x++) {
                int sx = Math.min(cw - 1, Math.max(0, (cs.x0 + x) / cs.dx[c] - cx0));
                full[y * columns + x] = plane[sy * cw + sx];
            }
        }
        return full;
    }
}
