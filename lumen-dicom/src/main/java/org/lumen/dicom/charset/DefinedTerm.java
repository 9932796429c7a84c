package org.lumen.dicom.charset;

import static org.lumen.dicom.charset.GraphicSet.ARABIC;
import static org.lumen.dicom.charset.GraphicSet.ASCII;
import static org.lumen.dicom.charset.GraphicSet.CYRILLIC;
import static org.lumen.dicom.charset.GraphicSet.GB2312;
import static org.lumen.dicom.charset.GraphicSet.GREEK;
import static org.lumen.dicom.charset.GraphicSet.HEBREW;
import static org.lumen.dicom.charset.GraphicSet.JIS_X0201_KATAKANA;
import static org.lumen.dicom.charset.GraphicSet.JIS_X0201_ROMAN;
import static org.lumen.dicom.charset.GraphicSet.JIS_X0208;
import static org.lumen.dicom.charset.GraphicSet.JIS_X0212;
import static org.lumen.dicom.charset.GraphicSet.KS_X1001;
import static org.lumen.dicom.charset.GraphicSet.LATIN1;
import static org.lumen.dicom.charset.GraphicSet.LATIN2;
import static org.lumen.dicom.charset.GraphicSet.LATIN3;
import static org.lumen.dicom.charset.GraphicSet.LATIN4;
import static org.lumen.dicom.charset.GraphicSet.LATIN5;
import static org.lumen.dicom.charset.GraphicSet.LATIN9;
import static org.lumen.dicom.charset.GraphicSet.THAI;

import java.nio.charset.Charset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The Defined Terms of Specific Character Set (0008,0005) that Lumen understands: PS3.3 Tables C.12-2 (single-byte
 * without code extensions), C.12-3 and C.12-4 (single- and multi-byte with code extensions) and C.12-5 (multi-byte
 * without code extensions).
 */
enum DefinedTerm {
    ISO_IR_6("ISO_IR 6", Kind.SINGLE_BYTE, ASCII, null),
    ISO_IR_100("ISO_IR 100", Kind.SINGLE_BYTE, ASCII, LATIN1),
    ISO_IR_101("ISO_IR 101", Kind.SINGLE_BYTE, ASCII, LATIN2),
    ISO_IR_109("ISO_IR 109", Kind.SINGLE_BYTE, ASCII, LATIN3),
    ISO_IR_110("ISO_IR 110", Kind.SINGLE_BYTE, ASCII, LATIN4),
    ISO_IR_144("ISO_IR 144", Kind.SINGLE_BYTE, ASCII, CYRILLIC),
    ISO_IR_127("ISO_IR 127", Kind.SINGLE_BYTE, ASCII, ARABIC),
    ISO_IR_126("ISO_IR 126", Kind.SINGLE_BYTE, ASCII, GREEK),
    ISO_IR_138("ISO_IR 138", Kind.SINGLE_BYTE, ASCII, HEBREW),
    ISO_IR_148("ISO_IR 148", Kind.SINGLE_BYTE, ASCII, LATIN5),
    ISO_IR_203("ISO_IR 203", Kind.SINGLE_BYTE, ASCII, LATIN9),
    ISO_IR_13("ISO_IR 13", Kind.SINGLE_BYTE, JIS_X0201_ROMAN, JIS_X0201_KATAKANA),
    ISO_IR_166("ISO_IR 166", Kind.SINGLE_BYTE, ASCII, THAI),
    ISO_IR_192("ISO_IR 192", "UTF-8"),
    GB18030("GB18030", "GB18030"),
    GBK("GBK", "GBK"),
    ISO_2022_IR_6("ISO 2022 IR 6", Kind.CODE_EXTENSION, ASCII, null),
    ISO_2022_IR_100("ISO 2022 IR 100", Kind.CODE_EXTENSION, ASCII, LATIN1),
    ISO_2022_IR_101("ISO 2022 IR 101", Kind.CODE_EXTENSION, ASCII, LATIN2),
    ISO_2022_IR_109("ISO 2022 IR 109", Kind.CODE_EXTENSION, ASCII, LATIN3),
    ISO_2022_IR_110("ISO 2022 IR 110", Kind.CODE_EXTENSION, ASCII, LATIN4),
    ISO_2022_IR_144("ISO 2022 IR 144", Kind.CODE_EXTENSION, ASCII, CYRILLIC),
    ISO_2022_IR_127("ISO 2022 IR 127", Kind.CODE_EXTENSION, ASCII, ARABIC),
    ISO_2022_IR_126("ISO 2022 IR 126", Kind.CODE_EXTENSION, ASCII, GREEK),
    ISO_2022_IR_138("ISO 2022 IR 138", Kind.CODE_EXTENSION, ASCII, HEBREW),
    ISO_2022_IR_148("ISO 2022 IR 148", Kind.CODE_EXTENSION, ASCII, LATIN5),
    ISO_2022_IR_203("ISO 2022 IR 203", Kind.CODE_EXTENSION, ASCII, LATIN9),
    ISO_2022_IR_13("ISO 2022 IR 13", Kind.CODE_EXTENSION, JIS_X0201_ROMAN, JIS_X0201_KATAKANA),
    ISO_2022_IR_166("ISO 2022 IR 166", Kind.CODE_EXTENSION, ASCII, THAI),
    ISO_2022_IR_87("ISO 2022 IR 87", Kind.CODE_EXTENSION, JIS_X0208, null),
    ISO_2022_IR_159("ISO 2022 IR 159", Kind.CODE_EXTENSION, JIS_X0212, null),
    ISO_2022_IR_149("ISO 2022 IR 149", Kind.CODE_EXTENSION, null, KS_X1001),
    ISO_2022_IR_58("ISO 2022 IR 58", Kind.CODE_EXTENSION, null, GB2312);

