package org.lumen.image.series;

/** What went wrong or was noticed while turning DICOM instances into one volume. */
public enum IssueKind {
    /** A file in the input is not DICOM or is too damaged to read; it was left out. */
    UNREADABLE_FILE,
    /** A DICOM instance without pixel data (a report, a structure set, a DICOMDIR); it was left out. */
    NOT_AN_IMAGE,
    /** The same SOP Instance (and frame) appears more than once, e.g. a copied file; one copy was kept. */
    DUPLICATE_INSTANCE,
    /** Slices of another series were in the input and were left out. */
    OTHER_SERIES,
    /** Slices of the series lie in other planes (a localizer, a second stack) and were left out, or no stack remains. */
    MIXED_ORIENTATION,
    /** Slices of the series have other Rows or Columns and were left out. */
    MIXED_DIMENSIONS,
    /** Slices of the series have another Pixel Spacing and were left out. */
    MIXED_PIXEL_SPACING,
    /** Slices of the series are in another Frame of Reference and were left out. */
    MIXED_FRAME_OF_REFERENCE,
    /** Frames of an enhanced multi-frame image belong to another Stack ID and were left out. */
    MULTIPLE_STACKS,
    /** No two slices form a stack although the input had several slices. */
    NO_STACK,
    /** Image Position (Patient) is missing, so slices cannot be placed or sorted in space. */
    MISSING_POSITION,
    /**
     * Image Orientation (Patient) is missing or unusable (not 6 numbers, a zero or parallel pair), so the plane is unknown.
     */
    MISSING_ORIENTATION,
    /** Pixel Spacing is missing, so the in-plane voxel size is unknown. */
    MISSING_PIXEL_SPACING,
    /** Two or more slices lie in the same plane (repeated acquisitions, phases or echoes in one series). */
    DUPLICATE_POSITION,
    /** A step between neighbouring slices is more than 1.5 times the median step: slices are missing. */
    GAP,
    /** A slice lies more than 1% of the slice step away from the evenly spaced grid that best fits the stack. */
    IRREGULAR_SPACING,
    /** A slice is shifted within its plane away from the line the stack follows. */
    NOT_ALIGNED,
    /** The stack runs at an angle to the slice normal (gantry tilt); the volume keeps the sheared grid. */
    GANTRY_TILT,
    /** The volume has one slice; its thickness along k comes from the header, not from neighbouring slices. */
    SINGLE_SLICE,
    /** The pixel data cannot be turned into modality values (colour, undecodable, wrong size). */
    PIXEL_DATA,
    /** The volume would not fit in one Java array. */
    TOO_LARGE
}
