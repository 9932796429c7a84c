package org.lumen.dicom.codec.jpeg;

/**
 * The accurate scaled-integer 8x8 inverse DCT that the IJG library calls "islow", written from its published description:
 * the Loeffler-Ligtenberg-Moschytz factorisation (12 multiplies, 32 adds per 1-D transform), constants scaled by 2^13,
 * columns first keeping {@code pass1Bits} extra fraction bits, then rows, each stage rounding by adding half before the
 * shift. Matching this arithmetic keeps our output within a grey level of GDCM (which decodes lossy JPEG with IJG code).
 */
final class InverseDct {
    private static final int CONST_BITS = 13;

    private static final long C0_298631336 = fix(0.298631336);
    private static final long C0_390180644 = fix(0.390180644);
    private static final long C0_541196100 = fix(0.541196100);
    private static final long C0_765366865 = fix(0.765366865);
    private static final long C0_899976223 = fix(0.899976223);
    private static final long C1_175875602 = fix(1.175875602);
    private static final long C1_501321110 = fix(1.501321110);
    private static final long C1_847759065 = fix(1.847759065);
    private static final long C1_961570560 = fix(1.961570560);
    private static final long C2_053119869 = fix(2.053119869);
    private static final long C2_562915447 = fix(2.562915447);
    private static final long C3_072711026 = fix(3.072711026);

    private static final int I0_298631336 = (int) C0_298631336;
    private static final int I0_390180644 = (int) C0_390180644;
    private static final int I0_541196100 = (int) C0_541196100;
    private static final int I0_765366865 = (int) C0_765366865;
    private static final int I0_899976223 = (int) C0_899976223;
    private static final int I1_175875602 = (int) C1_175875602;
    private static final int I1_501321110 = (int) C1_501321110;
    private static final int I1_847759065 = (int) C1_847759065;
    private static final int I1_961570560 = (int) C1_961570560;
    private static final int I2_053119869 = (int) C2_053119869;
    private static final int I2_562915447 = (int) C2_562915447;
    private static final int I3_072711026 = (int) C3_072711026;

    private final int pass1Bits;
    private final int center;
    private final int max;
    private final long[] work = new long[64];
    private final long[] row = new long[8];
    private final int[] work8 = new int[64];

    /** For samples of {@code precision} bits (8 or 12): IJG keeps 2 extra bits after the first pass for 8, 1 for 12. */
    InverseDct(int precision) {
        this.pass1Bits = precision <= 8 ? 2 : 1;
        this.center = 1 << (precision - 1);
        this.max = (1 << precision) - 1;
    }

    private static long fix(double x) {
        return (long) (x * (1 << CONST_BITS) + 0.5);
    }

    private static long descale(long x, int n) {
        return (x + (1L << (n - 1))) >> n;
    }

    /**
     * Transforms {@code coef} (dequantized coefficients in natural order) into 8x8 samples level-shifted and clamped to
     * the sample range, written to {@code out} at {@code offset} with {@code stride} samples per row.
     */
    void transform(int[] coef, int[] out, int offset, int stride) {
        long[] ws = work;
        int shift1 = CONST_BITS - pass1Bits;
        for (int col = 0; col < 8; col++) {
            if (coef[col + 8] == 0 && coef[col + 16] == 0 && coef[col + 24] == 0 && coef[col + 32] == 0
                    && coef[col + 40] == 0 && coef[col + 48] == 0 && coef[col + 56] == 0) {
                // Only the DC term: the column is flat (the full transform gives the same value).
                long dc = (long) coef[col] << pass1Bits;
                for (int r = 0; r < 64; r += 8) {
                    ws[col + r] = dc;
                }
                continue;
            }
            oneD(coef[col], coef[col + 8], coef[col + 16], coef[col + 24], coef[col + 32], coef[col + 40], coef[col + 48],
                    coef[col + 56], ws, col, 8, shift1);
        }
        int shift2 = CONST_BITS + pass1Bits + 3;
        for (int r = 0; r < 8; r++) {
            int w = r * 8;
            int o = offset + r * stride;
            if (ws[w + 1] == 0 && ws[w + 2] == 0 && ws[w + 3] == 0 && ws[w + 4] == 0 && ws[w + 5] == 0 && ws[w + 6] == 0
                    && ws[w + 7] == 0) {
                int v = clamp(descale(ws[w], pass1Bits + 3) + center);
                for (int c = 0; c < 8; c++) {
                    out[o + c] = v;
                }
                continue;
            }
            oneD(ws[w], ws[w + 1], ws[w + 2], ws[w + 3], ws[w + 4], ws[w + 5], ws[w + 6], ws[w + 7], row, 0, 1, shift2);
            for (int c = 0; c < 8; c++) {
                out[o + c] = clamp(row[c] + center);
            }
        }
    }

