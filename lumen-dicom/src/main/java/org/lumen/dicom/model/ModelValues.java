package org.lumen.dicom.model;

import java.util.function.Predicate;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.BulkData;
import org.lumen.dicom.data.BulkDataUri;
import org.lumen.dicom.data.ByteUtils;
import org.lumen.dicom.data.Fragments;
import org.lumen.dicom.data.Sequence;
import org.lumen.dicom.data.Tags;
import org.lumen.dicom.data.VR;

/**
 * Decides how each element is written in the JSON and XML models, so both writers agree.
 *
 * <p>Where the standard form would not carry a value exactly, the element is written as InlineBinary of its value field
 * instead (PS3.18 F.2.7 defines InlineBinary as "the value field"; our readers accept it for every VR but SQ):
 * <ul>
 *   <li>binary numbers or AT whose length is not a multiple of the value size (a producer error);</li>
 *   <li>FL/FD holding a NaN with a payload other than the canonical one (JSON and XML only know "NaN");</li>
 *   <li>strings the output cannot represent ({@code textRepresentable} false: XML 1.0 has no form for most control
 *       characters); the raw bytes then keep their Specific Character Set encoding.</li>
 * </ul>
 * Canonical NaN and infinities are written as the strings "NaN", "Infinity" and "-Infinity".
 */
public final class ModelValues {
    private static final ModelValue EMPTY = new ModelValue.Empty();
    private static final ModelValue OMITTED = new ModelValue.Omitted();
    private static final long MAX_SAFE_INTEGER = 1L << 53;
    private static final int CANONICAL_FLOAT_NAN = 0x7FC00000;
    private static final long CANONICAL_DOUBLE_NAN = 0x7FF8000000000000L;
    /** Longer DS/IS texts are written as strings: our readers (and others) cap the length of a JSON number. */
    private static final int MAX_NUMBER_TEXT = 100;

    private ModelValues() {
    }

    /**
     * How element {@code index} of {@code dataset} is written.
     *
     * @param elementPath       the element's path for the caller's {@link BulkDataUriFunction}
     * @param textRepresentable whether the output format can carry a string exactly
     */
    public static ModelValue describe(Attributes dataset, int index, ModelWriteOptions options, String elementPath,
            Predicate<String> textRepresentable) {
        Object value = dataset.valueAt(index);
        VR vr = dataset.vrAt(index);
        if (value instanceof Sequence sequence) {
            return new ModelValue.Items(sequence);
        }
        if (value instanceof BulkDataUri reference) {
            return options.bulkDataPolicy() == BulkDataPolicy.OMIT ? OMITTED : new ModelValue.Uri(reference.uri());
        }
        if (value instanceof Fragments || value instanceof BulkData || vr.isBulk()) {
            return bulk(dataset, index, value, options, elementPath);
        }
        if (value == null || (value instanceof byte[] bytes && bytes.length == 0)) {
            return EMPTY;
        }
        return switch (vr.kind()) {
            case BINARY_NUMBER -> numbers(vr, littleEndianBytes(dataset, index));
            case TAG -> tags(littleEndianBytes(dataset, index));
            case STRING, TEXT -> strings(dataset, index, vr, textRepresentable);
            default -> throw new IllegalStateException(Tags.toString(dataset.tagAt(index)) + ": no model form for VR " + vr);
        };
    }

    private static ModelValue bulk(Attributes dataset, int index, Object value, ModelWriteOptions options, String path) {
        long length;
        if (value instanceof Fragments fragments) {
            length = EncapsulatedValue.encodedLength(fragments);
        } else if (value instanceof BulkData bulk) {
            length = bulk.length();
        } else {
            length = value == null ? 0 : ((byte[]) value).length;
        }
        if (length == 0) {
            return EMPTY;
        }
        if (length >= options.bulkDataThreshold() && options.bulkDataPolicy() != BulkDataPolicy.INLINE) {
            if (options.bulkDataPolicy() == BulkDataPolicy.OMIT) {
                return OMITTED;
            }
            String uri = uriFor(dataset.vrAt(index), value, options, path);
            if (uri != null) {
                return new ModelValue.Uri(uri);
            }
        }
        return new ModelValue.Inline(value instanceof Fragments fragments
                ? EncapsulatedValue.encode(fragments) : littleEndianBytes(dataset, index));
    }

    private static String uriFor(VR vr, Object value, ModelWriteOptions options, String path) {
        if (options.bulkDataUris() != null) {
            return options.bulkDataUris().uriFor(path, vr, value);
        }
        return value instanceof BulkData bulk ? BulkDataUris.of(bulk) : null;
    }

