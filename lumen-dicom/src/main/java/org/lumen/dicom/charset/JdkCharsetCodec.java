package org.lumen.dicom.charset;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;

/**
 * UTF-8, GB18030 and GBK: multi-byte repertoires without code extensions, which the JDK reads and writes whole. A
 * delimiter byte inside a multi-byte character is part of that character, as PS3.5 6.1.2.3 says, so decoding the whole
 * value before splitting it is what keeps such bytes from being taken for delimiters.
 */
final class JdkCharsetCodec implements TextCodec {
    private final String setName;
    private final Charset charset;

    JdkCharsetCodec(String setName, Charset charset) {
        this.setName = setName;
        this.charset = charset;
    }

    @Override
    public String decode(byte[] bytes, int offset, int length, boolean personName) {
        return new String(bytes, offset, length, charset);
    }

    @Override
    public byte[] encode(String value, boolean personName) {
        CharsetEncoder encoder = charset.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            ByteBuffer encoded = encoder.encode(CharBuffer.wrap(value));
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            return bytes;
        } catch (CharacterCodingException e) {
            throw TextCodec.unrepresentable(value, firstUnencodable(value), setName);
        }
    }

    private int firstUnencodable(String value) {
        CharsetEncoder encoder = charset.newEncoder();
        for (int i = 0; i < value.length(); i += Character.charCount(value.codePointAt(i))) {
            int end = i + Character.charCount(value.codePointAt(i));
            if (!encoder.canEncode(value.substring(i, end))) {
                return i;
            }
        }
        return 0;
    }
}
