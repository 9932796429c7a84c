package org.lumen.dicom.charset;

import java.util.List;

/**
 * Code extension by ISO 2022 escape sequences (PS3.5 section 6.1.2.5). Escape sequences designate a set into G0 (read
 * from 7-bit bytes) or G1 (read from bytes with the high bit set); the set of value 1 of (0008,0005) is the initial
 * state.
 *
 * <p>PS3.5 6.1.2.5.3 requires the initial sets to be active again before each control character other than ESC (CR,
 * LF, FF, TAB, …), before the value delimiter {@code \} and, in a person name, before the {@code ^} and {@code =}
 * delimiters. The decoder therefore returns to the initial state at each of these, whether or not the producer wrote
 * an escape sequence, and the encoder writes the escape sequences back to the initial sets before each of them and at
 * the end of the value. A delimiter byte inside a two-byte character is part of that character, never a delimiter.
 *
 * <p>A G1 that value 1 leaves empty cannot be emptied again by an escape sequence; the standard's own examples (PS3.5
 * I.2, K.2) re-designate it after each delimiter instead, and so does the encoder. Bytes with the high bit set that
 * arrive before any G1 designation are read with the first G1 set the Specific Character Set declares (producers often
 * omit the escape sequence), or as ISO 8859-1 when it declares none.
 */
final class Iso2022Codec implements TextCodec {
    private final String setName;
    private final GraphicSet initialG0;
    private final GraphicSet initialG1;
    private final GraphicSet undesignatedG1;
    /** The sets the encoder may designate, in the order of the values of (0008,0005). */
    private final List<GraphicSet> declared;

    Iso2022Codec(String setName, GraphicSet initialG0, GraphicSet initialG1, List<GraphicSet> declared) {
        this.setName = setName;
        this.initialG0 = initialG0;
        this.initialG1 = initialG1;
        this.declared = List.copyOf(declared);
        this.undesignatedG1 = initialG1 != null ? initialG1 : this.declared.stream()
                .filter(set -> set.register() == GraphicSet.Register.G1)
                .findFirst()
                .orElse(GraphicSet.LATIN1);
    }

    @Override
    public String decode(byte[] bytes, int offset, int length, boolean personName) {
        StringBuilder out = new StringBuilder(length);
        GraphicSet g0 = initialG0;
        GraphicSet g1 = initialG1;
        int end = offset + length;
        int i = offset;
        while (i < end) {
            int b = bytes[i] & 0xFF;
            if (b == GraphicSet.ESC) {
                GraphicSet designated = GraphicSet.designatedAt(bytes, i + 1, end);
                if (designated == null) {
                    out.append(GraphicSet.REPLACEMENT);
                    i = afterUnknownEscape(bytes, i + 1, end);
                } else {
                    if (designated.register() == GraphicSet.Register.G0) {
                        g0 = designated;
                    } else {
                        g1 = designated;
                    }
                    i += 1 + designated.escapeLength();
                }
            } else if (b < 0x20) {
                out.append((char) b);
                g0 = initialG0;
                g1 = initialG1;
                i++;
            } else if (b < 0x80) {
                if (g0.isDoubleByte()) {
                    i = decodeDoubleByte(g0, bytes, i, end, out);
                } else {
                    out.append(g0.decodeByte(b));
                    if (isDelimiter(b, personName)) {
                        g0 = initialG0;
                        g1 = initialG1;
                    }
                    i++;
                }
            } else {
                GraphicSet set = g1 != null ? g1 : undesignatedG1;
                if (set.isDoubleByte()) {
                    i = decodeDoubleByte(set, bytes, i, end, out);
                } else {
                    out.append(set.decodeByte(b));
                    i++;
                }
            }
        }
        return out.toString();
    }

