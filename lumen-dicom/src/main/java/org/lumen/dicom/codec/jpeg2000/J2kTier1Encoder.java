package org.lumen.dicom.codec.jpeg2000;

import java.util.Arrays;

/**
 * EBCOT tier-1 coding of one code-block (ISO/IEC 15444-1 Annex D) with the default code-block style: no bypass, no
 * context reset, one MQ codeword terminated after the last pass. Bit-planes from the most significant non-zero one down:
 * a cleanup pass, then significance propagation, magnitude refinement and cleanup for each lower plane (3K - 2 passes).
 *
 * <p>Each coefficient keeps a state word: which of its eight neighbours are significant and the signs of the four
 * horizontal and vertical ones, so that a context is one table look-up; when a coefficient becomes significant it tells
 * its neighbours. The state array has a one-coefficient border so that edges need no tests. Not thread-safe; reused per
 * code-block.
 */
final class J2kTier1Encoder {
    static final int LL = 0;
    static final int HL = 1;
    static final int LH = 2;
    static final int HH = 3;

    // Neighbour significance (bits 0-7) and signs of the horizontal and vertical neighbours (bits 8-11).
    private static final int SIG_N = 1;
    private static final int SIG_S = 2;
    private static final int SIG_W = 4;
    private static final int SIG_E = 8;
    private static final int SIG_NW = 16;
    private static final int SIG_NE = 32;
    private static final int SIG_SW = 64;
    private static final int SIG_SE = 128;
    private static final int NEG_N = 1 << 8;
    private static final int NEG_S = 1 << 9;
    private static final int NEG_W = 1 << 10;
    private static final int NEG_E = 1 << 11;
    private static final int NEIGHBOURS = 0xFF;
    // The coefficient's own state.
    private static final int SIG = 1 << 12;
    private static final int VISITED = 1 << 13;
    private static final int REFINED = 1 << 14;
    private static final int NEG = 1 << 15;

    /** Zero-coding context (Table D.1) per band orientation and neighbour-significance byte. */
    private static final byte[][] ZERO_CONTEXT = new byte[4][256];
    /** Sign-coding context and XOR bit (Table D.3) as {@code context << 1 | xor}, by significance and sign nibbles. */
    private static final byte[] SIGN_CONTEXT = new byte[256];

    static {
        for (int m = 0; m < 256; m++) {
            int v = (m & SIG_N) + ((m & SIG_S) >> 1);
            int h = ((m & SIG_W) >> 2) + ((m & SIG_E) >> 3);
            int d = Integer.bitCount(m & (SIG_NW | SIG_NE | SIG_SW | SIG_SE));
            ZERO_CONTEXT[LL][m] = (byte) zeroContext(h, v, d);
            ZERO_CONTEXT[LH][m] = (byte) zeroContext(h, v, d);
            ZERO_CONTEXT[HL][m] = (byte) zeroContext(v, h, d);
            ZERO_CONTEXT[HH][m] = (byte) diagonalContext(h + v, d);
        }
        for (int m = 0; m < 256; m++) {
            int sig = m & 0xF;
            int neg = m >> 4;
            int v = contribution(sig, neg, 0) + contribution(sig, neg, 1);
            int h = contribution(sig, neg, 2) + contribution(sig, neg, 3);
            v = Math.max(-1, Math.min(1, v));
            h = Math.max(-1, Math.min(1, h));
            int context;
            int xor = 0;
            if (h == 0 && v == 0) {
                context = 9;
            } else if (h == 0) {
                context = 10;
                xor = v < 0 ? 1 : 0;
            } else {
                context = 12 + h * v; // h = 1: 13, 12, 11 for v = 1, 0, -1; h = -1 mirrors with XOR 1
                xor = h < 0 ? 1 : 0;
            }
            SIGN_CONTEXT[m] = (byte) (context << 1 | xor);
        }
    }

