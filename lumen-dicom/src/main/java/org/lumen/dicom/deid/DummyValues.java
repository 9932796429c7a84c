package org.lumen.dicom.deid;

import org.lumen.dicom.data.VR;

/** The dummy values the D action writes, one per VR; none of them can carry information about the patient. */
public final class DummyValues {
    public static final String TEXT = "ANONYMOUS";
    public static final String DATE = "19000101";
    public static final String TIME = "000000";
    public static final String DATE_TIME = "19000101000000";
    public static final String AGE = "000Y";
    public static final String NUMBER = "0";
    public static final String URI = "urn:dummy";

    private DummyValues() {
    }

    /** The dummy for a string VR, or null for VRs whose dummy is not a string (binary, UI, SQ). */
    public static String stringFor(VR vr) {
        return switch (vr) {
            case AE, CS, LO, LT, PN, SH, ST, UC, UT -> TEXT;
            case DA -> DATE;
            case TM -> TIME;
            case DT -> DATE_TIME;
            case AS -> AGE;
            case DS, IS -> NUMBER;
            case UR -> URI;
            default -> null;
        };
    }
}