    /**
     * Decodes the run of pairs that starts at {@code from}, all in the half (7-bit or high bit) of its first byte;
     * returns where the run ends. A space in 7-bit G0 is always a space (ISO 2022 keeps 02/00 out of 94-character
     * sets); a byte that starts no pair becomes U+FFFD.
     */
    private static int decodeDoubleByte(GraphicSet set, byte[] bytes, int from, int end, StringBuilder out) {
        int highBit = bytes[from] & 0x80;
        int i = from;
        while (i + 1 < end && isPairByteIn(bytes[i], highBit) && isPairByteIn(bytes[i + 1], highBit)) {
            i += 2;
        }
        if (i > from) {
            set.decodePairs(bytes, from, (i - from) / 2, out);
            return i;
        }
        out.append((bytes[from] & 0xFF) == 0x20 ? ' ' : GraphicSet.REPLACEMENT);
        return from + 1;
    }

    private static boolean isPairByteIn(byte b, int highBit) {
        return (b & 0x80) == highBit && GraphicSet.isPairByte(b & 0xFF);
    }

    /** Skips an escape sequence Lumen does not know: intermediate bytes 02/00..02/15, then one final byte. */
    private static int afterUnknownEscape(byte[] bytes, int from, int end) {
        int i = from;
        while (i < end && (bytes[i] & 0xFF) >= 0x20 && (bytes[i] & 0xFF) <= 0x2F) {
            i++;
        }
        return i < end && (bytes[i] & 0xFF) >= 0x30 && (bytes[i] & 0xFF) <= 0x7E ? i + 1 : i;
    }

    private static boolean isDelimiter(int c, boolean personName) {
        return c == '\\' || personName && (c == '^' || c == '=');
    }

    @Override
    public byte[] encode(String value, boolean personName) {
        ByteSink out = new ByteSink(value.length() * 2);
        GraphicSet g0 = initialG0;
        GraphicSet g1 = initialG1;
        for (int i = 0; i < value.length(); i += Character.charCount(value.codePointAt(i))) {
            int codePoint = value.codePointAt(i);
            if (codePoint < 0x20 || isDelimiter(codePoint, personName)) {
                if (codePoint == GraphicSet.ESC) {
                    throw TextCodec.unrepresentable(value, i, setName); // would be read as an escape sequence
                }
                g0 = returnToInitial(out, g0, initialG0);
                g1 = returnToInitial(out, g1, initialG1);
                out.write(codePoint);
            } else if (!write(out, g0, codePoint) && !(g1 != null && write(out, g1, codePoint))) {
                GraphicSet set = designatableFor(codePoint, g0, g1);
                if (set == null) {
                    throw TextCodec.unrepresentable(value, i, setName);
                }
                set.writeEscape(out);
                if (set.register() == GraphicSet.Register.G0) {
                    g0 = set;
                } else {
                    g1 = set;
                }
                write(out, set, codePoint);
            }
        }
        returnToInitial(out, g0, initialG0);
        returnToInitial(out, g1, initialG1);
        return out.toByteArray();
    }

    /**
     * Designates the initial set again where another one is active. An initially empty G1 needs no escape: decoders
     * empty it themselves at the same places.
     */
    private static GraphicSet returnToInitial(ByteSink out, GraphicSet current, GraphicSet initial) {
        if (current != initial && initial != null) {
            initial.writeEscape(out);
        }
        return initial;
    }

    private GraphicSet designatableFor(int codePoint, GraphicSet g0, GraphicSet g1) {
        for (GraphicSet set : declared) {
            if (set != g0 && set != g1 && canWrite(set, codePoint)) {
                return set;
            }
        }
        return null;
    }

    private static boolean canWrite(GraphicSet set, int codePoint) {
        return set.isDoubleByte() ? set.encodePair(codePoint) >= 0 : set.encodeByte(codePoint) >= 0;
    }

    /** Writes the character in the set as invoked in its register, or returns false when the set lacks it. */
    private static boolean write(ByteSink out, GraphicSet set, int codePoint) {
        int highBit = set.register() == GraphicSet.Register.G1 ? 0x80 : 0x00;
        if (set.isDoubleByte()) {
            int pair = set.encodePair(codePoint);
            if (pair < 0) {
                return false;
            }
            out.write(pair >> 8 | highBit);
            out.write(pair & 0xFF | highBit);
            return true;
        }
        int b = set.encodeByte(codePoint);
        if (b < 0 || highBit == 0 && b < 0x20) {
            return false;
        }
        out.write(b | highBit);
        return true;
    }
}
