package org.lumen.dicom.codec.jpeg2000;

/**
 * Tier-1 decoding of one code-block (ISO 15444-1 Annex D): significance propagation, magnitude refinement and cleanup
 * passes over stripes of four rows. Each sample's state is one int of {@link #flags} (with a one-sample border so that
 * neighbours need no bounds checks): the significance of its eight neighbours and the signs of four of them, kept up to
 * date as samples become significant, so that a context is a table look-up. Coefficients come out in a doubled scale
 * (one extra low bit holding the mid-point reconstruction) as signed ints. One instance per thread; buffers are reused.
 */
final class J2kBlockDecoder {
    // neighbour significance: NW N NE W E SW S SE
    private static final int SIG_NW = 1, SIG_N = 2, SIG_NE = 4, SIG_W = 8, SIG_E = 16, SIG_SW = 32, SIG_S = 64, SIG_SE = 128;
    // neighbour negative signs
    private static final int NEG_N = 256, NEG_W = 512, NEG_E = 1024, NEG_S = 2048;
    private static final int SIG = 1 << 12;
    private static final int VISIT = 1 << 13;
    private static final int REFINED = 1 << 14;
    private static final int NEGATIVE = 1 << 15;
    /** What vertically causal mode hides from the bottom row of a stripe: the next stripe's samples. */
    private static final int BELOW = SIG_SW | SIG_S | SIG_SE | NEG_S;

    private static final int CTX_RUN = 17;
    private static final int CTX_UNIFORM = 18;

    /** Zero-coding context for each orientation (0 LL, 1 HL, 2 LH, 3 HH) and neighbour significance (Table D.1). */
    private static final byte[] ZC = new byte[4 * 256];
    /** Sign-coding context << 1 | XOR bit for each pattern of N, W, E, S significance and signs (Table D.3). */
    private static final byte[] SC = new byte[256];

    static {
        for (int o = 0; o < 4; o++) {
            for (int f = 0; f < 256; f++) {
                int h = ((f & SIG_W) != 0 ? 1 : 0) + ((f & SIG_E) != 0 ? 1 : 0);
                int v = ((f & SIG_N) != 0 ? 1 : 0) + ((f & SIG_S) != 0 ? 1 : 0);
                int d = ((f & SIG_NW) != 0 ? 1 : 0) + ((f & SIG_NE) != 0 ? 1 : 0) + ((f & SIG_SW) != 0 ? 1 : 0)
                        + ((f & SIG_SE) != 0 ? 1 : 0);
                ZC[o * 256 + f] = (byte) zeroContext(o, h, v, d);
            }
        }
        for (int i = 0; i < 256; i++) {
            int hc = contribution(i & 2, i & 32) + contribution(i & 4, i & 64);
            int vc = contribution(i & 1, i & 16) + contribution(i & 8, i & 128);
            hc = Math.max(-1, Math.min(1, hc));
            vc = Math.max(-1, Math.min(1, vc));
            int ctx;
            int xor = 0;
            if (hc == 0) {
                ctx = vc == 0 ? 9 : 10;
                xor = vc < 0 ? 1 : 0;
            } else {
                ctx = 12 + hc * vc;
                xor = hc < 0 ? 1 : 0;
            }
            SC[i] = (byte) (ctx << 1 | xor);
        }
    }

    private static int contribution(int significant, int negative) {
        return significant == 0 ? 0 : negative != 0 ? -1 : 1;
    }

    private static int zeroContext(int orientation, int h, int v, int d) {
        if (orientation == 3) {
            int hv = h + v;
            if (d >= 3) {
                return 8;
            }
            if (d == 2) {
                return hv >= 1 ? 7 : 6;
            }
            if (d == 1) {
                return hv >= 2 ? 5 : hv == 1 ? 4 : 3;
            }
            return hv >= 2 ? 2 : hv;
        }
        if (orientation == 1) { // HL: horizontally high-pass, vertical neighbours weigh most
            int t = h;
            h = v;
            v = t;
        }
        if (h == 2) {
            return 8;
        }
        if (h == 1) {
            return v >= 1 ? 7 : d >= 1 ? 6 : 5;
        }
        if (v == 2) {
            return 4;
        }
        if (v == 1) {
            return 3;
        }
        return d >= 2 ? 2 : d;
    }

    private final MqDecoder mq = new MqDecoder();
    private int[] flags = new int[64];
    private int[] coefficients = new int[64];
    private int width;
    private int height;
    private int stride;
    private int zcBase;
    private boolean causal;

    /** The decoded coefficients of the last block, row by row (width x height), doubled scale, signed. */
    int[] coefficients() {
        return coefficients;
    }

