package org.lumen.image.series;

import java.util.Objects;

/**
 * Choices for building a volume from a series.
 *
 * @param spacingPolicy what to do with gaps and irregular slice spacing ({@link SpacingPolicy#REFUSE} by default)
 * @param assumeMissingGeometry when the slices lack Image Position or Orientation (Patient) or Pixel Spacing: false (the
 *     default) refuses; true stacks them in Instance Number order with assumed values (identity orientation, origin 0 or
 *     the first slice's position, Spacing Between Slices or Slice Thickness or 1 mm) and warns
 * @param seriesInstanceUid the series to build when the input holds several; null builds the largest consistent stack
 */
public record SeriesOptions(SpacingPolicy spacingPolicy, boolean assumeMissingGeometry, String seriesInstanceUid) {
    /** Refuse uneven spacing and missing geometry; build the largest consistent stack. */
    public static final SeriesOptions DEFAULT = new SeriesOptions(SpacingPolicy.REFUSE, false, null);

    public SeriesOptions {
        Objects.requireNonNull(spacingPolicy, "spacingPolicy");
    }

    public SeriesOptions withSpacingPolicy(SpacingPolicy policy) {
        return new SeriesOptions(policy, assumeMissingGeometry, seriesInstanceUid);
    }

    public SeriesOptions withAssumeMissingGeometry(boolean assume) {
        return new SeriesOptions(spacingPolicy, assume, seriesInstanceUid);
    }

    public SeriesOptions withSeries(String uid) {
        return new SeriesOptions(spacingPolicy, assumeMissingGeometry, uid);
    }
}
