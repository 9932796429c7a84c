package org.lumen.dicom.pixel;

import java.util.Arrays;
import org.lumen.dicom.data.BulkData;
import org.lumen.dicom.data.ByteUtils;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.data.Tags;
import org.lumen.dicom.data.VR;

/**
 * Frames of native (uncompressed) pixel data, held in memory or left in the file as {@link BulkData}: frame k is read as
 * its own byte range only. Big endian values are turned little endian; with VR OW the bytes of 8-bit and 1-bit data are
 * swapped within each 16-bit word too, as PS3.5 lays out OW in big endian. 1-bit frames that do not start on a byte
 * boundary (rows x columns not a multiple of 8) are shifted down to bit 0.
 */
public final class NativeFrameSource implements FrameSource {
    private final ImagePixelDescription description;
    private final byte[] bytes;
    private final BulkData bulkData;
    private final long valueLength;
    private final boolean bigEndian;
    private final int swapWidth;

    /**
     * @param value      the pixel data value: {@code byte[]} or {@link BulkData}
     * @param vr         its VR (OB, OW, OF, OD, UN)
     * @param bigEndian  byte order of an in-memory value (that of its dataset); bulk data carries its own
     */
    public NativeFrameSource(ImagePixelDescription description, Object value, VR vr, boolean bigEndian) {
        this.description = description;
        if (value instanceof byte[] b) {
            this.bytes = b;
            this.bulkData = null;
            this.valueLength = b.length;
            this.bigEndian = bigEndian;
        } else if (value instanceof BulkData bulk) {
            this.bytes = null;
            this.bulkData = bulk;
            this.valueLength = bulk.length();
            this.bigEndian = bulk.bigEndian();
        } else {
            throw new PixelDataException(Tags.toString(description.pixelDataTag()) + " holds "
                    + (value == null ? "no value" : value.getClass().getSimpleName()) + ", not native pixel data");
        }
        this.swapWidth = swapWidth(description, vr, this.bigEndian);
        long needed = description.nativeLength();
        if (valueLength < needed) {
            throw new PixelDataException(name(description) + " holds " + valueLength + " bytes, fewer than the " + needed
                    + " that " + description.numberOfFrames() + " frame(s) of " + description.rows() + " x "
                    + description.columns() + " x " + description.samplesPerPixel() + " samples at "
                    + description.bitsAllocated() + " bits allocated need");
        }
    }

    @Override
    public ImagePixelDescription description() {
        return description;
    }

    @Override
    public byte[] frame(int index) {
        checkFrameIndex(index);
        if (description.bitsAllocated() == 1) {
            return bitFrame(index);
        }
        int length = description.frameLength();
        return read((long) index * length, length);
    }

    private byte[] bitFrame(int index) {
        long firstBit = (long) index * description.frameBits();
        int shift = (int) (firstBit & 7);
        int length = description.frameLength();
        long start = firstBit >>> 3;
        int count = (int) Math.min((shift + description.frameBits() + 7) / 8, valueLength - start);
        byte[] in = read(start, count);
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            int low = (in[i] & 0xFF) >>> shift;
            int high = shift == 0 || i + 1 >= in.length ? 0 : (in[i + 1] & 0xFF) << (8 - shift);
            out[i] = (byte) (low | high);
        }
        int usedBits = (int) (description.frameBits() & 7);
        if (usedBits != 0) {
            out[length - 1] &= (byte) ((1 << usedBits) - 1);
        }
        return out;
    }

    /** {@code count} bytes from {@code start}, little endian: reads whole swap words around the range, then trims. */
    private byte[] read(long start, int count) {
        if (swapWidth == 1) {
            return readRaw(start, count);
        }
        long alignedStart = start - start % swapWidth;
        long alignedEnd = Math.min(valueLength, ceil(start + count, swapWidth));
        byte[] aligned = readRaw(alignedStart, (int) (alignedEnd - alignedStart));
        if (aligned.length % swapWidth != 0) {
            aligned = Arrays.copyOf(aligned, (int) ceil(aligned.length, swapWidth));
        }
        ByteUtils.swap(aligned, swapWidth);
        int offset = (int) (start - alignedStart);
        return offset == 0 && aligned.length == count ? aligned : Arrays.copyOfRange(aligned, offset, offset + count);
    }

    private byte[] readRaw(long start, int count) {
        if (bytes != null) {
            return Arrays.copyOfRange(bytes, (int) start, (int) start + count);
        }
        return bulkData.read(start, count);
    }

    private static long ceil(long value, int multiple) {
        return (value + multiple - 1) / multiple * multiple;
    }

    private static int swapWidth(ImagePixelDescription description, VR vr, boolean bigEndian) {
        if (!bigEndian) {
            return 1;
        }
        if (description.bitsAllocated() >= 16) {
            return description.bitsAllocated() / 8;
        }
        return vr == VR.OW ? 2 : 1;
    }

    private static String name(ImagePixelDescription description) {
        return switch (description.pixelDataTag()) {
            case Tag.FloatPixelData -> "Float Pixel Data (7FE0,0008)";
            case Tag.DoubleFloatPixelData -> "Double Float Pixel Data (7FE0,0009)";
            default -> "Pixel Data (7FE0,0010)";
        };
    }
}
