package org.lumen.dicom.data;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Strict checks of stored character-string values against PS3.5 table 6.2-1: the character repertoire, the maximum
 * length and the grammar of each VR. Unlike the tolerant readers of this package it forgives nothing; it reports, so that
 * validation can list every problem at once.
 *
 * <p>Lengths are counted in characters without the trailing padding (spaces; NULs for UI) that makes a value even.
 * Query forms (ranges, wildcards) are not stored values and are reported as problems. Problems never quote the value,
 * which may identify a patient; they name the offending character by its code point instead.
 */
public final class ValueValidator {

    private static final int UNLIMITED = Integer.MAX_VALUE;
    private static final Pattern AGE = Pattern.compile("\\d{3}[DWMY]");
    private static final Pattern DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern TIME = Pattern.compile("(\\d{2})(?:(\\d{2})(?:(\\d{2})(?:\\.\\d{1,6})?)?)?");
    private static final Pattern DATE_TIME = Pattern.compile(
            "\\d{4}(?:\\d{2}(?:\\d{2}(?:\\d{2}(?:\\d{2}(?:\\d{2}(?:\\.\\d{1,6})?)?)?)?)?)?(?:([+-])(\\d{2})(\\d{2}))?");
    private static final Pattern UID = Pattern.compile("(?:0|[1-9]\\d*)(?:\\.(?:0|[1-9]\\d*))*");
    private static final int MAX_PN_GROUP_LENGTH = 64;
    private static final int MIN_OFFSET_MINUTES = -12 * 60;
    private static final int MAX_OFFSET_MINUTES = 14 * 60;

    private ValueValidator() {
    }

    /**
     * The problems of an element's value, empty when it conforms. Values of multi-valued VRs are split on backslashes and
     * each problem names the value's position; LT, ST, UT and UR are one value each. A null or empty value conforms.
     *
     * @throws IllegalArgumentException for VRs that do not hold character strings
     */
    public static List<String> problems(VR vr, String value) {
        Objects.requireNonNull(vr, "vr");
        if (!vr.isString()) {
            throw new IllegalArgumentException(vr + " values are not character strings");
        }
        if (value == null || value.isEmpty()) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        if (vr.kind() == VR.Kind.TEXT) {
            check(vr, value, "", problems);
        } else {
            String[] values = value.split("\\\\", -1);
            for (int i = 0; i < values.length; i++) {
                check(vr, values[i], values.length > 1 ? "value " + (i + 1) + ": " : "", problems);
            }
        }
        return List.copyOf(problems);
    }

    private static void check(VR vr, String raw, String where, List<String> problems) {
        Checker checker = new Checker(vr, where, problems);
        String value = vr == VR.UI ? trimTrailing(raw, '\0') : trimTrailing(raw, ' ');
        if (value.isEmpty()) {
            if (vr == VR.AE && !raw.isEmpty()) {
                checker.report("an AE title of only spaces is not allowed");
            }
            return;
        }
        switch (vr) {
            case AE:
                checker.maxLength(value, 16);
                checker.repertoire(value, "the default repertoire without control characters", c -> c >= 0x20 && c < 0x7F);
                break;
            case AS:
                checker.grammar(AGE.matcher(value).matches(), "nnnD, nnnW, nnnM or nnnY");
                break;
            case CS:
                checker.maxLength(value, 16);
                checker.repertoire(value, "upper case letters, digits, space and underscore",
                        c -> c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == ' ' || c == '_');
                break;
            case DA:
                checkDate(checker, value);
                break;
            case DS:
                checker.maxLength(value, DecimalStrings.MAX_DS_LENGTH);
                checker.grammar(DecimalStrings.hasDecimalGrammar(value), "a fixed or floating point decimal number");
                break;
            case DT:
                checker.maxLength(value, 26);
                checkDateTime(checker, value);
                break;
            case IS:
                checkInteger(checker, value);
                break;
            case LO:
                checker.maxLength(value, 64);
                checker.repertoire(value, "characters other than controls", ValueValidator::isGraphicOrEscape);
                break;
            case LT:
                checker.maxLength(value, 10240);
                checker.repertoire(value, "text with CR, LF, FF and ESC as the only controls", ValueValidator::isText);
                break;
            case PN:
                checkPersonName(checker, value);
                break;
            case SH:
                checker.maxLength(value, 16);
                checker.repertoire(value, "characters other than controls", ValueValidator::isGraphicOrEscape);
                break;
            case ST:
                checker.maxLength(value, 1024);
                checker.repertoire(value, "text with CR, LF, FF and ESC as the only controls", ValueValidator::isText);
                break;
            case TM:
                checker.maxLength(value, 14);
                checkTime(checker, value);
                break;
            case UC:
                checker.repertoire(value, "characters other than controls", ValueValidator::isGraphicOrEscape);
                break;
            case UI:
                checker.maxLength(value, 64);
                checker.grammar(UID.matcher(value).matches(),
                        "digits in dot-separated components without leading zeros");
                break;
            case UR:
                if (value.charAt(0) == ' ') {
                    checker.report("a URI has no leading spaces");
                }
                checker.repertoire(value.strip(), "URI characters (RFC 3986)", c -> c > 0x20 && c < 0x7F && c != '\\');
                break;
            case UT:
                checker.repertoire(value, "text with CR, LF, FF and ESC as the only controls", ValueValidator::isText);
                break;
            default:
                throw new IllegalArgumentException(vr + " values are not character strings");
        }
    }