    private static int zeroContext(int h, int v, int d) {
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

    private static int diagonalContext(int hv, int d) {
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

    /** +1, -1 or 0 for neighbour {@code k} (0 N, 1 S, 2 W, 3 E) as significant positive, negative, or not. */
    private static int contribution(int sig, int neg, int k) {
        return (sig >> k & 1) == 0 ? 0 : (neg >> k & 1) == 0 ? 1 : -1;
    }

    private final J2kMqEncoder mq = new J2kMqEncoder();
    private int[] state = new int[66 * 66];
    private int[] magnitude = new int[64 * 64];
    private int stride;
    private int width;
    private int height;
    private byte[] zeroContext;

    /** Bit-planes of the last code-block (0 when all its coefficients are zero: then it has no passes). */
    int bitPlanes;
    /** Coding passes of the last code-block. */
    int passes;
    /** Bytes of the last code-block's codeword. */
    int length;

    /**
     * Codes the {@code w x h} code-block at {@code offset} of {@code coefficients} (rows {@code rowStride} apart) from a
     * band of {@code orientation}; the result is in {@link #bitPlanes}, {@link #passes}, {@link #length} and
     * {@link #data}.
     */
    void encode(int[] coefficients, int offset, int rowStride, int w, int h, int orientation) {
        width = w;
        height = h;
        stride = w + 2;
        int cells = stride * (h + 5); // three spare rows: a stripe's four states can be read at once
        if (state.length < cells) {
            state = new int[cells];
        }
        if (magnitude.length < w * h) {
            magnitude = new int[w * h];
        }
        Arrays.fill(state, 0, cells, 0);
        int or = 0;
        for (int y = 0; y < h; y++) {
            int in = offset + y * rowStride;
            int m = y * w;
            int s = (y + 1) * stride + 1;
            for (int x = 0; x < w; x++) {
                int value = coefficients[in + x];
                int mag = value < 0 ? -value : value;
                magnitude[m + x] = mag;
                or |= mag;
                if (value < 0) {
                    state[s + x] = NEG;
                }
            }
        }
        bitPlanes = 32 - Integer.numberOfLeadingZeros(or);
        passes = 0;
        length = 0;
        if (bitPlanes == 0) {
            return;
        }
        zeroContext = ZERO_CONTEXT[orientation];
        mq.reset();
        for (int plane = bitPlanes - 1; plane >= 0; plane--) {
            if (plane < bitPlanes - 1) {
                significancePass(plane);
                refinementPass(plane);
                passes += 2;
            }
            cleanupPass(plane);
            passes++;
        }
        length = mq.flush();
    }

    /** The codeword of the last code-block: {@code data()[1 .. length]}. */
    byte[] data() {
        return mq.buffer();
    }

    private void significancePass(int plane) {
        final int[] st = state;
        final int[] mag = magnitude;
        final byte[] zc = zeroContext;
        for (int y0 = 0; y0 < height; y0 += 4) {
            int y1 = Math.min(y0 + 4, height);
            int top = (y0 + 1) * stride + 1;
            for (int x = 0; x < width; x++) {
                int t = top + x;
                int a = st[t];
                int b = st[t + stride];
                int c = st[t + 2 * stride];
                int d = st[t + 3 * stride];
                if (((a | b | c | d) & NEIGHBOURS) == 0 || (a & b & c & d & SIG) != 0) {
                    continue; // nothing in this column of the stripe has a significant neighbour, or all are significant
                }
                for (int y = y0; y < y1; y++) {
                    int i = (y + 1) * stride + x + 1;
                    int f = st[i];
                    if ((f & SIG) == 0 && (f & NEIGHBOURS) != 0) {
                        int bit = mag[y * width + x] >>> plane & 1;
                        mq.encode(bit, zc[f & NEIGHBOURS]);
                        if (bit != 0) {
                            becomeSignificant(i, f);
                        }
                        st[i] |= VISITED;
                    }
                }
            }
        }
    }

    private void refinementPass(int plane) {
        final int[] st = state;
        final int[] mag = magnitude;
        for (int y0 = 0; y0 < height; y0 += 4) {
            int y1 = Math.min(y0 + 4, height);
            int top = (y0 + 1) * stride + 1;
            for (int x = 0; x < width; x++) {
                int t = top + x;
                if (((st[t] | st[t + stride] | st[t + 2 * stride] | st[t + 3 * stride]) & SIG) == 0) {
                    continue;
                }
                for (int y = y0; y < y1; y++) {
                    int i = (y + 1) * stride + x + 1;
                    int f = st[i];
                    if ((f & (SIG | VISITED)) == SIG) {
                        int context = (f & REFINED) != 0 ? 16 : (f & NEIGHBOURS) != 0 ? 15 : 14;
                        mq.encode(mag[y * width + x] >>> plane & 1, context);
                        st[i] = f | REFINED;
                    }
                }
            }
        }
    }

    private void cleanupPass(int plane) {
        final int[] st = state;
        final int[] mag = magnitude;
        final byte[] zc = zeroContext;
        final int s = stride;
        for (int y0 = 0; y0 < height; y0 += 4) {
            int y1 = Math.min(y0 + 4, height);
            for (int x = 0; x < width; x++) {
                int y = y0;
                int i = (y0 + 1) * s + x + 1;
                if ((st[i] & st[i + s] & st[i + 2 * s] & st[i + 3 * s] & SIG) != 0) {
                    st[i] &= ~VISITED; // all four significant already: nothing to code here
                    st[i + s] &= ~VISITED;
                    st[i + 2 * s] &= ~VISITED;
                    st[i + 3 * s] &= ~VISITED;
                    continue;
                }
                if (y1 - y0 == 4
                        && ((st[i] | st[i + s] | st[i + 2 * s] | st[i + 3 * s]) & (SIG | VISITED | NEIGHBOURS)) == 0) {
                    // Run-length mode (D.3.4): four insignificant coefficients with insignificant neighbourhoods.
                    int m = y0 * width + x;
                    int k = 0;
                    while (k < 4 && (mag[m + k * width] >>> plane & 1) == 0) {
                        k++;
                    }
                    if (k == 4) {
                        mq.encode(0, J2kMqEncoder.CTX_RUN_LENGTH);
                        continue;
                    }
                    mq.encode(1, J2kMqEncoder.CTX_RUN_LENGTH);
                    mq.encode(k >> 1, J2kMqEncoder.CTX_UNIFORM);
                    mq.encode(k & 1, J2kMqEncoder.CTX_UNIFORM);
                    int first = i + k * s;
                    becomeSignificant(first, st[first]);
                    y = y0 + k + 1;
                }
                for (; y < y1; y++) {
                    int j = (y + 1) * s + x + 1;
                    int f = st[j];
                    if ((f & (SIG | VISITED)) == 0) {
                        int bit = mag[y * width + x] >>> plane & 1;
                        mq.encode(bit, zc[f & NEIGHBOURS]);
                        if (bit != 0) {
                            becomeSignificant(j, f);
                        }
                    } else {
                        st[j] = f & ~VISITED;
                    }
                }
            }
        }
    }

    /** Codes the sign of the coefficient at {@code i} (state {@code f}), marks it significant and tells its neighbours. */
    private void becomeSignificant(int i, int f) {
        int sc = SIGN_CONTEXT[(f & 0xF) | (f >> 4 & 0xF0)];
        boolean negative = (f & NEG) != 0;
        mq.encode((negative ? 1 : 0) ^ (sc & 1), sc >> 1);
        final int[] st = state;
        final int s = stride;
        st[i] = f | SIG;
        st[i - s] |= negative ? SIG_S | NEG_S : SIG_S;
        st[i + s] |= negative ? SIG_N | NEG_N : SIG_N;
        st[i - 1] |= negative ? SIG_E | NEG_E : SIG_E;
        st[i + 1] |= negative ? SIG_W | NEG_W : SIG_W;
        st[i - s - 1] |= SIG_SE;
        st[i - s + 1] |= SIG_SW;
        st[i + s - 1] |= SIG_NE;
        st[i + s + 1] |= SIG_NW;
    }
}
