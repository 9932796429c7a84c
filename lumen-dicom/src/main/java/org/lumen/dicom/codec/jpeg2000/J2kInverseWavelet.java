package org.lumen.dicom.codec.jpeg2000;

/**
 * The inverse discrete wavelet transform (ISO 15444-1 Annex F) in place on a tile-component held with its subbands side
 * by side (LL top left, HL top right, LH bottom left, HH bottom right at each level). Each level runs the rows first,
 * then the columns (F.3.2); one-dimensional lifting works on an interleaved copy with whole-sample symmetric extension.
 * Columns are lifted a row at a time over an interleaved copy of the rows, which keeps memory access sequential.
 */
final class J2kInverseWavelet {
    private static final float ALPHA = -1.586134342059924f;
    private static final float BETA = -0.052980118572961f;
    private static final float GAMMA = 0.882911075530934f;
    private static final float DELTA = 0.443506852043971f;
    private static final float K = 1.230174104914001f;
    private static final float INV_K = (float) (1.0 / 1.230174104914001);

    private int[] intRow = new int[0];
    private float[] floatRow = new float[0];
    private int[] intPlane = new int[0];
    private float[] floatPlane = new float[0];

    /**
     * Reconstructs level by level; {@code res[r]} is {x0, y0, x1, y1} of resolution r in its own coordinates, r = 0..NL.
     */
    void reversible(int[] a, int stride, int[][] res) {
        for (int r = 1; r < res.length; r++) {
            int rw = res[r][2] - res[r][0];
            int rh = res[r][3] - res[r][1];
            int lw = res[r - 1][2] - res[r - 1][0];
            int lh = res[r - 1][3] - res[r - 1][1];
            if (rw == 0 || rh == 0) {
                continue;
            }
            int casX = res[r][0] & 1;
            int casY = res[r][1] & 1;
            if (intRow.length < rw) {
                intRow = new int[rw];
            }
            int[] t = intRow;
            for (int y = 0; y < rh; y++) {
                int o = y * stride;
                interleave(a, o, 1, lw, rw, casX, t);
                lift53(t, rw, casX);
                System.arraycopy(t, 0, a, o, rw);
            }
            verticalReversible(a, stride, rw, rh, lh, casY);
        }
    }

    private static void interleave(int[] a, int offset, int step, int lowCount, int n, int cas, int[] t) {
        for (int k = 0; k < lowCount; k++) {
            t[2 * k + cas] = a[offset + k * step];
        }
        for (int k = 0; k < n - lowCount; k++) {
            t[2 * k + 1 - cas] = a[offset + (lowCount + k) * step];
        }
    }

    /** One-dimensional 5/3 synthesis (F.3.8.1) of x[0..n) whose first sample is odd on the grid when cas is 1. */
    static void lift53(int[] x, int n, int cas) {
        if (n == 1) {
            if (cas == 1) {
                x[0] /= 2;
            }
            return;
        }
        // even (low-pass) samples: X(2n) = Y(2n) - floor((Y(2n-1) + Y(2n+1) + 2) / 4)
        for (int j = cas; j < n; j += 2) {
            int l = j > 0 ? x[j - 1] : x[j + 1];
            int r = j + 1 < n ? x[j + 1] : x[j - 1];
            x[j] -= (l + r + 2) >> 2;
        }
        // odd (high-pass) samples: X(2n+1) = Y(2n+1) + floor((X(2n) + X(2n+2)) / 2)
        for (int j = 1 - cas; j < n; j += 2) {
            int l = j > 0 ? x[j - 1] : x[j + 1];
            int r = j + 1 < n ? x[j + 1] : x[j - 1];
            x[j] += (l + r) >> 1;
        }
    }

    private void verticalReversible(int[] a, int stride, int rw, int rh, int lh, int cas) {
        int size = rw * rh;
        if (intPlane.length < size) {
            intPlane = new int[size];
        }
        int[] t = intPlane;
        for (int k = 0; k < lh; k++) {
            System.arraycopy(a, k * stride, t, (2 * k + cas) * rw, rw);
        }
        for (int k = 0; k < rh - lh; k++) {
            System.arraycopy(a, (lh + k) * stride, t, (2 * k + 1 - cas) * rw, rw);
        }
        if (rh == 1) {
            if (cas == 1) {
                for (int x = 0; x < rw; x++) {
                    t[x] /= 2;
                }
            }
        } else {
            for (int j = cas; j < rh; j += 2) {
                int l = (j > 0 ? j - 1 : j + 1) * rw;
                int r = (j + 1 < rh ? j + 1 : j - 1) * rw;
                int o = j * rw;
                for (int x = 0; x < rw; x++) {
                    t[o + x] -= (t[l + x] + t[r + x] + 2) >> 2;
                }
            }
            for (int j = 1 - cas; j < rh; j += 2) {
                int l = (j > 0 ? j - 1 : j + 1) * rw;
                int r = (j + 1 < rh ? j + 1 : j - 1) * rw;
                int o = j * rw;
                for (int x = 0; x < rw; x++) {
                    t[o + x] += (t[l + x] + t[r + x]) >> 1;
                }
            }
        }
        for (int y = 0; y < rh; y++) {
            System.arraycopy(t, y * rw, a, y * stride, rw);
        }
    }

