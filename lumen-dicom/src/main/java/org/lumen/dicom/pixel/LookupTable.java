package org.lumen.dicom.pixel;

import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Tag;

/**
 * A Modality or VOI LUT (PS3.3 C.11.1, C.11.2): input values below the first mapped value take the first entry, those
 * past the last entry take the last one.
 *
 * @param firstMapped  the input value of entry 0
 * @param bits         bits per entry (the descriptor's third value): output values run 0 .. 2^bits - 1
 * @param values       the entries
 */
public record LookupTable(int firstMapped, int bits, int[] values) {

    public LookupTable {
        if (values.length == 0) {
            throw new PixelDataException("A lookup table needs at least one entry");
        }
        if (bits < 1 || bits > 16) {
            throw new PixelDataException("LUT Descriptor bits per entry " + bits + " must be 1..16");
        }
        values = values.clone();
    }

    /** Reads the LUT of a Modality LUT or VOI LUT Sequence item; {@code signedInput} when the values it maps are signed. */
    static LookupTable of(Attributes item, boolean signedInput, String name) {
        int[] descriptor = LutData.descriptor(item, Tag.LUTDescriptor, name + " LUT Descriptor");
        int entries = LutData.entries(descriptor[0]);
        int[] values = LutData.values(item, Tag.LUTData, entries, name + " LUT Data");
        return new LookupTable(LutData.firstMapped(descriptor[1], signedInput), descriptor[2], values);
    }

    public int lookup(double input) {
        double index = Math.floor(input) - firstMapped;
        int i = index <= 0 ? 0 : index >= values.length - 1 ? values.length - 1 : (int) index;
        return values[i];
    }

    /** The largest output value the descriptor allows. */
    public int maxOutput() {
        return (1 << bits) - 1;
    }

    @Override
    public int[] values() {
        return values.clone();
    }
}
