package org.lumen.dicom.data;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A DT value as written: the date-time with the components that were missing set to their minimum, the precision to
 * which it was given ({@code YEARS} for {@code 2020} … {@code SECONDS}, or {@code MICROS} when it has a fraction), and
 * its UTC offset, or null when it has none and the reader must supply one.
 */
public record DateTimeValue(LocalDateTime value, ChronoUnit precision, ZoneOffset offset) {

    public DateTimeValue {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(precision, "precision");
        if (!DicomDates.DATE_TIME_PRECISIONS.contains(precision)) {
            throw new IllegalArgumentException("DT precision must be YEARS, MONTHS, DAYS, HOURS, MINUTES, SECONDS or "
                    + "MICROS, not " + precision.name());
        }
        if (precision != ChronoUnit.MICROS && !truncate(value, precision).equals(value)) {
            throw new IllegalArgumentException("DT value " + value + " has components finer than its precision "
                    + precision.name());
        }
    }

    /** Reads a DT value; see {@link DicomDates#parseDateTime}. */
    public static DateTimeValue parse(String text) {
        return DicomDates.parseDateTime(text);
    }

    /**
     * The value at its own offset, or at {@code defaultOffset} when it has none: pass the dataset's Timezone Offset
     * From UTC (0008,0201) when it has one, else the local offset the data was produced in.
     */
    public OffsetDateTime toOffsetDateTime(ZoneOffset defaultOffset) {
        return value.atOffset(effectiveOffset(defaultOffset));
    }

    /** The last microsecond the value covers: {@code 2020} covers up to 2020-12-31T23:59:59.999999. */
    public LocalDateTime latest() {
        return precision == ChronoUnit.MICROS ? value : value.plus(1, precision).minus(1, ChronoUnit.MICROS);
    }

    /** The span of instants the value covers, from its first to its last microsecond. */
    public Range<Instant> span(ZoneOffset defaultOffset) {
        return new Range<>(toOffsetDateTime(defaultOffset).toInstant(), latestOffsetDateTime(defaultOffset).toInstant());
    }

    OffsetDateTime latestOffsetDateTime(ZoneOffset defaultOffset) {
        return latest().atOffset(effectiveOffset(defaultOffset));
    }

    private ZoneOffset effectiveOffset(ZoneOffset defaultOffset) {
        return offset != null ? offset
                : Objects.requireNonNull(defaultOffset, "defaultOffset is needed for a DT value without an offset");
    }

    /** The DICOM form, to exactly this value's precision. */
    @Override
    public String toString() {
        return DicomDates.formatDateTime(this);
    }

    private static LocalDateTime truncate(LocalDateTime value, ChronoUnit precision) {
        return switch (precision) {
            case YEARS -> LocalDateTime.of(value.getYear(), 1, 1, 0, 0);
            case MONTHS -> LocalDateTime.of(value.getYear(), value.getMonthValue(), 1, 0, 0);
            default -> value.truncatedTo(precision);
        };
    }
}
