package org.lumen.dicom.pixel;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.ByteUtils;
import org.lumen.dicom.data.Tags;
import org.lumen.dicom.data.VR;

/**
 * Typed reads of the pixel module's attributes that also work when an implicit VR file left them as UN (a dictionary that
 * does not know them), by decoding the bytes with the VR the standard gives them. A value that does not parse becomes a
 * {@link PixelDataException} naming the attribute.
 */
final class DatasetValues {
    private DatasetValues() {
    }

    /** The integer values of {@code tag}; {@code expected} (US, SS, IS, UL) is how UN bytes are read. */
    static int[] ints(Attributes dataset, int tag, VR expected, String name) {
        VR vr = dataset.vr(tag);
        if (vr == null) {
            return new int[0];
        }
        try {
            if (vr == VR.UN && dataset.value(tag) instanceof byte[] bytes) {
                return switch (expected) {
                    case US -> words(bytes, dataset.bigEndian(), false);
                    case SS -> words(bytes, dataset.bigEndian(), true);
                    default -> parseInts(text(bytes));
                };
            }
            return dataset.getInts(tag);
        } catch (NumberFormatException e) {
            throw new PixelDataException(name + " " + Tags.toString(tag) + " is not a number: " + e.getMessage(), e);
        }
    }

    /** The first integer value, or {@code defaultValue} when absent or empty. */
    static int intValue(Attributes dataset, int tag, VR expected, String name, int defaultValue) {
        int[] values = ints(dataset, tag, expected, name);
        return values.length > 0 ? values[0] : defaultValue;
    }

    /** LUT descriptors are US or SS by context (PS3.3 C.11.1.1.1): read them as unsigned 16-bit words. */
    static int[] unsignedWords(Attributes dataset, int tag) {
        Object value = dataset.value(tag);
        VR vr = dataset.vr(tag);
        if (value instanceof byte[] bytes && (vr == VR.US || vr == VR.SS || vr == VR.UN || vr == VR.OW)) {
            return words(bytes, dataset.bigEndian(), false);
        }
        int[] ints = dataset.getInts(tag);
        for (int i = 0; i < ints.length; i++) {
            ints[i] &= 0xFFFF;
        }
        return ints;
    }

    static double[] doubles(Attributes dataset, int tag, String name) {
        VR vr = dataset.vr(tag);
        if (vr == null) {
            return new double[0];
        }
        try {
            if (vr == VR.UN && dataset.value(tag) instanceof byte[] bytes) {
                List<Double> out = new ArrayList<>();
                for (String part : splitText(text(bytes))) {
                    out.add(Double.parseDouble(part));
                }
                return out.stream().mapToDouble(Double::doubleValue).toArray();
            }
            return dataset.getDoubles(tag);
        } catch (NumberFormatException e) {
            throw new PixelDataException(name + " " + Tags.toString(tag) + " is not a number: " + e.getMessage(), e);
        }
    }

    /** The first string value (trimmed), or null. */
    static String string(Attributes dataset, int tag) {
        VR vr = dataset.vr(tag);
        if (vr == VR.UN && dataset.value(tag) instanceof byte[] bytes) {
            List<String> parts = splitText(text(bytes));
            return parts.isEmpty() ? null : parts.get(0);
        }
        return dataset.getString(tag);
    }

    private static int[] words(byte[] bytes, boolean bigEndian, boolean signed) {
        int[] out = new int[bytes.length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = signed ? ByteUtils.s16(bytes, 2 * i, bigEndian) : ByteUtils.u16(bytes, 2 * i, bigEndian);
        }
        return out;
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static List<String> splitText(String text) {
        List<String> parts = new ArrayList<>();
        for (String part : text.split("\\\\")) {
            String trimmed = part.replace('\0', ' ').trim();
            if (!trimmed.isEmpty()) {
                parts.add(trimmed);
            }
        }
        return parts;
    }

    private static int[] parseInts(String text) {
        return splitText(text).stream().mapToInt(s -> (int) Math.round(Double.parseDouble(s))).toArray();
    }
}