    /** The value field of a binary element in little endian order (reading bulk data from its file). */
    public static byte[] littleEndianBytes(Attributes dataset, int index) {
        Object value = dataset.valueAt(index);
        VR vr = dataset.vrAt(index);
        boolean bigEndian;
        byte[] bytes;
        if (value instanceof BulkData bulk) {
            bytes = bulk.read();
            bigEndian = bulk.bigEndian();
        } else {
            bytes = dataset.bytesAt(index);
            bigEndian = dataset.bigEndian();
            if (bigEndian && vr.isByteOrderSensitive()) {
                bytes = bytes.clone();
            }
        }
        if (bigEndian && vr.isByteOrderSensitive()) {
            // An AT value is two 16-bit numbers, not one 32-bit number.
            ByteUtils.swap(bytes, vr == VR.AT ? 2 : vr.bytesPerValue());
        }
        return bytes;
    }

    private static ModelValue numbers(VR vr, byte[] le) {
        int size = vr.bytesPerValue();
        if (le.length % size != 0) {
            return new ModelValue.Inline(le);
        }
        int count = le.length / size;
        String[] texts = new String[count];
        boolean[] numeric = new boolean[count];
        for (int k = 0; k < count; k++) {
            int off = k * size;
            numeric[k] = true;
            switch (vr) {
                case US -> texts[k] = Integer.toString(ByteUtils.u16(le, off, false));
                case SS -> texts[k] = Integer.toString(ByteUtils.s16(le, off, false));
                case UL -> texts[k] = Long.toString(ByteUtils.i32(le, off, false) & 0xFFFFFFFFL);
                case SL -> texts[k] = Integer.toString(ByteUtils.i32(le, off, false));
                case SV -> {
                    long v = ByteUtils.i64(le, off, false);
                    texts[k] = Long.toString(v);
                    numeric[k] = v >= -MAX_SAFE_INTEGER && v <= MAX_SAFE_INTEGER;
                }
                case UV -> {
                    long v = ByteUtils.i64(le, off, false);
                    texts[k] = Long.toUnsignedString(v);
                    numeric[k] = Long.compareUnsigned(v, MAX_SAFE_INTEGER) <= 0;
                }
                case FL -> {
                    int bits = ByteUtils.i32(le, off, false);
                    float f = Float.intBitsToFloat(bits);
                    if (Float.isNaN(f) && bits != CANONICAL_FLOAT_NAN) {
                        return new ModelValue.Inline(le);
                    }
                    texts[k] = Float.toString(f);
                    numeric[k] = Float.isFinite(f);
                }
                case FD -> {
                    long bits = ByteUtils.i64(le, off, false);
                    double d = Double.longBitsToDouble(bits);
                    if (Double.isNaN(d) && bits != CANONICAL_DOUBLE_NAN) {
                        return new ModelValue.Inline(le);
                    }
                    texts[k] = Double.toString(d);
                    numeric[k] = Double.isFinite(d);
                }
                default -> throw new IllegalStateException("not a binary number VR: " + vr);
            }
        }
        return new ModelValue.Texts(texts, numeric);
    }

    private static ModelValue tags(byte[] le) {
        if (le.length % 4 != 0) {
            return new ModelValue.Inline(le);
        }
        String[] texts = new String[le.length / 4];
        for (int k = 0; k < texts.length; k++) {
            texts[k] = Tags.toHex(ByteUtils.tag(le, 4 * k, false));
        }
        return new ModelValue.Texts(texts, new boolean[texts.length]);
    }

    private static ModelValue strings(Attributes dataset, int index, VR vr, Predicate<String> textRepresentable) {
        String[] strings = dataset.stringsAt(index);
        if (strings.length == 0) {
            return EMPTY;
        }
        String[] values = new String[strings.length];
        boolean[] numeric = new boolean[strings.length];
        for (int k = 0; k < strings.length; k++) {
            String s = strings[k];
            if (!textRepresentable.test(s)) {
                return new ModelValue.Inline(dataset.bytesAt(index));
            }
            values[k] = s.isEmpty() ? null : s;
            numeric[k] = (vr == VR.DS || vr == VR.IS) && s.length() <= MAX_NUMBER_TEXT && NumberSyntax.isJsonNumber(s);
        }
        return vr == VR.PN ? new ModelValue.PersonNames(values) : new ModelValue.Texts(values, numeric);
    }
}
