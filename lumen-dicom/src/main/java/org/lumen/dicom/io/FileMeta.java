package org.lumen.dicom.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.ByteUtils;
import org.lumen.dicom.data.Tags;
import org.lumen.dicom.data.VR;

/**
 * Builds and encodes the File Meta Information of PS3.10 7.1: always explicit VR little endian, preceded by its group
 * length. The elements that describe this writing (version, SOP class and instance, transfer syntax, implementation) are
 * set here; the others a caller passes (Source AE Title, Sending AE Title, private information...) are kept.
 */
final class FileMeta {
    static final int GROUP_LENGTH = 0x00020000;
    static final int VERSION = 0x00020001;
    static final int MEDIA_STORAGE_SOP_CLASS_UID = 0x00020002;
    static final int MEDIA_STORAGE_SOP_INSTANCE_UID = 0x00020003;
    static final int TRANSFER_SYNTAX_UID = Tags.TRANSFER_SYNTAX_UID;
    static final int IMPLEMENTATION_CLASS_UID = 0x00020012;
    static final int IMPLEMENTATION_VERSION_NAME = 0x00020013;
    private static final int SOP_CLASS_UID = 0x00080016;
    private static final int SOP_INSTANCE_UID = 0x00080018;
    private static final byte[] VERSION_00_01 = {0x00, 0x01};

    /**
     * The VRs of group 0002 (PS3.10 table 7.1-1). A meta header read from an implicit VR file carries whatever VRs its reader
     * guessed; the explicit encoding written here must carry the right ones.
     */
    private static final Map<Integer, VR> VRS = Map.ofEntries(
            Map.entry(GROUP_LENGTH, VR.UL),
            Map.entry(VERSION, VR.OB),
            Map.entry(MEDIA_STORAGE_SOP_CLASS_UID, VR.UI),
            Map.entry(MEDIA_STORAGE_SOP_INSTANCE_UID, VR.UI),
            Map.entry(TRANSFER_SYNTAX_UID, VR.UI),
            Map.entry(IMPLEMENTATION_CLASS_UID, VR.UI),
            Map.entry(IMPLEMENTATION_VERSION_NAME, VR.SH),
            Map.entry(0x00020016, VR.AE),
            Map.entry(0x00020017, VR.AE),
            Map.entry(0x00020018, VR.AE),
            Map.entry(0x00020026, VR.UR),
            Map.entry(0x00020027, VR.UR),
            Map.entry(0x00020028, VR.UR),
            Map.entry(0x00020100, VR.UI),
            Map.entry(0x00020102, VR.OB));

    private FileMeta() {
    }

    /**
     * The meta information for writing {@code dataset} in {@code transferSyntaxUid}: the elements of {@code given} (may be
     * null) except its group length, with version, SOP class and instance (from the dataset when it has them, else from
     * {@code given}), transfer syntax and implementation set for this writing.
     *
     * @throws IllegalArgumentException when neither the dataset nor {@code given} names the SOP class or instance, or when
     *                                  {@code given} holds elements outside group 0002
     */
    static Attributes create(Attributes given, Attributes dataset, String transferSyntaxUid) {
        Attributes meta = new Attributes(false, 12);
        if (given != null) {
            copyGroup2(given, meta);
        }
        meta.setBytes(VERSION, VR.OB, VERSION_00_01.clone());
        meta.setString(MEDIA_STORAGE_SOP_CLASS_UID, VR.UI,
                required(dataset, SOP_CLASS_UID, given, MEDIA_STORAGE_SOP_CLASS_UID, "SOP Class UID"));
        meta.setString(MEDIA_STORAGE_SOP_INSTANCE_UID, VR.UI,
                required(dataset, SOP_INSTANCE_UID, given, MEDIA_STORAGE_SOP_INSTANCE_UID, "SOP Instance UID"));
        meta.setString(TRANSFER_SYNTAX_UID, VR.UI, transferSyntaxUid);
        meta.setString(IMPLEMENTATION_CLASS_UID, VR.UI, Implementation.CLASS_UID);
        meta.setString(IMPLEMENTATION_VERSION_NAME, VR.SH, Implementation.VERSION_NAME);
        return meta;
    }

    private static void copyGroup2(Attributes given, Attributes meta) {
        for (int i = 0; i < given.size(); i++) {
            int tag = given.tagAt(i);
            if (Tags.group(tag) != 0x0002) {
                throw new IllegalArgumentException("The file meta information holds " + Tags.toString(tag)
                        + ", which is not a group 0002 element; put it in the dataset instead");
            }
            if (tag == GROUP_LENGTH) {
                continue;
            }
            VR vr = VRS.getOrDefault(tag, given.vrAt(i));
            Object value = given.valueAt(i);
            if (value instanceof byte[] bytes && given.bigEndian() && vr.isByteOrderSensitive()) {
                value = ByteUtils.swap(bytes.clone(), vr.byteSwapUnit());
            }
            meta.setValue(tag, vr, value);
        }
    }

    private static String required(Attributes dataset, int datasetTag, Attributes given, int metaTag, String what) {
        String value = dataset.getString(datasetTag);
        if (value == null && given != null) {
            value = given.getString(metaTag);
        }
        if (value == null) {
            throw new IllegalArgumentException("Cannot write a Part 10 file: the dataset has no " + what + " "
                    + Tags.toString(datasetTag) + " and no file meta with " + Tags.toString(metaTag)
                    + " was given; set one of them, or write a bare dataset");
        }
        return value;
    }

    /** Group 0002 in explicit VR little endian, starting with its computed group length (0002,0000). */
    static byte[] encode(Attributes meta) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(256);
        try {
            new DatasetEncoder(body, TransferSyntax.of(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN), WriteOptions.DEFAULT)
                    .writeDataset(meta);
        } catch (IOException e) {
            throw new UncheckedIOException("In-memory encoding failed", e);
        }
        byte[] encoded = new byte[12 + body.size()];
        ByteUtils.putTag(encoded, 0, GROUP_LENGTH, false);
        ByteUtils.put16(encoded, 4, VR.UL.code(), true);
        ByteUtils.put16(encoded, 6, 4, false);
        ByteUtils.put32(encoded, 8, body.size(), false);
        System.arraycopy(body.toByteArray(), 0, encoded, 12, body.size());
        return encoded;
    }
}
