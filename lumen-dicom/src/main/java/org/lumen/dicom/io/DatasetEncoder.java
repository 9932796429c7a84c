package org.lumen.dicom.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.IdentityHashMap;
import java.util.Map;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.BulkData;
import org.lumen.dicom.data.ByteUtils;
import org.lumen.dicom.data.Fragments;
import org.lumen.dicom.data.Sequence;
import org.lumen.dicom.data.Tags;
import org.lumen.dicom.data.VR;

/**
 * Encodes datasets element by element in one uncompressed encoding (implicit or explicit VR, either byte order) onto a
 * stream. Deflate and the Part 10 framing are the caller's business; this class only knows elements.
 *
 * <p>Rules it applies, each a choice the standard leaves or a producer defect it repairs:
 * <ul>
 * <li>Values of odd length are padded to even length with the VR's padding byte (PS3.5 7.1.1): NUL for UI, OB, UN and
 * binary VRs, space for the other strings.</li>
 * <li>Binary values (US, SS, UL, SL, FL, FD, SV, UV, AT, OW, OF, OD, OL, OV) are byte-swapped when their dataset (or bulk
 * data file) is in the other byte order; OB, UN and strings never are.</li>
 * <li>Group length elements (gggg,0000) are dropped: they are retired outside group 0002 (PS3.5 7.2) and would be stale
 * after re-encoding anyway. The file meta group length is computed by {@link FileMeta}.</li>
 * <li>A value longer than 0xFFFE bytes whose VR has a 16-bit length field (for example a long LO or a huge US array) cannot
 * be encoded in explicit VR; it is written as UN with a 32-bit length, as CP-1066 (PS3.5 6.2.2) prescribes. Readers that
 * know the tag restore its VR.</li>
 * <li>Sequences and items get undefined lengths with delimiters unless defined lengths were asked for; encapsulated pixel
 * data always has undefined length (PS3.5 A.4).</li>
 * <li>Bulk data is copied from its file in 64 KiB chunks, swapped chunk by chunk when needed, so a value of any size costs
 * no more heap than one chunk.</li>
 * </ul>
 */
final class DatasetEncoder {
    static final long UNDEFINED_LENGTH = 0xFFFFFFFFL;
    private static final long MAX_VALUE_LENGTH = 0xFFFFFFFEL;
    private static final int MAX_SHORT_LENGTH = 0xFFFE;
    private static final int CHUNK = 64 * 1024;
    private static final int ITEM_HEADER_LENGTH = 8;
    private static final VarHandle SHORTS = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final OutputStream out;
    private final boolean explicitVR;
    private final boolean bigEndian;
    private final boolean encapsulatedAllowed;
    private final boolean definedLengths;
    private final byte[] header = new byte[12];
    private final byte[] chunk = new byte[CHUNK];
    private final Map<Attributes, Long> itemLengths = new IdentityHashMap<>();

    DatasetEncoder(OutputStream out, TransferSyntax syntax, WriteOptions options) {
        this.out = out;
        this.explicitVR = syntax.explicitVR();
        this.bigEndian = syntax.bigEndian();
        this.encapsulatedAllowed = syntax.encapsulated();
        this.definedLengths = options.definedLengthSequences();
    }

    /** Group lengths other than the file meta's are not written (see the class comment). */
    static boolean isDropped(int tag) {
        return Tags.isGroupLength(tag);
    }

    void writeDataset(Attributes dataset) throws IOException {
        for (int i = 0; i < dataset.size(); i++) {
            if (!isDropped(dataset.tagAt(i))) {
                writeElement(dataset, i);
            }
        }
    }

    private void writeElement(Attributes dataset, int i) throws IOException {
        int tag = dataset.tagAt(i);
        VR vr = dataset.vrAt(i);
        Object value = dataset.valueAt(i);
        if (value instanceof Sequence sequence) {
            writeSequence(tag, sequence);
        } else if (vr == VR.SQ) {
            if (value != null) {
                throw new IllegalArgumentException(Tags.toString(tag) + " is SQ but holds " + value.getClass().getSimpleName()
                        + " instead of a Sequence");
            }
            writeSequence(tag, null);
        } else if (value instanceof Fragments fragments) {
            writeFragments(tag, fragments);
        } else if (value instanceof BulkData bulk) {
            long length = checkedLength(tag, bulk.length());
            writeHeader(tag, vr, length + (length & 1));
            copyBulk(bulk, needsSwap(vr, bulk.bigEndian()), vr.byteSwapUnit());
            padIfOdd(length, vr.paddingByte());
        } else {
            byte[] bytes = plainBytes(dataset, i);
            long length = checkedLength(tag, bytes.length);
            writeHeader(tag, vr, length + (length & 1));
            writeBytes(bytes, needsSwap(vr, dataset.bigEndian()), vr.byteSwapUnit());
            padIfOdd(length, vr.paddingByte());
        }
    }

