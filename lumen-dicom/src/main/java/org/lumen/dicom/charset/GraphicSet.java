package org.lumen.dicom.charset;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A graphic character set that ISO 2022 code extension can designate into G0 or G1 (PS3.3 Tables C.12-3 and C.12-4,
 * PS3.5 section 6.1.2.5). A G0 set is read from 7-bit bytes, a G1 set from bytes with the high bit set.
 *
 * <p>The 94x94 sets (JIS X 0208, JIS X 0212, KS X 1001, GB 2312) have no charset of their own in the JDK, so each pair
 * is handed to the EUC form of the same set, which stores the identical pair with the high bit set (and, for JIS X 0212,
 * behind the single-shift byte 0x8F).
 */
enum GraphicSet {
    ASCII(Register.G0, "(B", sevenBitChars()),
    /**
     * JIS X 0201 Romaji. It differs from ASCII only at 05/12 (YEN SIGN) and 07/14 (OVERLINE); PS3.5 6.1.2.3 makes the
     * byte 05/12 the value delimiter whatever its glyph, so both bytes are read and written as their ASCII characters.
     */
    JIS_X0201_ROMAN(Register.G0, "(J", sevenBitChars()),
    JIS_X0201_KATAKANA(Register.G1, ")I", halfWidthKatakanaChars()),
    LATIN1(Register.G1, "-A", upperHalfOf("ISO-8859-1")),
    LATIN2(Register.G1, "-B", upperHalfOf("ISO-8859-2")),
    LATIN3(Register.G1, "-C", upperHalfOf("ISO-8859-3")),
    LATIN4(Register.G1, "-D", upperHalfOf("ISO-8859-4")),
    CYRILLIC(Register.G1, "-L", upperHalfOf("ISO-8859-5")),
    ARABIC(Register.G1, "-G", upperHalfOf("ISO-8859-6")),
    GREEK(Register.G1, "-F", upperHalfOf("ISO-8859-7")),
    HEBREW(Register.G1, "-H", upperHalfOf("ISO-8859-8")),
    LATIN5(Register.G1, "-M", upperHalfOf("ISO-8859-9")),
    LATIN9(Register.G1, "-b", upperHalfOf("ISO-8859-15")),
    THAI(Register.G1, "-T", upperHalfOf("TIS-620")),
    JIS_X0208(Register.G0, "$B", "EUC-JP", new byte[0]),
    JIS_X0212(Register.G0, "$(D", "EUC-JP", new byte[] {(byte) 0x8F}),
    KS_X1001(Register.G1, "$)C", "EUC-KR", new byte[0]),
    GB2312(Register.G1, "$)A", "GB2312", new byte[0]);

    /** The register an escape sequence designates the set into. */
    enum Register { G0, G1 }

    static final int ESC = 0x1B;
    static final char REPLACEMENT = '\uFFFD';

    private final Register register;
    /** The bytes after ESC that designate this set. */
    private final byte[] escape;
    /** For single-byte sets: the character of each byte in this set's half (index = byte &amp; 0x7F). */
    private final char[] chars;
    /** For 94x94 sets: the EUC charset that holds the same pairs, and the bytes that precede a pair there. */
    private final Charset eucCharset;
    private final byte[] eucPrefix;

    GraphicSet(Register register, String escape, char[] chars) {
        this.register = register;
        this.escape = escape.getBytes(StandardCharsets.US_ASCII);
        this.chars = chars;
        this.eucCharset = null;
        this.eucPrefix = null;
    }

    GraphicSet(Register register, String escape, String eucCharsetName, byte[] eucPrefix) {
        this.register = register;
        this.escape = escape.getBytes(StandardCharsets.US_ASCII);
        this.chars = null;
        this.eucCharset = Charset.forName(eucCharsetName);
        this.eucPrefix = eucPrefix;
    }

    private static char[] sevenBitChars() {
        char[] table = new char[128];
        for (int b = 0; b < 128; b++) {
            table[b] = (char) b;
        }
        return table;
    }