    /**
     * Decodes {@code block} of the given size and orientation, whose most significant magnitude bit-plane is
     * {@code topPlane} (doubled scale: bit topPlane + 1). Returns false when it has no coded passes (all zero).
     */
    boolean decode(J2kCodeBlock block, int orientation, int style, int topPlane) {
        width = block.x1 - block.x0;
        height = block.y1 - block.y0;
        int area = width * height;
        stride = width + 2;
        int flagCount = stride * (height + 2);
        if (flags.length < flagCount) {
            flags = new int[flagCount];
        }
        java.util.Arrays.fill(flags, 0, flagCount, 0);
        if (coefficients.length < area) {
            coefficients = new int[area];
        }
        java.util.Arrays.fill(coefficients, 0, area, 0);
        if (block.passes == 0 || topPlane < 0) {
            return false;
        }
        zcBase = orientation * 256;
        causal = (style & J2kComponentCoding.VERTICALLY_CAUSAL) != 0;
        mq.resetContexts();
        int passType = 2; // 0 significance propagation, 1 refinement, 2 cleanup
        int plane = topPlane;
        int pass = 0;
        int offset = 0;
        for (int s = 0; s < block.segments && plane >= 0; s++) {
            int segLength = block.segmentLengths[s];
            int segEnd = Math.min(offset + segLength, block.length);
            boolean raw = J2kCodeBlock.isRaw(style, pass);
            if (raw) {
                mq.startRaw(block.data, offset, segEnd);
            } else {
                mq.start(block.data, offset, segEnd);
            }
            for (int k = 0; k < block.segmentPasses[s] && plane >= 0; k++) {
                switch (passType) {
                    case 0 -> significancePass(plane, raw);
                    case 1 -> refinementPass(plane, raw);
                    default -> {
                        cleanupPass(plane);
                        if ((style & J2kComponentCoding.SEGMENTATION_SYMBOLS) != 0) {
                            for (int i = 0; i < 4; i++) {
                                mq.decode(CTX_UNIFORM);
                            }
                        }
                    }
                }
                if ((style & J2kComponentCoding.RESET) != 0) {
                    mq.resetContexts();
                }
                if (passType == 2) {
                    passType = 0;
                    plane--;
                } else {
                    passType++;
                }
                pass++;
            }
            offset += segLength;
        }
        return true;
    }

    private int decodeSign(int f) {
        int idx = (f >> 1 & 1) | (f >> 2 & 6) | (f >> 3 & 8) | (f >> 4 & 0xF0);
        int sc = SC[idx];
        return mq.decode(sc >> 1) ^ (sc & 1);
    }

    /** Marks sample {@code i} significant and tells its neighbours. */
    private void becomeSignificant(int i, int negative) {
        int[] fl = flags;
        int s = stride;
        fl[i] |= SIG | (negative != 0 ? NEGATIVE : 0);
        fl[i - s - 1] |= SIG_SE;
        fl[i - s] |= SIG_S | (negative != 0 ? NEG_S : 0);
        fl[i - s + 1] |= SIG_SW;
        fl[i - 1] |= SIG_E | (negative != 0 ? NEG_E : 0);
        fl[i + 1] |= SIG_W | (negative != 0 ? NEG_W : 0);
        fl[i + s - 1] |= SIG_NE;
        fl[i + s] |= SIG_N | (negative != 0 ? NEG_N : 0);
        fl[i + s + 1] |= SIG_NW;
    }

    private void significancePass(int plane, boolean raw) {
        int[] fl = flags;
        int[] coef = coefficients;
        int one = 3 << plane;
        int w = width;
        int s = stride;
        for (int y0 = 0; y0 < height; y0 += 4) {
            int rows = Math.min(4, height - y0);
            for (int x = 0; x < w; x++) {
                int i = (y0 + 1) * s + x + 1;
                // the rows still insignificant and not yet visited, found without a branch per sample; a sample that
                // becomes significant changes only its neighbours' neighbourhood bits, so the set stays valid
                int todo;
                if (rows == 4) {
                    int f0 = fl[i];
                    int f1 = fl[i + s];
                    int f2 = fl[i + 2 * s];
                    int f3 = fl[i + 3 * s];
                    // a column where no sample has a significant neighbour has nothing to code in this pass
                    if (((f0 | f1 | f2 | f3) & 0xFF) == 0) {
                        continue;
                    }
                    todo = candidate(f0) | candidate(f1) << 1 | candidate(f2) << 2 | candidate(f3) << 3;
                } else {
                    todo = 0;
                    for (int r = 0; r < rows; r++) {
                        todo |= candidate(fl[i + r * s]) << r;
                    }
                }
                while (todo != 0) {
                    int r = Integer.numberOfTrailingZeros(todo);
                    todo &= todo - 1;
                    int j = i + r * s;
                    int f = fl[j];
                    if (causal && r == 3) {
                        f &= ~BELOW;
                    }
                    if ((f & 0xFF) == 0) {
                        continue;
                    }
                    int bit = raw ? mq.raw() : mq.decode(ZC[zcBase + (f & 0xFF)]);
                    if (bit != 0) {
                        int negative = raw ? mq.raw() : decodeSign(f);
                        coef[(y0 + r) * w + x] = negative != 0 ? -one : one;
                        becomeSignificant(j, negative);
                    }
                    fl[j] |= VISIT;
                }
            }
        }
    }