    /** The bytes of a value held in memory: raw bytes as stored, or strings encoded in the item's character set. */
    private static byte[] plainBytes(Attributes dataset, int i) {
        Object value = dataset.valueAt(i);
        if (value == null) {
            return new byte[0];
        }
        if (value instanceof byte[] bytes) {
            return bytes;
        }
        if (value instanceof String[]) {
            VR vr = dataset.vrAt(i);
            if (!vr.isString()) {
                throw new IllegalArgumentException(Tags.toString(dataset.tagAt(i)) + " holds strings but its VR " + vr
                        + " is not a string VR; set it with setString so it is converted");
            }
            return dataset.bytesAt(i);
        }
        throw new IllegalArgumentException(Tags.toString(dataset.tagAt(i)) + " holds an unsupported value of type "
                + value.getClass().getName());
    }

    private boolean needsSwap(VR vr, boolean valueBigEndian) {
        return valueBigEndian != bigEndian && vr.isByteOrderSensitive();
    }

    private static long checkedLength(int tag, long length) {
        if (length + (length & 1) > MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException(Tags.toString(tag) + ": a value of " + length
                    + " bytes exceeds the 32-bit length limit of DICOM (4 GiB - 2)");
        }
        return length;
    }

    // ---- sequences and fragments -----------------------------------------------------------------------------------

    private void writeSequence(int tag, Sequence sequence) throws IOException {
        int count = sequence == null ? 0 : sequence.size();
        if (definedLengths) {
            long length = sequenceContentLength(tag, sequence);
            writeHeader(tag, VR.SQ, length);
            for (int k = 0; k < count; k++) {
                Attributes item = sequence.get(k);
                writeItemHeader(Tags.ITEM, datasetLength(item));
                writeDataset(item);
            }
            return;
        }
        writeHeader(tag, VR.SQ, UNDEFINED_LENGTH);
        for (int k = 0; k < count; k++) {
            writeItemHeader(Tags.ITEM, UNDEFINED_LENGTH);
            writeDataset(sequence.get(k));
            writeItemHeader(Tags.ITEM_DELIMITATION, 0);
        }
        writeItemHeader(Tags.SEQUENCE_DELIMITATION, 0);
    }

    private void writeFragments(int tag, Fragments fragments) throws IOException {
        if (!encapsulatedAllowed) {
            throw new IllegalArgumentException(Tags.toString(tag) + " holds encapsulated (compressed) fragments, which only an"
                    + " encapsulated transfer syntax can carry; decompress them first");
        }
        writeHeader(tag, fragments.vr(), UNDEFINED_LENGTH);
        for (Object item : fragments.items()) {
            if (item instanceof BulkData bulk) {
                long length = checkedLength(tag, bulk.length());
                writeItemHeader(Tags.ITEM, length + (length & 1));
                copyBulk(bulk, false, 1);
                padIfOdd(length, (byte) 0);
            } else {
                byte[] bytes = (byte[]) item;
                writeItemHeader(Tags.ITEM, bytes.length + (bytes.length & 1));
                out.write(bytes);
                padIfOdd(bytes.length, (byte) 0);
            }
        }
        writeItemHeader(Tags.SEQUENCE_DELIMITATION, 0);
    }

    // ---- lengths, for defined-length sequences ---------------------------------------------------------------------

    /** Encoded length of an item's content (its elements), all nested sequences with defined lengths. Cached per item. */
    long datasetLength(Attributes dataset) {
        Long cached = itemLengths.get(dataset);
        if (cached != null) {
            return cached;
        }
        long total = 0;
        for (int i = 0; i < dataset.size(); i++) {
            if (!isDropped(dataset.tagAt(i))) {
                total += elementLength(dataset, i);
            }
        }
        itemLengths.put(dataset, total);
        return total;
    }

    private long elementLength(Attributes dataset, int i) {
        int tag = dataset.tagAt(i);
        VR vr = dataset.vrAt(i);
        Object value = dataset.valueAt(i);
        if (value instanceof Sequence || vr == VR.SQ) {
            return headerLength(VR.SQ, 0) + sequenceContentLength(tag, (Sequence) value);
        }
        if (value instanceof Fragments fragments) {
            long total = headerLength(fragments.vr(), 0) + ITEM_HEADER_LENGTH;
            for (int k = 0; k < fragments.size(); k++) {
                long length = fragments.length(k);
                total += ITEM_HEADER_LENGTH + length + (length & 1);
            }
            return total;
        }
        long length = value instanceof BulkData bulk ? bulk.length() : plainBytes(dataset, i).length;
        long padded = length + (length & 1);
        return headerLength(vr, padded) + padded;
    }

