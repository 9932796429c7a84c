package org.lumen.image.roi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Sequence;
import org.lumen.dicom.data.Tag;

/**
 * The regions of an RT Structure Set: each ROI's number, name and contours in patient coordinates (LPS, mm).
 *
 * @param source the file, for messages
 * @param frameOfReferenceUid the frame of reference the contours are drawn in (the first Referenced Frame of Reference),
 *     null when the file does not say
 * @param rois the regions in Structure Set ROI Sequence order
 */
record RtStructureSet(String source, String frameOfReferenceUid, List<Roi> rois) {

    /**
     * One region of interest.
     *
     * @param frameOfReferenceUid the ROI's own Referenced Frame of Reference UID (3006,0024), else the set's
     */
    record Roi(int number, String name, String frameOfReferenceUid, List<Contour> contours) {
        Roi {
            contours = List.copyOf(contours);
        }

        /** The contours that enclose an area: CLOSED_PLANAR (points, lines and open contours have none). */
        List<Contour> closedContours() {
            return contours.stream().filter(Contour::isClosedPlanar).toList();
        }
    }

    /**
     * One contour: Contour Geometric Type (3006,0042) and Contour Data (3006,0050) as x, y, z triplets.
     *
     * @param index 1-based position in the ROI's Contour Sequence, for messages
     */
    record Contour(int index, String geometricType, double[] points) {
        boolean isClosedPlanar() {
            return "CLOSED_PLANAR".equals(geometricType);
        }

        int pointCount() {
            return points.length / 3;
        }
    }

    RtStructureSet {
        rois = List.copyOf(rois);
    }

    /** Reads the structure set of an RTSTRUCT dataset; contours are joined to ROIs by Referenced ROI Number. */
    static RtStructureSet of(Attributes dataset, String source) {
        String frameOfReference = firstFrameOfReference(dataset);
        Map<Integer, List<Contour>> contoursByRoi = contoursByRoi(dataset, source);
        List<Roi> rois = new ArrayList<>();
        for (Attributes item : items(dataset, Tag.StructureSetROISequence)) {
            int number = item.getInt(Tag.ROINumber, -1);
            String name = item.getString(Tag.ROIName, "ROI " + number).strip();
            String roiFrame = item.getString(Tag.ReferencedFrameOfReferenceUID, frameOfReference);
            rois.add(new Roi(number, name, roiFrame, contoursByRoi.getOrDefault(number, List.of())));
        }
        if (rois.isEmpty()) {
            throw new IllegalArgumentException(source + ": the RT Structure Set has no Structure Set ROI Sequence"
                    + " (3006,0020) items, so it defines no ROI");
        }
        return new RtStructureSet(source, frameOfReference, rois);
    }

    List<String> roiNames() {
        return rois.stream().map(Roi::name).toList();
    }

    private static String firstFrameOfReference(Attributes dataset) {
        for (Attributes item : items(dataset, Tag.ReferencedFrameOfReferenceSequence)) {
            String uid = item.getString(Tag.FrameOfReferenceUID);
            if (uid != null) {
                return uid;
            }
        }
        return dataset.getString(Tag.FrameOfReferenceUID);
    }

    private static Map<Integer, List<Contour>> contoursByRoi(Attributes dataset, String source) {
        Map<Integer, List<Contour>> contours = new HashMap<>();
        for (Attributes roiContour : items(dataset, Tag.ROIContourSequence)) {
            int roi = roiContour.getInt(Tag.ReferencedROINumber, -1);
            List<Contour> list = contours.computeIfAbsent(roi, k -> new ArrayList<>());
            int index = 0;
            for (Attributes contour : items(roiContour, Tag.ContourSequence)) {
                index++;
                double[] points = contourData(contour, source, roi, index);
                list.add(new Contour(index, contour.getString(Tag.ContourGeometricType, "").strip(), points));
            }
        }
        return contours;
    }

    private static double[] contourData(Attributes contour, String source, int roi, int index) {
        double[] points;
        try {
            points = contour.getDoubles(Tag.ContourData);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + ": Contour Data (3006,0050) of contour " + index + " of ROI " + roi
                    + " is not a list of numbers: " + e.getMessage(), e);
        }
        if (points.length % 3 != 0) {
            throw new IllegalArgumentException(source + ": Contour Data (3006,0050) of contour " + index + " of ROI " + roi
                    + " has " + points.length + " numbers, not x, y, z triplets");
        }
        for (double value : points) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException(source + ": Contour Data (3006,0050) of contour " + index + " of ROI "
                        + roi + " holds a value that is not a finite number");
            }
        }
        return points;
    }

    private static List<Attributes> items(Attributes dataset, int sequenceTag) {
        Sequence sequence = dataset.getSequence(sequenceTag);
        if (sequence == null) {
            return List.of();
        }
        List<Attributes> items = new ArrayList<>(sequence.size());
        sequence.forEach(items::add);
        return items;
    }
}
