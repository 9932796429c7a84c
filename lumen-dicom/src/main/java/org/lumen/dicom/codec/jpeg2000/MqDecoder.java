package org.lumen.dicom.codec.jpeg2000;

/**
 * The MQ arithmetic decoder of ISO 15444-1 Annex C (the LPS sub-interval at the bottom of A, as the encoder of C.2
 * lays it out), with its raw (bypass) mode (D.6).
 * Context states are packed in one int each: probability-state index shifted left by one, or'ed with the MPS. Bytes past
 * the end of the segment read as 0xFF, which the decoder turns into an endless run of 1 bits, as C.3.4 asks.
 */
final class MqDecoder {
    /**
     * Per context state (probability-state index << 1 | MPS, Table C.2): its Qe, and the state after an MPS or an LPS
     * decision (the LPS one with the MPS switched where SWITCH says).
     */
    private static final int[] QE = new int[94];
    private static final int[] AFTER_MPS = new int[94];
    private static final int[] AFTER_LPS = new int[94];

    static {
        int[][] t = {
            {0x5601, 1, 1, 1}, {0x3401, 2, 6, 0}, {0x1801, 3, 9, 0}, {0x0AC1, 4, 12, 0}, {0x0521, 5, 29, 0},
            {0x0221, 38, 33, 0}, {0x5601, 7, 6, 1}, {0x5401, 8, 14, 0}, {0x4801, 9, 14, 0}, {0x3801, 10, 14, 0},
            {0x3001, 11, 17, 0}, {0x2401, 12, 18, 0}, {0x1C01, 13, 20, 0}, {0x1601, 29, 21, 0}, {0x5601, 15, 14, 1},
            {0x5401, 16, 14, 0}, {0x5101, 17, 15, 0}, {0x4801, 18, 16, 0}, {0x3801, 19, 17, 0}, {0x3401, 20, 18, 0},
            {0x3001, 21, 19, 0}, {0x2801, 22, 19, 0}, {0x2401, 23, 20, 0}, {0x2201, 24, 21, 0}, {0x1C01, 25, 22, 0},
            {0x1801, 26, 23, 0}, {0x1601, 27, 24, 0}, {0x1401, 28, 25, 0}, {0x1201, 29, 26, 0}, {0x1101, 30, 27, 0},
            {0x0AC1, 31, 28, 0}, {0x09C1, 32, 29, 0}, {0x08A1, 33, 30, 0}, {0x0521, 34, 31, 0}, {0x0441, 35, 32, 0},
            {0x02A1, 36, 33, 0}, {0x0221, 37, 34, 0}, {0x0141, 38, 35, 0}, {0x0111, 39, 36, 0}, {0x0085, 40, 37, 0},
            {0x0049, 41, 38, 0}, {0x0025, 42, 39, 0}, {0x0015, 43, 40, 0}, {0x0009, 44, 41, 0}, {0x0005, 45, 42, 0},
            {0x0001, 45, 43, 0}, {0x5601, 46, 46, 0}};
        for (int i = 0; i < 47; i++) {
            for (int mps = 0; mps < 2; mps++) {
                int st = i << 1 | mps;
                QE[st] = t[i][0];
                AFTER_MPS[st] = t[i][1] << 1 | mps;
                AFTER_LPS[st] = t[i][2] << 1 | (mps ^ t[i][3]);
            }
        }
    }

    /** Context states, index << 1 | mps. */
    final int[] contexts = new int[19];
    private byte[] data;
    private int pos;
    private int end;
    private int a;
    private int c;
    private int ct;

    /** Starts MQ decoding of data[start, end) (INITDEC). */
    void start(byte[] buffer, int start, int stop) {
        data = buffer;
        pos = start;
        end = stop;
        c = byteAt(pos) << 16;
        byteIn();
        c <<= 7;
        ct -= 7;
        a = 0x8000;
    }

    /** Starts raw (bypass) decoding of data[start, end). */
    void startRaw(byte[] buffer, int start, int stop) {
        data = buffer;
        pos = start;
        end = stop;
        c = 0;
        ct = 0;
    }

    private int byteAt(int p) {
        return p < end ? data[p] & 0xFF : 0xFF;
    }

    private void byteIn() {
        if (byteAt(pos) == 0xFF) {
            int next = byteAt(pos + 1);
            if (next > 0x8F) {
                c += 0xFF00;
                ct = 8;
            } else {
                pos++;
                c += next << 9;
                ct = 7;
            }
        } else {
            pos++;
            c += byteAt(pos) << 8;
            ct = 8;
        }
    }

    /** Decodes one decision in context {@code cx} (DECODE, C.3.2). */
    int decode(int cx) {
        int st = contexts[cx];
        int qe = QE[st];
        int d;
        a -= qe;
        if ((c >>> 16) < qe) {
            // the lower sub-interval: LPS, unless the conditional exchange made it the MPS
            if (a < qe) {
                d = st & 1;
                contexts[cx] = AFTER_MPS[st];
            } else {
                d = 1 - (st & 1);
                contexts[cx] = AFTER_LPS[st];
            }
            a = qe;
        } else {
            c -= qe << 16;
            if ((a & 0x8000) != 0) {
                return st & 1;
            }
            // MPS, unless the conditional exchange made it the LPS
            if (a < qe) {
                d = 1 - (st & 1);
                contexts[cx] = AFTER_LPS[st];
            } else {
                d = st & 1;
                contexts[cx] = AFTER_MPS[st];
            }
        }
        // RENORMD, all the shifts A needs at once, fetching bytes as C runs out of them
        int shift = Integer.numberOfLeadingZeros(a) - 16;
        a <<= shift;
        while (shift > 0) {
            if (ct == 0) {
                byteIn();
            }
            int n = Math.min(shift, ct);
            c <<= n;
            ct -= n;
            shift -= n;
        }
        return d;
    }

    /** One raw bit (bypass mode): bits MSB first, a zero bit stuffed after each 0xFF. */
    int raw() {
        if (ct == 0) {
            if (c == 0xFF) {
                int b = byteAt(pos);
                if (b > 0x8F) {
                    c = 0xFF;
                    ct = 8;
                } else {
                    c = b;
                    pos++;
                    ct = 7;
                }
            } else {
                c = byteAt(pos);
                pos++;
                ct = 8;
            }
        }
        ct--;
        return (c >>> ct) & 1;
    }

    /** Puts every context in its initial state (Table D.7): all at 0 except uniform (46), run-length (3) and 0 (4). */
    void resetContexts() {
        java.util.Arrays.fill(contexts, 0);
        contexts[0] = 4 << 1;
        contexts[17] = 3 << 1;
        contexts[18] = 46 << 1;
    }
}
