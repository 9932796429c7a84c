package org.lumen.image.series;

/** What to do with a stack whose slices are not evenly spaced (a gap or irregular steps). */
public enum SpacingPolicy {
    /**
     * Refuse: a uniform grid would put some slices in the wrong place, so measurements in mm along the stack would be
     * wrong. The error names the slice positions concerned. The default.
     */
    REFUSE,
    /**
     * Build anyway on the evenly spaced grid that best fits the slice positions (least squares: the average step), keeping
     * the slices in order, and report how far the worst slice moved. No slice is interpolated or invented.
     */
    ACCEPT_AVERAGE
}
