package org.lumen.dicom.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Base64;
import java.util.List;
import org.lumen.dicom.data.ByteUtils;
import org.lumen.dicom.data.Fragments;
import org.lumen.dicom.data.VR;

/** Turns the texts and base64 of a JSON or XML document back into stored values; shared by both readers. */
public final class ModelValueParsers {
    private static final BigInteger MAX_UV = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private ModelValueParsers() {
    }

    /** Binary number values (US, SS, UL, SL, SV, UV, FL, FD) from their texts, little endian. */
    public static byte[] numbers(VR vr, List<String> texts) throws ValueFormatException {
        int size = vr.bytesPerValue();
        byte[] out = new byte[texts.size() * size];
        for (int k = 0; k < texts.size(); k++) {
            String text = texts.get(k);
            if (text == null) {
                throw new ValueFormatException(k, "an empty value cannot be stored in VR " + vr);
            }
            int off = k * size;
            switch (vr) {
                case US -> ByteUtils.put16(out, off, (int) integer(k, vr, text, 0, 0xFFFF), false);
                case SS -> ByteUtils.put16(out, off, (int) integer(k, vr, text, Short.MIN_VALUE, Short.MAX_VALUE), false);
                case UL -> ByteUtils.put32(out, off, (int) integer(k, vr, text, 0, 0xFFFFFFFFL), false);
                case SL -> ByteUtils.put32(out, off, (int) integer(k, vr, text, Integer.MIN_VALUE, Integer.MAX_VALUE), false);
                case SV -> ByteUtils.put64(out, off, integer(k, vr, text, Long.MIN_VALUE, Long.MAX_VALUE), false);
                case UV -> ByteUtils.put64(out, off, unsignedLong(k, text), false);
                case FL -> ByteUtils.put32(out, off, Float.floatToRawIntBits(float32(k, text)), false);
                case FD -> ByteUtils.put64(out, off, Double.doubleToRawLongBits(float64(k, text)), false);
                default -> throw new IllegalArgumentException("not a binary number VR: " + vr);
            }
        }
        return out;
    }

    /** AT values from eight-hex-digit texts ("00100010"; "(0010,0010)" is tolerated), little endian. */
    public static byte[] tags(List<String> texts) throws ValueFormatException {
        byte[] out = new byte[texts.size() * 4];
        for (int k = 0; k < texts.size(); k++) {
            String text = texts.get(k);
            if (text == null) {
                throw new ValueFormatException(k, "an empty value cannot be stored in VR AT");
            }
            ByteUtils.putTag(out, 4 * k, tag(k, text), false);
        }
        return out;
    }

    private static int tag(int k, String text) throws ValueFormatException {
        String hex = text.trim();
        if (hex.length() == 11 && hex.charAt(0) == '(' && hex.charAt(5) == ',' && hex.charAt(10) == ')') {
            hex = hex.substring(1, 5) + hex.substring(6, 10);
        }
        if (hex.length() != 8 || !isHex(hex)) {
            throw new ValueFormatException(k, "'" + abbreviate(text) + "' is not a tag (expected 8 hex digits such as 00100010)");
        }
        return (int) Long.parseLong(hex, 16);
    }

    /** True when every character is a hex digit. */
    public static boolean isHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'F' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** The stored form of InlineBinary bytes: {@link Fragments} for an OB/OW value that is an encapsulated value, else the bytes. */
    public static Object inline(VR vr, byte[] bytes) {
        if (vr == VR.OB || vr == VR.OW) {
            Fragments fragments = EncapsulatedValue.decode(bytes, vr);
            if (fragments != null) {
                return fragments;
            }
        }
        return bytes;
    }

    /** Decodes base64 (RFC 4648 alphabet, padding optional), ignoring whitespace such as line breaks. */
    public static byte[] base64(String text) throws ValueFormatException {
        String compact = text;
        for (int i = 0; i < text.length(); i++) {
            if (isWhitespace(text.charAt(i))) {
                compact = removeWhitespace(text);
                break;
            }
        }
        try {
            return Base64.getDecoder().decode(compact);
        } catch (IllegalArgumentException e) {
            throw new ValueFormatException(-1, "InlineBinary is not valid base64 (" + e.getMessage() + ")");
        }
    }

    private static String removeWhitespace(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isWhitespace(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t';
    }

    private static long integer(int k, VR vr, String text, long min, long max) throws ValueFormatException {
        BigInteger value = exactInteger(k, vr, text);
        if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new ValueFormatException(k, abbreviate(text) + " is out of range for " + vr + " (" + min + ".." + max + ")");
        }
        return value.longValue();
    }

    private static long unsignedLong(int k, String text) throws ValueFormatException {
        BigInteger value = exactInteger(k, VR.UV, text);
        if (value.signum() < 0 || value.compareTo(MAX_UV) > 0) {
            throw new ValueFormatException(k, abbreviate(text) + " is out of range for UV (0.." + MAX_UV + ")");
        }
        return value.longValue();
    }

    /** An integer written plainly, or as an integral decimal ("3.0", "3e2"); never materialises huge exponents. */
    private static BigInteger exactInteger(int k, VR vr, String text) throws ValueFormatException {
        String t = stripPlus(text.trim());
        try {
            return BigInteger.valueOf(Long.parseLong(t));
        } catch (NumberFormatException notPlain) {
            // Fall through to the decimal forms.
        }
        if (!NumberSyntax.isDecimal(t)) {
            throw new ValueFormatException(k, "'" + abbreviate(text) + "' is not a number (VR " + vr + ")");
        }
        try {
            BigDecimal decimal = new BigDecimal(t);
            if ((long) decimal.precision() - decimal.scale() > 40) {
                throw new ValueFormatException(k, abbreviate(text) + " is out of range for " + vr);
            }
            return decimal.toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw new ValueFormatException(k, abbreviate(text) + " is not an integer (VR " + vr + ")");
        } catch (NumberFormatException e) {
            throw new ValueFormatException(k, "'" + abbreviate(text) + "' is not a number (VR " + vr + ")");
        }
    }

    private static float float32(int k, String text) throws ValueFormatException {
        String t = text.trim();
        Float special = specialFloat(t);
        if (special != null) {
            return special;
        }
        if (!NumberSyntax.isDecimal(t)) {
            throw new ValueFormatException(k, "'" + abbreviate(text) + "' is not a number (VR FL)");
        }
        float f = Float.parseFloat(t);
        if (Float.isInfinite(f)) {
            throw new ValueFormatException(k, abbreviate(text) + " is out of range for FL");
        }
        return f;
    }

    private static double float64(int k, String text) throws ValueFormatException {
        String t = text.trim();
        Float special = specialFloat(t);
        if (special != null) {
            return special.doubleValue();
        }
        if (!NumberSyntax.isDecimal(t)) {
            throw new ValueFormatException(k, "'" + abbreviate(text) + "' is not a number (VR FD)");
        }
        double d = Double.parseDouble(t);
        if (Double.isInfinite(d)) {
            throw new ValueFormatException(k, abbreviate(text) + " is out of range for FD");
        }
        return d;
    }

    private static Float specialFloat(String t) {
        return switch (t) {
            case "NaN" -> Float.NaN;
            case "Infinity", "+Infinity" -> Float.POSITIVE_INFINITY;
            case "-Infinity" -> Float.NEGATIVE_INFINITY;
            default -> null;
        };
    }

    private static String stripPlus(String t) {
        return t.startsWith("+") ? t.substring(1) : t;
    }

    /** Keeps messages short when a hostile document puts megabytes into one value. */
    public static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
