package org.lumen.image.series;

/**
 * A slice to place: its header and the way to its modality values, which are read only once the series is placed.
 *
 * @param header what the header says
 * @param values the slice's pixels as modality values, row by row; null when only the layout is wanted
 */
record Slice(SliceHeader header, FrameValues values) {

    /** Reads the modality values of one frame when asked. */
    @FunctionalInterface
    interface FrameValues {
        /** Rows x Columns values, row by row, with the modality transform applied. */
        float[] modalityValues();
    }
}
