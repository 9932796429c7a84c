package org.lumen.dicom.codec.jpegls;

/**
 * Encodes the lines of one JPEG-LS scan (T.87 Annex A, encoder side), the mirror of {@link ScanDecoder}: the same line
 * layout, the same {@link ContextModel}. Each line holds the source samples on entry and the reconstructed samples (what
 * a decoder will see; equal to the source when NEAR is 0) on return, so the next line predicts from what the decoder
 * has. Bits go out most significant first, with a zero bit stuffed after every 0xFF byte.
 */
final class ScanEncoder {
    private final ContextModel model;
    private final CodingParameters p;
    private final int width;
    private byte[] out;
    private int size;
    private long buffer;
    private int count;
    private boolean lastFF;

    ScanEncoder(ContextModel model, int width, byte[] out, int size) {
        this.model = model;
        this.p = model.p;
        this.width = width;
        this.out = out;
        this.size = size;
    }

    byte[] bytes() {
        return out;
    }

    int size() {
        return size;
    }

    /** Appends {@code bits} low bits of {@code value} (at most 31). */
    private void write(int value, int bits) {
        buffer = (buffer << bits) | (value & ((1L << bits) - 1));
        count += bits;
        while (count >= (lastFF ? 7 : 8)) {
            if (lastFF) {
                emit((int) (buffer >>> (count - 7)) & 0x7F);
                count -= 7;
            } else {
                emit((int) (buffer >>> (count - 8)) & 0xFF);
                count -= 8;
            }
        }
    }

    private void emit(int b) {
        if (size == out.length) {
            out = java.util.Arrays.copyOf(out, out.length * 2 + 16);
        }
        out[size++] = (byte) b;
        lastFF = b == 0xFF;
    }

    /** Pads the last byte with zeros; a final 0xFF gets the zero byte its stuffed bit needs. Call at the end of the scan. */
    void flush() {
        int bitsPerByte = lastFF ? 7 : 8;
        if (count > 0) {
            write(0, bitsPerByte - count);
        }
        if (lastFF) {
            emit(0);
        }
        buffer = 0;
        count = 0;
        lastFF = false;
    }

    /** Ends the restart interval: flushes the bits, writes RSTm and starts the model afresh (T.87 D.2). */
    void restart(int marker) {
        flush();
        emit(0xFF);
        emit(marker);
        lastFF = false;
        model.reset();
    }

    /** A.5.3 limited-length Golomb code of {@code mapped} with parameter k. */
    private void writeGolomb(int mapped, int k, int limit) {
        int escape = limit - p.qbpp - 1;
        int high = mapped >>> k;
        if (high < escape) {
            writeZeros(high);
            write(1, 1);
            if (k > 0) {
                write(mapped & ((1 << k) - 1), k);
            }
        } else {
            writeZeros(escape);
            write(1, 1);
            write(mapped - 1, p.qbpp);
        }
    }

    private void writeZeros(int zeros) {
        int left = zeros;
        while (left > 24) {
            write(0, 24);
            left -= 24;
        }
        if (left > 0) {
            write(0, left);
        }
    }

    /** Encodes one line of one component; {@code cur} holds the source line and gets the reconstructed one. */
    void encodeLine(int[] prev, int[] cur, int slot) {
        final ContextModel m = model;
        final int near = p.near;
        final int maxval = p.maxval;
        cur[0] = prev[1];
        prev[width + 1] = prev[width];
        int x = 0;
        while (x < width) {
            int ra = cur[x];
            int rb = prev[x + 1];
            int rc = prev[x];
            int rd = prev[x + 2];
            int q = m.context(rd, rb, rc, ra);
            if (q == 0) {
                x = encodeRun(prev, cur, x, slot);
                continue;
            }
            int sign = q >> 31;
            q = (q ^ sign) - sign;
            int px = ContextModel.predict(ra, rb, rc);
            px += sign == 0 ? m.c[q] : -m.c[q];
            px = px < 0 ? 0 : Math.min(px, maxval);
            int errval = cur[x + 1] - px;
            if (sign != 0) {
                errval = -errval;
            }
            errval = m.quantizeError(errval);
            cur[x + 1] = near == 0 ? cur[x + 1] : m.reconstruct(px, sign == 0 ? errval : -errval);
            encodeRegularError(q, errval);
            x++;
        }
    }

    private void encodeRegularError(int q, int errval) {
        final ContextModel m = model;
        int k = m.golombK(q);
        int mapped;
        if (k == 0 && p.near == 0 && 2 * m.b[q] <= -m.n[q]) {
            mapped = errval >= 0 ? 2 * errval + 1 : -2 * (errval + 1);
        } else {
            mapped = errval >= 0 ? 2 * errval : -2 * errval - 1;
        }
        writeGolomb(mapped, k, p.limit);
        m.update(q, errval);
    }

    private int encodeRun(int[] prev, int[] cur, int x, int slot) {
        int ra = cur[x];
        int near = p.near;
        int run = 0;
        while (x + run < width && Math.abs(cur[x + 1 + run] - ra) <= near) {
            cur[x + 1 + run] = ra;
            run++;
        }
        boolean endOfLine = x + run == width;
        int index = writeRunLength(run, endOfLine, model.runIndex[slot]);
        x += run;
        if (!endOfLine) {
            int rb = prev[x + 1];
            int riType = Math.abs(ra - rb) <= near ? 1 : 0;
            if (riType == 1) {
                cur[x + 1] = encodeInterruption(1, ra, cur[x + 1], false, index);
            } else {
                cur[x + 1] = encodeInterruption(0, rb, cur[x + 1], ra > rb, index);
            }
            x++;
            if (index > 0) {
                index--;
            }
        }
        model.runIndex[slot] = index;
        return x;
    }

