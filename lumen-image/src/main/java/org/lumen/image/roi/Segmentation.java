package org.lumen.image.roi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Sequence;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.pixel.PixelData;
import org.lumen.dicom.pixel.PixelDataException;
import org.lumen.image.Vec3;

/**
 * A DICOM Segmentation (SEG) as Lumen reads it: its segments, the plane of each frame and the way to a frame's pixels.
 * Frames are placed by their Plane Position (Patient) from the Per-frame Functional Groups; orientation and pixel spacing
 * come from the per-frame item, else the Shared Functional Groups, else the top level.
 *
 * @param source the file, for messages
 * @param type BINARY, FRACTIONAL or LABELMAP (Label Map Segmentation, whose pixels are segment numbers)
 * @param maxFractionalValue Maximum Fractional Value (0062,000E) of a FRACTIONAL SEG (the value meaning "fully inside")
 * @param frameOfReferenceUid Frame of Reference UID (0020,0052), null when absent
 * @param segments the Segment Sequence, in file order
 * @param frames every frame, in frame order
 * @param plane the orientation, pixel spacing and slice spacing hints shared by all frames
 * @param pixels the pixel data (decoded a frame at a time, when asked)
 */
record Segmentation(String source, String type, int maxFractionalValue, String frameOfReferenceUid,
        List<Segment> segments, List<Frame> frames, Plane plane, PixelData pixels) {

    /** SOP Class UID of Segmentation Storage. */
    static final String SEGMENTATION_STORAGE = "1.2.840.10008.5.1.4.1.1.66.4";
    /** SOP Class UID of Label Map Segmentation Storage. */
    static final String LABEL_MAP_SEGMENTATION_STORAGE = "1.2.840.10008.5.1.4.1.1.66.7";

    /** One item of the Segment Sequence. */
    record Segment(int number, String label) {
    }

    /**
     * One frame: where it lies and which segment it shows.
     *
     * @param index 0-based frame index
     * @param position Image Position (Patient) of its first pixel
     * @param segmentNumber Referenced Segment Number, or 0 for a label map frame (it shows every segment)
     */
    record Frame(int index, Vec3 position, int segmentNumber) {
    }

    /**
     * What all frames share.
     *
     * @param row unit vector along a row (first three values of Image Orientation (Patient))
     * @param column unit vector down a column
     * @param rowSpacing distance between rows, mm (first value of Pixel Spacing)
     * @param columnSpacing distance between columns, mm
     * @param sliceThickness Slice Thickness, NaN when absent
     * @param spacingBetweenSlices Spacing Between Slices, NaN when absent
     */
    record Plane(int rows, int columns, Vec3 row, Vec3 column, double rowSpacing, double columnSpacing,
            double sliceThickness, double spacingBetweenSlices) {
        Vec3 normal() {
            return row.cross(column).normalized();
        }
    }

    Segmentation {
        segments = List.copyOf(segments);
        frames = List.copyOf(frames);
    }

    /** Reads a SEG dataset; its pixels are decoded later with {@code pixels}. */
    static Segmentation of(Attributes dataset, PixelData pixels, String source) {
        boolean labelMap = LABEL_MAP_SEGMENTATION_STORAGE.equals(dataset.getString(Tag.SOPClassUID));
        String type = labelMap ? "LABELMAP" : dataset.getString(Tag.SegmentationType, "").strip().toUpperCase(Locale.ROOT);
        if (!type.equals("BINARY") && !type.equals("FRACTIONAL") && !type.equals("LABELMAP")) {
            throw new IllegalArgumentException(source + ": Segmentation Type (0062,0001) is '" + type
                    + "'; Lumen reads BINARY, FRACTIONAL and LABELMAP segmentations");
        }
        int maxFraction = dataset.getInt(Tag.MaximumFractionalValue, 0);
        if (type.equals("FRACTIONAL") && maxFraction <= 0) {
            throw new IllegalArgumentException(source + ": a FRACTIONAL segmentation needs a positive Maximum Fractional"
                    + " Value (0062,000E), found " + maxFraction);
        }
        List<Segment> segments = segments(dataset, source);
        int frameCount = Math.max(1, dataset.getInt(Tag.NumberOfFrames, 1));
        Sequence perFrame = dataset.getSequence(Tag.PerFrameFunctionalGroupsSequence);
        Attributes shared = firstItem(dataset, Tag.SharedFunctionalGroupsSequence);
        Plane plane = null;
        List<Frame> frames = new ArrayList<>(frameCount);
        for (int f = 0; f < frameCount; f++) {
            Attributes groups = perFrame != null && f < perFrame.size() ? perFrame.get(f) : null;
            Plane framePlane = plane(dataset, groups, shared, source, f);
            if (plane == null) {
                plane = framePlane;
            } else if (!samePlane(plane, framePlane)) {
                throw new IllegalArgumentException(source + ": frame " + (f + 1) + " has another orientation or pixel spacing"
                        + " than frame 1; Lumen places segmentations whose frames are parallel and equally spaced only");
            }
            frames.add(new Frame(f, position(dataset, groups, shared, frameCount, source, f),
                    labelMap ? 0 : segmentNumber(groups, shared, source, f)));
        }
        return new Segmentation(source, type, maxFraction, dataset.getString(Tag.FrameOfReferenceUID), segments, frames,
                plane, pixels);
    }

    List<String> segmentLabels() {
        return segments.stream().map(Segment::label).toList();
    }

    /**
     * How much of segment {@code segmentNumber} each pixel of a frame holds, 0 to 1: a binary frame gives 0 or 1, a
     * fractional one its value over Maximum Fractional Value, a label map frame 1 where the pixel is that segment.
     */
    float[] fractions(Frame frame, int segmentNumber) {
        int[] samples = samples(frame);
        float[] out = new float[samples.length];
        for (int p = 0; p < samples.length; p++) {
            out[p] = switch (type) {
                case "FRACTIONAL" -> Math.min(1f, samples[p] / (float) maxFractionalValue);
                case "LABELMAP" -> samples[p] == segmentNumber ? 1f : 0f;
                default -> samples[p] != 0 ? 1f : 0f;
            };
        }
        return out;
    }

    /** The stored samples of a frame (Rows x Columns, row by row). */
    int[] samples(Frame frame) {
        try {
            return pixels.samples(frame.index());
        } catch (PixelDataException e) {
            throw new IllegalArgumentException(source + ": the pixels of frame " + (frame.index() + 1)
                    + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static List<Segment> segments(Attributes dataset, String source) {
        List<Segment> segments = new ArrayList<>();
        Sequence sequence = dataset.getSequence(Tag.SegmentSequence);
        if (sequence != null) {
            for (Attributes item : sequence) {
                int number = item.getInt(Tag.SegmentNumber, -1);
                String label = item.getString(Tag.SegmentLabel, "segment " + number).strip();
                segments.add(new Segment(number, label));
            }
        }
        if (segments.isEmpty()) {
            throw new IllegalArgumentException(source + ": the SEG has no Segment Sequence (0062,0002) items, so it"
                    + " defines no segment");
        }
        return segments;
    }

    private static Plane plane(Attributes dataset, Attributes groups, Attributes shared, String source, int frame) {
        Attributes orientationItem = group(groups, shared, Tag.PlaneOrientationSequence);
        double[] orientation = doubles(orientationItem != null ? orientationItem : dataset, Tag.ImageOrientationPatient);
        if (orientation.length != 6) {
            throw new IllegalArgumentException(source + ": frame " + (frame + 1) + " has no Image Orientation (Patient)"
                    + " (0020,0037) in a Plane Orientation Sequence; a SEG that is not in patient coordinates (slide"
                    + " microscopy) cannot be placed on an image volume");
        }
        Vec3 row = Vec3.of(orientation, 0);
        Vec3 column = Vec3.of(orientation, 3);
        if (!(row.norm() > 1e-3) || !(column.norm() > 1e-3) || row.cross(column).norm() < 1e-3) {
            throw new IllegalArgumentException(source + ": Image Orientation (Patient) of frame " + (frame + 1)
                    + " does not give two directions: " + java.util.Arrays.toString(orientation));
        }
        Attributes measuresItem = group(groups, shared, Tag.PixelMeasuresSequence);
        Attributes measures = measuresItem != null && measuresItem.contains(Tag.PixelSpacing) ? measuresItem : dataset;
        double[] spacing = doubles(measures, Tag.PixelSpacing);
        if (spacing.length != 2 || !(spacing[0] > 0) || !(spacing[1] > 0)) {
            throw new IllegalArgumentException(source + ": frame " + (frame + 1) + " has no usable Pixel Spacing"
                    + " (0028,0030) in a Pixel Measures Sequence");
        }
        Attributes thicknessHolder = measuresItem != null ? measuresItem : dataset;
        return new Plane(dataset.getInt(Tag.Rows, 0), dataset.getInt(Tag.Columns, 0), row.normalized(),
                column.normalized(), spacing[0], spacing[1], positive(thicknessHolder, Tag.SliceThickness),
                positive(thicknessHolder, Tag.SpacingBetweenSlices));
    }

    private static boolean samePlane(Plane a, Plane b) {
        double tolerance = 1e-4;
        return a.row().maxAbsDifference(b.row()) < tolerance && a.column().maxAbsDifference(b.column()) < tolerance
                && Math.abs(a.rowSpacing() - b.rowSpacing()) < tolerance
                && Math.abs(a.columnSpacing() - b.columnSpacing()) < tolerance;
    }

    private static Vec3 position(Attributes dataset, Attributes groups, Attributes shared, int frameCount, String source,
            int frame) {
        Attributes item = group(groups, shared, Tag.PlanePositionSequence);
        double[] values = doubles(item != null ? item : frameCount == 1 ? dataset : null, Tag.ImagePositionPatient);
        if (values.length != 3) {
            throw new IllegalArgumentException(source + ": frame " + (frame + 1) + " has no Image Position (Patient)"
                    + " (0020,0032) in a Plane Position Sequence, so it cannot be placed");
        }
        return Vec3.of(values, 0);
    }

    private static int segmentNumber(Attributes groups, Attributes shared, String source, int frame) {
        Attributes item = group(groups, shared, Tag.SegmentIdentificationSequence);
        int number = item == null ? -1 : item.getInt(Tag.ReferencedSegmentNumber, -1);
        if (number < 1) {
            throw new IllegalArgumentException(source + ": frame " + (frame + 1) + " has no Referenced Segment Number"
                    + " (0062,000B) in a Segment Identification Sequence, so its segment is unknown");
        }
        return number;
    }

    private static Attributes group(Attributes groups, Attributes shared, int sequenceTag) {
        Attributes item = groups == null ? null : firstItem(groups, sequenceTag);
        return item != null ? item : shared == null ? null : firstItem(shared, sequenceTag);
    }

    private static Attributes firstItem(Attributes dataset, int sequenceTag) {
        Sequence sequence = dataset.getSequence(sequenceTag);
        return sequence == null || sequence.isEmpty() ? null : sequence.get(0);
    }

    private static double[] doubles(Attributes holder, int tag) {
        if (holder == null) {
            return new double[0];
        }
        try {
            return holder.getDoubles(tag);
        } catch (NumberFormatException e) {
            return new double[0];
        }
    }

    private static double positive(Attributes holder, int tag) {
        double[] values = doubles(holder, tag);
        return values.length > 0 && values[0] > 0 && Double.isFinite(values[0]) ? values[0] : Double.NaN;
    }
}