    /** Only the DC term is non-zero: the block is flat, with the value the full transform gives. */
    void transformDcOnly(int dc, int[] out, int offset, int stride) {
        int v = clamp(descale((long) dc << pass1Bits, pass1Bits + 3) + center);
        for (int r = 0; r < 8; r++) {
            java.util.Arrays.fill(out, offset + r * stride, offset + r * stride + 8, v);
        }
    }

    /**
     * {@link #transform} in 32-bit arithmetic, for 8-bit samples: as in IJG's 8-bit build, the intermediate values of
     * valid data fit (only corrupt coefficients could overflow, giving other wrong samples, never an exception).
     */
    void transform8(int[] coef, int[] out, int offset, int stride) {
        int[] ws = work8;
        for (int col = 0; col < 8; col++) {
            if (coef[col + 8] == 0 && coef[col + 16] == 0 && coef[col + 24] == 0 && coef[col + 32] == 0
                    && coef[col + 40] == 0 && coef[col + 48] == 0 && coef[col + 56] == 0) {
                int dc = coef[col] << 2;
                for (int r = 0; r < 64; r += 8) {
                    ws[col + r] = dc;
                }
                continue;
            }
            oneD8(coef[col], coef[col + 8], coef[col + 16], coef[col + 24], coef[col + 32], coef[col + 40], coef[col + 48],
                    coef[col + 56], ws, col, 8, CONST_BITS - 2, 0);
        }
        for (int r = 0; r < 8; r++) {
            int w = r * 8;
            int o = offset + r * stride;
            if (ws[w + 1] == 0 && ws[w + 2] == 0 && ws[w + 3] == 0 && ws[w + 4] == 0 && ws[w + 5] == 0 && ws[w + 6] == 0
                    && ws[w + 7] == 0) {
                int v = clamp8(((ws[w] + 16) >> 5) + 128);
                for (int c = 0; c < 8; c++) {
                    out[o + c] = v;
                }
                continue;
            }
            oneD8(ws[w], ws[w + 1], ws[w + 2], ws[w + 3], ws[w + 4], ws[w + 5], ws[w + 6], ws[w + 7], out, o, 1,
                    CONST_BITS + 2 + 3, 128);
        }
    }

    private static int clamp8(int v) {
        return v < 0 ? 0 : v > 255 ? 255 : v;
    }

