package org.lumen.dicom.data;

import java.util.Objects;

/**
 * An inclusive range of ordered values, as a DICOM range query ({@code A-B}, {@code A-}, {@code -B}) asks for. A null
 * bound is open. A range whose lower bound is after its upper bound is legal and contains nothing, because that is what
 * such a query matches.
 */
public record Range<T extends Comparable<? super T>>(T lower, T upper) {

    /** The range holding exactly one value. */
    public static <T extends Comparable<? super T>> Range<T> of(T value) {
        Objects.requireNonNull(value, "value");
        return new Range<>(value, value);
    }

    /** True when {@code value} lies within both bounds (bounds included). */
    public boolean contains(T value) {
        Objects.requireNonNull(value, "value");
        return (lower == null || lower.compareTo(value) <= 0) && (upper == null || value.compareTo(upper) <= 0);
    }

    /**
     * True when some value lies in both ranges: the test for a stored value that itself covers a span, such as a DT
     * of {@code 2020} against a query range.
     */
    public boolean overlaps(Range<T> other) {
        Objects.requireNonNull(other, "other");
        boolean otherEndsBeforeThis = lower != null && other.upper != null && other.upper.compareTo(lower) < 0;
        boolean otherStartsAfterThis = upper != null && other.lower != null && other.lower.compareTo(upper) > 0;
        boolean eitherEmpty = isEmpty() || other.isEmpty();
        return !otherEndsBeforeThis && !otherStartsAfterThis && !eitherEmpty;
    }

    /** True when the lower bound lies after the upper bound, so nothing can match. */
    public boolean isEmpty() {
        return lower != null && upper != null && lower.compareTo(upper) > 0;
    }

    /** True when neither bound is set. */
    public boolean isUnbounded() {
        return lower == null && upper == null;
    }
}