    /** The 9/7 counterpart of {@link #reversible}. */
    void irreversible(float[] a, int stride, int[][] res) {
        for (int r = 1; r < res.length; r++) {
            int rw = res[r][2] - res[r][0];
            int rh = res[r][3] - res[r][1];
            int lw = res[r - 1][2] - res[r - 1][0];
            int lh = res[r - 1][3] - res[r - 1][1];
            if (rw == 0 || rh == 0) {
                continue;
            }
            int casX = res[r][0] & 1;
            int casY = res[r][1] & 1;
            if (floatRow.length < rw) {
                floatRow = new float[rw];
            }
            float[] t = floatRow;
            for (int y = 0; y < rh; y++) {
                int o = y * stride;
                for (int k = 0; k < lw; k++) {
                    t[2 * k + casX] = a[o + k];
                }
                for (int k = 0; k < rw - lw; k++) {
                    t[2 * k + 1 - casX] = a[o + lw + k];
                }
                lift97(t, rw, casX);
                System.arraycopy(t, 0, a, o, rw);
            }
            verticalIrreversible(a, stride, rw, rh, lh, casY);
        }
    }

    /** One-dimensional 9/7 synthesis (F.3.8.2). */
    static void lift97(float[] x, int n, int cas) {
        if (n == 1) {
            return; // as OpenJPEG: a single sample is left as it is
        }
        for (int j = cas; j < n; j += 2) {
            x[j] *= K;
        }
        for (int j = 1 - cas; j < n; j += 2) {
            x[j] *= INV_K;
        }
        step97(x, n, cas, DELTA);
        step97(x, n, 1 - cas, GAMMA);
        step97(x, n, cas, BETA);
        step97(x, n, 1 - cas, ALPHA);
    }

    private static void step97(float[] x, int n, int first, float c) {
        for (int j = first; j < n; j += 2) {
            float l = j > 0 ? x[j - 1] : x[j + 1];
            float r = j + 1 < n ? x[j + 1] : x[j - 1];
            x[j] -= c * (l + r);
        }
    }

    private void verticalIrreversible(float[] a, int stride, int rw, int rh, int lh, int cas) {
        int size = rw * rh;
        if (floatPlane.length < size) {
            floatPlane = new float[size];
        }
        float[] t = floatPlane;
        for (int k = 0; k < lh; k++) {
            System.arraycopy(a, k * stride, t, (2 * k + cas) * rw, rw);
        }
        for (int k = 0; k < rh - lh; k++) {
            System.arraycopy(a, (lh + k) * stride, t, (2 * k + 1 - cas) * rw, rw);
        }
        if (rh > 1) {
            for (int j = cas; j < rh; j += 2) {
                scaleRow(t, j * rw, rw, K);
            }
            for (int j = 1 - cas; j < rh; j += 2) {
                scaleRow(t, j * rw, rw, INV_K);
            }
            stepRows(t, rw, rh, cas, DELTA);
            stepRows(t, rw, rh, 1 - cas, GAMMA);
            stepRows(t, rw, rh, cas, BETA);
            stepRows(t, rw, rh, 1 - cas, ALPHA);
        }
        for (int y = 0; y < rh; y++) {
            System.arraycopy(t, y * rw, a, y * stride, rw);
        }
    }

    private static void scaleRow(float[] t, int o, int n, float c) {
        for (int x = 0; x < n; x++) {
            t[o + x] *= c;
        }
    }

    private static void stepRows(float[] t, int rw, int rh, int first, float c) {
        for (int j = first; j < rh; j += 2) {
            int l = (j > 0 ? j - 1 : j + 1) * rw;
            int r = (j + 1 < rh ? j + 1 : j - 1) * rw;
            int o = j * rw;
            for (int x = 0; x < rw; x++) {
                t[o + x] -= c * (t[l + x] + t[r + x]);
            }
        }
    }
}
