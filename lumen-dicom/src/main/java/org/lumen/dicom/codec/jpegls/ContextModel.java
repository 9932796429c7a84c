package org.lumen.dicom.codec.jpegls;

/**
 * The adaptive state of a JPEG-LS scan (T.87 A.2-A.7), shared by encoder and decoder so that both evolve it
 * identically: the 365 regular-mode contexts (A, B, C, N), the two run-interruption contexts (A, N, Nn), the run
 * indexes, and the gradient quantization table. Plain int arrays: the scan coders index them in their inner loops.
 */
final class ContextModel {
    /** Regular contexts: index 81 Q1 + 9 Q2 + Q3 of the sign-merged quantized gradients, 1..364 (0 is run mode). */
    static final int CONTEXTS = 365;
    /** Run lengths coded by one '1' bit at each run index (T.87 A.7.1.1, the J table). */
    static final int[] J = {0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 9, 10, 11, 12, 13,
        14, 15};
    private static final int MIN_C = -128;
    private static final int MAX_C = 127;

    final CodingParameters p;
    final int[] a = new int[CONTEXTS];
    final int[] b = new int[CONTEXTS];
    final int[] c = new int[CONTEXTS];
    final int[] n = new int[CONTEXTS];
    /** Run interruption contexts, index RItype (0: Ra differs from Rb by more than NEAR, 1: not). */
    final int[] runA = new int[2];
    final int[] runN = new int[2];
    final int[] runNn = new int[2];
    /** Run index per component (line-interleaved scans keep one each; other scans use slot 0). */
    final int[] runIndex;
    /** Quantized gradient of every difference -MAXVAL..MAXVAL, at index difference + MAXVAL. */
    final int[] quantized;

    ContextModel(CodingParameters p, int components) {
        this.p = p;
        this.runIndex = new int[components];
        this.quantized = new int[2 * p.maxval + 1];
        for (int d = -p.maxval; d <= p.maxval; d++) {
            quantized[d + p.maxval] = quantize(d);
        }
        reset();
    }

    /** The initial state (A.2.1), at the start of a scan and after every restart marker. */
    void reset() {
        int initialA = Math.max(2, (p.range + 32) / 64);
        java.util.Arrays.fill(a, initialA);
        java.util.Arrays.fill(b, 0);
        java.util.Arrays.fill(c, 0);
        java.util.Arrays.fill(n, 1);
        java.util.Arrays.fill(runA, initialA);
        java.util.Arrays.fill(runN, 1);
        java.util.Arrays.fill(runNn, 0);
        java.util.Arrays.fill(runIndex, 0);
    }

    /** A.3.3: the region -4..4 of one local gradient. */
    private int quantize(int d) {
        if (d <= -p.t3) {
            return -4;
        } else if (d <= -p.t2) {
            return -3;
        } else if (d <= -p.t1) {
            return -2;
        } else if (d < -p.near) {
            return -1;
        } else if (d <= p.near) {
            return 0;
        } else if (d < p.t1) {
            return 1;
        } else if (d < p.t2) {
            return 2;
        } else if (d < p.t3) {
            return 3;
        }
        return 4;
    }

    /** A.3.4 context number before sign merging: 81 Q1 + 9 Q2 + Q3 (negative when the first non-zero Qi is). */
    int context(int rd, int rb, int rc, int ra) {
        int max = p.maxval;
        int[] q = quantized;
        return 81 * q[rd - rb + max] + 9 * q[rb - rc + max] + q[rc - ra + max];
    }

    /** A.4.1 median edge detector. */
    static int predict(int ra, int rb, int rc) {
        int max = Math.max(ra, rb);
        int min = Math.min(ra, rb);
        if (rc >= max) {
            return min;
        }
        if (rc <= min) {
            return max;
        }
        return ra + rb - rc;
    }

    /** A.5.1 Golomb parameter of regular context {@code q}: the least k with N << k >= A. */
    int golombK(int q) {
        int nq = n[q];
        int aq = a[q];
        int k = 0;
        while ((nq << k) < aq) {
            k++;
        }
        return k;
    }

    /** A.6: adapts context {@code q} to the (sign-merged, reduced) error {@code errval}. */
    void update(int q, int errval) {
        int bq = b[q] + errval * p.step;
        int aq = a[q] + Math.abs(errval);
        int nq = n[q];
        if (nq == p.reset) {
            aq >>= 1;
            bq >>= 1;
            nq >>= 1;
        }
        nq++;
        a[q] = aq;
        if (bq <= -nq) {
            bq += nq;
            if (c[q] > MIN_C) {
                c[q]--;
            }
            if (bq <= -nq) {
                bq = -nq + 1;
            }
        } else if (bq > 0) {
            bq -= nq;
            if (c[q] < MAX_C) {
                c[q]++;
            }
            if (bq > 0) {
                bq = 0;
            }
        }
        b[q] = bq;
        n[q] = nq;
    }

    /** A.7.2: Golomb parameter of run interruption context {@code riType}. */
    int runGolombK(int riType) {
        int temp = riType == 0 ? runA[0] : runA[1] + (runN[1] >> 1);
        int nq = runN[riType];
        int k = 0;
        while ((nq << k) < temp) {
            k++;
        }
        return k;
    }

    /** A.7.2 error mapping flag of a run interruption sample. */
    boolean runMap(int riType, int k, int errval) {
        int nq = runN[riType];
        int nn = runNn[riType];
        if (k == 0 && errval > 0 && 2 * nn < nq) {
            return true;
        }
        return errval < 0 && (2 * nn >= nq || k != 0);
    }

    /** A.7.2: the error of a run interruption sample from its mapped value plus RItype. */
    int runErrval(int riType, int k, int mappedPlusType) {
        boolean map = (mappedPlusType & 1) != 0;
        int magnitude = (mappedPlusType + (map ? 1 : 0)) >> 1;
        boolean negativeWhenMapped = k != 0 || 2 * runNn[riType] >= runN[riType];
        return negativeWhenMapped == map ? -magnitude : magnitude;
    }

    /** A.7.2 update of run interruption context {@code riType}. */
    void runUpdate(int riType, int errval, int mapped) {
        if (errval < 0) {
            runNn[riType]++;
        }
        runA[riType] += (mapped + 1 - riType) >> 1;
        if (runN[riType] == p.reset) {
            runA[riType] >>= 1;
            runN[riType] >>= 1;
            runNn[riType] >>= 1;
        }
        runN[riType]++;
    }

    /** A.4.2 / A.7.2 reconstruction, modulo RANGE (the decoder's side of the error reduction) and clamped to 0..MAXVAL. */
    int reconstruct(int predicted, int errval) {
        int value = predicted + errval * p.step;
        if (value < -p.near) {
            value += p.range * p.step;
        } else if (value > p.maxval + p.near) {
            value -= p.range * p.step;
        }
        return value < 0 ? 0 : Math.min(value, p.maxval);
    }

    /** A.4.4 quantization of a prediction error for NEAR > 0, then A.4.5 reduction modulo RANGE. */
    int quantizeError(int errval) {
        int e = errval;
        if (p.near > 0) {
            e = e > 0 ? (e + p.near) / p.step : -((p.near - e) / p.step);
        }
        if (e < 0) {
            e += p.range;
        }
        if (e >= (p.range + 1) / 2) {
            e -= p.range;
        }
        return e;
    }
}
