package org.lumen.dicom.data;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Reading and writing DS (decimal string) and IS (integer string) values.
 *
 * <p>Readers forgive what producers commonly get wrong and report it through {@link ParsedValue#repairs()}: a comma
 * as decimal separator, more characters than the VR allows, tab or NUL padding, and for IS an integral decimal such as
 * {@code 1.0} or {@code 1E3}, or a value outside the 32-bit range. Things the standard allows are read silently: leading
 * and trailing spaces, a leading {@code +}, leading zeros, {@code 1.} and {@code .5}, and exponents. Anything else
 * throws a {@link DicomValueException} that quotes the value.
 *
 * <p>Writers produce strictly conforming values.
 */
public final class DecimalStrings {

    /** Maximum characters in a DS value (PS3.5 table 6.2-1). */
    public static final int MAX_DS_LENGTH = 16;
    /** Maximum characters in an IS value (PS3.5 table 6.2-1). */
    public static final int MAX_IS_LENGTH = 12;

    private static final int REDUCED_DIGITS = 20;

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");

    private DecimalStrings() {
    }

    // ---------------------------------------------------------------------------------------------------------- DS

    /** Reads a DS value; see {@link #readDS} for what is forgiven. */
    public static double parseDS(String text) {
        return readDS(text).value();
    }

    /** Reads a DS value, reporting what had to be repaired. */
    public static ParsedValue<Double> readDS(String text) {
        Objects.requireNonNull(text, "text");
        List<String> repairs = new ArrayList<>();
        String number = unpadded(VR.DS, text, repairs);
        if (number.indexOf(',') >= 0 && number.indexOf('.') < 0 && number.indexOf(',') == number.lastIndexOf(',')) {
            number = number.replace(',', '.');
            repairs.add("comma used as decimal separator");
        }
        if (!DECIMAL.matcher(number).matches()) {
            throw new DicomValueException(VR.DS, text, "not a decimal number");
        }
        double value = Double.parseDouble(number);
        if (Double.isInfinite(value)) {
            throw new DicomValueException(VR.DS, text, "too large for a double");
        }
        if (number.length() > MAX_DS_LENGTH) {
            repairs.add(number.length() + " characters, more than the " + MAX_DS_LENGTH + " DS allows");
        }
        return new ParsedValue<>(value, repairs);
    }

    /**
     * Writes a DS value: the fewest significant digits that read back as the same double, in plain or exponent form,
     * whichever is shorter (plain on a tie). When that does not fit in 16 characters, the leading zero of a fraction is
     * dropped, then significant digits are given up one at a time (rounding half-even) until it fits; such a value reads
     * back as the nearest double to a rounded value, not as the original. Negative zero is written as {@code 0}.
     *
     * @throws DicomValueException for NaN and infinities, which DS cannot hold
     */
    public static String formatDS(double value) {
        if (!Double.isFinite(value)) {
            throw new DicomValueException(VR.DS, Double.toString(value), "DS holds only finite numbers");
        }
        if (value == 0) {
            return "0";
        }
        BigDecimal shortest = shortestRoundTrip(value);
        String text = shortestText(shortest);
        if (text.length() <= MAX_DS_LENGTH) {
            return text;
        }
        BigDecimal exact = reduced(new BigDecimal(value));
        for (int digits = shortest.precision() - 1; digits >= 1; digits--) {
            text = shortestText(roundedWithinDoubleRange(exact, digits));
            if (text.length() <= MAX_DS_LENGTH) {
                return text;
            }
        }
        throw new AssertionError("one significant digit always fits in 16 characters: " + value);
    }

    /** True when {@code text} is a strictly conforming DS value (grammar and length, trailing padding ignored). */
    public static boolean looksLikeDS(String text) {
        return lengthWithoutPadding(text) <= MAX_DS_LENGTH && DECIMAL.matcher(strictlyUnpadded(text)).matches();
    }

    /** True when the text, less leading and trailing spaces, follows the DS grammar; its length is not checked. */
    static boolean hasDecimalGrammar(String text) {
        return DECIMAL.matcher(strictlyUnpadded(text)).matches();
    }

    // ---------------------------------------------------------------------------------------------------------- IS

    /** Reads an IS value; see {@link #readIS} for what is forgiven. */
    public static long parseIS(String text) {
        return readIS(text).value();
    }

    /**
     * Reads an IS value, reporting what had to be repaired. Integral decimals ({@code 1.0}, {@code 1E3}) are accepted as
     * a repair; a fraction ({@code 1.5}) or a comma is refused, since a comma in an integer is as likely a thousands
     * separator as a decimal one.
     */
    public static ParsedValue<Long> readIS(String text) {
        Objects.requireNonNull(text, "text");
        List<String> repairs = new ArrayList<>();
        String number = unpadded(VR.IS, text, repairs);
        long value;
        if (INTEGER.matcher(number).matches()) {
            try {
                value = Long.parseLong(number);
            } catch (NumberFormatException e) {
                throw new DicomValueException(VR.IS, text, "too large for a 64-bit integer");
            }
        } else if (DECIMAL.matcher(number).matches()) {
            value = integralDecimal(text, number);
            repairs.add("decimal notation for an integer");
        } else {
            throw new DicomValueException(VR.IS, text, "not an integer");
        }
        if (number.length() > MAX_IS_LENGTH) {
            repairs.add(number.length() + " characters, more than the " + MAX_IS_LENGTH + " IS allows");
        }
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            repairs.add("outside the IS range -2^31..2^31-1");
        }
        return new ParsedValue<>(value, repairs);
    }

    /** Writes an IS value. */
    public static String formatIS(long value) {
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new DicomValueException(VR.IS, Long.toString(value), "IS holds only -2^31..2^31-1");
        }
        return Long.toString(value);
    }

    /** True when {@code text} is a strictly conforming IS value (grammar, length, range; trailing padding ignored). */
    public static boolean looksLikeIS(String text) {
        String number = strictlyUnpadded(text);
        if (lengthWithoutPadding(text) > MAX_IS_LENGTH || !INTEGER.matcher(number).matches()) {
            return false;
        }
        long parsed = Long.parseLong(number);
        return parsed >= Integer.MIN_VALUE && parsed <= Integer.MAX_VALUE;
    }

    /** True when the text, less leading and trailing spaces, follows the IS grammar; length and range not checked. */
    static boolean hasIntegerGrammar(String text) {
        return INTEGER.matcher(strictlyUnpadded(text)).matches();
    }

    // ------------------------------------------------------------------------------------------------------ helpers

    private static long integralDecimal(String text, String number) {
        try {
            BigDecimal decimal = new BigDecimal(number).stripTrailingZeros();
            if (decimal.scale() > 0) {
                throw new DicomValueException(VR.IS, text, "has a fractional part");
            }
            return decimal.longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new DicomValueException(VR.IS, text, "too large for a 64-bit integer");
        }
    }

    /**
     * The number with its padding removed. Spaces are the padding DS and IS allow; other characters below U+0021 (tab,
     * NUL, line ends) are removed too but reported as a repair.
     */
    private static String unpadded(VR vr, String text, List<String> repairs) {
        String number = text.trim();
        if (number.isEmpty()) {
            throw new DicomValueException(vr, text, "empty");
        }
        if (text.chars().anyMatch(c -> c < ' ')) {
            repairs.add("padded with control characters");
        }
        return number;
    }

    /** The number inside a strictly padded value: leading spaces allowed, trailing spaces taken as padding. */
    private static String strictlyUnpadded(String text) {
        int start = 0;
        int end = Objects.requireNonNull(text, "text").length();
        while (end > 0 && text.charAt(end - 1) == ' ') {
            end--;
        }
        while (start < end && text.charAt(start) == ' ') {
            start++;
        }
        return text.substring(start, end);
    }

    /** The value less its trailing spaces: what counts towards the maximum length. */
    private static int lengthWithoutPadding(String text) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == ' ') {
            end--;
        }
        return end;
    }

    /**
     * The exact binary value cut to {@value #REDUCED_DIGITS} significant digits plus one non-zero digit standing for
     * what was cut off. Rounding it to 16 digits or fewer, half-even or towards zero, gives what rounding the exact
     * value would: it lies on the same side of every such rounding boundary and is never a midpoint itself. The exact
     * value of an extreme double has hundreds of digits, and rounding that repeatedly is slow.
     */
    private static BigDecimal reduced(BigDecimal exact) {
        if (exact.precision() <= REDUCED_DIGITS) {
            return exact;
        }
        BigDecimal truncated = exact.round(new MathContext(REDUCED_DIGITS, RoundingMode.DOWN));
        if (truncated.compareTo(exact) == 0) {
            return truncated;
        }
        BigDecimal cutOff = BigDecimal.ONE.scaleByPowerOfTen(-(truncated.scale() + 1));
        return exact.signum() < 0 ? truncated.subtract(cutOff) : truncated.add(cutOff);
    }

    /**
     * {@code exact} rounded half-even to {@code digits} significant digits, or towards zero where rounding up would
     * pass the largest double (as 1.7976931348623157E308 does) and read back as infinity.
     */
    private static BigDecimal roundedWithinDoubleRange(BigDecimal exact, int digits) {
        BigDecimal rounded = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
        if (Double.isInfinite(rounded.doubleValue())) {
            rounded = exact.round(new MathContext(digits, RoundingMode.DOWN));
        }
        return rounded;
    }

    /**
     * The decimal with the fewest significant digits that reads back as {@code value}. The JDK's own text always reads
     * back but is not always the shortest (before Java 19), so its digits are the starting point of a binary search over
     * the digit count; a count works when rounding the text down, up or to nearest at that count reads back, and any
     * count above a working one works too, because the nearer of its neighbours is at least as near.
     */
    private static BigDecimal shortestRoundTrip(double value) {
        BigDecimal known = new BigDecimal(Double.toString(value));
        int fewest = 1;
        int most = known.precision();
        BigDecimal best = known;
        while (fewest < most) {
            int middle = (fewest + most) >>> 1;
            BigDecimal candidate = roundTripAt(known, value, middle);
            if (candidate != null) {
                best = candidate;
                most = middle;
            } else {
                fewest = middle + 1;
            }
        }
        return best;
    }

    /** The nearest decimal of {@code digits} significant digits that reads back as {@code value}, or null. */
    private static BigDecimal roundTripAt(BigDecimal known, double value, int digits) {
        BigDecimal nearest = known.round(new MathContext(digits, RoundingMode.HALF_EVEN));
        if (readsBackAs(nearest, value)) {
            return nearest;
        }
        // The decimal nearest the JDK's text need not be the one nearest the value, and near a power of two the interval
        // that reads back is lopsided: either way a neighbour on the other side may read back where the nearest does not.
        for (RoundingMode mode : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
            BigDecimal neighbour = known.round(new MathContext(digits, mode));
            if (neighbour.compareTo(nearest) != 0 && readsBackAs(neighbour, value)) {
                return neighbour;
            }
        }
        return null;
    }

    private static boolean readsBackAs(BigDecimal decimal, double value) {
        return Double.parseDouble(decimal.toString()) == value;
    }

    /** The shorter of the plain and exponent forms of {@code number}; without a leading zero if that is needed to fit. */
    private static String shortestText(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        String digits = stripped.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - stripped.scale();
        String sign = stripped.signum() < 0 ? "-" : "";
        String plain = sign + plain(digits, exponent);
        String scientific = sign + digits.charAt(0) + (digits.length() > 1 ? "." + digits.substring(1) : "") + "E"
                + exponent;
        String best = scientific.length() < plain.length() ? scientific : plain;
        if (best.length() > MAX_DS_LENGTH && exponent < 0) {
            String withoutLeadingZero = sign + plain(digits, exponent).substring(1);
            if (withoutLeadingZero.length() < best.length()) {
                best = withoutLeadingZero;
            }
        }
        return best;
    }

    /** Digits placed around a decimal point so that the first digit has the power of ten {@code exponent}. */
    private static String plain(String digits, int exponent) {
        int count = digits.length();
        if (exponent >= count - 1) {
            return digits + "0".repeat(exponent - count + 1);
        }
        if (exponent >= 0) {
            return digits.substring(0, exponent + 1) + "." + digits.substring(exponent + 1);
        }
        return "0." + "0".repeat(-exponent - 1) + digits;
    }
}
