package org.lumen.dicom.codec.jpeg2000;

/**
 * One subband of a tile-component (ISO 15444-1 B.5): its extent in its own coordinates, where it sits in the
 * tile-component's coefficient array (subbands side by side, as the inverse wavelet transform takes them), and what
 * dequantisation needs.
 *
 * @param orientation  0 LL, 1 HL, 2 LH, 3 HH
 * @param x0           first column in subband coordinates (and y0, x1, y1 likewise)
 * @param offsetX      column of its first sample in the coefficient array
 * @param offsetY      row of its first sample in the coefficient array
 * @param magnitudeBits Mb = guard bits + exponent - 1 (E-2), plus the region-of-interest shift
 * @param roiShift     the RGN max-shift of the component
 * @param step         the dequantisation step (irreversible only)
 */
record J2kSubband(int orientation, int x0, int y0, int x1, int y1, int offsetX, int offsetY, int magnitudeBits,
        int roiShift, float step) {
}