    private long sequenceContentLength(int tag, Sequence sequence) {
        long total = 0;
        if (sequence != null) {
            for (Attributes item : sequence) {
                total += ITEM_HEADER_LENGTH + datasetLength(item);
            }
        }
        if (total > MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException(Tags.toString(tag) + ": the sequence encodes to " + total
                    + " bytes, too long for a defined length; write it with undefined lengths");
        }
        return total;
    }

    private int headerLength(VR vr, long valueLength) {
        if (!explicitVR) {
            return 8;
        }
        return vr.hasLongHeader() || valueLength > MAX_SHORT_LENGTH ? 12 : 8;
    }

    // ---- low-level output ------------------------------------------------------------------------------------------

    private void writeHeader(int tag, VR vr, long length) throws IOException {
        ByteUtils.putTag(header, 0, tag, bigEndian);
        if (!explicitVR) {
            ByteUtils.put32(header, 4, (int) length, bigEndian);
            out.write(header, 0, 8);
            return;
        }
        VR written = !vr.hasLongHeader() && length > MAX_SHORT_LENGTH ? VR.UN : vr;
        ByteUtils.put16(header, 4, written.code(), true);
        if (written.hasLongHeader()) {
            header[6] = 0;
            header[7] = 0;
            ByteUtils.put32(header, 8, (int) length, bigEndian);
            out.write(header, 0, 12);
        } else {
            ByteUtils.put16(header, 6, (int) length, bigEndian);
            out.write(header, 0, 8);
        }
    }

    private void writeItemHeader(int tag, long length) throws IOException {
        ByteUtils.putTag(header, 0, tag, bigEndian);
        ByteUtils.put32(header, 4, (int) length, bigEndian);
        out.write(header, 0, ITEM_HEADER_LENGTH);
    }

    private void padIfOdd(long length, byte padding) throws IOException {
        if ((length & 1) != 0) {
            out.write(padding);
        }
    }

    /** Writes bytes as they are, or swapped through the chunk buffer so the caller's array is never changed. */
    private void writeBytes(byte[] bytes, boolean swap, int unit) throws IOException {
        if (!swap) {
            out.write(bytes);
            return;
        }
        for (int offset = 0; offset < bytes.length; offset += CHUNK) {
            int n = Math.min(CHUNK, bytes.length - offset);
            System.arraycopy(bytes, offset, chunk, 0, n);
            swapInPlace(chunk, n, unit);
            out.write(chunk, 0, n);
        }
    }

    /** Streams a value from its file chunk by chunk; each chunk is a whole number of units, so swapping stays aligned. */
    private void copyBulk(BulkData bulk, boolean swap, int unit) throws IOException {
        try (FileChannel channel = FileChannel.open(bulk.file(), StandardOpenOption.READ)) {
            long position = bulk.offset();
            long left = bulk.length();
            while (left > 0) {
                int n = (int) Math.min(CHUNK, left);
                ByteBuffer buffer = ByteBuffer.wrap(chunk, 0, n);
                while (buffer.hasRemaining()) {
                    if (channel.read(buffer, position + buffer.position()) < 0) {
                        throw new EOFException(bulk.file() + " ends at byte " + (position + buffer.position())
                                + ", inside a bulk data value of " + bulk.length() + " bytes at offset " + bulk.offset()
                                + "; was the file changed after it was read?");
                    }
                }
                if (swap) {
                    swapInPlace(chunk, n, unit);
                }
                out.write(chunk, 0, n);
                position += n;
                left -= n;
            }
        }
    }

    /** Reverses each unit through little endian views of the array, which the JIT turns into single byte-swap instructions. */
    private static void swapInPlace(byte[] bytes, int length, int unit) {
        switch (unit) {
            case 2 -> {
                for (int offset = 0; offset + 2 <= length; offset += 2) {
                    SHORTS.set(bytes, offset, Short.reverseBytes((short) SHORTS.get(bytes, offset)));
                }
            }
            case 4 -> {
                for (int offset = 0; offset + 4 <= length; offset += 4) {
                    INTS.set(bytes, offset, Integer.reverseBytes((int) INTS.get(bytes, offset)));
                }
            }
            case 8 -> {
                for (int offset = 0; offset + 8 <= length; offset += 8) {
                    LONGS.set(bytes, offset, Long.reverseBytes((long) LONGS.get(bytes, offset)));
                }
            }
            default -> {
                // Single bytes have no order.
            }
        }
    }
}
