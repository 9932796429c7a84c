package org.lumen.dicom.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.lumen.dicom.charset.SpecificCharacterSet;

/**
 * One DICOM dataset: elements sorted by tag in parallel arrays, looked up by binary search, appended cheaply in tag order
 * as parsers produce them. Values keep the form they arrived in (raw bytes from a file, strings from code, bulk data
 * references, sequences, fragments) and are converted on typed reads, so a read-write round trip reproduces the bytes.
 *
 * <p>Value forms by VR kind: binary numbers and AT hold {@code byte[]} in this dataset's byte order; strings hold raw
 * {@code byte[]} (in the Specific Character Set, padding included) or {@code String[]}; OB/OW/OF/OD/OL/OV/UN hold
 * {@code byte[]}, {@link BulkData} or {@link Fragments}; SQ holds a {@link Sequence}; an empty value is {@code null}.
 *
 * <p>Not thread-safe for writes; safe to share for reads once built, except that typed reads cache decoded strings.
 */
public final class Attributes {
    private static final String[] NO_STRINGS = {};
    private static final byte[] NO_BYTES = {};

    private int[] tags;
    private VR[] vrs;
    private Object[] values;
    private String[][] decodedStrings;
    private int size;
    private boolean bigEndian;
    private Attributes parent;
    private SpecificCharacterSet characterSet;
    private long itemOffset = -1;

    public Attributes() {
        this(false, 16);
    }

    public Attributes(int initialCapacity) {
        this(false, initialCapacity);
    }

    /** A dataset whose raw binary values are in the given byte order (that of the stream it is read from). */
    public Attributes(boolean bigEndian, int initialCapacity) {
        int capacity = Math.max(initialCapacity, 4);
        this.bigEndian = bigEndian;
        this.tags = new int[capacity];
        this.vrs = new VR[capacity];
        this.values = new Object[capacity];
    }

    // ---- structure -------------------------------------------------------------------------------------------------

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public int tagAt(int index) {
        checkIndex(index);
        return tags[index];
    }

    public VR vrAt(int index) {
        checkIndex(index);
        return vrs[index];
    }

    /** The stored value of element {@code index} in whatever form it has (see the class comment). */
    public Object valueAt(int index) {
        checkIndex(index);
        return values[index];
    }

    /** All tags in ascending order. */
    public int[] tags() {
        return Arrays.copyOf(tags, size);
    }

    public boolean bigEndian() {
        return bigEndian;
    }

    public Attributes parent() {
        return parent;
    }

    void setParent(Attributes parent) {
        this.parent = parent;
        this.characterSet = null;
    }

    /** Nesting depth: 0 for a top-level dataset, 1 for an item of its sequences, and so on. */
    public int depth() {
        int depth = 0;
        for (Attributes p = parent; p != null; p = p.parent) {
            depth++;
        }
        return depth;
    }

    /** Byte offset of this item in the file it was read from (used by DICOMDIR offsets), or -1. */
    public long itemOffset() {
        return itemOffset;
    }

    public void setItemOffset(long itemOffset) {
        this.itemOffset = itemOffset;
    }

    /** Index of {@code tag}, or {@code -(insertionPoint) - 1} when absent. */
    public int indexOf(int tag) {
        if (size > 0 && Integer.compareUnsigned(tags[size - 1], tag) < 0) {
            return -size - 1;
        }
        int low = 0;
        int high = size - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int cmp = Integer.compareUnsigned(tags[mid], tag);
            if (cmp < 0) {
                low = mid + 1;
            } else if (cmp > 0) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -low - 1;
    }

    public boolean contains(int tag) {
        return indexOf(tag) >= 0;
    }

    /** True when the element is present with a non-empty value. */
    public boolean containsValue(int tag) {
        int i = indexOf(tag);
        return i >= 0 && !isEmptyValue(values[i]);
    }

    public VR vr(int tag) {
        int i = indexOf(tag);
        return i >= 0 ? vrs[i] : null;
    }

    /** The stored value of {@code tag} in its raw form, or null when absent or empty. */
    public Object value(int tag) {
        int i = indexOf(tag);
        return i >= 0 ? values[i] : null;
    }

    // ---- writing ---------------------------------------------------------------------------------------------------

