package org.lumen.dicom.codec.jpeg2000;

/**
 * What one tile-component holds while it is decoded: its extent in component coordinates, its coding, the extent of each
 * resolution ({x0, y0, x1, y1} in that resolution's coordinates), its precincts per resolution, and its coefficients
 * (ints for the 5/3 wavelet, floats for the 9/7) with the subbands side by side.
 */
final class J2kTileComponent {
    int x0, y0, x1, y1;
    J2kComponentCoding coding;
    int[][] resolutions;
    J2kPrecinct[][] precincts;
    int[] ints;
    float[] floats;

    int width() {
        return x1 - x0;
    }

    int height() {
        return y1 - y0;
    }
}
