package org.lumen.dicom.data;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading and writing the date and time VRs of PS3.5 section 6.2: DA ({@code YYYYMMDD}), TM ({@code HHMMSS.FFFFFF},
 * truncated from the right) and DT (a date, a time and an optional UTC offset), plus the range forms of PS3.4 C.2.2.2.5
 * used in queries.
 *
 * <p>Readers are tolerant of what real producers write: surrounding spaces or NULs, the ACR-NEMA forms {@code
 * YYYY.MM.DD} and {@code HH:MM:SS}, a trailing decimal point, and up to nine fraction digits. Anything else throws a
 * {@link DicomValueException} naming the value and the VR. Writers always produce the strict DICOM form.
 *
 * <p>A fraction of a second is read as written and is not a precision claim: {@code .5} means {@code .500000}. Producers
 * drop trailing zero digits (and {@link #formatTime} does too), so treating {@code .5} as "anything from .5 to .599999"
 * would make a value fail to match itself once re-written.
 */
public final class DicomDates {

    /** The precisions a DT value can have, coarsest first. */
    static final List<ChronoUnit> DATE_TIME_PRECISIONS = List.of(ChronoUnit.YEARS, ChronoUnit.MONTHS, ChronoUnit.DAYS,
            ChronoUnit.HOURS, ChronoUnit.MINUTES, ChronoUnit.SECONDS, ChronoUnit.MICROS);

    private static final Pattern DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern ACR_NEMA_DATE = Pattern.compile("(\\d{4})\\.(\\d{2})\\.(\\d{2})");
    private static final Pattern TIME = Pattern.compile("(\\d{2})(?:(\\d{2})(?:(\\d{2})(?:\\.(\\d{0,9}))?)?)?");
    private static final Pattern ACR_NEMA_TIME = Pattern.compile("(\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{0,9}))?)?");
    private static final Pattern DATE_TIME = Pattern.compile(
            "(\\d{4})(?:(\\d{2})(?:(\\d{2})(?:(\\d{2})(?:(\\d{2})(?:(\\d{2})(?:\\.(\\d{0,9}))?)?)?)?)?)?([+-]\\d{4})?");
    private static final Pattern OFFSET = Pattern.compile("([+-])(\\d{2})(\\d{2})");

    private static final int LEAP_SECOND = 60;
    private static final int NANOS_PER_MICRO = 1000;
    private static final int MAX_YEAR = 9999;

    private DicomDates() {
    }

    // ---------------------------------------------------------------------------------------------------------- DA

    /** Reads a DA value: {@code YYYYMMDD}, or the ACR-NEMA form {@code YYYY.MM.DD}, surrounding spaces ignored. */
    public static LocalDate parseDate(String text) {
        Objects.requireNonNull(text, "text");
        String value = StringValues.trimPadding(text);
        Matcher m = DATE.matcher(value);
        if (!m.matches()) {
            m = ACR_NEMA_DATE.matcher(value);
            if (!m.matches()) {
                throw new DicomValueException(VR.DA, text, "expected YYYYMMDD");
            }
        }
        try {
            return LocalDate.of(number(m, 1), number(m, 2), number(m, 3));
        } catch (DateTimeException e) {
            throw new DicomValueException(VR.DA, text, "no such date (" + e.getMessage() + ")");
        }
    }

    /** Writes a DA value, {@code YYYYMMDD}; years outside 0000–9999 cannot be written. */
    public static String formatDate(LocalDate date) {
        Objects.requireNonNull(date, "date");
        StringBuilder text = new StringBuilder(8);
        appendYear(text, date.getYear(), VR.DA, date.toString());
        appendTwoDigits(text, date.getMonthValue());
        appendTwoDigits(text, date.getDayOfMonth());
        return text.toString();
    }

    /** Reads a DA range query ({@code A-B}, {@code A-}, {@code -B} or a single date, which matches itself). */
    public static Range<LocalDate> parseDateRange(String text) {
        String[] bounds = splitRange(VR.DA, text);
        if (bounds == null) {
            return Range.of(parseDate(text));
        }
        LocalDate lower = bounds[0].isEmpty() ? null : parseDate(bounds[0]);
        LocalDate upper = bounds[1].isEmpty() ? null : parseDate(bounds[1]);
        return new Range<>(lower, upper);
    }

    // ---------------------------------------------------------------------------------------------------------- TM

    /**
     * Reads a TM value: {@code HH}, {@code HHMM}, {@code HHMMSS} or {@code HHMMSS.F} with up to six (tolerated: nine)
     * fraction digits, or the ACR-NEMA form {@code HH:MM[:SS[.F]]}. Missing components read as zero; {@link
     * #timePrecision} says which were present. A leap second (SS = 60, allowed by PS3.5) reads as 59.999999 because
     * {@link LocalTime} has no sixtieth second.
     */
    public static LocalTime parseTime(String text) {
        return readTime(text).time();
    }

    /**
     * The finest component present in a TM value: {@link ChronoUnit#HOURS}, {@link ChronoUnit#MINUTES}, {@link
     * ChronoUnit#SECONDS}, or {@link ChronoUnit#MICROS} when it has fraction digits.
     */
    public static ChronoUnit timePrecision(String text) {
        return readTime(text).precision();
    }

    /**
     * Writes a TM value as {@code HHMMSS}, followed by the fraction of a second to the microsecond with trailing zero
     * digits dropped ({@code 10:10:10.5} is {@code 101010.5}); nanoseconds below a microsecond are truncated.
     */
    public static String formatTime(LocalTime time) {
        Objects.requireNonNull(time, "time");
        StringBuilder text = new StringBuilder(13);
        appendTime(text, time, false);
        return text.toString();
    }

    /**
     * Reads a TM range query. Each bound covers its whole precision: {@code 10} is 10:00:00–10:59:59.999999, so
     * {@code 10-11} runs to 11:59:59.999999.
     */
    public static Range<LocalTime> parseTimeRange(String text) {
        String[] bounds = splitRange(VR.TM, text);
        if (bounds == null) {
            ParsedTime single = readTime(text);
            return new Range<>(single.time(), single.latest());
        }
        LocalTime lower = bounds[0].isEmpty() ? null : readTime(bounds[0]).time();
        LocalTime upper = bounds[1].isEmpty() ? null : readTime(bounds[1]).latest();
        return new Range<>(lower, upper);
    }

    // ---------------------------------------------------------------------------------------------------------- DT

    /**
     * Reads a DT value, {@code YYYY[MM[DD[HH[MM[SS[.F{1-6}]]]]]][&ZZXX]}, surrounding spaces ignored. Missing components
     * read as their minimum (month 1, day 1, midnight) and the result records the precision given.
     */
    public static DateTimeValue parseDateTime(String text) {
        Objects.requireNonNull(text, "text");
        Matcher m = DATE_TIME.matcher(StringValues.trimPadding(text));
        if (!m.matches()) {
            throw new DicomValueException(VR.DT, text, "expected YYYY[MM[DD[HH[MM[SS[.FFFFFF]]]]]][+/-ZZXX]");
        }
        ChronoUnit precision = ChronoUnit.YEARS;
        for (int group = 2; group <= 6 && m.group(group) != null; group++) {
            precision = DATE_TIME_PRECISIONS.get(group - 1);
        }
        String fraction = m.group(7);
        if (fraction != null && !fraction.isEmpty()) {
            precision = ChronoUnit.MICROS;
        }
        try {
            LocalDate date = LocalDate.of(number(m, 1), numberOr(m, 2, 1), numberOr(m, 3, 1));
            LocalTime time = time(VR.DT, text, numberOr(m, 4, 0), numberOr(m, 5, 0), numberOr(m, 6, 0), fraction);
            ZoneOffset offset = m.group(8) == null ? null : offset(VR.DT, text, m.group(8));
            return new DateTimeValue(LocalDateTime.of(date, time), precision, offset);
        } catch (DateTimeException e) {
            throw new DicomValueException(VR.DT, text, "no such date (" + e.getMessage() + ")");
        }
    }

    /** Writes a DT value to the microsecond, with the fraction only when it is not zero, and no offset. */
    public static String formatDateTime(LocalDateTime dateTime) {
        Objects.requireNonNull(dateTime, "dateTime");
        StringBuilder text = new StringBuilder(26);
        appendYear(text, dateTime.getYear(), VR.DT, dateTime.toString());
        appendTwoDigits(text, dateTime.getMonthValue());
        appendTwoDigits(text, dateTime.getDayOfMonth());
        appendTime(text, dateTime.toLocalTime(), false);
        return text.toString();
    }

    /** Writes a DT value to the microsecond followed by its UTC offset, e.g. {@code 20200101120000+0100}. */
    public static String formatDateTime(OffsetDateTime dateTime) {
        Objects.requireNonNull(dateTime, "dateTime");
        return formatDateTime(dateTime.toLocalDateTime()) + formatOffset(dateTime.getOffset());
    }

    /**
     * Writes a DT value to exactly its precision, with its offset when it has one, so that {@code
     * parseDateTime(formatDateTime(v))} equals {@code v}. A value of microsecond precision always carries at least one
     * fraction digit to keep that precision.
     */
    public static String formatDateTime(DateTimeValue dateTime) {
        Objects.requireNonNull(dateTime, "dateTime");
        LocalDateTime value = dateTime.value();
        int depth = DATE_TIME_PRECISIONS.indexOf(dateTime.precision());
        StringBuilder text = new StringBuilder(26);
        appendYear(text, value.getYear(), VR.DT, value.toString());
        int[] fields = {value.getMonthValue(), value.getDayOfMonth(), value.getHour(), value.getMinute(),
                value.getSecond()};
        for (int i = 0; i < fields.length && i < depth; i++) {
            appendTwoDigits(text, fields[i]);
        }
        if (dateTime.precision() == ChronoUnit.MICROS) {
            appendFraction(text, value.getNano(), true);
        }
        if (dateTime.offset() != null) {
            text.append(formatOffset(dateTime.offset()));
        }
        return text.toString();
    }

    /**
     * Reads a DT range query. Each bound covers its whole precision ({@code 2020} is the whole year); bounds without an
     * offset are read at {@code defaultOffset}: the query's Timezone Offset From UTC (0008,0201) when it has one, else
     * the matching side's local offset. Bounds are instants so that values written with different offsets compare
     * correctly.
     *
     * <p>A hyphen also starts a negative offset, so {@code 2020-1000} is ambiguous. It is read as a single value (the
     * year 2020 at UTC-10:00) when that reading is valid, else the first hyphen that splits the text into two valid
     * bounds separates them.
     */
    public static Range<Instant> parseDateTimeRange(String text, ZoneOffset defaultOffset) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(defaultOffset, "defaultOffset");
        String trimmed = StringValues.trimPadding(text);
        DateTimeValue single = tryParseDateTime(trimmed);
        if (single != null) {
            return single.span(defaultOffset);
        }
        for (int hyphen = trimmed.indexOf('-'); hyphen >= 0; hyphen = trimmed.indexOf('-', hyphen + 1)) {
            String lowerText = StringValues.trimPadding(trimmed.substring(0, hyphen));
            String upperText = StringValues.trimPadding(trimmed.substring(hyphen + 1));
            DateTimeValue lower = lowerText.isEmpty() ? null : tryParseDateTime(lowerText);
            DateTimeValue upper = upperText.isEmpty() ? null : tryParseDateTime(upperText);
            boolean lowerValid = lowerText.isEmpty() || lower != null;
            boolean upperValid = upperText.isEmpty() || upper != null;
            if (lowerValid && upperValid && (lower != null || upper != null)) {
                return new Range<>(lower == null ? null : lower.toOffsetDateTime(defaultOffset).toInstant(),
                        upper == null ? null : upper.latestOffsetDateTime(defaultOffset).toInstant());
            }
        }
        throw new DicomValueException(VR.DT, text, "neither a DT value nor a range of two DT values");
    }

    // ------------------------------------------------------------------------------------------------------ offset

    /**
     * Reads a UTC offset {@code +HHMM} or {@code -HHMM}, the form of Timezone Offset From UTC (0008,0201) and of the
     * DT suffix; surrounding spaces ignored.
     */
    public static ZoneOffset parseOffset(String text) {
        Objects.requireNonNull(text, "text");
        return offset(VR.SH, text, StringValues.trimPadding(text));
    }

    /** Writes a UTC offset as {@code +HHMM} or {@code -HHMM}; offsets with seconds cannot be written. */
    public static String formatOffset(ZoneOffset offset) {
        Objects.requireNonNull(offset, "offset");
        int totalSeconds = offset.getTotalSeconds();
        if (totalSeconds % 60 != 0) {
            throw new DicomValueException(VR.SH, offset.getId(), "a DICOM offset has no seconds");
        }
        int minutes = Math.abs(totalSeconds) / 60;
        StringBuilder text = new StringBuilder(5).append(totalSeconds < 0 ? '-' : '+');
        appendTwoDigits(text, minutes / 60);
        appendTwoDigits(text, minutes % 60);
        return text.toString();
    }

    // ------------------------------------------------------------------------------------------------------ helpers

    private record ParsedTime(LocalTime time, ChronoUnit precision) {
        /** The last microsecond the value covers: {@code 10} covers up to 10:59:59.999999. */
        LocalTime latest() {
            return precision == ChronoUnit.MICROS ? time : time.plus(1, precision).minus(1, ChronoUnit.MICROS);
        }
    }

    private static ParsedTime readTime(String text) {
        Objects.requireNonNull(text, "text");
        String value = StringValues.trimPadding(text);
        Matcher m = TIME.matcher(value);
        if (!m.matches()) {
            m = ACR_NEMA_TIME.matcher(value);
            if (!m.matches()) {
                throw new DicomValueException(VR.TM, text, "expected HH[MM[SS[.FFFFFF]]]");
            }
        }
        ChronoUnit precision = ChronoUnit.HOURS;
        if (m.group(2) != null) {
            precision = ChronoUnit.MINUTES;
        }
        if (m.group(3) != null) {
            precision = ChronoUnit.SECONDS;
        }
        String fraction = m.group(4);
        if (fraction != null && !fraction.isEmpty()) {
            precision = ChronoUnit.MICROS;
        }
        LocalTime time = time(VR.TM, text, number(m, 1), numberOr(m, 2, 0), numberOr(m, 3, 0), fraction);
        return new ParsedTime(time, precision);
    }

    private static LocalTime time(VR vr, String text, int hour, int minute, int second, String fraction) {
        if (hour > 23 || minute > 59 || second > LEAP_SECOND) {
            throw new DicomValueException(vr, text, "hour, minute or second out of range");
        }
        if (second == LEAP_SECOND) {
            return LocalTime.of(hour, minute, LEAP_SECOND - 1, 999_999 * NANOS_PER_MICRO);
        }
        int nanos = 0;
        if (fraction != null && !fraction.isEmpty()) {
            nanos = Integer.parseInt((fraction + "00000000").substring(0, 9));
        }
        return LocalTime.of(hour, minute, second, nanos);
    }

    private static ZoneOffset offset(VR vr, String text, String offsetText) {
        Matcher m = OFFSET.matcher(offsetText);
        if (!m.matches()) {
            throw new DicomValueException(vr, text, "expected a UTC offset +HHMM or -HHMM");
        }
        int sign = "-".equals(m.group(1)) ? -1 : 1;
        int minutes = number(m, 3);
        if (minutes > 59) {
            throw new DicomValueException(vr, text, "offset minutes out of range");
        }
        try {
            return ZoneOffset.ofHoursMinutes(sign * number(m, 2), sign * minutes);
        } catch (DateTimeException e) {
            throw new DicomValueException(vr, text, "offset out of range (" + e.getMessage() + ")");
        }
    }

    private static DateTimeValue tryParseDateTime(String text) {
        try {
            return parseDateTime(text);
        } catch (DicomValueException e) {
            return null;
        }
    }

    /**
     * The two bound texts of a DA or TM range, or null when the text has no hyphen (a single value). Those VRs have no
     * other use for a hyphen, so exactly one is allowed.
     */
    private static String[] splitRange(VR vr, String text) {
        Objects.requireNonNull(text, "text");
        String trimmed = StringValues.trimPadding(text);
        int hyphen = trimmed.indexOf('-');
        if (hyphen < 0) {
            return null;
        }
        if (trimmed.indexOf('-', hyphen + 1) >= 0) {
            throw new DicomValueException(vr, text, "a range has one hyphen");
        }
        String[] bounds = {StringValues.trimPadding(trimmed.substring(0, hyphen)),
                StringValues.trimPadding(trimmed.substring(hyphen + 1))};
        if (bounds[0].isEmpty() && bounds[1].isEmpty()) {
            throw new DicomValueException(vr, text, "a range needs at least one bound");
        }
        return bounds;
    }

    private static void appendTime(StringBuilder text, LocalTime time, boolean keepFractionDigit) {
        appendTwoDigits(text, time.getHour());
        appendTwoDigits(text, time.getMinute());
        appendTwoDigits(text, time.getSecond());
        appendFraction(text, time.getNano(), keepFractionDigit);
    }

    /** Appends {@code .F} to the microsecond without trailing zeros; nothing for a zero fraction unless kept. */
    private static void appendFraction(StringBuilder text, int nanos, boolean keepFractionDigit) {
        int micros = nanos / NANOS_PER_MICRO;
        if (micros == 0 && !keepFractionDigit) {
            return;
        }
        String digits = String.format(Locale.ROOT, "%06d", micros);
        int end = digits.length();
        while (end > 1 && digits.charAt(end - 1) == '0') {
            end--;
        }
        text.append('.').append(digits, 0, end);
    }

    private static void appendYear(StringBuilder text, int year, VR vr, String shown) {
        if (year < 0 || year > MAX_YEAR) {
            throw new DicomValueException(vr, shown, "DICOM years run from 0000 to 9999");
        }
        text.append(String.format(Locale.ROOT, "%04d", year));
    }

    private static void appendTwoDigits(StringBuilder text, int value) {
        text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    private static int number(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }

    private static int numberOr(Matcher m, int group, int absent) {
        return m.group(group) == null ? absent : number(m, group);
    }
}
