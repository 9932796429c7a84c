package org.lumen.dicom.deid;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Adds a whole number of days to DA and DT values; answers null for a value that is not a complete date. */
final class TemporalShift {
    private static final Pattern DA = Pattern.compile("(\\d{4})\\.?(\\d{2})\\.?(\\d{2})");
    private static final Pattern DT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})([0-9.+\\-]*)");
    private static final Pattern TM = Pattern.compile("\\d{2}(:?\\d{2}(:?\\d{2}(\\.\\d{1,6})?)?)?");

    private TemporalShift() {
    }

    /** A DA value (YYYYMMDD, or the retired YYYY.MM.DD) moved by {@code days}, as YYYYMMDD; null when not a date. */
    static String shiftDate(String value, int days) {
        Matcher m = DA.matcher(value.trim());
        return m.matches() ? shifted(m, days, "") : null;
    }

    /** A DT value whose date part is complete (at least YYYYMMDD), date moved by {@code days}; null otherwise. */
    static String shiftDateTime(String value, int days) {
        Matcher m = DT.matcher(value.trim());
        return m.matches() ? shifted(m, days, m.group(4)) : null;
    }

    /** A TM value is kept under a whole-day shift; null when it is not a time, so the caller can fall back. */
    static String shiftTime(String value) {
        String trimmed = value.trim();
        return TM.matcher(trimmed).matches() ? trimmed : null;
    }

    private static String shifted(Matcher m, int days, String rest) {
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)))
                    .plusDays(days);
            if (date.getYear() < 1 || date.getYear() > 9999) {
                return null;
            }
            return String.format("%04d%02d%02d", date.getYear(), date.getMonthValue(), date.getDayOfMonth()) + rest;
        } catch (DateTimeException e) {
            return null;
        }
    }
}
