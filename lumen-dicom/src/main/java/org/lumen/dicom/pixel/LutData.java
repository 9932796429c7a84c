package org.lumen.dicom.pixel;

import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.ByteUtils;
import org.lumen.dicom.data.Tags;
import org.lumen.dicom.data.VR;

/** Reading of LUT Data and LUT Descriptor values shared by modality, VOI and palette lookup tables. */
final class LutData {
    private LutData() {
    }

    /** Entry count of a descriptor's first value, where 0 means 65536 (PS3.3 C.11.1.1.1). */
    static int entries(int firstValue) {
        return firstValue == 0 ? 65536 : firstValue;
    }

    /** First mapped value of a descriptor's second value: signed when the pixel values it maps are signed. */
    static int firstMapped(int secondValue, boolean signedInput) {
        return signedInput ? (short) secondValue : secondValue & 0xFFFF;
    }

    /** The descriptor at {@code tag}: three values, else a {@link PixelDataException} naming it. */
    static int[] descriptor(Attributes item, int tag, String name) {
        int[] descriptor = DatasetValues.unsignedWords(item, tag);
        if (descriptor.length != 3) {
            throw new PixelDataException(name + " " + Tags.toString(tag) + " has " + descriptor.length
                    + " values; a LUT descriptor has 3 (entries, first mapped value, bits per entry)");
        }
        return descriptor;
    }

    /**
     * The {@code entries} values of LUT Data at {@code tag}: 16-bit words when the value holds two bytes per entry, single
     * bytes when it holds one (8-bit entries, PS3.3 C.7.6.3.1.6; in an OW value of a big endian dataset the bytes of each
     * word are swapped, as for 8-bit pixel data).
     */
    static int[] values(Attributes item, int tag, int entries, String name) {
        byte[] bytes = item.getBytes(tag);
        if (bytes == null) {
            throw new PixelDataException(name + " " + Tags.toString(tag) + " is missing");
        }
        int[] out = new int[entries];
        if (bytes.length >= 2 * entries) {
            for (int i = 0; i < entries; i++) {
                out[i] = ByteUtils.u16(bytes, 2 * i, item.bigEndian());
            }
        } else if (bytes.length == entries || bytes.length == entries + 1) {
            boolean swapped = item.bigEndian() && item.vr(tag) != VR.OB;
            for (int i = 0; i < entries; i++) {
                out[i] = bytes[swapped ? i ^ 1 : i] & 0xFF;
            }
        } else {
            throw new PixelDataException(name + " " + Tags.toString(tag) + " holds " + bytes.length + " bytes, which fits "
                    + "neither 8 nor 16 bits for its descriptor's " + entries + " entries");
        }
        return out;
    }

    /** Bits per entry actually used by {@link #values}: 16 when the value holds two bytes per entry, else 8. */
    static int storedBits(Attributes item, int tag, int entries) {
        byte[] bytes = item.getBytes(tag);
        return bytes != null && bytes.length >= 2 * entries ? 16 : 8;
    }
}