    private static void checkDate(Checker checker, String value) {
        Matcher m = DATE.matcher(value);
        if (!checker.grammar(m.matches(), "YYYYMMDD")) {
            return;
        }
        try {
            LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            checker.report("no such date");
        }
    }

    private static void checkTime(Checker checker, String value) {
        Matcher m = TIME.matcher(value);
        if (!checker.grammar(m.matches(), "HH[MM[SS[.F{1-6}]]]")) {
            return;
        }
        if (!inRange(m.group(1), 23) || !inRange(m.group(2), 59) || !inRange(m.group(3), 60)) {
            checker.report("hour, minute or second out of range");
        }
    }

    private static void checkDateTime(Checker checker, String value) {
        Matcher m = DATE_TIME.matcher(value);
        if (!checker.grammar(m.matches(), "YYYY[MM[DD[HH[MM[SS[.F{1-6}]]]]]][+/-ZZXX]")) {
            return;
        }
        try {
            DicomDates.parseDateTime(value);
        } catch (DicomValueException e) {
            checker.report(e.reason());
            return;
        }
        if (m.group(1) != null) {
            int minutes = Integer.parseInt(m.group(2)) * 60 + Integer.parseInt(m.group(3));
            int signed = "-".equals(m.group(1)) ? -minutes : minutes;
            if (signed < MIN_OFFSET_MINUTES || signed > MAX_OFFSET_MINUTES) {
                checker.report("UTC offset outside -1200..+1400");
            }
        }
    }

    private static void checkInteger(Checker checker, String value) {
        checker.maxLength(value, DecimalStrings.MAX_IS_LENGTH);
        if (checker.grammar(DecimalStrings.hasIntegerGrammar(value), "an optionally signed integer")
                && value.length() <= DecimalStrings.MAX_IS_LENGTH && !DecimalStrings.looksLikeIS(value)) {
            checker.report("integer outside -2^31..2^31-1");
        }
    }

    private static void checkPersonName(Checker checker, String value) {
        String[] groups = value.split("=", -1);
        if (groups.length > 3) {
            checker.report(groups.length + " component groups (at most 3)");
        }
        for (int g = 0; g < groups.length; g++) {
            int components = groups[g].split("\\^", -1).length;
            if (components > 5) {
                checker.report("group " + (g + 1) + " has " + components + " components (at most 5)");
            }
            int length = groups[g].codePointCount(0, groups[g].length());
            if (length > MAX_PN_GROUP_LENGTH) {
                checker.report("group " + (g + 1) + " is " + length + " characters long (at most 64)");
            }
        }
        checker.repertoire(value, "characters other than controls", ValueValidator::isGraphicOrEscape);
    }

    private static boolean inRange(String digits, int max) {
        return digits == null || Integer.parseInt(digits) <= max;
    }

    private static boolean isGraphicOrEscape(int c) {
        return c == 0x1B || !Character.isISOControl(c);
    }

    private static boolean isText(int c) {
        return c == '\r' || c == '\n' || c == '\f' || isGraphicOrEscape(c);
    }

    private static String trimTrailing(String value, char padding) {
        int end = value.length();
        while (end > 0 && value.charAt(end - 1) == padding) {
            end--;
        }
        return value.substring(0, end);
    }

    /** Collects the problems of one value, each prefixed with the value's position and the VR. */
    private static final class Checker {
        private final VR vr;
        private final String where;
        private final List<String> problems;

        Checker(VR vr, String where, List<String> problems) {
            this.vr = vr;
            this.where = where;
            this.problems = problems;
        }

        void report(String problem) {
            problems.add(where + vr + " " + problem);
        }

        void maxLength(String value, int max) {
            int length = value.codePointCount(0, value.length());
            if (length > max) {
                report("value is " + length + " characters long (at most " + max + ")");
            }
        }

        boolean grammar(boolean matches, String expected) {
            if (!matches) {
                report("value does not have the form " + expected);
            }
            return matches;
        }

        void repertoire(String value, String allowed, IntPredicate isAllowed) {
            value.codePoints().filter(isAllowed.negate()).findFirst().ifPresent(c -> report(
                    String.format(Locale.ROOT, "value contains U+%04X; allowed are %s", c, allowed)));
        }
    }
}
