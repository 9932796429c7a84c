package org.lumen.dicom.pixel;

import java.util.Arrays;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.ByteUtils;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.data.Tags;

/**
 * The Palette Color Lookup Table of a PALETTE COLOR image (PS3.3 C.7.6.3.1.5-6, C.7.9): one table per channel, given as
 * plain LUT data of 8 or 16 bits per entry or as segmented LUT data (discrete, linear and indirect segments).
 *
 * @param firstMapped  the pixel value of entry 0
 * @param bits         bits per entry of the output values (8 or 16)
 */
public record PaletteColorLut(int firstMapped, int bits, int[] red, int[] green, int[] blue) {

    public PaletteColorLut {
        if (red.length == 0 || red.length != green.length || red.length != blue.length) {
            throw new PixelDataException("Palette color LUTs have " + red.length + ", " + green.length + " and "
                    + blue.length + " entries; they must be equal and not empty");
        }
    }

    static PaletteColorLut of(Attributes dataset, boolean signedPixels) {
        int[] descriptor = LutData.descriptor(dataset, Tag.RedPaletteColorLookupTableDescriptor, "Red Palette Color Lookup Table Descriptor");
        LutData.descriptor(dataset, Tag.GreenPaletteColorLookupTableDescriptor, "Green Palette Color Lookup Table Descriptor");
        LutData.descriptor(dataset, Tag.BluePaletteColorLookupTableDescriptor, "Blue Palette Color Lookup Table Descriptor");
        int entries = LutData.entries(descriptor[0]);
        int firstMapped = LutData.firstMapped(descriptor[1], signedPixels);
        int nominalBits = descriptor[2];
        if (dataset.containsValue(Tag.RedPaletteColorLookupTableData)) {
            int bits = Math.min(nominalBits, LutData.storedBits(dataset, Tag.RedPaletteColorLookupTableData, entries));
            return new PaletteColorLut(firstMapped, bits,
                    LutData.values(dataset, Tag.RedPaletteColorLookupTableData, entries, "Red Palette Color Lookup Table Data"),
                    LutData.values(dataset, Tag.GreenPaletteColorLookupTableData, entries, "Green Palette Color Lookup Table Data"),
                    LutData.values(dataset, Tag.BluePaletteColorLookupTableData, entries, "Blue Palette Color Lookup Table Data"));
        }
        if (dataset.containsValue(Tag.SegmentedRedPaletteColorLookupTableData)) {
            return new PaletteColorLut(firstMapped, nominalBits,
                    segmented(dataset, Tag.SegmentedRedPaletteColorLookupTableData, nominalBits, entries),
                    segmented(dataset, Tag.SegmentedGreenPaletteColorLookupTableData, nominalBits, entries),
                    segmented(dataset, Tag.SegmentedBluePaletteColorLookupTableData, nominalBits, entries));
        }
        throw new PixelDataException("PALETTE COLOR image without Palette Color Lookup Table Data (0028,1201-1203) or "
                + "Segmented Palette Color Lookup Table Data (0028,1221-1223)");
    }

    /** Maps interleaved single-sample values to interleaved R G B entries. */
    int[] apply(int[] samples) {
        int[] out = new int[samples.length * 3];
        int last = red.length - 1;
        for (int i = 0; i < samples.length; i++) {
            int index = samples[i] - firstMapped;
            index = index < 0 ? 0 : Math.min(index, last);
            out[3 * i] = red[index];
            out[3 * i + 1] = green[index];
            out[3 * i + 2] = blue[index];
        }
        return out;
    }

    private static int[] segmented(Attributes dataset, int tag, int bits, int entries) {
        byte[] bytes = dataset.getBytes(tag);
        String name = "Segmented Palette Color Lookup Table Data " + Tags.toString(tag);
        if (bytes == null) {
            throw new PixelDataException(name + " is missing");
        }
        int[] words = new int[bits == 8 ? bytes.length : bytes.length / 2];
        for (int i = 0; i < words.length; i++) {
            words[i] = bits == 8 ? bytes[dataset.bigEndian() ? i ^ 1 : i] & 0xFF : ByteUtils.u16(bytes, 2 * i, dataset.bigEndian());
        }
        SegmentExpander expander = new SegmentExpander(words, entries, name);
        expander.expand(0, Integer.MAX_VALUE, 0);
        return expander.result();
    }

    /** Expands segmented LUT data (PS3.3 C.7.9.2). */
    private static final class SegmentExpander {
        private final int[] words;
        private final String name;
        private int[] lut;
        private int size;

        SegmentExpander(int[] words, int entries, String name) {
            this.words = words;
            this.name = name;
            this.lut = new int[entries];
        }

        void expand(int position, int maxSegments, int depth) {
            if (depth > 8) {
                throw new PixelDataException(name + ": indirect segments nest deeper than 8");
            }
            int segments = 0;
            while (position + 1 < words.length && segments < maxSegments) {
                int opcode = words[position];
                int length = words[position + 1];
                position += 2;
                switch (opcode) {
                    case 0 -> {
                        for (int i = 0; i < length; i++) {
                            add(word(position + i));
                        }
                        position += length;
                    }
                    case 1 -> {
                        if (size == 0) {
                            throw new PixelDataException(name + ": a linear segment cannot come first");
                        }
                        double y0 = lut[size - 1];
                        double y1 = word(position++);
                        for (int i = 1; i <= length; i++) {
                            add((int) Math.rint(y0 + (y1 - y0) * i / length));
                        }
                    }
                    case 2 -> {
                        if (size == 0) {
                            throw new PixelDataException(name + ": an indirect segment cannot come first");
                        }
                        // The offset's two words, least significant first, count words from the start of the data.
                        int offset = word(position) | word(position + 1) << 16;
                        position += 2;
                        expand(offset, length, depth + 1);
                    }
                    default -> throw new PixelDataException(name + ": unknown segment type " + opcode + " at word " + (position - 2));
                }
                segments++;
            }
        }

        private int word(int position) {
            if (position >= words.length) {
                throw new PixelDataException(name + " ends inside a segment");
            }
            return words[position];
        }

        private void add(int value) {
            if (size == lut.length) {
                lut = Arrays.copyOf(lut, lut.length * 2);
            }
            lut[size++] = value;
        }

        int[] result() {
            return Arrays.copyOf(lut, size);
        }
    }
}