    private static char[] halfWidthKatakanaChars() {
        char[] table = new char[128];
        Arrays.fill(table, REPLACEMENT);
        for (int b = 0x21; b <= 0x5F; b++) {
            table[b] = (char) (0xFF61 + b - 0x21); // JIS X 0201 katakana, in order, as Unicode's half-width block
        }
        return table;
    }

    private static char[] upperHalfOf(String charsetName) {
        byte[] bytes = new byte[128];
        for (int i = 0; i < 128; i++) {
            bytes[i] = (byte) (0x80 + i);
        }
        String decoded = new String(bytes, Charset.forName(charsetName));
        if (decoded.length() != 128) {
            throw new IllegalStateException(charsetName + " is not a single-byte charset");
        }
        return decoded.toCharArray();
    }

    Register register() {
        return register;
    }

    boolean isDoubleByte() {
        return eucCharset != null;
    }

    /** Writes ESC and this set's designation. */
    void writeEscape(ByteSink out) {
        out.write(ESC);
        out.write(escape);
    }

    /** Whether the bytes after an ESC at {@code from} designate this set. */
    boolean matchesEscape(byte[] bytes, int from, int end) {
        if (end - from < escape.length) {
            return false;
        }
        return Arrays.equals(bytes, from, from + escape.length, escape, 0, escape.length);
    }

    int escapeLength() {
        return escape.length;
    }

    /** The character of a single byte; the byte may arrive with or without its high bit. */
    char decodeByte(int b) {
        return chars[b & 0x7F];
    }

    /**
     * The byte (0..127, high bit not yet set for G1) of a character in a single-byte set, or -1. Bytes 0x80..0x9F of
     * an ISO 8859 upper half are C1 controls, not graphic characters of the set, so they are never chosen.
     */
    int encodeByte(int codePoint) {
        if (codePoint > 0xFFFF || codePoint == REPLACEMENT) {
            return -1;
        }
        int first = register == Register.G1 ? 0x20 : 0x00;
        for (int i = first; i < 128; i++) {
            if (chars[i] == codePoint) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Decodes a run of 94x94 pairs into {@code out}; the bytes may arrive with or without their high bits. Each
     * undecodable pair becomes U+FFFD.
     */
    void decodePairs(byte[] bytes, int from, int pairCount, StringBuilder out) {
        byte[] euc = new byte[pairCount * (eucPrefix.length + 2)];
        int at = 0;
        for (int i = 0; i < pairCount; i++) {
            System.arraycopy(eucPrefix, 0, euc, at, eucPrefix.length);
            at += eucPrefix.length;
            euc[at++] = (byte) (bytes[from + 2 * i] | 0x80);
            euc[at++] = (byte) (bytes[from + 2 * i + 1] | 0x80);
        }
        out.append(new String(euc, eucCharset));
    }

    /**
     * The pair of a character in a 94x94 set as two 7-bit bytes packed into an int ({@code first << 8 | second}), or
     * -1 when the set has no such character.
     */
    int encodePair(int codePoint) {
        byte[] euc = new String(Character.toChars(codePoint)).getBytes(eucCharset);
        if (euc.length != eucPrefix.length + 2 || !Arrays.equals(euc, 0, eucPrefix.length, eucPrefix, 0,
                eucPrefix.length)) {
            return -1;
        }
        int first = euc[eucPrefix.length] & 0xFF;
        int second = euc[eucPrefix.length + 1] & 0xFF;
        if (!isPairByte(first) || !isPairByte(second)) {
            return -1;
        }
        return (first & 0x7F) << 8 | (second & 0x7F);
    }

    /** Whether a byte, with or without its high bit, is 02/01..07/14: a byte of a 94x94 pair. */
    static boolean isPairByte(int b) {
        int low = b & 0x7F;
        return low >= 0x21 && low <= 0x7E;
    }

    /** Finds the set that the escape sequence after an ESC at {@code from} designates, or null. */
    static GraphicSet designatedAt(byte[] bytes, int from, int end) {
        for (GraphicSet set : values()) {
            if (set.matchesEscape(bytes, from, end)) {
                return set;
            }
        }
        return null;
    }
}