    /**
     * Sets an element to a value already in stored form. Parsers call this in tag order, which appends without searching.
     * Strings given as bytes must be in this dataset's character set; numbers in this dataset's byte order.
     */
    public Attributes setValue(int tag, VR vr, Object value) {
        Objects.requireNonNull(vr, "vr");
        int index = size > 0 && Integer.compareUnsigned(tags[size - 1], tag) < 0 ? -size - 1 : indexOf(tag);
        if (index >= 0) {
            vrs[index] = vr;
            values[index] = value;
            if (decodedStrings != null) {
                decodedStrings[index] = null;
            }
        } else {
            insert(-index - 1, tag, vr, value);
        }
        if (tag == Tags.SPECIFIC_CHARACTER_SET) {
            characterSet = null;
        }
        return this;
    }

    public Attributes setBytes(int tag, VR vr, byte[] value) {
        return setValue(tag, vr, value == null || value.length == 0 ? null : value);
    }

    public Attributes setNull(int tag, VR vr) {
        return setValue(tag, vr, null);
    }

    public Attributes setString(int tag, VR vr, String... strings) {
        if (vr.isBinaryNumber() || vr == VR.AT) {
            return setBinaryFromStrings(tag, vr, strings);
        }
        if (!vr.isString()) {
            throw new IllegalArgumentException(Tags.toString(tag) + ": cannot set strings on VR " + vr);
        }
        boolean empty = strings == null || strings.length == 0 || (strings.length == 1 && (strings[0] == null || strings[0].isEmpty()));
        return setValue(tag, vr, empty ? null : strings.clone());
    }

    public Attributes setInt(int tag, VR vr, int... ints) {
        switch (vr) {
            case US, SS -> {
                byte[] b = new byte[ints.length * 2];
                for (int i = 0; i < ints.length; i++) {
                    ByteUtils.put16(b, 2 * i, ints[i], bigEndian);
                }
                return setBytes(tag, vr, b);
            }
            case UL, SL, AT, OL -> {
                byte[] b = new byte[ints.length * 4];
                for (int i = 0; i < ints.length; i++) {
                    if (vr == VR.AT) {
                        ByteUtils.putTag(b, 4 * i, ints[i], bigEndian);
                    } else {
                        ByteUtils.put32(b, 4 * i, ints[i], bigEndian);
                    }
                }
                return setBytes(tag, vr, b);
            }
            case UV, SV -> {
                long[] longs = new long[ints.length];
                for (int i = 0; i < ints.length; i++) {
                    longs[i] = vr == VR.UV ? ints[i] & 0xFFFFFFFFL : ints[i];
                }
                return setLong(tag, vr, longs);
            }
            case IS, DS -> {
                String[] s = new String[ints.length];
                for (int i = 0; i < ints.length; i++) {
                    s[i] = Integer.toString(ints[i]);
                }
                return setString(tag, vr, s);
            }
            case FL, FD -> {
                double[] d = new double[ints.length];
                for (int i = 0; i < ints.length; i++) {
                    d[i] = ints[i];
                }
                return setDouble(tag, vr, d);
            }
            default -> throw new IllegalArgumentException(Tags.toString(tag) + ": cannot set integers on VR " + vr);
        }
    }

    public Attributes setLong(int tag, VR vr, long... longs) {
        if (vr == VR.UV || vr == VR.SV || vr == VR.OV) {
            byte[] b = new byte[longs.length * 8];
            for (int i = 0; i < longs.length; i++) {
                ByteUtils.put64(b, 8 * i, longs[i], bigEndian);
            }
            return setBytes(tag, vr, b);
        }
        int[] ints = new int[longs.length];
        for (int i = 0; i < longs.length; i++) {
            ints[i] = (int) longs[i];
        }
        if (vr == VR.IS) {
            String[] s = new String[longs.length];
            for (int i = 0; i < longs.length; i++) {
                s[i] = Long.toString(longs[i]);
            }
            return setString(tag, vr, s);
        }
        return setInt(tag, vr, ints);
    }

    public Attributes setFloat(int tag, VR vr, float... floats) {
        if (vr == VR.FL || vr == VR.OF) {
            byte[] b = new byte[floats.length * 4];
            for (int i = 0; i < floats.length; i++) {
                ByteUtils.put32(b, 4 * i, Float.floatToRawIntBits(floats[i]), bigEndian);
            }
            return setBytes(tag, vr, b);
        }
        double[] d = new double[floats.length];
        for (int i = 0; i < floats.length; i++) {
            d[i] = floats[i];
        }
        return setDouble(tag, vr, d);
    }

