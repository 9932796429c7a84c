package org.lumen.dicom.codec.jpegls;

import org.lumen.dicom.pixel.PixelDataException;

/**
 * The parameters one JPEG-LS scan is coded with (ITU-T T.87 A.2): MAXVAL, NEAR, the gradient thresholds T1-T3 and RESET
 * as given by an LSE segment or defaulted per C.2.4.1.1, and what follows from them (RANGE, qbpp, LIMIT).
 */
final class CodingParameters {
    static final int BASIC_T1 = 3;
    static final int BASIC_T2 = 7;
    static final int BASIC_T3 = 21;
    static final int DEFAULT_RESET = 64;

    final int maxval;
    final int near;
    final int t1;
    final int t2;
    final int t3;
    final int reset;
    /** Number of distinct quantized prediction errors: floor((MAXVAL + 2 NEAR) / (2 NEAR + 1)) + 1. */
    final int range;
    /** Bits of a quantized error: ceil(log2 RANGE). */
    final int qbpp;
    /** Longest Golomb code word: 2 (bpp + max(8, bpp)). */
    final int limit;
    /** 2 NEAR + 1, the quantization step. */
    final int step;

    /**
     * Parameters for samples of {@code precision} bits; {@code preset} values of 0 (or an absent LSE, all zeros) take the
     * defaults. A PixelDataException when the values break T.87's constraints (C.2.4.1.1).
     */
    CodingParameters(int precision, int near, int presetMaxval, int presetT1, int presetT2, int presetT3, int presetReset) {
        if (precision < 2 || precision > 16) {
            throw new PixelDataException("JPEG-LS: sample precision " + precision + " is outside 2..16");
        }
        int maxval = presetMaxval != 0 ? presetMaxval : (1 << precision) - 1;
        if (maxval < 1 || maxval >= 1 << precision) {
            throw new PixelDataException("JPEG-LS: MAXVAL " + maxval + " does not fit " + precision + "-bit samples");
        }
        int maxNear = Math.min(255, maxval / 2);
        if (near < 0 || near > maxNear) {
            throw new PixelDataException("JPEG-LS: NEAR " + near + " is outside 0.." + maxNear + " for MAXVAL " + maxval);
        }
        this.maxval = maxval;
        this.near = near;
        int[] defaults = defaultThresholds(maxval, near);
        this.t1 = presetT1 != 0 ? presetT1 : defaults[0];
        this.t2 = presetT2 != 0 ? presetT2 : defaults[1];
        this.t3 = presetT3 != 0 ? presetT3 : defaults[2];
        this.reset = presetReset != 0 ? presetReset : DEFAULT_RESET;
        if (t1 < near + 1 || t1 > maxval || t2 < t1 || t2 > maxval || t3 < t2 || t3 > maxval) {
            throw new PixelDataException("JPEG-LS: thresholds T1 " + t1 + ", T2 " + t2 + ", T3 " + t3
                    + " break NEAR+1 <= T1 <= T2 <= T3 <= MAXVAL (NEAR " + near + ", MAXVAL " + maxval + ")");
        }
        if (reset < 3 || reset > Math.max(255, maxval)) {
            throw new PixelDataException("JPEG-LS: RESET " + reset + " is outside 3.." + Math.max(255, maxval));
        }
        this.step = 2 * near + 1;
        this.range = (maxval + 2 * near) / step + 1;
        this.qbpp = ceilLog2(range);
        int bpp = Math.max(2, ceilLog2(maxval + 1));
        this.limit = 2 * (bpp + Math.max(8, bpp));
    }

    /** T1, T2, T3 by C.2.4.1.1 for this MAXVAL and NEAR. */
    static int[] defaultThresholds(int maxval, int near) {
        int t1;
        int t2;
        int t3;
        if (maxval >= 128) {
            int factor = (Math.min(maxval, 4095) + 128) / 256;
            t1 = clamp(factor * (BASIC_T1 - 2) + 2 + 3 * near, near + 1, maxval);
            t2 = clamp(factor * (BASIC_T2 - 3) + 3 + 5 * near, t1, maxval);
            t3 = clamp(factor * (BASIC_T3 - 4) + 4 + 7 * near, t2, maxval);
        } else {
            int factor = 256 / (maxval + 1);
            t1 = clamp(Math.max(2, BASIC_T1 / factor + 3 * near), near + 1, maxval);
            t2 = clamp(Math.max(3, BASIC_T2 / factor + 5 * near), t1, maxval);
            t3 = clamp(Math.max(4, BASIC_T3 / factor + 7 * near), t2, maxval);
        }
        return new int[] {t1, t2, t3};
    }

    /** T.87's CLAMP: j when i is above MAXVAL or below j, else i. */
    private static int clamp(int i, int j, int maxval) {
        return i > maxval || i < j ? j : i;
    }

    static int ceilLog2(int value) {
        return 32 - Integer.numberOfLeadingZeros(value - 1);
    }

    /** True when the thresholds and RESET are the defaults, so that an encoder need not write an LSE segment. */
    boolean isDefault(int precision) {
        int[] defaults = defaultThresholds(maxval, near);
        return maxval == (1 << precision) - 1 && t1 == defaults[0] && t2 == defaults[1] && t3 == defaults[2]
                && reset == DEFAULT_RESET;
    }
}
