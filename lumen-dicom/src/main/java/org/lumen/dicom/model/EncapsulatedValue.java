package org.lumen.dicom.model;

import org.lumen.dicom.data.ByteUtils;
import org.lumen.dicom.data.Fragments;
import org.lumen.dicom.data.Tags;
import org.lumen.dicom.data.VR;

/**
 * The inline form of encapsulated pixel data: the value field exactly as PS3.5 A.4 encodes it in a file, that is each item
 * (Basic Offset Table first, then the fragments) as tag (FFFE,E000), 32-bit length and bytes, then the Sequence
 * Delimitation Item, all little endian. PS3.18 F.2.7 says InlineBinary carries the value field; this is the value field of
 * an undefined-length Pixel Data element, so the fragment boundaries survive and a reader can tell it apart from native
 * pixel data by its structure.
 */
public final class EncapsulatedValue {
    private static final int HEADER = 8;

    private EncapsulatedValue() {
    }

    /** Encoded length in bytes, without reading any fragment. */
    public static long encodedLength(Fragments fragments) {
        long total = HEADER;
        for (int i = 0; i < fragments.size(); i++) {
            total += HEADER + fragments.length(i);
        }
        return total;
    }

    /** The encoded value field; reads fragments that are still in their file. */
    public static byte[] encode(Fragments fragments) {
        long total = encodedLength(fragments);
        if (total > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("Encapsulated pixel data of " + total
                    + " bytes is too large to write inline; write it as a BulkDataURI");
        }
        byte[] out = new byte[(int) total];
        int position = 0;
        for (int i = 0; i < fragments.size(); i++) {
            byte[] item = fragments.bytes(i);
            ByteUtils.putTag(out, position, Tags.ITEM, false);
            ByteUtils.put32(out, position + 4, item.length, false);
            System.arraycopy(item, 0, out, position + HEADER, item.length);
            position += HEADER + item.length;
        }
        ByteUtils.putTag(out, position, Tags.SEQUENCE_DELIMITATION, false);
        ByteUtils.put32(out, position + 4, 0, false);
        return out;
    }

    /**
     * The fragments encoded in {@code value}, or null when the bytes are not exactly a well-formed encapsulated value (items
     * with defined lengths that end with a zero-length Sequence Delimitation Item at the last byte).
     */
    public static Fragments decode(byte[] value, VR vr) {
        if (value.length < HEADER) {
            return null;
        }
        int position = 0;
        int itemCount = 0;
        while (position + HEADER <= value.length) {
            int tag = ByteUtils.tag(value, position, false);
            long length = ByteUtils.i32(value, position + 4, false) & 0xFFFFFFFFL;
            position += HEADER;
            if (tag == Tags.SEQUENCE_DELIMITATION) {
                return length == 0 && position == value.length ? collect(value, itemCount, vr) : null;
            }
            if (tag != Tags.ITEM || length > value.length - position) {
                return null;
            }
            position += (int) length;
            itemCount++;
        }
        return null;
    }

    private static Fragments collect(byte[] value, int itemCount, VR vr) {
        Fragments fragments = new Fragments(vr, false);
        int position = 0;
        for (int i = 0; i < itemCount; i++) {
            int length = ByteUtils.i32(value, position + 4, false);
            byte[] item = new byte[length];
            System.arraycopy(value, position + HEADER, item, 0, length);
            fragments.add(item);
            position += HEADER + length;
        }
        return fragments;
    }
}