    /** 1 when a sample with flags {@code f} is neither significant nor visited in this plane, else 0. */
    private static int candidate(int f) {
        return ~((f >> 12) | (f >> 13)) & 1;
    }

    private void refinementPass(int plane, boolean raw) {
        int[] fl = flags;
        int[] coef = coefficients;
        int half = 1 << plane;
        int w = width;
        int s = stride;
        for (int y0 = 0; y0 < height; y0 += 4) {
            int rows = Math.min(4, height - y0);
            for (int x = 0; x < w; x++) {
                int i = (y0 + 1) * s + x + 1;
                // which rows of the column to refine (significant, not coded in this plane's significance pass), found
                // without a branch per sample: refinement changes no other sample's flags, so the set stays valid
                int todo;
                if (rows == 4) {
                    todo = refine(fl[i]) | refine(fl[i + s]) << 1 | refine(fl[i + 2 * s]) << 2 | refine(fl[i + 3 * s]) << 3;
                } else {
                    todo = 0;
                    for (int r = 0; r < rows; r++) {
                        todo |= refine(fl[i + r * s]) << r;
                    }
                }
                while (todo != 0) {
                    int r = Integer.numberOfTrailingZeros(todo);
                    todo &= todo - 1;
                    int j = i + r * s;
                    int f = fl[j];
                    int bit;
                    if (raw) {
                        bit = mq.raw();
                    } else {
                        if (causal && r == 3) {
                            f &= ~BELOW;
                        }
                        bit = mq.decode((f & REFINED) != 0 ? 16 : (f & 0xFF) != 0 ? 15 : 14);
                    }
                    int k = (y0 + r) * w + x;
                    int v = coef[k];
                    int delta = bit != 0 ? half : -half;
                    coef[k] = v < 0 ? v - delta : v + delta;
                    fl[j] |= REFINED;
                }
            }
        }
    }

    /** 1 when a sample with flags {@code f} is refined in this pass: significant and not visited, else 0. */
    private static int refine(int f) {
        return (f >> 12) & ~(f >> 13) & 1;
    }

    private void cleanupPass(int plane) {
        int[] fl = flags;
        int[] coef = coefficients;
        int one = 3 << plane;
        int w = width;
        int s = stride;
        for (int y0 = 0; y0 < height; y0 += 4) {
            int yEnd = Math.min(y0 + 4, height);
            for (int x = 0; x < w; x++) {
                int i = (y0 + 1) * s + x + 1;
                int y = y0;
                if (yEnd - y0 == 4) {
                    int f3 = fl[i + 3 * s];
                    if (causal) {
                        f3 &= ~BELOW;
                    }
                    if (((fl[i] | fl[i + s] | fl[i + 2 * s] | f3) & (SIG | VISIT | 0xFF)) == 0) {
                        if (mq.decode(CTX_RUN) == 0) {
                            continue;
                        }
                        int r = mq.decode(CTX_UNIFORM) << 1;
                        r |= mq.decode(CTX_UNIFORM);
                        y = y0 + r;
                        int j = i + r * s;
                        int f = fl[j];
                        if (causal && r == 3) {
                            f &= ~BELOW;
                        }
                        int negative = decodeSign(f);
                        coef[y * w + x] = negative != 0 ? -one : one;
                        becomeSignificant(j, negative);
                        y++;
                    }
                }
                for (int j = i + (y - y0) * s; y < yEnd; y++, j += s) {
                    int f = fl[j];
                    if ((f & (SIG | VISIT)) == 0) {
                        if (causal && y == y0 + 3) {
                            f &= ~BELOW;
                        }
                        if (mq.decode(ZC[zcBase + (f & 0xFF)]) != 0) {
                            int negative = decodeSign(f);
                            coef[y * w + x] = negative != 0 ? -one : one;
                            becomeSignificant(j, negative);
                        }
                    }
                }
                for (int y2 = y0, j = i; y2 < yEnd; y2++, j += s) {
                    fl[j] &= ~VISIT;
                }
            }
        }
    }
}
