package org.lumen.dicom.codec.jpeg2000;

import java.io.ByteArrayOutputStream;

/**
 * The marker segments of a raw JPEG 2000 codestream (ISO/IEC 15444-1 Annex A) as this encoder writes it: SOC, SIZ, COD,
 * QCD, one tile-part (SOT, SOD, packets) and EOC. Big-endian throughout.
 */
final class J2kCodestreamWriter {
    static final int SOC = 0xFF4F;
    static final int SIZ = 0xFF51;
    static final int COD = 0xFF52;
    static final int QCD = 0xFF5C;
    static final int SOT = 0xFF90;
    static final int SOD = 0xFF93;
    static final int EOC = 0xFFD9;
    /** Code-block width and height exponents minus 2 (A.6.1): 64 x 64. */
    private static final int CODE_BLOCK_EXPONENT = 4;
    private static final int LRCP = 0;
    private static final int REVERSIBLE_5_3 = 1;

    private final ByteArrayOutputStream out;

    J2kCodestreamWriter(int expectedSize) {
        out = new ByteArrayOutputStream(expectedSize);
    }

    /** SOC and SIZ (A.5.1): one tile covering the image, no sub-sampling, all components of the same precision. */
    void header(int width, int height, int components, int precision, boolean signed) {
        short16(SOC);
        short16(SIZ);
        short16(38 + 3 * components);
        short16(0); // Rsiz: no restrictions declared
        int32(width);
        int32(height);
        int32(0);
        int32(0);
        int32(width); // tile size = image size: one tile
        int32(height);
        int32(0);
        int32(0);
        short16(components);
        for (int c = 0; c < components; c++) {
            out.write((signed ? 0x80 : 0) | (precision - 1));
            out.write(1);
            out.write(1);
        }
    }

    /** COD (A.6.1): default precincts, no SOP/EPH, LRCP, one layer, 64 x 64 blocks, default block style, 5/3. */
    void codingStyle(int levels, boolean multipleComponentTransform) {
        short16(COD);
        short16(12);
        out.write(0);
        out.write(LRCP);
        short16(1);
        out.write(multipleComponentTransform ? 1 : 0);
        out.write(levels);
        out.write(CODE_BLOCK_EXPONENT);
        out.write(CODE_BLOCK_EXPONENT);
        out.write(0);
        out.write(REVERSIBLE_5_3);
    }

    /** QCD (A.6.4): no quantisation, {@code guardBits}, one exponent per band (LL, then HL, LH, HH from the top level). */
    void quantisation(int guardBits, int[] exponents) {
        short16(QCD);
        short16(3 + exponents.length);
        out.write(guardBits << 5);
        for (int e : exponents) {
            out.write(e << 3);
        }
    }

    /** SOT, SOD and the packets of the one tile-part (A.4.2); Psot counts from SOT to the end of the packets. */
    void tile(ByteArrayOutputStream packets) {
        short16(SOT);
        short16(10);
        short16(0);
        int32(12 + 2 + packets.size());
        out.write(0);
        out.write(1);
        short16(SOD);
        out.writeBytes(packets.toByteArray());
    }

    byte[] finish() {
        short16(EOC);
        return out.toByteArray();
    }

    private void short16(int v) {
        out.write(v >>> 8);
        out.write(v);
    }

    private void int32(int v) {
        short16(v >>> 16);
        short16(v);
    }
}