    public Attributes setDouble(int tag, VR vr, double... doubles) {
        switch (vr) {
            case FD, OD -> {
                byte[] b = new byte[doubles.length * 8];
                for (int i = 0; i < doubles.length; i++) {
                    ByteUtils.put64(b, 8 * i, Double.doubleToRawLongBits(doubles[i]), bigEndian);
                }
                return setBytes(tag, vr, b);
            }
            case FL, OF -> {
                float[] f = new float[doubles.length];
                for (int i = 0; i < doubles.length; i++) {
                    f[i] = (float) doubles[i];
                }
                return setFloat(tag, vr, f);
            }
            case DS -> {
                String[] s = new String[doubles.length];
                for (int i = 0; i < doubles.length; i++) {
                    s[i] = DecimalStrings.formatDS(doubles[i]);
                }
                return setString(tag, vr, s);
            }
            default -> throw new IllegalArgumentException(Tags.toString(tag) + ": cannot set decimals on VR " + vr);
        }
    }

    public Attributes setBulkData(int tag, VR vr, BulkData bulkData) {
        return setValue(tag, vr, bulkData);
    }

    public Attributes setFragments(int tag, Fragments fragments) {
        return setValue(tag, fragments.vr(), fragments);
    }

    /** Creates (or replaces) an SQ element and returns its empty sequence. */
    public Sequence newSequence(int tag, int initialCapacity) {
        Sequence sequence = new Sequence(this, initialCapacity);
        setValue(tag, VR.SQ, sequence);
        return sequence;
    }

    public Sequence newSequence(int tag) {
        return newSequence(tag, 4);
    }

    public boolean remove(int tag) {
        int i = indexOf(tag);
        if (i < 0) {
            return false;
        }
        removeAt(i);
        return true;
    }

    public void removeAt(int index) {
        checkIndex(index);
        int tail = size - index - 1;
        System.arraycopy(tags, index + 1, tags, index, tail);
        System.arraycopy(vrs, index + 1, vrs, index, tail);
        System.arraycopy(values, index + 1, values, index, tail);
        if (decodedStrings != null) {
            System.arraycopy(decodedStrings, index + 1, decodedStrings, index, tail);
            decodedStrings[size - 1] = null;
        }
        size--;
        vrs[size] = null;
        values[size] = null;
        characterSet = null;
    }

    /** Copies every element of {@code other} into this dataset (sequences deeply), replacing elements with equal tags. */
    public Attributes addAll(Attributes other) {
        for (int i = 0; i < other.size; i++) {
            copyElement(other, i);
        }
        return this;
    }

    /** A deep copy with the same byte order and no parent. */
    public Attributes deepCopy() {
        Attributes copy = new Attributes(bigEndian, size);
        copy.addAll(this);
        copy.itemOffset = itemOffset;
        return copy;
    }

    private void copyElement(Attributes other, int i) {
        int tag = other.tags[i];
        VR vr = other.vrs[i];
        Object value = other.values[i];
        if (value instanceof Sequence sequence) {
            Sequence copy = newSequence(tag, sequence.size());
            for (Attributes item : sequence) {
                Attributes itemCopy = copy.addItem();
                itemCopy.addAll(item);
                itemCopy.itemOffset = item.itemOffset;
            }
        } else if (value instanceof byte[] bytes) {
            byte[] copy = bytes.clone();
            if (other.bigEndian != bigEndian && vr.isByteOrderSensitive()) {
                ByteUtils.swap(copy, vr.byteSwapUnit());
            }
            setValue(tag, vr, copy);
        } else {
            setValue(tag, vr, value instanceof String[] strings ? strings.clone() : value);
        }
    }

    // ---- reading ---------------------------------------------------------------------------------------------------

    /** The Specific Character Set that applies to this dataset: its own (0008,0005), else its parent's, else the default. */
    public SpecificCharacterSet specificCharacterSet() {
        SpecificCharacterSet cs = characterSet;
        if (cs == null) {
            int i = indexOf(Tags.SPECIFIC_CHARACTER_SET);
            if (i >= 0 && values[i] != null) {
                // Defined terms are in the default repertoire whatever VR a producer gave the element (an LO would
                // otherwise be decoded with the character set it names, recursing).
                cs = SpecificCharacterSet.valueOf(values[i] instanceof byte[] raw
                        ? splitStrings(VR.CS, asciiOrLatin1(raw)) : stringsAt(i));
            } else {
                cs = parent != null ? parent.specificCharacterSet() : SpecificCharacterSet.DEFAULT;
            }
            characterSet = cs;
        }
        return cs;
    }

