package org.lumen.image.series;

import org.lumen.image.Vec3;

/**
 * What the header says about one slice: a single-frame image, or one frame of a multi-frame image (its functional groups
 * applied). Missing numbers are NaN, missing vectors and strings null.
 *
 * @param source the file name (or the name given to an in-memory dataset), for messages
 * @param frame 0-based frame index in its instance (0 for single-frame images)
 * @param frameCount frames in the instance the slice comes from
 * @param sopInstanceUid SOP Instance UID (0008,0018)
 * @param seriesInstanceUid Series Instance UID (0020,000E)
 * @param frameOfReferenceUid Frame of Reference UID (0020,0052)
 * @param stackId Stack ID (0020,9056) of an enhanced multi-frame frame, else null
 * @param instanceNumber Instance Number (0020,0013), 0 when absent
 * @param position Image Position (Patient) (0020,0032): patient position (LPS, mm) of the centre of the first pixel
 * @param rowDirection first three values of Image Orientation (Patient) (0020,0037): the direction along a row, normalised
 * @param columnDirection last three values of Image Orientation (Patient): the direction down a column, normalised
 * @param rowSpacing first value of Pixel Spacing (0028,0030): the distance between rows, mm
 * @param columnSpacing second value of Pixel Spacing: the distance between columns, mm
 * @param rows Rows (0028,0010)
 * @param columns Columns (0028,0011)
 * @param sliceThickness Slice Thickness (0018,0050), mm
 * @param spacingBetweenSlices Spacing Between Slices (0018,0088), mm
 * @param gantryTilt Gantry/Detector Tilt (0018,1120), degrees
 * @param photometric Photometric Interpretation (0028,0004)
 */
public record SliceHeader(String source, int frame, int frameCount, String sopInstanceUid, String seriesInstanceUid,
        String frameOfReferenceUid, String stackId, int instanceNumber, Vec3 position, Vec3 rowDirection,
        Vec3 columnDirection, double rowSpacing, double columnSpacing, int rows, int columns, double sliceThickness,
        double spacingBetweenSlices, double gantryTilt, String photometric) {

    public boolean hasPosition() {
        return position != null;
    }

    public boolean hasOrientation() {
        return rowDirection != null && columnDirection != null;
    }

    public boolean hasPixelSpacing() {
        return rowSpacing > 0 && columnSpacing > 0;
    }

    /** The slice normal, row direction x column direction (not normalised); null without an orientation. */
    public Vec3 normal() {
        return hasOrientation() ? rowDirection.cross(columnDirection) : null;
    }

    /** The file name, with "frame N" (1-based, as DICOM numbers frames) for a frame of a multi-frame image. */
    public String label() {
        return frameCount > 1 ? source + " frame " + (frame + 1) : source;
    }
}
