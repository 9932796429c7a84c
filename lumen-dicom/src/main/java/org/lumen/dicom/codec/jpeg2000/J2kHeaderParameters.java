package org.lumen.dicom.codec.jpeg2000;

import java.util.ArrayList;
import java.util.List;

/**
 * The coding parameters one header gives (the main header, or the first tile-part header of a tile): each entry is null
 * (or empty) when that header does not give it, so that tile values override main ones as ISO 15444-1 A.6 orders:
 * tile COC, tile COD, main COC, main COD (and likewise QCC/QCD).
 */
final class J2kHeaderParameters {
    J2kCodingStyle cod;
    final J2kComponentCoding[] coc;
    J2kQuantization qcd;
    final J2kQuantization[] qcc;
    final int[] roiShift;
    final List<J2kProgressionChange> poc = new ArrayList<>();

    J2kHeaderParameters(int components) {
        coc = new J2kComponentCoding[components];
        qcc = new J2kQuantization[components];
        roiShift = new int[components];
        java.util.Arrays.fill(roiShift, -1);
    }
}