    enum Kind {
        /** One byte per character, no escape sequences; only valid as the sole value. */
        SINGLE_BYTE,
        /** May switch with ISO 2022 escape sequences; one of several values. */
        CODE_EXTENSION,
        /** UTF-8, GB18030, GBK: multi-byte without code extensions; only valid as the sole value. */
        MULTI_BYTE
    }

    /** A producer's value as understood, with the warning to report when it was not written as defined. */
    record Resolution(DefinedTerm term, String warning) {}

    private static final Map<String, DefinedTerm> BY_TEXT = new HashMap<>();
    private static final Map<String, DefinedTerm> BY_LOOSE_KEY = new HashMap<>();

    static {
        for (DefinedTerm term : values()) {
            BY_TEXT.put(term.text, term);
            BY_LOOSE_KEY.put(looseKey(term.text), term);
        }
        // Names that producers write in place of the Defined Term (charset names of other standards).
        BY_LOOSE_KEY.put("UTF8", ISO_IR_192);
        BY_LOOSE_KEY.put("GB2312", GB18030); // EUC-CN bytes, which GB18030 reads identically
        String[] iso8859 = {"1", "100", "2", "101", "3", "109", "4", "110", "5", "144", "6", "127", "7", "126", "8", "138",
            "9", "148", "15", "203"};
        for (int i = 0; i < iso8859.length; i += 2) {
            BY_LOOSE_KEY.put("ISO8859" + iso8859[i], BY_TEXT.get("ISO_IR " + iso8859[i + 1]));
        }
    }

    private final String text;
    private final Kind kind;
    private final GraphicSet g0;
    private final GraphicSet g1;
    private final Charset charset;

    DefinedTerm(String text, Kind kind, GraphicSet g0, GraphicSet g1) {
        this.text = text;
        this.kind = kind;
        this.g0 = g0;
        this.g1 = g1;
        this.charset = null;
    }

    DefinedTerm(String text, String charsetName) {
        this.text = text;
        this.kind = Kind.MULTI_BYTE;
        this.g0 = null;
        this.g1 = null;
        this.charset = Charset.forName(charsetName);
    }

    /** The Defined Term as PS3.3 spells it. */
    String text() {
        return text;
    }

    Kind kind() {
        return kind;
    }

    /** The set this term puts into G0 (7-bit bytes), or null when it designates only G1. */
    GraphicSet g0() {
        return g0;
    }

    /** The set this term puts into G1 (bytes with the high bit), or null. */
    GraphicSet g1() {
        return g1;
    }

    /** The JDK charset of a {@link Kind#MULTI_BYTE} term. */
    Charset charset() {
        return charset;
    }

    boolean isDefaultRepertoire() {
        return this == ISO_IR_6 || this == ISO_2022_IR_6;
    }

    /** The same repertoire with or without code extensions; null for UTF-8, GB18030 and GBK, which have neither. */
    DefinedTerm withCodeExtensions() {
        return switch (kind) {
            case SINGLE_BYTE -> BY_TEXT.get(text.replace("ISO_IR ", "ISO 2022 IR "));
            case CODE_EXTENSION -> this;
            case MULTI_BYTE -> null;
        };
    }

    /**
     * Understands one value of (0008,0005): the Defined Term itself, or a spelling producers are known to write
     * ({@code ISO-IR 100}, {@code ISO_IR100}, {@code iso 2022 ir 87}, {@code ISO_IR 87}, {@code UTF-8}, …), which is
     * read with a warning. Returns null for a value that names no known repertoire.
     */
    static Resolution resolve(String value) {
        String trimmed = value.strip();
        DefinedTerm exact = BY_TEXT.get(trimmed);
        if (exact != null) {
            return new Resolution(exact, null);
        }
        String key = looseKey(trimmed);
        DefinedTerm loose = BY_LOOSE_KEY.get(key);
        if (loose == null && key.startsWith("ISOIR")) {
            loose = BY_LOOSE_KEY.get("ISO2022IR" + key.substring("ISOIR".length()));
        } else if (loose == null && key.startsWith("ISO2022IR")) {
            loose = BY_LOOSE_KEY.get("ISOIR" + key.substring("ISO2022IR".length()));
        }
        if (loose == null) {
            return null;
        }
        return new Resolution(loose, "Specific Character Set value '" + trimmed + "' is not a Defined Term; read as '"
                + loose.text + "'");
    }

    /** Upper case without spaces, underscores and hyphens: the part of a spelling that producers get right. */
    private static String looseKey(String value) {
        return value.toUpperCase(Locale.ROOT).replaceAll("[\\s_-]", "");
    }
}
