package org.lumen.image.series;

import java.util.Objects;
import org.lumen.image.Geometry;

/**
 * Where a series' voxels will lie, worked out from the headers alone (no pixel data read).
 *
 * @param columns voxels along i (Columns)
 * @param rows voxels along j (Rows)
 * @param slices voxels along k (slices or frames in the stack)
 * @param geometry place of the grid in patient coordinates (LPS, mm)
 * @param report slices in volume order and the warnings found
 */
public record SeriesLayout(int columns, int rows, int slices, Geometry geometry, SeriesReport report) {
    public SeriesLayout {
        Objects.requireNonNull(geometry, "geometry");
        Objects.requireNonNull(report, "report");
    }
}
