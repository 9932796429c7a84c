package org.lumen.dicom.charset;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The character repertoire of a dataset or sequence item, as named by Specific Character Set (0008,0005), with the
 * decoding and encoding of its character string values (PS3.3 C.12.1.1.2, PS3.5 section 6.1).
 *
 * <p>Supported: the default repertoire; the single-byte sets ISO_IR 100, 101, 109, 110, 126, 127, 138, 144, 148, 203,
 * 13 and 166; ISO_IR 192 (UTF-8), GB18030 and GBK; and ISO 2022 code extensions of all single-byte sets together with
 * ISO 2022 IR 87 and 159 (JIS X 0208, JIS X 0212), IR 149 (KS X 1001) and IR 58 (GB 2312).
 *
 * <p>Reading never fails. Values that are not Defined Terms but plainly mean one (such as {@code ISO-IR 100}) are read
 * as that term, and unknown values are ignored in favour of the default repertoire; each such repair is reported in
 * {@link #warnings()}. Each sequence item that has its own (0008,0005) gets its own instance; an item without one uses
 * the instance of the enclosing dataset.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class SpecificCharacterSet {

    /**
     * The default repertoire (ISO_IR 6, i.e. ASCII), in force when (0008,0005) is absent or empty. Bytes from 0x80,
     * which it does not define, are read as ISO 8859-1 rather than rejected, because producers often leave out
     * (0008,0005) for Latin text; such characters cannot be written back in this set.
     */
    public static final SpecificCharacterSet DEFAULT = new SpecificCharacterSet(new String[0], List.of(),
            new SingleByteCodec("ISO_IR 6 (default repertoire)", GraphicSet.ASCII, null), true);

    private final String[] definedTerms;
    private final List<String> warnings;
    private final TextCodec codec;
    private final boolean asciiOnly;

    SpecificCharacterSet(String[] definedTerms, List<String> warnings, TextCodec codec, boolean asciiOnly) {
        this.definedTerms = definedTerms;
        this.warnings = List.copyOf(warnings);
        this.codec = codec;
        this.asciiOnly = asciiOnly;
    }

    /**
     * The character set that the values of (0008,0005) name, in their order; the first may be empty, meaning the
     * default repertoire. No values, or null, also mean the default repertoire. A value that still holds the
     * backslash delimiter, as read from the dataset, is split at it. Never throws: see {@link #warnings()} for what was
     * repaired.
     */
    public static SpecificCharacterSet valueOf(String... definedTerms) {
        return CharacterSetResolver.resolve(definedTerms == null ? new String[0] : definedTerms);
    }

    /**
     * Decodes a character string value. Trailing padding is the caller's to remove. Multiple values stay joined by
     * {@code \}; with code extensions each value (and, for a person name, each component after {@code ^} or
     * {@code =}) starts from the initial character sets. Bytes that the set cannot read become U+FFFD.
     *
     * @param personName whether the value is a PN, whose {@code ^} and {@code =} delimiters reset code extensions
     */
    public String decode(byte[] bytes, int offset, int length, boolean personName) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        if (isAscii(bytes, offset, length)) {
            return new String(bytes, offset, length, StandardCharsets.US_ASCII);
        }
        return codec.decode(bytes, offset, length, personName);
    }

    /**
     * Encodes a character string value (multiple values joined by {@code \}); padding is the caller's to add. With
     * code extensions, each character is written in the first set that has it, in the order of the values of
     * (0008,0005), and the initial sets are designated again before each delimiter and at the end.
     *
     * @throws IllegalArgumentException naming the first character that this set cannot represent
     */
    public byte[] encode(String value, boolean personName) {
        Objects.requireNonNull(value, "value");
        return codec.encode(value, personName);
    }

    /** Whether this set's repertoire is ASCII alone (the default repertoire, or ISO 2022 IR 6 by itself). */
    public boolean containsAsciiOnly() {
        return asciiOnly;
    }

    /**
     * The Defined Terms this set was understood as, spelled as PS3.3 spells them, in order; the first is empty where
     * value 1 is the default repertoire. Empty for the default repertoire alone, which needs no (0008,0005). Repaired
     * and ignored values of {@link #valueOf} show here as understood.
     */
    public String[] definedTerms() {
        return definedTerms.clone();
    }

    /** What {@link #valueOf} had to repair or ignore, one sentence each; empty when the values were all valid. */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * Whether every byte is 7-bit and none is ESC. Such bytes read as the same ASCII text in every supported set, so
     * callers may skip the character set for them.
     */
    public static boolean isAscii(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        for (int i = offset, end = offset + length; i < end; i++) {
            byte b = bytes[i];
            if (b < 0 || b == GraphicSet.ESC) {
                return false;
            }
        }
        return true;
    }

    /** Equal when understood as the same Defined Terms; warnings do not count. */
    @Override
    public boolean equals(Object other) {
        return other instanceof SpecificCharacterSet that && Arrays.equals(definedTerms, that.definedTerms);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(definedTerms);
    }

    /** The Defined Terms joined by {@code \} as in a dataset, or {@code ISO_IR 6 (default repertoire)}. */
    @Override
    public String toString() {
        return displayName(definedTerms);
    }

    static String displayName(String[] definedTerms) {
        return definedTerms.length == 0 ? "ISO_IR 6 (default repertoire)" : String.join("\\", definedTerms);
    }
}
