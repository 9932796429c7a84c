package org.lumen.dicom.codec.jpeg2000;

/**
 * A COD marker segment (ISO 15444-1 A.6.1): what holds for every component of the image or tile, and the default
 * coding of each component.
 *
 * @param sop         SOP marker segments may precede packets
 * @param eph         EPH markers follow packet headers
 * @param progression 0 LRCP, 1 RLCP, 2 RPCL, 3 PCRL, 4 CPRL
 * @param layers      number of quality layers
 * @param mct         1 when the first three components went through the RCT or ICT
 * @param coding      the default coding of each component
 */
record J2kCodingStyle(boolean sop, boolean eph, int progression, int layers, int mct, J2kComponentCoding coding) {
    static final int LRCP = 0;
    static final int RLCP = 1;
    static final int RPCL = 2;
    static final int PCRL = 3;
    static final int CPRL = 4;

    static J2kCodingStyle read(J2kMarkerReader in) {
        int scod = in.u8();
        int progression = in.u8();
        int layers = in.u16();
        int mct = in.u8();
        if (progression > 4) {
            throw in.error("COD names progression order " + progression + " (0..4 exist)");
        }
        if (mct > 1) {
            throw in.error("COD asks for multiple component transform " + mct
                    + " (Part 2 array-based transforms are not handled; Part 1 knows 0 and 1)");
        }
        if (layers == 0) {
            throw in.error("COD gives 0 quality layers");
        }
        J2kComponentCoding coding = J2kComponentCoding.read(in, (scod & 1) != 0, "COD");
        return new J2kCodingStyle((scod & 2) != 0, (scod & 4) != 0, progression, layers, mct, coding);
    }
}
