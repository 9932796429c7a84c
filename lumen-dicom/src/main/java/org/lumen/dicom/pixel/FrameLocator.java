package org.lumen.dicom.pixel;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.lumen.dicom.data.BulkData;
import org.lumen.dicom.data.ByteUtils;
import org.lumen.dicom.data.Fragments;

/**
 * Maps the frames of encapsulated pixel data (PS3.5 A.4) to its fragments, trying in turn: the Extended Offset Table
 * (7FE0,0001), the Basic Offset Table (the first item), one fragment per frame when the counts match, all fragments for a
 * single frame, and finally a scan of each fragment's first bytes for the start of a JPEG or JPEG-LS stream (SOI, FFD8)
 * or a JPEG 2000 codestream (SOC SIZ, FF4F FF51) or JP2 file. A table that contradicts the fragments is passed over for
 * the next way. Only the fragments of the frame asked for are read.
 */
public final class FrameLocator {

    /** How the frames were found. */
    public enum Strategy {
        EXTENDED_OFFSET_TABLE, BASIC_OFFSET_TABLE, ONE_FRAGMENT_PER_FRAME, SINGLE_FRAME, FRAME_START_MARKERS
    }

    private static final byte[] JP2_SIGNATURE = {0, 0, 0, 0x0C, 'j', 'P', ' ', ' '};

    private final Fragments fragments;
    private final int[] firstFragment;
    private final Strategy strategy;

    private FrameLocator(Fragments fragments, int[] firstFragment, Strategy strategy) {
        this.fragments = fragments;
        this.firstFragment = firstFragment;
        this.strategy = strategy;
    }

    /**
     * @param fragments            the encapsulated pixel data (item 0 is the Basic Offset Table)
     * @param frames               Number of Frames
     * @param extendedOffsets      the Extended Offset Table value (little endian 64-bit offsets), or null
     */
    public static FrameLocator locate(Fragments fragments, int frames, byte[] extendedOffsets) {
        int count = fragments.size() - 1;
        if (count < 1) {
            throw new PixelDataException("Encapsulated Pixel Data has no fragments after the Basic Offset Table");
        }
        if (frames > count) {
            throw new PixelDataException("Encapsulated Pixel Data has " + count + " fragment(s), fewer than the " + frames
                    + " frames of Number of Frames");
        }
        long[] fragmentPositions = fragmentPositions(fragments);
        if (extendedOffsets != null && extendedOffsets.length > 0) {
            int[] first = fromOffsets(readOffsets(extendedOffsets, 8, fragments.bigEndian()), frames, fragmentPositions);
            if (first != null) {
                return new FrameLocator(fragments, first, Strategy.EXTENDED_OFFSET_TABLE);
            }
        }
        if (fragments.length(0) > 0) {
            int[] first = fromOffsets(readOffsets(fragments.bytes(0), 4, fragments.bigEndian()), frames, fragmentPositions);
            if (first != null) {
                return new FrameLocator(fragments, first, Strategy.BASIC_OFFSET_TABLE);
            }
        }
        if (count == frames) {
            int[] first = new int[frames];
            Arrays.setAll(first, i -> i + 1);
            return new FrameLocator(fragments, first, Strategy.ONE_FRAGMENT_PER_FRAME);
        }
        if (frames == 1) {
            return new FrameLocator(fragments, new int[] {1}, Strategy.SINGLE_FRAME);
        }
        return new FrameLocator(fragments, fromMarkers(fragments, frames), Strategy.FRAME_START_MARKERS);
    }

    public Strategy strategy() {
        return strategy;
    }

    public int frameCount() {
        return firstFragment.length;
    }

    /** The fragment item indexes (1-based: item 0 is the offset table) holding frame {@code index}, first to last. */
    public int[] fragmentsOf(int index) {
        int first = firstFragment[index];
        int end = index + 1 < firstFragment.length ? firstFragment[index + 1] : fragments.size();
        int[] items = new int[end - first];
        Arrays.setAll(items, i -> first + i);
        return items;
    }

    /** The encoded bytes of frame {@code index}: its fragments joined, read from the file only now. */
    public byte[] encodedFrame(int index) {
        int[] items = fragmentsOf(index);
        if (items.length == 1) {
            return fragments.bytes(items[0]);
        }
        long total = 0;
        for (int item : items) {
            total += fragments.length(item);
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw new PixelDataException("Frame " + index + " spans " + total + " encoded bytes, too many for one array");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) total);
        for (int item : items) {
            out.writeBytes(fragments.bytes(item));
        }
        return out.toByteArray();
    }

    /** Offset of each fragment's item tag from the first fragment's item tag, as offset tables count. */
    private static long[] fragmentPositions(Fragments fragments) {
        long[] positions = new long[fragments.size() - 1];
        long position = 0;
        for (int i = 1; i < fragments.size(); i++) {
            positions[i - 1] = position;
            position += 8 + fragments.length(i);
        }
        return positions;
    }

    private static long[] readOffsets(byte[] table, int width, boolean bigEndian) {
        long[] offsets = new long[table.length / width];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = width == 8 ? ByteUtils.i64(table, 8 * i, bigEndian) : ByteUtils.i32(table, 4 * i, bigEndian) & 0xFFFFFFFFL;
        }
        return offsets;
    }

    /** First fragment item of each frame, or null when the table does not give one start of a fragment per frame. */
    private static int[] fromOffsets(long[] offsets, int frames, long[] positions) {
        if (offsets.length != frames || offsets[0] != 0) {
            return null;
        }
        int[] first = new int[frames];
        for (int k = 0; k < frames; k++) {
            int fragment = Arrays.binarySearch(positions, offsets[k]);
            if (fragment < 0 || (k > 0 && fragment + 1 <= first[k - 1])) {
                return null;
            }
            first[k] = fragment + 1;
        }
        return first;
    }

    private static int[] fromMarkers(Fragments fragments, int frames) {
        List<Integer> starts = new ArrayList<>();
        for (int i = 1; i < fragments.size(); i++) {
            if (startsFrame(head(fragments, i))) {
                starts.add(i);
            }
        }
        if (starts.size() != frames || starts.get(0) != 1) {
            throw new PixelDataException("Cannot tell which of the " + (fragments.size() - 1) + " fragments of encapsulated "
                    + "Pixel Data belong to which of its " + frames + " frames: there is no usable offset table and "
                    + starts.size() + " fragment(s) begin with a JPEG SOI or JPEG 2000 SOC marker"
                    + (starts.isEmpty() || starts.get(0) == 1 ? "" : " (the first one does not)"));
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private static byte[] head(Fragments fragments, int item) {
        int count = (int) Math.min(JP2_SIGNATURE.length, fragments.length(item));
        Object raw = fragments.items().get(item);
        if (raw instanceof BulkData bulk) {
            return bulk.read(0, count);
        }
        return Arrays.copyOf((byte[]) raw, count);
    }

    /** JPEG and JPEG-LS streams begin with SOI; a JPEG 2000 codestream with SOC then SIZ; a JP2 file with its signature box. */
    static boolean startsFrame(byte[] head) {
        if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8) {
            return true;
        }
        if (head.length >= 4 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0x4F
                && (head[2] & 0xFF) == 0xFF && (head[3] & 0xFF) == 0x51) {
            return true;
        }
        return head.length >= JP2_SIGNATURE.length && Arrays.equals(head, 0, JP2_SIGNATURE.length, JP2_SIGNATURE, 0, JP2_SIGNATURE.length);
    }
}
