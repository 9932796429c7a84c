package org.lumen.dicom.io;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.lumen.dicom.data.ByteUtils;
import org.lumen.dicom.data.VR;

/**
 * Builds little endian DICOM byte streams by hand, element by element, so that tests can make well-formed headers and
 * deliberately broken streams alike (lengths that lie, items in the wrong place, truncation).
 */
final class DicomBytes {
    static final int ITEM = 0xFFFEE000;
    static final int ITEM_DELIMITATION = 0xFFFEE00D;
    static final int SEQUENCE_DELIMITATION = 0xFFFEE0DD;
    static final long UNDEFINED = 0xFFFFFFFFL;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final boolean explicit;

    private DicomBytes(boolean explicit) {
        this.explicit = explicit;
    }

    /** A bare explicit VR little endian stream. */
    static DicomBytes explicitLittle() {
        return new DicomBytes(true);
    }

    /** A bare implicit VR little endian stream. */
    static DicomBytes implicitLittle() {
        return new DicomBytes(false);
    }

    /** Preamble, "DICM" and a meta header naming {@code transferSyntaxUid}; the dataset that follows is explicit unless the UID is implicit VR. */
    static DicomBytes part10(String transferSyntaxUid) {
        DicomBytes meta = explicitLittle()
                .bytes(0x00020001, VR.OB, new byte[] {0, 1})
                .string(0x00020002, VR.UI, "1.2.840.10008.5.1.4.1.1.7")
                .string(0x00020003, VR.UI, "1.2.826.0.1.3680043.9.7433.99.1")
                .string(0x00020010, VR.UI, transferSyntaxUid);
        byte[] metaBytes = meta.toBytes();
        DicomBytes file = new DicomBytes(!transferSyntaxUid.equals(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN));
        file.out.writeBytes(new byte[128]);
        file.out.writeBytes("DICM".getBytes(StandardCharsets.US_ASCII));
        byte[] groupLength = new byte[4];
        ByteUtils.put32(groupLength, 0, metaBytes.length, false);
        file.explicitHeader(0x00020000, VR.UL, 4);
        file.out.writeBytes(groupLength);
        file.out.writeBytes(metaBytes);
        return file;
    }

    /** An element header in this stream's encoding. */
    DicomBytes header(int tag, VR vr, long length) {
        if (explicit) {
            explicitHeader(tag, vr, length);
        } else {
            tag(tag);
            int32(length);
        }
        return this;
    }

    private void explicitHeader(int tag, VR vr, long length) {
        tag(tag);
        out.write(vr.name().charAt(0));
        out.write(vr.name().charAt(1));
        if (vr.hasLongHeader()) {
            out.write(0);
            out.write(0);
            int32(length);
        } else {
            out.write((int) length & 0xFF);
            out.write((int) (length >> 8) & 0xFF);
        }
    }

    DicomBytes string(int tag, VR vr, String value) {
        byte[] text = value.getBytes(StandardCharsets.ISO_8859_1);
        byte[] padded = java.util.Arrays.copyOf(text, text.length + (text.length & 1));
        if ((text.length & 1) == 1) {
            padded[text.length] = vr.paddingByte();
        }
        return bytes(tag, vr, padded);
    }

    DicomBytes us(int tag, int... values) {
        byte[] b = new byte[values.length * 2];
        for (int i = 0; i < values.length; i++) {
            ByteUtils.put16(b, 2 * i, values[i], false);
        }
        return bytes(tag, VR.US, b);
    }

    DicomBytes ul(int tag, long value) {
        byte[] b = new byte[4];
        ByteUtils.put32(b, 0, (int) value, false);
        return bytes(tag, VR.UL, b);
    }

    DicomBytes bytes(int tag, VR vr, byte[] value) {
        header(tag, vr, value.length);
        out.writeBytes(value);
        return this;
    }

    /** An item, sequence or delimitation header: tag and 32-bit length, the same in every encoding. */
    DicomBytes delimiter(int tag, long length) {
        tag(tag);
        int32(length);
        return this;
    }

    DicomBytes raw(byte... bytes) {
        out.writeBytes(bytes);
        return this;
    }

    int size() {
        return out.size();
    }

    byte[] toBytes() {
        return out.toByteArray();
    }

    private void tag(int tag) {
        byte[] b = new byte[4];
        ByteUtils.putTag(b, 0, tag, false);
        out.writeBytes(b);
    }

    private void int32(long value) {
        byte[] b = new byte[4];
        ByteUtils.put32(b, 0, (int) value, false);
        out.writeBytes(b);
    }
}
