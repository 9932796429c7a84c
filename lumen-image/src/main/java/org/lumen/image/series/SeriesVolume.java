package org.lumen.image.series;

import java.util.Objects;
import org.lumen.image.Volume;

/**
 * A DICOM series as a volume, with the report of how it was built (slices used, slices left out, warnings).
 *
 * @param volume modality values (rescale or Modality LUT applied) in patient coordinates
 * @param report the slices in volume order and every warning; it holds no errors, a refused series throws
 */
public record SeriesVolume(Volume volume, SeriesReport report) {
    public SeriesVolume {
        Objects.requireNonNull(volume, "volume");
        Objects.requireNonNull(report, "report");
    }
}