    /** The first value of {@code tag} as a string, or null when absent or empty. */
    public String getString(int tag) {
        return getString(tag, 0, null);
    }

    public String getString(int tag, String defaultValue) {
        return getString(tag, 0, defaultValue);
    }

    public String getString(int tag, int valueIndex, String defaultValue) {
        int i = indexOf(tag);
        if (i < 0) {
            return defaultValue;
        }
        String[] strings = stringsAt(i);
        return valueIndex < strings.length && !strings[valueIndex].isEmpty() ? strings[valueIndex] : defaultValue;
    }

    /** All values of {@code tag} as strings (empty array when absent or empty). Binary numbers and tags are formatted. */
    public String[] getStrings(int tag) {
        int i = indexOf(tag);
        return i < 0 ? NO_STRINGS : stringsAt(i).clone();
    }

    /** The values of element {@code index} as strings; cached after the first decode. */
    public String[] stringsAt(int index) {
        checkIndex(index);
        Object value = values[index];
        if (value == null) {
            return NO_STRINGS;
        }
        if (value instanceof String[] strings) {
            return strings;
        }
        if (decodedStrings != null && decodedStrings[index] != null) {
            return decodedStrings[index];
        }
        String[] decoded = decode(vrs[index], value);
        if (decodedStrings == null) {
            decodedStrings = new String[tags.length][];
        }
        decodedStrings[index] = decoded;
        return decoded;
    }

    private String[] decode(VR vr, Object value) {
        if (!(value instanceof byte[] bytes)) {
            return NO_STRINGS;
        }
        return switch (vr.kind()) {
            case STRING -> splitStrings(vr, vr.usesSpecificCharacterSet()
                    ? specificCharacterSet().decode(bytes, 0, bytes.length, vr == VR.PN)
                    : asciiOrLatin1(bytes));
            case TEXT -> new String[] {trimTrailing(vr.usesSpecificCharacterSet()
                    ? specificCharacterSet().decode(bytes, 0, bytes.length, false) : asciiOrLatin1(bytes))};
            case BINARY_NUMBER -> formatNumbers(vr, bytes);
            case TAG -> formatTags(bytes);
            default -> NO_STRINGS;
        };
    }

