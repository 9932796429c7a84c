package org.lumen.dicom.codec.jpeg2000;

import java.util.Arrays;

/**
 * The MQ arithmetic coder of ISO/IEC 15444-1 Annex C (encoder side: INITENC, ENCODE, RENORME, BYTEOUT, FLUSH), with the
 * 47-state probability table C.2 and the 19 contexts of tier-1 coding. One instance codes one code-block at a time and is
 * reused: {@link #reset} starts a new code-block. Not thread-safe.
 */
final class J2kMqEncoder {
    /** Contexts: 0-8 zero coding, 9-13 sign coding, 14-16 magnitude refinement, 17 run length, 18 uniform (D.3). */
    static final int CONTEXTS = 19;
    static final int CTX_RUN_LENGTH = 17;
    static final int CTX_UNIFORM = 18;

    /** Table C.2: Qe, next state after an MPS, next state after an LPS, and whether an LPS switches the MPS sense. */
    private static final int[] QE = {
        0x5601, 0x3401, 0x1801, 0x0AC1, 0x0521, 0x0221, 0x5601, 0x5401, 0x4801, 0x3801, 0x3001, 0x2401, 0x1C01, 0x1601,
        0x5601, 0x5401, 0x5101, 0x4801, 0x3801, 0x3401, 0x3001, 0x2801, 0x2401, 0x2201, 0x1C01, 0x1801, 0x1601, 0x1401,
        0x1201, 0x1101, 0x0AC1, 0x09C1, 0x08A1, 0x0521, 0x0441, 0x02A1, 0x0221, 0x0141, 0x0111, 0x0085, 0x0049, 0x0025,
        0x0015, 0x0009, 0x0005, 0x0001, 0x5601};
    private static final int[] NMPS = {
        1, 2, 3, 4, 5, 38, 7, 8, 9, 10, 11, 12, 13, 29, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31,
        32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 45, 46};
    private static final int[] NLPS = {
        1, 6, 9, 12, 29, 33, 6, 14, 14, 14, 17, 18, 20, 21, 14, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 23, 24, 25, 26, 27,
        28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 46};
    private static final int[] SWITCH = {
        1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0};

    /**
     * Per context a state word {@code index << 1 | mps}; the tables below are indexed by that word, so that coding a
     * decision is two array reads and no branch on the MPS sense.
     */
    private final int[] contexts = new int[CONTEXTS];
    private static final int[] QE_OF = new int[94];
    private static final int[] AFTER_MPS = new int[94];
    private static final int[] AFTER_LPS = new int[94];

    static {
        for (int index = 0; index < QE.length; index++) {
            for (int mps = 0; mps < 2; mps++) {
                int word = index << 1 | mps;
                QE_OF[word] = QE[index];
                AFTER_MPS[word] = NMPS[index] << 1 | mps;
                AFTER_LPS[word] = NLPS[index] << 1 | (SWITCH[index] == 1 ? 1 - mps : mps);
            }
        }
    }

    private int a;
    private int c;
    private int ct;
    /** Bytes coded; {@code out[0]} is the byte before the first one (C.2.1's BPST - 1), never part of the output. */
    private byte[] out = new byte[8192];
    /** Index of the byte B of Annex C. */
    private int bp;

    /** INITENC with the code-block's initial context states (D.7: all zero except the three named there). */
    void reset() {
        Arrays.fill(contexts, 0);
        contexts[0] = 4 << 1;
        contexts[CTX_RUN_LENGTH] = 3 << 1;
        contexts[CTX_UNIFORM] = 46 << 1;
        a = 0x8000;
        c = 0;
        ct = 12;
        bp = 0;
        out[0] = 0;
    }

    /** ENCODE: codes {@code bit} (0 or 1) in context {@code cx}. */
    void encode(int bit, int cx) {
        int word = contexts[cx];
        int qe = QE_OF[word];
        a -= qe;
        if ((word & 1) == bit) {
            if ((a & 0x8000) != 0) {
                c += qe;
                return;
            }
            if (a < qe) {
                a = qe;
            } else {
                c += qe;
            }
            contexts[cx] = AFTER_MPS[word];
        } else {
            if (a < qe) {
                c += qe;
            } else {
                a = qe;
            }
            contexts[cx] = AFTER_LPS[word];
        }
        renormalise();
    }

    /** RENORME, shifting as many bits at once as the counter allows instead of one per loop. */
    private void renormalise() {
        int shifts = Integer.numberOfLeadingZeros(a) - 16; // until bit 15 of A is set again
        while (shifts >= ct) {
            a <<= ct;
            c <<= ct;
            shifts -= ct;
            byteOut();
        }
        a <<= shifts;
        c <<= shifts;
        ct -= shifts;
    }

    private void byteOut() {
        if (bp + 2 >= out.length) {
            out = Arrays.copyOf(out, out.length * 2);
        }
        int b = out[bp] & 0xFF;
        if (b == 0xFF) {
            putStuffed();
        } else if ((c & 0x8000000) == 0) {
            out[++bp] = (byte) (c >>> 19);
            c &= 0x7FFFF;
            ct = 8;
        } else {
            out[bp] = (byte) (b + 1); // the carry
            if (b + 1 == 0xFF) {
                c &= 0x7FFFFFF;
                putStuffed();
            } else {
                out[++bp] = (byte) (c >>> 19);
                c &= 0x7FFFF;
                ct = 8;
            }
        }
    }

    /** After an 0xFF only 7 bits go into the next byte, so that no marker code can appear (C.2.8). */
    private void putStuffed() {
        out[++bp] = (byte) (c >>> 20);
        c &= 0xFFFFF;
        ct = 7;
    }

    /** FLUSH (C.2.9) with SETBITS; returns the length of the terminated codeword, a trailing 0xFF left out. */
    int flush() {
        int tempC = c + a;
        c |= 0xFFFF;
        if (c >= tempC) {
            c -= 0x8000;
        }
        c <<= ct;
        byteOut();
        c <<= ct;
        byteOut();
        return (out[bp] & 0xFF) == 0xFF ? bp - 1 : bp;
    }

    /** The coded bytes are {@code buffer()[1 .. flush()]}. */
    byte[] buffer() {
        return out;
    }
}
