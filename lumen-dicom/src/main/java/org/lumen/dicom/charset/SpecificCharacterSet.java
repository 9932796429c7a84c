package org.lumen.dicom.charset;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Interim single-byte/UTF-8 implementation; replaced by the full ISO 2022 implementation on merge. */
public final class SpecificCharacterSet {
    public static final SpecificCharacterSet DEFAULT = new SpecificCharacterSet(new String[] {""}, StandardCharsets.ISO_8859_1);

    private final String[] terms;
    private final Charset charset;

    private SpecificCharacterSet(String[] terms, Charset charset) {
        this.terms = terms;
        this.charset = charset;
    }

    public static SpecificCharacterSet valueOf(String... definedTerms) {
        if (definedTerms == null || definedTerms.length == 0) {
            return DEFAULT;
        }
        String t = definedTerms[0] == null ? "" : definedTerms[0].trim();
        Charset cs = switch (t) {
            case "ISO_IR 192" -> StandardCharsets.UTF_8;
            case "GB18030" -> Charset.forName("GB18030");
            default -> StandardCharsets.ISO_8859_1;
        };
        return new SpecificCharacterSet(definedTerms.clone(), cs);
    }

    public String decode(byte[] bytes, int offset, int length, boolean personName) {
        return new String(bytes, offset, length, charset);
    }

    public byte[] encode(String value, boolean personName) {
        return value.getBytes(charset);
    }

    public boolean containsAsciiOnly() {
        return this == DEFAULT;
    }

    public String[] definedTerms() {
        return terms.clone();
    }

    public List<String> warnings() {
        return List.of();
    }
}
