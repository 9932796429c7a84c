package org.lumen.dicom.data;

import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An AS value such as {@code 045Y}: a count from 0 to 999 of days, weeks, months or years. Reading forgives missing
 * leading zeros, a lower-case unit, a space before the unit and surrounding padding; writing is always {@code nnnU}.
 */
public record AgeString(int value, ChronoUnit unit) {

    private static final Map<Character, ChronoUnit> UNITS = Map.of('D', ChronoUnit.DAYS, 'W', ChronoUnit.WEEKS,
            'M', ChronoUnit.MONTHS, 'Y', ChronoUnit.YEARS);
    private static final Pattern AGE = Pattern.compile("(\\d{1,3}) ?([DWMYdwmy])");
    private static final int MAX_VALUE = 999;

    public AgeString {
        Objects.requireNonNull(unit, "unit");
        if (!UNITS.containsValue(unit)) {
            throw new IllegalArgumentException("an age is counted in DAYS, WEEKS, MONTHS or YEARS, not " + unit);
        }
        if (value < 0 || value > MAX_VALUE) {
            throw new IllegalArgumentException("an age holds 0 to 999, not " + value);
        }
    }

    /** Reads an AS value. */
    public static AgeString parse(String text) {
        Objects.requireNonNull(text, "text");
        Matcher m = AGE.matcher(StringValues.trimPadding(text));
        if (!m.matches()) {
            throw new DicomValueException(VR.AS, text, "expected nnnD, nnnW, nnnM or nnnY");
        }
        char letter = m.group(2).toUpperCase(Locale.ROOT).charAt(0);
        return new AgeString(Integer.parseInt(m.group(1)), UNITS.get(letter));
    }

    /** The age as a period: weeks become seven days each. */
    public Period toPeriod() {
        return switch (unit) {
            case DAYS -> Period.ofDays(value);
            case WEEKS -> Period.ofWeeks(value);
            case MONTHS -> Period.ofMonths(value);
            default -> Period.ofYears(value);
        };
    }

    /** The DICOM form, three digits and the unit letter. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%03d%c", value, unit.name().charAt(0));
    }
}
