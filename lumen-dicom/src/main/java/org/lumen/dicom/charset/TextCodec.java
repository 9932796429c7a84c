package org.lumen.dicom.charset;

/** Turns the bytes of a character string value into text and back under one Specific Character Set. */
interface TextCodec {

    /** Decodes without failing: bytes the set cannot read become U+FFFD. */
    String decode(byte[] bytes, int offset, int length, boolean personName);

    /** Encodes, or throws {@link IllegalArgumentException} naming the first character the set cannot represent. */
    byte[] encode(String value, boolean personName);

    static IllegalArgumentException unrepresentable(String value, int index, String setName) {
        int codePoint = value.codePointAt(index);
        return new IllegalArgumentException(String.format("Character '%s' (U+%04X) at index %d cannot be encoded in "
                + "Specific Character Set %s", new String(Character.toChars(codePoint)), codePoint, index, setName));
    }
}
