package org.lumen.dicom.deid;

import java.io.ByteArrayOutputStream;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.ByteUtils;
import org.lumen.dicom.data.Fragments;
import org.lumen.dicom.data.Sequence;
import org.lumen.dicom.data.Tags;
import org.lumen.dicom.data.VR;

/**
 * Encodes a dataset as a bare explicit VR little endian stream, so that tests can check that a de-identified dataset
 * still encodes and reads back to the same content. A test aid until the Part 10 writer is on main; sequences and
 * encapsulated pixel data use undefined lengths, so no length bookkeeping is needed.
 */
final class ExplicitLittleEndianEncoder {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static byte[] encode(Attributes dataset) {
        ExplicitLittleEndianEncoder encoder = new ExplicitLittleEndianEncoder();
        encoder.writeDataset(dataset);
        return encoder.out.toByteArray();
    }

    private void writeDataset(Attributes dataset) {
        for (int i = 0; i < dataset.size(); i++) {
            int tag = dataset.tagAt(i);
            VR vr = dataset.vrAt(i);
            Object value = dataset.valueAt(i);
            if (value instanceof Sequence sequence) {
                writeHeader(tag, VR.SQ, -1);
                for (Attributes item : sequence) {
                    writeTagAndLength(Tags.ITEM, -1);
                    writeDataset(item);
                    writeTagAndLength(Tags.ITEM_DELIMITATION, 0);
                }
                writeTagAndLength(Tags.SEQUENCE_DELIMITATION, 0);
            } else if (value instanceof Fragments fragments) {
                writeHeader(tag, vr, -1);
                for (int k = 0; k < fragments.size(); k++) {
                    byte[] bytes = fragments.bytes(k);
                    writeTagAndLength(Tags.ITEM, bytes.length);
                    out.writeBytes(bytes);
                }
                writeTagAndLength(Tags.SEQUENCE_DELIMITATION, 0);
            } else {
                byte[] bytes = value == null ? new byte[0] : dataset.bytesAt(i).clone();
                if (dataset.bigEndian() && vr.isByteOrderSensitive()) {
                    ByteUtils.swap(bytes, vr.byteSwapUnit());
                }
                // Odd lengths are written as they are: values that came from a file with an odd length (which the reader
                // tolerates) then read back byte for byte; padding is the Part 10 writer's business.
                int padded = bytes.length + (isOddFromFile(value, bytes) ? 0 : bytes.length & 1);
                if (!vr.hasLongHeader() && padded > 0xFFFF) {
                    throw new IllegalStateException(Tags.toString(tag) + " " + vr + " value of " + padded + " bytes exceeds a short header");
                }
                writeHeader(tag, vr, padded);
                out.writeBytes(bytes);
                if (padded != bytes.length) {
                    out.write(vr.paddingByte());
                }
            }
        }
    }

    private static boolean isOddFromFile(Object value, byte[] bytes) {
        return !(value instanceof String[]) && (bytes.length & 1) == 1;
    }

    private void writeHeader(int tag, VR vr, int length) {
        byte[] header = new byte[vr.hasLongHeader() ? 12 : 8];
        ByteUtils.putTag(header, 0, tag, false);
        header[4] = (byte) (vr.code() >> 8);
        header[5] = (byte) vr.code();
        if (vr.hasLongHeader()) {
            ByteUtils.put32(header, 8, length, false);
        } else {
            ByteUtils.put16(header, 6, length, false);
        }
        out.writeBytes(header);
    }

    private void writeTagAndLength(int tag, int length) {
        byte[] bytes = new byte[8];
        ByteUtils.putTag(bytes, 0, tag, false);
        ByteUtils.put32(bytes, 4, length, false);
        out.writeBytes(bytes);
    }
}
