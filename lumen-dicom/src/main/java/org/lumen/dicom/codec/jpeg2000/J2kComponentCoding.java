package org.lumen.dicom.codec.jpeg2000;

/**
 * The coding style of one component (COD's or COC's SPcod/SPcoc, ISO 15444-1 A.6.1-A.6.2): decomposition levels,
 * code-block size, code-block style flags, wavelet and precinct sizes per resolution.
 *
 * @param levels            number of decomposition levels NL (0..32)
 * @param blockWidthExp     code-block width exponent xcb (2..10)
 * @param blockHeightExp    code-block height exponent ycb (2..10)
 * @param blockStyle        code-block style flags (bypass 1, reset 2, termall 4, vertically causal 8, predictable 16,
 *                          segmentation symbols 32)
 * @param reversible        true for the 5/3 reversible wavelet, false for the 9/7 irreversible one
 * @param precinctWidthExp  PPx for each resolution 0..NL (15 when precincts are not signalled)
 * @param precinctHeightExp PPy for each resolution 0..NL
 */
record J2kComponentCoding(int levels, int blockWidthExp, int blockHeightExp, int blockStyle, boolean reversible,
        int[] precinctWidthExp, int[] precinctHeightExp) {

    static final int BYPASS = 1;
    static final int RESET = 2;
    static final int TERMINATE_ALL = 4;
    static final int VERTICALLY_CAUSAL = 8;
    static final int SEGMENTATION_SYMBOLS = 32;

    /** Reads SPcod/SPcoc at {@code pos}; {@code precincts} says whether precinct sizes follow. */
    static J2kComponentCoding read(J2kMarkerReader in, boolean precincts, String marker) {
        int levels = in.u8();
        int xcb = in.u8() + 2;
        int ycb = in.u8() + 2;
        int style = in.u8();
        int transform = in.u8();
        if (levels > 32) {
            throw in.error(marker + " gives " + levels + " decomposition levels (at most 32)");
        }
        if (xcb > 10 || ycb > 10 || xcb + ycb > 12) {
            throw in.error(marker + " gives a code-block size of 2^" + xcb + " x 2^" + ycb + " (at most 4096 samples, sides <= 1024)");
        }
        if ((style & 0xC0) != 0) {
            throw in.error(marker + " code-block style 0x" + Integer.toHexString(style)
                    + " asks for HTJ2K (ISO 15444-15) or reserved features, which this decoder does not handle");
        }
        if (transform > 1) {
            throw in.error(marker + " names wavelet transform " + transform + " (only 0 = 9/7 and 1 = 5/3 exist in Part 1)");
        }
        int[] ppx = new int[levels + 1];
        int[] ppy = new int[levels + 1];
        for (int r = 0; r <= levels; r++) {
            if (precincts) {
                int b = in.u8();
                ppx[r] = b & 0xF;
                ppy[r] = b >> 4;
                if (r > 0 && (ppx[r] == 0 || ppy[r] == 0)) {
                    throw in.error(marker + " gives precinct exponent 0 for resolution " + r + " (only resolution 0 may)");
                }
            } else {
                ppx[r] = 15;
                ppy[r] = 15;
            }
        }
        return new J2kComponentCoding(levels, xcb, ycb, style, transform == 1, ppx, ppy);
    }
}