    /** {@link #oneD} in int; with a non-zero {@code center} the results are level-shifted and clamped to 0..255. */
    private static void oneD8(int x0, int x1, int x2, int x3, int x4, int x5, int x6, int x7, int[] dst, int at, int step,
            int shift, int center) {
        int z1 = (x2 + x6) * I0_541196100;
        int tmp2 = z1 - x6 * I1_847759065;
        int tmp3 = z1 + x2 * I0_765366865;
        int tmp0 = (x0 + x4) << CONST_BITS;
        int tmp1 = (x0 - x4) << CONST_BITS;
        int tmp10 = tmp0 + tmp3;
        int tmp13 = tmp0 - tmp3;
        int tmp11 = tmp1 + tmp2;
        int tmp12 = tmp1 - tmp2;

        int o0 = x7;
        int o1 = x5;
        int o2 = x3;
        int o3 = x1;
        int za = o0 + o3;
        int zb = o1 + o2;
        int zc = o0 + o2;
        int zd = o1 + o3;
        int z5 = (zc + zd) * I1_175875602;
        o0 *= I0_298631336;
        o1 *= I2_053119869;
        o2 *= I3_072711026;
        o3 *= I1_501321110;
        za *= -I0_899976223;
        zb *= -I2_562915447;
        zc = zc * -I1_961570560 + z5;
        zd = zd * -I0_390180644 + z5;
        o0 += za + zc;
        o1 += zb + zd;
        o2 += zb + zc;
        o3 += za + zd;

        int round = 1 << (shift - 1);
        if (center == 0) {
            dst[at] = (tmp10 + o3 + round) >> shift;
            dst[at + 7 * step] = (tmp10 - o3 + round) >> shift;
            dst[at + step] = (tmp11 + o2 + round) >> shift;
            dst[at + 6 * step] = (tmp11 - o2 + round) >> shift;
            dst[at + 2 * step] = (tmp12 + o1 + round) >> shift;
            dst[at + 5 * step] = (tmp12 - o1 + round) >> shift;
            dst[at + 3 * step] = (tmp13 + o0 + round) >> shift;
            dst[at + 4 * step] = (tmp13 - o0 + round) >> shift;
        } else {
            dst[at] = clamp8(((tmp10 + o3 + round) >> shift) + center);
            dst[at + 7 * step] = clamp8(((tmp10 - o3 + round) >> shift) + center);
            dst[at + step] = clamp8(((tmp11 + o2 + round) >> shift) + center);
            dst[at + 6 * step] = clamp8(((tmp11 - o2 + round) >> shift) + center);
            dst[at + 2 * step] = clamp8(((tmp12 + o1 + round) >> shift) + center);
            dst[at + 5 * step] = clamp8(((tmp12 - o1 + round) >> shift) + center);
            dst[at + 3 * step] = clamp8(((tmp13 + o0 + round) >> shift) + center);
            dst[at + 4 * step] = clamp8(((tmp13 - o0 + round) >> shift) + center);
        }
    }

    private int clamp(long v) {
        return v < 0 ? 0 : v > max ? max : (int) v;
    }

    /** One 1-D inverse DCT of x0..x7, results descaled by {@code shift} into {@code dst[at + i * step]}. */
    private static void oneD(long x0, long x1, long x2, long x3, long x4, long x5, long x6, long x7, long[] dst, int at,
            int step, int shift) {
        // Even part: the rotation of x2, x6 by the sqrt(2)*c6 butterfly, then x0, x4.
        long z1 = (x2 + x6) * C0_541196100;
        long tmp2 = z1 - x6 * C1_847759065;
        long tmp3 = z1 + x2 * C0_765366865;
        long tmp0 = (x0 + x4) << CONST_BITS;
        long tmp1 = (x0 - x4) << CONST_BITS;
        long tmp10 = tmp0 + tmp3;
        long tmp13 = tmp0 - tmp3;
        long tmp11 = tmp1 + tmp2;
        long tmp12 = tmp1 - tmp2;

        // Odd part: x7, x5, x3, x1 through the shared z5 rotation.
        long o0 = x7;
        long o1 = x5;
        long o2 = x3;
        long o3 = x1;
        long za = o0 + o3;
        long zb = o1 + o2;
        long zc = o0 + o2;
        long zd = o1 + o3;
        long z5 = (zc + zd) * C1_175875602;
        o0 *= C0_298631336;
        o1 *= C2_053119869;
        o2 *= C3_072711026;
        o3 *= C1_501321110;
        za *= -C0_899976223;
        zb *= -C2_562915447;
        zc = zc * -C1_961570560 + z5;
        zd = zd * -C0_390180644 + z5;
        o0 += za + zc;
        o1 += zb + zd;
        o2 += zb + zc;
        o3 += za + zd;

        dst[at] = descale(tmp10 + o3, shift);
        dst[at + 7 * step] = descale(tmp10 - o3, shift);
        dst[at + step] = descale(tmp11 + o2, shift);
        dst[at + 6 * step] = descale(tmp11 - o2, shift);
        dst[at + 2 * step] = descale(tmp12 + o1, shift);
        dst[at + 5 * step] = descale(tmp12 - o1, shift);
        dst[at + 3 * step] = descale(tmp13 + o0, shift);
        dst[at + 4 * step] = descale(tmp13 - o0, shift);
    }
}
