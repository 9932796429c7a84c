package org.lumen.server.query;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Locale;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.DicomDates;
import org.lumen.dicom.data.Range;
import org.lumen.dicom.data.Sequence;
import org.lumen.dicom.data.VR;
import org.lumen.server.index.PersonNames;

/**
 * The matching rules of PS3.4 C.2.2.2 applied to one attribute of one candidate. Values on both sides are decoded Java
 * strings (each side decoded with its own Specific Character Set), so matching is character-set aware by construction.
 *
 * <ul>
 *   <li>zero-length key, or a key of only '*': universal, matches everything, empty values included;</li>
 *   <li>UI: single value or a list of UIDs (any equal);</li>
 *   <li>DA, TM, DT: single value or range (A-B, A-, -B); an empty candidate value does not match;</li>
 *   <li>PN: case-insensitive (site policy); a key without '=' matches the alphabetic, ideographic or phonetic group;
 *       a key with '=' matches group by group; '*' and '?' wildcards;</li>
 *   <li>other strings: case-sensitive exact value, or wildcard match;</li>
 *   <li>numbers (IS, DS, US...): numerically equal;</li>
 *   <li>SQ: the key's first item; a candidate item must match all of its non-empty keys; an empty item is universal;</li>
 *   <li>a key with several values (VM &gt; 1) matches when any of them does; a multi-valued candidate matches when any of
 *       its values does.</li>
 * </ul>
 */
public final class Matching {
    private Matching() {
    }

    /** True when {@code candidate} matches the key element {@code tag} of {@code keys}. */
    public static boolean matches(Attributes keys, int tag, Attributes candidate) {
        VR vr = keys.vr(tag);
        Object keyValue = keys.value(tag);
        if (keyValue == null) {
            return true;
        }
        if (vr == VR.SQ || keyValue instanceof Sequence) {
            return matchesSequence((Sequence) keyValue, candidate.getSequence(tag));
        }
        String[] keyValues = keys.getStrings(tag);
        if (keyValues.length == 0 || (keyValues.length == 1 && Wildcards.isUniversal(keyValues[0]))) {
            return true;
        }
        String[] values = candidate.getStrings(tag);
        for (String key : keyValues) {
            if (key.isEmpty()) {
                continue;
            }
            for (String value : values) {
                if (matchesValue(vr, key, value)) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean matchesSequence(Sequence key, Sequence candidate) {
        if (key.isEmpty() || key.get(0).isEmpty()) {
            return true;
        }
        Attributes item = key.get(0);
        if (!hasMatchingKeys(item)) {
            return true;
        }
        if (candidate == null) {
            return false;
        }
        for (Attributes candidateItem : candidate) {
            boolean all = true;
            for (int t : item.tags()) {
                if (!matches(item, t, candidateItem)) {
                    all = false;
                    break;
                }
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasMatchingKeys(Attributes item) {
        for (int i = 0; i < item.size(); i++) {
            if (item.valueAt(i) != null) {
                return true;
            }
        }
        return false;
    }

    static boolean matchesValue(VR vr, String key, String value) {
        if (Wildcards.isUniversal(key)) {
            return true;
        }
        if (value == null || value.isEmpty()) {
            return false;
        }
        try {
            return switch (vr) {
                case UI -> key.equals(value);
                case DA -> dateRange(key).contains(DicomDates.parseDate(value));
                case TM -> DicomDates.parseTimeRange(key).overlaps(DicomDates.parseTimeRange(value));
                case DT -> DicomDates.parseDateTimeRange(key, ZoneOffset.UTC)
                        .overlaps(DicomDates.parseDateTimeRange(value, ZoneOffset.UTC));
                case PN -> personName(key, value);
                case IS, DS, US, SS, UL, SL, FL, FD, SV, UV -> numeric(key, value);
                default -> Wildcards.hasWildcard(key) ? Wildcards.matches(key, value) : key.equals(value);
            };
        } catch (RuntimeException e) {
            // A value that cannot be read as its VR (a malformed date) never matches a range; exact text still can.
            return key.equals(value);
        }
    }

    static Range<LocalDate> dateRange(String key) {
        return DicomDates.parseDateRange(key);
    }

    private static boolean numeric(String key, String value) {
        try {
            return Double.parseDouble(key.trim()) == Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            return key.trim().equals(value.trim());
        }
    }

    /** PN matching, case-insensitive; see the class comment. */
    static boolean personName(String key, String value) {
        String[] candidate = PersonNames.groups(value);
        if (key.indexOf('=') < 0) {
            String k = PersonNames.normalise(key);
            for (String group : candidate) {
                if (group != null && groupMatches(k, group)) {
                    return true;
                }
            }
            return false;
        }
        String[] keyGroups = key.split("=", -1);
        for (int g = 0; g < 3 && g < keyGroups.length; g++) {
            String k = PersonNames.normalise(keyGroups[g]);
            if (k.isEmpty() || Wildcards.isUniversal(k)) {
                continue;
            }
            if (candidate[g] == null || !groupMatches(k, candidate[g])) {
                return false;
            }
        }
        return true;
    }

    private static boolean groupMatches(String key, String group) {
        return Wildcards.hasWildcard(key) ? Wildcards.matches(key, group) : key.equals(group);
    }

    /**
     * Combined date-time range matching (C.2.2.2.5.1): a date range and a time range on the same entity as one range of
     * date-times, so "20200101-20200102" with "220000-060000" is 1 January 22:00 to 2 January 06:00.
     */
    static boolean matchesCombined(String dateKey, String timeKey, String date, String time) {
        if (date == null || date.isEmpty()) {
            return false;
        }
        try {
            Range<LocalDate> dates = DicomDates.parseDateRange(dateKey);
            Range<LocalTime> times = DicomDates.parseTimeRange(timeKey);
            LocalDateTime lower = dates.lower() == null ? null
                    : dates.lower().atTime(times.lower() == null ? LocalTime.MIN : times.lower());
            LocalDateTime upper = dates.upper() == null ? null
                    : dates.upper().atTime(times.upper() == null ? LocalTime.MAX : times.upper());
            LocalDate d = DicomDates.parseDate(date);
            LocalTime t = time == null || time.isEmpty() ? null : DicomDates.parseTime(time);
            LocalDateTime earliest = d.atTime(t == null ? LocalTime.MIN : t);
            LocalDateTime latest = d.atTime(t == null ? LocalTime.MAX : t);
            return new Range<>(lower, upper).overlaps(new Range<>(earliest, latest));
        } catch (RuntimeException e) {
            return false;
        }
    }

    static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }
}
