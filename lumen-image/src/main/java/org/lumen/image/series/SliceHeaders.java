package org.lumen.image.series;

import java.util.ArrayList;
import java.util.List;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Sequence;
import org.lumen.dicom.data.Tag;
import org.lumen.image.Vec3;

/**
 * Reads the slice headers of one instance: one for a single-frame image, one per frame for a multi-frame image. For an
 * enhanced multi-frame image each frame's Plane Position, Plane Orientation, Pixel Measures and Frame Content come from its
 * Per-frame Functional Groups item, else from the Shared Functional Groups, else (orientation and pixel measures, as legacy
 * converters sometimes leave them) from the top level.
 */
final class SliceHeaders {
    /** Direction cosines shorter than this are not a direction. */
    private static final double MIN_COSINE_LENGTH = 1e-3;

    private SliceHeaders() {
    }

    /** Whether the dataset holds pixel data this reader can place (an image, not a report or a structure set). */
    static boolean isImage(Attributes dataset) {
        return dataset.contains(Tag.PixelData) || dataset.contains(Tag.FloatPixelData)
                || dataset.contains(Tag.DoubleFloatPixelData);
    }

    static List<SliceHeader> of(Attributes dataset, String source) {
        int frameCount = Math.max(1, dataset.getInt(Tag.NumberOfFrames, 1));
        Sequence perFrame = dataset.getSequence(Tag.PerFrameFunctionalGroupsSequence);
        Attributes shared = firstItem(dataset, Tag.SharedFunctionalGroupsSequence);
        boolean enhanced = perFrame != null && !perFrame.isEmpty() || shared != null;
        List<SliceHeader> headers = new ArrayList<>(frameCount);
        for (int frame = 0; frame < frameCount; frame++) {
            Attributes frameGroups = enhanced && perFrame != null && frame < perFrame.size() ? perFrame.get(frame) : null;
            headers.add(frameHeader(dataset, source, frame, frameCount, enhanced, frameGroups, shared));
        }
        return headers;
    }

    private static SliceHeader frameHeader(Attributes dataset, String source, int frame, int frameCount, boolean enhanced,
            Attributes frameGroups, Attributes shared) {
        Attributes planePosition = group(frameGroups, shared, Tag.PlanePositionSequence);
        Attributes planeOrientation = group(frameGroups, shared, Tag.PlaneOrientationSequence);
        Attributes pixelMeasures = group(frameGroups, shared, Tag.PixelMeasuresSequence);
        Attributes frameContent = group(frameGroups, shared, Tag.FrameContentSequence);
        // Image Position (Patient) at the top level places the first frame only; the other frames of a classic multi-frame
        // image have no position of their own.
        Vec3 position = vector(planePosition != null ? planePosition : frameCount == 1 ? dataset : null);
        double[] orientation = doubles(planeOrientation != null ? planeOrientation : dataset, Tag.ImageOrientationPatient);
        Vec3[] cosines = cosines(orientation);
        Attributes measures = pixelMeasures != null && pixelMeasures.contains(Tag.PixelSpacing) ? pixelMeasures : dataset;
        double[] pixelSpacing = doubles(measures, Tag.PixelSpacing);
        boolean spacingUsable = pixelSpacing.length == 2 && pixelSpacing[0] > 0 && pixelSpacing[1] > 0
                && Double.isFinite(pixelSpacing[0]) && Double.isFinite(pixelSpacing[1]);
        return new SliceHeader(source, frame, frameCount,
                dataset.getString(Tag.SOPInstanceUID),
                dataset.getString(Tag.SeriesInstanceUID),
                dataset.getString(Tag.FrameOfReferenceUID),
                enhanced && frameContent != null ? frameContent.getString(Tag.StackID) : null,
                integer(dataset, Tag.InstanceNumber),
                position,
                cosines == null ? null : cosines[0],
                cosines == null ? null : cosines[1],
                spacingUsable ? pixelSpacing[0] : Double.NaN,
                spacingUsable ? pixelSpacing[1] : Double.NaN,
                dataset.getInt(Tag.Rows, 0),
                dataset.getInt(Tag.Columns, 0),
                decimal(pixelMeasures != null && pixelMeasures.contains(Tag.SliceThickness) ? pixelMeasures : dataset,
                        Tag.SliceThickness),
                decimal(pixelMeasures != null && pixelMeasures.contains(Tag.SpacingBetweenSlices) ? pixelMeasures : dataset,
                        Tag.SpacingBetweenSlices),
                decimal(dataset, Tag.GantryDetectorTilt),
                dataset.getString(Tag.PhotometricInterpretation));
    }

    /** The first item of a functional group sequence for this frame: per-frame first, then shared. */
    private static Attributes group(Attributes frameGroups, Attributes shared, int sequenceTag) {
        Attributes item = frameGroups == null ? null : firstItem(frameGroups, sequenceTag);
        return item != null ? item : shared == null ? null : firstItem(shared, sequenceTag);
    }

    private static Attributes firstItem(Attributes dataset, int sequenceTag) {
        Sequence sequence = dataset.getSequence(sequenceTag);
        return sequence == null || sequence.isEmpty() ? null : sequence.get(0);
    }

    private static Vec3 vector(Attributes holder) {
        if (holder == null) {
            return null;
        }
        double[] values = doubles(holder, Tag.ImagePositionPatient);
        if (values.length != 3) {
            return null;
        }
        Vec3 position = Vec3.of(values, 0);
        return position.isFinite() ? position : null;
    }

    /** The row and column direction, each normalised; null unless there are 6 numbers making two non-parallel vectors. */
    private static Vec3[] cosines(double[] orientation) {
        if (orientation.length != 6) {
            return null;
        }
        Vec3 row = Vec3.of(orientation, 0);
        Vec3 column = Vec3.of(orientation, 3);
        if (!row.isFinite() || !column.isFinite() || row.norm() < MIN_COSINE_LENGTH || column.norm() < MIN_COSINE_LENGTH) {
            return null;
        }
        row = row.normalized();
        column = column.normalized();
        if (row.cross(column).norm() < MIN_COSINE_LENGTH) {
            return null;
        }
        return new Vec3[] {row, column};
    }

    /** Decimal values; an unparseable value counts as absent (the header is then reported as missing it). */
    private static double[] doubles(Attributes dataset, int tag) {
        try {
            return dataset.getDoubles(tag);
        } catch (NumberFormatException e) {
            return new double[0];
        }
    }

    private static double decimal(Attributes dataset, int tag) {
        double[] values = doubles(dataset, tag);
        return values.length > 0 && Double.isFinite(values[0]) ? values[0] : Double.NaN;
    }

    private static int integer(Attributes dataset, int tag) {
        double value = decimal(dataset, tag);
        return Double.isNaN(value) ? 0 : (int) Math.round(value);
    }
}