    private static String asciiOrLatin1(byte[] bytes) {
        return new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static String[] splitStrings(VR vr, String text) {
        List<String> parts = new ArrayList<>(2);
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\\') {
                parts.add(trim(text.substring(start, i)));
                start = i + 1;
            }
        }
        // A value that is only padding is empty; keep multi-valued empties ("A\\\\B") as they are.
        if (parts.size() == 1 && parts.get(0).isEmpty()) {
            return NO_STRINGS;
        }
        return parts.toArray(NO_STRINGS);
    }

    /** Removes leading and trailing spaces and trailing NULs, which PS3.5 makes insignificant for multi-valued strings. */
    private static String trim(String s) {
        int start = 0;
        int end = s.length();
        while (end > start && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\0')) {
            end--;
        }
        while (start < end && s.charAt(start) == ' ') {
            start++;
        }
        return s.substring(start, end);
    }

    private static String trimTrailing(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\0')) {
            end--;
        }
        return s.substring(0, end);
    }

    private String[] formatNumbers(VR vr, byte[] bytes) {
        int n = bytes.length / vr.bytesPerValue();
        String[] out = new String[n];
        for (int k = 0; k < n; k++) {
            int off = k * vr.bytesPerValue();
            out[k] = switch (vr) {
                case US -> Integer.toString(ByteUtils.u16(bytes, off, bigEndian));
                case SS -> Integer.toString(ByteUtils.s16(bytes, off, bigEndian));
                case UL -> Long.toString(ByteUtils.i32(bytes, off, bigEndian) & 0xFFFFFFFFL);
                case SL -> Integer.toString(ByteUtils.i32(bytes, off, bigEndian));
                case FL -> formatDecimal(Float.intBitsToFloat(ByteUtils.i32(bytes, off, bigEndian)));
                case FD -> formatDecimal(Double.longBitsToDouble(ByteUtils.i64(bytes, off, bigEndian)));
                case SV -> Long.toString(ByteUtils.i64(bytes, off, bigEndian));
                case UV -> Long.toUnsignedString(ByteUtils.i64(bytes, off, bigEndian));
                default -> throw new IllegalStateException(vr.name());
            };
        }
        return out;
    }

    private String[] formatTags(byte[] bytes) {
        String[] out = new String[bytes.length / 4];
        for (int k = 0; k < out.length; k++) {
            out[k] = Tags.toHex(ByteUtils.tag(bytes, 4 * k, bigEndian));
        }
        return out;
    }

    private static String formatDecimal(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    private static String formatDecimal(float value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e7) {
            return Long.toString((long) value);
        }
        return Float.toString(value);
    }

    /** The first value as an int; binary numbers directly, IS and DS parsed. */
    public int getInt(int tag, int defaultValue) {
        int[] ints = getInts(tag);
        return ints.length > 0 ? ints[0] : defaultValue;
    }

    public int[] getInts(int tag) {
        int i = indexOf(tag);
        if (i < 0 || values[i] == null) {
            return new int[0];
        }
        VR vr = vrs[i];
        Object value = values[i];
        if (value instanceof byte[] bytes && (vr.isBinaryNumber() || vr == VR.OW || vr == VR.OL || vr == VR.OB)) {
            return switch (vr) {
                case US, OW -> readInts(bytes, 2, false);
                case SS -> readInts(bytes, 2, true);
                case UL, SL, OL -> readInts(bytes, 4, true);
                case OB -> readInts(bytes, 1, false);
                default -> Arrays.stream(getDoubles(tag)).mapToInt(d -> (int) d).toArray();
            };
        }
        if (vr == VR.AT && value instanceof byte[] bytes) {
            int[] out = new int[bytes.length / 4];
            for (int k = 0; k < out.length; k++) {
                out[k] = ByteUtils.tag(bytes, 4 * k, bigEndian);
            }
            return out;
        }
        String[] strings = stringsAt(i);
        int[] out = new int[strings.length];
        for (int k = 0; k < strings.length; k++) {
            out[k] = (int) Math.round(parseDecimal(tag, strings[k]));
        }
        return out;
    }

    private int[] readInts(byte[] bytes, int width, boolean signed) {
        int[] out = new int[bytes.length / width];
        for (int k = 0; k < out.length; k++) {
            int off = k * width;
            out[k] = switch (width) {
                case 1 -> bytes[off] & 0xFF;
                case 2 -> signed ? ByteUtils.s16(bytes, off, bigEndian) : ByteUtils.u16(bytes, off, bigEndian);
                default -> ByteUtils.i32(bytes, off, bigEndian);
            };
        }
        return out;
    }

    public long getLong(int tag, long defaultValue) {
        int i = indexOf(tag);
        if (i < 0 || values[i] == null) {
            return defaultValue;
        }
        VR vr = vrs[i];
        if (values[i] instanceof byte[] bytes) {
            if (vr == VR.UL && bytes.length >= 4) {
                return ByteUtils.i32(bytes, 0, bigEndian) & 0xFFFFFFFFL;
            }
            if ((vr == VR.UV || vr == VR.SV || vr == VR.OV) && bytes.length >= 8) {
                return ByteUtils.i64(bytes, 0, bigEndian);
            }
        }
        if (vr == VR.IS) {
            String s = getString(tag);
            return s == null ? defaultValue : Math.round(parseDecimal(tag, s));
        }
        int[] ints = getInts(tag);
        return ints.length > 0 ? ints[0] : defaultValue;
    }

    public double getDouble(int tag, double defaultValue) {
        double[] d = getDoubles(tag);
        return d.length > 0 ? d[0] : defaultValue;
    }

    /** All values as doubles: FL/FD/OF/OD and integer VRs directly, DS and IS parsed (tolerating producer errors). */
    public double[] getDoubles(int tag) {
        int i = indexOf(tag);
        if (i < 0 || values[i] == null) {
            return new double[0];
        }
        VR vr = vrs[i];
        if (values[i] instanceof byte[] bytes) {
            switch (vr) {
                case FL, OF -> {
                    double[] out = new double[bytes.length / 4];
                    for (int k = 0; k < out.length; k++) {
                        out[k] = Float.intBitsToFloat(ByteUtils.i32(bytes, 4 * k, bigEndian));
                    }
                    return out;
                }
                case FD, OD -> {
                    double[] out = new double[bytes.length / 8];
                    for (int k = 0; k < out.length; k++) {
                        out[k] = Double.longBitsToDouble(ByteUtils.i64(bytes, 8 * k, bigEndian));
                    }
                    return out;
                }
                case UL -> {
                    double[] out = new double[bytes.length / 4];
                    for (int k = 0; k < out.length; k++) {
                        out[k] = ByteUtils.i32(bytes, 4 * k, bigEndian) & 0xFFFFFFFFL;
                    }
                    return out;
                }
                case US, SS, SL, OW, OL, OB -> {
                    return Arrays.stream(getInts(tag)).asDoubleStream().toArray();
                }
                default -> {
                }
            }
        }
        String[] strings = stringsAt(i);
        double[] out = new double[strings.length];
        for (int k = 0; k < strings.length; k++) {
            out[k] = parseDecimal(tag, strings[k]);
        }
        return out;
    }

    public float[] getFloats(int tag) {
        double[] d = getDoubles(tag);
        float[] out = new float[d.length];
        for (int k = 0; k < d.length; k++) {
            out[k] = (float) d[k];
        }
        return out;
    }

    /** DS and IS values, tolerating the common producer errors that {@link DecimalStrings} repairs. */
    private static double parseDecimal(int tag, String s) {
        try {
            return DecimalStrings.parseDS(s);
        } catch (DicomValueException e) {
            throw new NumberFormatException(Tags.toString(tag) + ": " + e.getMessage());
        }
    }

    /** The first DA value as a date, or null when absent or empty; a malformed value throws {@link DicomValueException}. */
    public java.time.LocalDate getDate(int tag) {
        String s = getString(tag);
        return s == null ? null : DicomDates.parseDate(s);
    }

    /** The first TM value as a time, or null when absent or empty. */
    public java.time.LocalTime getTime(int tag) {
        String s = getString(tag);
        return s == null ? null : DicomDates.parseTime(s);
    }

    /** The first DT value with its precision and offset, or null when absent or empty. */
    public DateTimeValue getDateTime(int tag) {
        String s = getString(tag);
        return s == null ? null : DicomDates.parseDateTime(s);
    }

    /** The first PN value as its component groups, or null when absent or empty. */
    public PersonName getPersonName(int tag) {
        String s = getString(tag);
        return s == null ? null : PersonName.parse(s);
    }

    public Attributes setDate(int tag, java.time.LocalDate date) {
        return setString(tag, VR.DA, DicomDates.formatDate(date));
    }

    public Attributes setTime(int tag, java.time.LocalTime time) {
        return setString(tag, VR.TM, DicomDates.formatTime(time));
    }

    public Attributes setPersonName(int tag, PersonName name) {
        return setString(tag, VR.PN, name.toString());
    }

    /**
     * The value's bytes in this dataset's byte order (reading bulk data from its file; strings encoded in the character set,
     * without padding). Null when absent or empty; not for sequences or fragments.
     */
    public byte[] getBytes(int tag) {
        int i = indexOf(tag);
        return i < 0 ? null : bytesAt(i);
    }

    public byte[] bytesAt(int index) {
        checkIndex(index);
        Object value = values[index];
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] bytes) {
            return bytes;
        }
        if (value instanceof BulkData bulk) {
            byte[] bytes = bulk.read();
            return bulk.bigEndian() != bigEndian && vrs[index].isByteOrderSensitive() ? ByteUtils.swap(bytes, vrs[index].byteSwapUnit()) : bytes;
        }
        if (value instanceof String[] strings) {
            return encodeStrings(vrs[index], strings);
        }
        throw new IllegalStateException(Tags.toString(tags[index]) + " holds " + value.getClass().getSimpleName() + ", not bytes");
    }

    /** Encodes strings for this dataset's character set, joined by backslashes (multi-valued) and without padding. */
    public byte[] encodeStrings(VR vr, String[] strings) {
        String joined = vr.kind() == VR.Kind.TEXT ? (strings.length > 0 ? strings[0] : "") : String.join("\\", strings);
        if (joined.isEmpty()) {
            return NO_BYTES;
        }
        return vr.usesSpecificCharacterSet()
                ? specificCharacterSet().encode(joined, vr == VR.PN)
                : joined.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    public Sequence getSequence(int tag) {
        return value(tag) instanceof Sequence sequence ? sequence : null;
    }

    public Fragments getFragments(int tag) {
        return value(tag) instanceof Fragments fragments ? fragments : null;
    }

    public BulkData getBulkData(int tag) {
        return value(tag) instanceof BulkData bulk ? bulk : null;
    }

    // ---- private elements ------------------------------------------------------------------------------------------

    /**
     * The tag that private element {@code tag} (gggg,xxee; only group and ee are used) has under the block that
     * {@code creator} reserved, or -1 when the creator has no block in that group and {@code reserve} is false.
     */
    public int privateTag(String creator, int tag, boolean reserve) {
        int group = Tags.group(tag);
        int firstFree = -1;
        for (int element = 0x10; element <= 0xFF; element++) {
            int creatorTag = Tags.of(group, element);
            int i = indexOf(creatorTag);
            if (i < 0) {
                if (firstFree < 0) {
                    firstFree = element;
                }
            } else if (creator.equals(getString(creatorTag))) {
                return Tags.of(group, (element << 8) | (tag & 0xFF));
            }
        }
        if (!reserve || firstFree < 0) {
            return -1;
        }
        setString(Tags.of(group, firstFree), VR.LO, creator);
        return Tags.of(group, (firstFree << 8) | (tag & 0xFF));
    }

    /** The private creator string that reserved the block of private element {@code tag}, or null. */
    public String privateCreatorOf(int tag) {
        return Tags.isPrivate(tag) && !Tags.isPrivateCreator(tag) && Tags.element(tag) >= 0x1000
                ? getString(Tags.privateCreatorOf(tag)) : null;
    }

    public String getString(String creator, int tag) {
        int actual = privateTag(creator, tag, false);
        return actual < 0 ? null : getString(actual);
    }

    // ---- equality --------------------------------------------------------------------------------------------------

    /**
     * Content equality: same tags, VRs and values, whatever byte order or value form each side holds. Strings compare by
     * their decoded values, binary values after normalising byte order, bulk data by its bytes.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Attributes other && firstDifference(other) == null;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(tags());
    }

    /** A description of the first difference from {@code other}, or null when both hold the same content. */
    public String firstDifference(Attributes other) {
        if (size != other.size) {
            return "element count " + size + " vs " + other.size + " (" + Arrays.toString(Arrays.stream(tags()).mapToObj(Tags::toString).toArray())
                    + " vs " + Arrays.toString(Arrays.stream(other.tags()).mapToObj(Tags::toString).toArray()) + ")";
        }
        for (int i = 0; i < size; i++) {
            if (tags[i] != other.tags[i]) {
                return "tag " + Tags.toString(tags[i]) + " vs " + Tags.toString(other.tags[i]);
            }
            if (vrs[i] != other.vrs[i]) {
                return Tags.toString(tags[i]) + ": VR " + vrs[i] + " vs " + other.vrs[i];
            }
            String difference = valueDifference(i, other);
            if (difference != null) {
                return Tags.toString(tags[i]) + ": " + difference;
            }
        }
        return null;
    }

    private String valueDifference(int i, Attributes other) {
        Object a = values[i];
        Object b = other.values[i];
        if (vrs[i].isString() && isStringForm(a) && isStringForm(b)) {
            // Decoded values decide: a value of only padding holds no values, as an empty one does.
            return Arrays.equals(stringsAt(i), other.stringsAt(i)) ? null
                    : Arrays.toString(stringsAt(i)) + " vs " + Arrays.toString(other.stringsAt(i));
        }
        if (isEmptyValue(a) || isEmptyValue(b)) {
            return isEmptyValue(a) && isEmptyValue(b) ? null : "one value is empty";
        }
        if (a instanceof BulkDataUri || b instanceof BulkDataUri) {
            return a.equals(b) ? null : "bulk data URIs differ (" + a + " vs " + b + ")";
        }
        if (a instanceof Sequence sa) {
            if (!(b instanceof Sequence sb) || sa.size() != sb.size()) {
                return "sequence item count differs";
            }
            for (int k = 0; k < sa.size(); k++) {
                String d = sa.get(k).firstDifference(sb.get(k));
                if (d != null) {
                    return "item " + (k + 1) + " > " + d;
                }
            }
            return null;
        }
        if (a instanceof Fragments fa) {
            if (!(b instanceof Fragments fb) || fa.size() != fb.size()) {
                return "fragment count differs";
            }
            for (int k = 0; k < fa.size(); k++) {
                if (!Arrays.equals(fa.bytes(k), fb.bytes(k))) {
                    return "fragment " + k + " differs";
                }
            }
            return null;
        }
        VR vr = vrs[i];
        if (vr.isString()) {
            return Arrays.equals(stringsAt(i), other.stringsAt(i)) ? null
                    : Arrays.toString(stringsAt(i)) + " vs " + Arrays.toString(other.stringsAt(i));
        }
        byte[] ba = normalisedBytes(i);
        byte[] bb = other.normalisedBytes(i);
        return Arrays.equals(ba, bb) || differOnlyByPadding(ba, bb) ? null
                : "binary values differ (" + ba.length + " vs " + bb.length + " bytes)";
    }

    /** An odd-length value and the same value padded to even length with one NUL byte (PS3.5 7.1.1) are equal. */
    private static boolean differOnlyByPadding(byte[] a, byte[] b) {
        byte[] shorter = a.length < b.length ? a : b;
        byte[] longer = a.length < b.length ? b : a;
        return (shorter.length & 1) == 1 && longer.length == shorter.length + 1 && longer[shorter.length] == 0
                && Arrays.equals(shorter, 0, shorter.length, longer, 0, shorter.length);
    }

    /** Little-endian bytes of a binary value. */
    private byte[] normalisedBytes(int i) {
        byte[] bytes = bytesAt(i).clone();
        if (bigEndian && vrs[i].isByteOrderSensitive()) {
            ByteUtils.swap(bytes, vrs[i].byteSwapUnit());
        }
        return bytes;
    }

    private static boolean isStringForm(Object value) {
        return value == null || value instanceof byte[] || value instanceof String[];
    }

    private static boolean isEmptyValue(Object value) {
        return value == null
                || (value instanceof byte[] b && b.length == 0)
                || (value instanceof String[] s && s.length == 0)
                || (value instanceof BulkData bd && bd.length() == 0);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < size; i++) {
            sb.append("  ".repeat(depth())).append(Tags.toString(tags[i])).append(' ').append(vrs[i]).append(' ');
            Object value = values[i];
            if (value instanceof Sequence sequence) {
                sb.append("(").append(sequence.size()).append(" items)\n");
                for (Attributes item : sequence) {
                    sb.append(item);
                }
                continue;
            }
            if (value instanceof Fragments fragments) {
                sb.append("(").append(fragments.size()).append(" fragments)");
            } else if (value instanceof BulkData bulk) {
                sb.append("(bulk ").append(bulk.length()).append(" bytes)");
            } else if (value instanceof BulkDataUri reference) {
                sb.append("(bulk at ").append(reference.uri()).append(")");
            } else if (vrs[i].isBulk()) {
                sb.append("(").append(value == null ? 0 : ((byte[]) value).length).append(" bytes)");
            } else {
                sb.append('[').append(String.join("\\", stringsAt(i))).append(']');
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    // ---- internals -------------------------------------------------------------------------------------------------

    private Attributes setBinaryFromStrings(int tag, VR vr, String[] strings) {
        if (vr == VR.AT) {
            int[] t = new int[strings.length];
            for (int k = 0; k < strings.length; k++) {
                t[k] = Tags.parse(strings[k]);
            }
            return setInt(tag, vr, t);
        }
        switch (vr) {
            case FL, FD -> {
                double[] d = new double[strings.length];
                for (int k = 0; k < strings.length; k++) {
                    d[k] = parseDecimal(tag, strings[k]);
                }
                return setDouble(tag, vr, d);
            }
            default -> {
                long[] l = new long[strings.length];
                for (int k = 0; k < strings.length; k++) {
                    l[k] = vr == VR.UV ? Long.parseUnsignedLong(strings[k].trim()) : Long.parseLong(strings[k].trim());
                }
                return setLong(tag, vr, l);
            }
        }
    }

    private void insert(int index, int tag, VR vr, Object value) {
        if (size == tags.length) {
            int capacity = Math.max(8, size + (size >> 1));
            tags = Arrays.copyOf(tags, capacity);
            vrs = Arrays.copyOf(vrs, capacity);
            values = Arrays.copyOf(values, capacity);
            if (decodedStrings != null) {
                decodedStrings = Arrays.copyOf(decodedStrings, capacity);
            }
        }
        int tail = size - index;
        if (tail > 0) {
            System.arraycopy(tags, index, tags, index + 1, tail);
            System.arraycopy(vrs, index, vrs, index + 1, tail);
            System.arraycopy(values, index, values, index + 1, tail);
            if (decodedStrings != null) {
                System.arraycopy(decodedStrings, index, decodedStrings, index + 1, tail);
            }
        }
        tags[index] = tag;
        vrs[index] = vr;
        values[index] = value;
        if (decodedStrings != null) {
            decodedStrings[index] = null;
        }
        size++;
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("Element index " + index + " outside 0.." + (size - 1));
        }
    }
}
