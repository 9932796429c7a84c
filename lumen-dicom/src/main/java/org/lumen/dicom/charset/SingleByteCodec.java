package org.lumen.dicom.charset;

/**
 * A single-byte repertoire without code extensions: bytes below 0x80 from one set, bytes from 0x80 from another. With no
 * upper set (the default repertoire) the upper bytes are still read, as ISO 8859-1, because producers often omit
 * (0008,0005) for Latin text; they are never written.
 */
final class SingleByteCodec implements TextCodec {
    private final String setName;
    private final GraphicSet lower;
    private final GraphicSet upper;
    private final GraphicSet upperForReading;

    SingleByteCodec(String setName, GraphicSet lower, GraphicSet upper) {
        this.setName = setName;
        this.lower = lower;
        this.upper = upper;
        this.upperForReading = upper != null ? upper : GraphicSet.LATIN1;
    }

    @Override
    public String decode(byte[] bytes, int offset, int length, boolean personName) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            int b = bytes[offset + i] & 0xFF;
            chars[i] = b < 0x80 ? lower.decodeByte(b) : upperForReading.decodeByte(b);
        }
        return new String(chars);
    }

    @Override
    public byte[] encode(String value, boolean personName) {
        ByteSink out = new ByteSink(value.length());
        for (int i = 0; i < value.length(); i += Character.charCount(value.codePointAt(i))) {
            int codePoint = value.codePointAt(i);
            if (codePoint < 0x80) {
                out.write(lower.encodeByte(codePoint));
                continue;
            }
            int b = upper != null ? upper.encodeByte(codePoint) : -1;
            if (b < 0) {
                throw TextCodec.unrepresentable(value, i, setName);
            }
            out.write(b | 0x80);
        }
        return out.toByteArray();
    }
}
