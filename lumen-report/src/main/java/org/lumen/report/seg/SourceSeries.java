package org.lumen.report.seg;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Tag;
import org.lumen.image.Geometry;
import org.lumen.image.Vec3;
import org.lumen.image.Volume;
import org.lumen.image.series.SeriesInput;
import org.lumen.image.series.SeriesLayout;
import org.lumen.image.series.SeriesVolumeBuilder;
import org.lumen.image.series.SeriesVolumeException;
import org.lumen.image.series.SliceHeader;

/**
 * The DICOM series a segmentation was made on, laid out exactly as {@link SeriesVolumeBuilder} lays it out (same slice
 * order, same grid), so that slice k of a label map built on that series is slice k here.
 *
 * @param layout the grid and the slices in volume order
 * @param datasetsByInstance each source dataset by its SOP Instance UID (for SOP Class and patient/study attributes)
 */
record SourceSeries(SeriesLayout layout, Map<String, Attributes> datasetsByInstance) {
    /** How far (mm) the label map's grid may lie from the series' (NIfTI stores its affine in 32-bit floats). */
    static final double GRID_TOLERANCE_MM = 1e-3;

    /**
     * Lays out {@code datasets} (any order) as the series volume builder would.
     *
     * @throws IllegalArgumentException when they do not make one volume, or a slice used has no SOP Instance UID
     */
    static SourceSeries of(List<Attributes> datasets) {
        Objects.requireNonNull(datasets, "sourceSlices");
        if (datasets.isEmpty()) {
            throw new IllegalArgumentException("no source slices: a SEG references the DICOM images it was made on");
        }
        SeriesLayout layout;
        try {
            layout = new SeriesVolumeBuilder().layout(SeriesInput.ofDatasets(datasets));
        } catch (SeriesVolumeException e) {
            throw new IllegalArgumentException("the source slices do not make one volume, so the label map cannot be"
                    + " placed on them: " + e.getMessage(), e);
        }
        Map<String, Attributes> byInstance = new HashMap<>();
        for (Attributes dataset : datasets) {
            String uid = dataset.getString(Tag.SOPInstanceUID);
            if (uid != null) {
                byInstance.put(uid, dataset);
            }
        }
        for (SliceHeader slice : layout.report().slices()) {
            if (slice.sopInstanceUid() == null || !byInstance.containsKey(slice.sopInstanceUid())) {
                throw new IllegalArgumentException("source slice " + slice.label() + " has no SOP Instance UID"
                        + " (0008,0018); a SEG must reference every image it segments");
            }
        }
        return new SourceSeries(layout, Map.copyOf(byInstance));
    }

    List<SliceHeader> slices() {
        return layout.report().slices();
    }

    SliceHeader slice(int k) {
        return slices().get(k);
    }

    /** The dataset of slice 0, whose patient, study and frame of reference the SEG takes over. */
    Attributes firstDataset() {
        return dataset(slice(0));
    }

    Attributes dataset(SliceHeader slice) {
        return datasetsByInstance.get(slice.sopInstanceUid());
    }

    String seriesInstanceUid() {
        return layout.report().seriesInstanceUid();
    }

    int sliceSize() {
        return layout.columns() * layout.rows();
    }

    /**
     * The distance between neighbouring slice planes, measured along the normal (for a tilted gantry less than the step
     * from one slice origin to the next).
     */
    double planeSpacing() {
        Geometry geometry = layout.geometry();
        Vec3 normal = geometry.direction().column(0).cross(geometry.direction().column(1)).normalized();
        return Math.abs(geometry.direction().column(2).dot(normal)) * geometry.spacing().z();
    }

    /**
     * Refuses a label map that is not on this series' grid.
     *
     * @throws IllegalArgumentException naming both grids
     */
    void checkGrid(Volume labelMap) {
        Objects.requireNonNull(labelMap, "labelMap");
        boolean sameSize = labelMap.nx() == layout.columns() && labelMap.ny() == layout.rows()
                && labelMap.nz() == layout.slices();
        if (!sameSize || !labelMap.geometry().isCloseTo(layout.geometry(), GRID_TOLERANCE_MM)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "the label map (%d x %d x %d, %s) does not lie on"
                    + " the grid of source series %s (%d x %d x %d, %s; directions differ by up to %.2g; tolerance %.0e mm); a SEG frame is a source slice,"
                    + " so resample the label map onto the series first (nearest neighbour, Resampler.resampleOnto)",
                    labelMap.nx(), labelMap.ny(), labelMap.nz(), describe(labelMap.geometry()), seriesInstanceUid(),
                    layout.columns(), layout.rows(), layout.slices(), describe(layout.geometry()),
                    labelMap.geometry().direction().maxAbsDifference(layout.geometry().direction()), GRID_TOLERANCE_MM));
        }
    }

    /** Every source instance once, in slice order (a multi-frame source appears once). */
    List<Attributes> instances() {
        Map<String, Attributes> instances = new LinkedHashMap<>();
        for (SliceHeader slice : slices()) {
            instances.putIfAbsent(slice.sopInstanceUid(), dataset(slice));
        }
        return List.copyOf(instances.values());
    }

    private static String describe(Geometry geometry) {
        Vec3 origin = geometry.origin();
        Vec3 spacing = geometry.spacing();
        return String.format(Locale.ROOT, "origin (%.3f, %.3f, %.3f) mm, spacing %.4f x %.4f x %.4f mm", origin.x(),
                origin.y(), origin.z(), spacing.x(), spacing.y(), spacing.z());
    }
}