    /** A.7.1.1: ones for each full 2^J[index] samples, then (unless the line ended) a zero and the rest in J bits. */
    private int writeRunLength(int run, boolean endOfLine, int startIndex) {
        int index = startIndex;
        int left = run;
        while (left >= 1 << ContextModel.J[index]) {
            write(1, 1);
            left -= 1 << ContextModel.J[index];
            if (index < 31) {
                index++;
            }
        }
        if (endOfLine) {
            if (left > 0) {
                write(1, 1);
            }
        } else {
            write(0, 1);
            if (ContextModel.J[index] > 0) {
                write(left, ContextModel.J[index]);
            }
        }
        return index;
    }

    /** A.7.2: codes the sample interrupting a run against {@code px}; returns the reconstructed sample. */
    private int encodeInterruption(int riType, int px, int sample, boolean negate, int runIndex) {
        final ContextModel m = model;
        int errval = sample - px;
        if (negate) {
            errval = -errval;
        }
        errval = m.quantizeError(errval);
        int reconstructed = p.near == 0 ? sample : m.reconstruct(px, negate ? -errval : errval);
        int k = m.runGolombK(riType);
        boolean map = m.runMap(riType, k, errval);
        int mapped = 2 * Math.abs(errval) - riType - (map ? 1 : 0);
        writeGolomb(mapped, k, p.limit - ContextModel.J[runIndex] - 1);
        m.runUpdate(riType, errval, mapped);
        return reconstructed;
    }

    /** Encodes one line of a sample-interleaved scan of three components (see ScanDecoder#decodeInterleavedLine). */
    void encodeInterleavedLine(int[] prev0, int[] cur0, int[] prev1, int[] cur1, int[] prev2, int[] cur2) {
        final ContextModel m = model;
        cur0[0] = prev0[1];
        cur1[0] = prev1[1];
        cur2[0] = prev2[1];
        prev0[width + 1] = prev0[width];
        prev1[width + 1] = prev1[width];
        prev2[width + 1] = prev2[width];
        int x = 0;
        while (x < width) {
            int q0 = m.context(prev0[x + 2], prev0[x + 1], prev0[x], cur0[x]);
            int q1 = m.context(prev1[x + 2], prev1[x + 1], prev1[x], cur1[x]);
            int q2 = m.context(prev2[x + 2], prev2[x + 1], prev2[x], cur2[x]);
            if ((q0 | q1 | q2) == 0) {
                x = encodeInterleavedRun(prev0, cur0, prev1, cur1, prev2, cur2, x);
                continue;
            }
            cur0[x + 1] = encodeRegular(q0, cur0[x], prev0[x + 1], prev0[x], cur0[x + 1]);
            cur1[x + 1] = encodeRegular(q1, cur1[x], prev1[x + 1], prev1[x], cur1[x + 1]);
            cur2[x + 1] = encodeRegular(q2, cur2[x], prev2[x + 1], prev2[x], cur2[x + 1]);
            x++;
        }
    }

    private int encodeRegular(int context, int ra, int rb, int rc, int sample) {
        final ContextModel m = model;
        int sign = context >> 31;
        int q = (context ^ sign) - sign;
        int px = ContextModel.predict(ra, rb, rc);
        px += sign == 0 ? m.c[q] : -m.c[q];
        px = px < 0 ? 0 : Math.min(px, p.maxval);
        int errval = sample - px;
        if (sign != 0) {
            errval = -errval;
        }
        errval = m.quantizeError(errval);
        int reconstructed = p.near == 0 ? sample : m.reconstruct(px, sign == 0 ? errval : -errval);
        encodeRegularError(q, errval);
        return reconstructed;
    }

    private int encodeInterleavedRun(int[] prev0, int[] cur0, int[] prev1, int[] cur1, int[] prev2, int[] cur2, int x) {
        int ra0 = cur0[x];
        int ra1 = cur1[x];
        int ra2 = cur2[x];
        int near = p.near;
        int run = 0;
        while (x + run < width && Math.abs(cur0[x + 1 + run] - ra0) <= near && Math.abs(cur1[x + 1 + run] - ra1) <= near
                && Math.abs(cur2[x + 1 + run] - ra2) <= near) {
            cur0[x + 1 + run] = ra0;
            cur1[x + 1 + run] = ra1;
            cur2[x + 1 + run] = ra2;
            run++;
        }
        boolean endOfLine = x + run == width;
        int index = writeRunLength(run, endOfLine, model.runIndex[0]);
        x += run;
        if (!endOfLine) {
            int rb0 = prev0[x + 1];
            int rb1 = prev1[x + 1];
            int rb2 = prev2[x + 1];
            cur0[x + 1] = encodeInterruption(0, rb0, cur0[x + 1], ra0 > rb0, index);
            cur1[x + 1] = encodeInterruption(0, rb1, cur1[x + 1], ra1 > rb1, index);
            cur2[x + 1] = encodeInterruption(0, rb2, cur2[x + 1], ra2 > rb2, index);
            x++;
            if (index > 0) {
                index--;
            }
        }
        model.runIndex[0] = index;
        return x;
    }
}
