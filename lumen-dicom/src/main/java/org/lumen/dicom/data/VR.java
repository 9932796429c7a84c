package org.lumen.dicom.data;

/**
 * Value Representations of PS3.5 section 6.2. Each constant carries the facts that encoding and decoding need, so that
 * readers, writers and converters ask the VR rather than switching on it.
 */
public enum VR {
    AE(Kind.STRING, 0x20, false, false, 0),
    AS(Kind.STRING, 0x20, false, false, 0),
    AT(Kind.TAG, 0, false, false, 4),
    CS(Kind.STRING, 0x20, false, false, 0),
    DA(Kind.STRING, 0x20, false, false, 0),
    DS(Kind.STRING, 0x20, false, false, 0),
    DT(Kind.STRING, 0x20, false, false, 0),
    FD(Kind.BINARY_NUMBER, 0, false, false, 8),
    FL(Kind.BINARY_NUMBER, 0, false, false, 4),
    IS(Kind.STRING, 0x20, false, false, 0),
    LO(Kind.STRING, 0x20, false, true, 0),
    LT(Kind.TEXT, 0x20, false, true, 0),
    OB(Kind.BYTES, 0, true, false, 1),
    OD(Kind.BYTES, 0, true, false, 8),
    OF(Kind.BYTES, 0, true, false, 4),
    OL(Kind.BYTES, 0, true, false, 4),
    OV(Kind.BYTES, 0, true, false, 8),
    OW(Kind.BYTES, 0, true, false, 2),
    PN(Kind.STRING, 0x20, false, true, 0),
    SH(Kind.STRING, 0x20, false, true, 0),
    SL(Kind.BINARY_NUMBER, 0, false, false, 4),
    SQ(Kind.SEQUENCE, 0, true, false, 0),
    SS(Kind.BINARY_NUMBER, 0, false, false, 2),
    ST(Kind.TEXT, 0x20, false, true, 0),
    SV(Kind.BINARY_NUMBER, 0, true, false, 8),
    TM(Kind.STRING, 0x20, false, false, 0),
    UC(Kind.STRING, 0x20, true, true, 0),
    UI(Kind.STRING, 0x00, false, false, 0),
    UL(Kind.BINARY_NUMBER, 0, false, false, 4),
    UN(Kind.BYTES, 0, true, false, 1),
    UR(Kind.TEXT, 0x20, true, false, 0),
    US(Kind.BINARY_NUMBER, 0, false, false, 2),
    UT(Kind.TEXT, 0x20, true, true, 0),
    UV(Kind.BINARY_NUMBER, 0, true, false, 8);

    /** What sort of value a VR holds; decides how values are parsed and printed. */
    public enum Kind {
        /** Backslash-separated character strings (multi-valued). */
        STRING,
        /** A single character string in which a backslash is an ordinary character (LT, ST, UT, UR). */
        TEXT,
        /** Fixed-size binary numbers (US, SS, UL, SL, FL, FD, SV, UV). */
        BINARY_NUMBER,
        /** Attribute tags stored as two 16-bit numbers. */
        TAG,
        /** Other-byte/word/float/… and unknown: opaque bytes, possibly bulk data. */
        BYTES,
        /** A sequence of items. */
        SEQUENCE
    }

    private static final VR[] BY_CODE = new VR[0x10000];

    static {
        for (VR vr : values()) {
            BY_CODE[vr.code] = vr;
        }
    }

    private final Kind kind;
    private final int code;
    private final byte paddingByte;
    private final boolean longHeader;
    private final boolean specificCharacterSet;
    private final int bytesPerValue;

    VR(Kind kind, int paddingByte, boolean longHeader, boolean specificCharacterSet, int bytesPerValue) {
        this.kind = kind;
        this.code = (name().charAt(0) << 8) | name().charAt(1);
        this.paddingByte = (byte) paddingByte;
        this.longHeader = longHeader;
        this.specificCharacterSet = specificCharacterSet;
        this.bytesPerValue = bytesPerValue;
    }

    /** The VR whose two ASCII characters are packed big-endian in {@code code}, or null when no VR has that code. */
    public static VR ofCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    /** The VR named by two letters, or null. */
    public static VR ofName(String name) {
        return name != null && name.length() == 2 ? ofCode((name.charAt(0) << 8) | name.charAt(1)) : null;
    }

    public Kind kind() {
        return kind;
    }

    /** The two ASCII characters packed big-endian, as they appear in an explicit VR header. */
    public int code() {
        return code;
    }

    /** The byte that pads a value to even length: space for text, NUL for UI and binary. */
    public byte paddingByte() {
        return paddingByte;
    }

    /** True when explicit VR encoding uses two reserved bytes and a 32-bit length (PS3.5 table 7.1-1). */
    public boolean hasLongHeader() {
        return longHeader;
    }

    /** True when values are decoded with the dataset's Specific Character Set rather than the default repertoire. */
    public boolean usesSpecificCharacterSet() {
        return specificCharacterSet;
    }

    /** Size of one binary value (0 for character strings and sequences). */
    public int bytesPerValue() {
        return bytesPerValue;
    }

    /**
     * Width of the units whose bytes reverse between little and big endian: 2 for AT (a group and an element number, each
     * 16-bit), else {@link #bytesPerValue()}.
     */
    public int byteSwapUnit() {
        return this == AT ? 2 : bytesPerValue;
    }

    public boolean isString() {
        return kind == Kind.STRING || kind == Kind.TEXT;
    }

    public boolean isBinaryNumber() {
        return kind == Kind.BINARY_NUMBER;
    }

    /** True for VRs whose values may be large enough to keep out of memory (OB, OW, OF, OD, OL, OV, UN). */
    public boolean isBulk() {
        return kind == Kind.BYTES;
    }

    /** True when values swap byte order between little and big endian encodings (words, numbers, tags). */
    public boolean isByteOrderSensitive() {
        return bytesPerValue > 1 && kind != Kind.STRING && kind != Kind.TEXT;
    }
}
