package org.lumen.dicom.model;

/** Hand-written number syntax checks (no regular expressions, so that long hostile strings cost linear time). */
public final class NumberSyntax {
    private NumberSyntax() {
    }

    /** True for RFC 8259 number syntax: {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}. */
    public static boolean isJsonNumber(String s) {
        int n = s.length();
        int i = 0;
        if (i < n && s.charAt(i) == '-') {
            i++;
        }
        if (i >= n) {
            return false;
        }
        if (s.charAt(i) == '0') {
            i++;
        } else if (isDigit(s.charAt(i))) {
            i = skipDigits(s, i);
        } else {
            return false;
        }
        if (i < n && s.charAt(i) == '.') {
            int start = ++i;
            i = skipDigits(s, i);
            if (i == start) {
                return false;
            }
        }
        return exponentEnds(s, i);
    }

    /**
     * True for a decimal as DICOM producers write it: optional sign, digits with an optional point (at least one digit),
     * optional exponent. Accepts what DS allows ("+.5", "1.", "-0012E+3") and everything {@link #isJsonNumber} accepts.
     */
    public static boolean isDecimal(String s) {
        int n = s.length();
        int i = 0;
        if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            i++;
        }
        int start = i;
        i = skipDigits(s, i);
        int digits = i - start;
        if (i < n && s.charAt(i) == '.') {
            int fractionStart = ++i;
            i = skipDigits(s, i);
            digits += i - fractionStart;
        }
        return digits > 0 && exponentEnds(s, i);
    }

    private static boolean exponentEnds(String s, int i) {
        int n = s.length();
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int start = i;
            i = skipDigits(s, i);
            if (i == start) {
                return false;
            }
        }
        return i == n;
    }

    private static int skipDigits(String s, int i) {
        while (i < s.length() && isDigit(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
