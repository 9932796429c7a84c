package org.lumen.image.registration;

import java.util.List;
import org.lumen.image.resample.AffineTransform;

/**
 * What a registration found.
 *
 * @param transform maps fixed-space points (mm) to moving space, as {@link org.lumen.image.resample.Resampler} expects
 * @param metricKind which metric was used
 * @param metric its value at the end, on the finest level (mutual information in nats, or the correlation)
 * @param iterations optimiser steps over all levels
 * @param levels what happened on each level, coarse to fine
 */
public record RegistrationResult(AffineTransform transform, Metric metricKind, double metric, int iterations,
                                 List<Level> levels) {
    /** One level and stage of the search. */
    public record Level(double spacingMm, TransformModel model, int samples, int iterations, double metric, long millis) {
    }

    public RegistrationResult {
        levels = List.copyOf(levels);
    }
}
