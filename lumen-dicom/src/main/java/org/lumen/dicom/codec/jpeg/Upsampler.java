package org.lumen.dicom.codec.jpeg;

import org.lumen.dicom.pixel.PixelDataException;

/**
 * Brings a subsampled component to the full image size the way the IJG library does by default, so that our output
 * agrees with GDCM's: "fancy" triangle filtering for the common 2:1 horizontal (4:2:2) and 2:1 both ways (4:2:0) cases
 * (each output sample weighs the nearer input sample 3 to 1 against the farther, edge samples replicated), plain
 * replication for other integral ratios and for components at most 2 samples wide.
 */
final class Upsampler {
    private Upsampler() {
    }

    /**
     * The component's samples at {@code width} x {@code height}, row-major without padding. Lossless frames are only
     * replicated: IJG filters only when its DCT block is larger than one sample.
     */
    static int[] upsample(JpegDecoder.Component c, int hMax, int vMax, int width, int height, boolean lossless) {
        int[] out = new int[width * height];
        if (c.h == hMax && c.v == vMax) {
            for (int y = 0; y < height; y++) {
                System.arraycopy(c.plane, y * c.planeWidth, out, y * width, width);
            }
            return out;
        }
        if (hMax % c.h != 0 || vMax % c.v != 0) {
            throw new PixelDataException("JPEG: sampling factors " + c.h + "x" + c.v + " against " + hMax + "x" + vMax
                    + " are not an integral ratio, which is not supported");
        }
        int hr = hMax / c.h;
        int vr = vMax / c.v;
        boolean fancy = !lossless && c.width > 2 && hr == 2 && (vr == 1 || vr == 2);
        if (!fancy) {
            for (int y = 0; y < height; y++) {
                int in = (y / vr) * c.planeWidth;
                int o = y * width;
                for (int x = 0; x < width; x++) {
                    out[o + x] = c.plane[in + x / hr];
                }
            }
            return out;
        }
        int[] line = new int[2 * c.width];
        int[] colSums = new int[c.width];
        for (int y = 0; y < height; y++) {
            int r = y / vr;
            int[] p = c.plane;
            int near = r * c.planeWidth;
            if (vr == 1) {
                h2v1(p, near, c.width, line);
            } else {
                // Upper output line of the pair leans on the input line above, the lower one on the line below.
                int farRow = (y & 1) == 0 ? Math.max(r - 1, 0) : Math.min(r + 1, c.height - 1);
                int far = farRow * c.planeWidth;
                for (int i = 0; i < c.width; i++) {
                    colSums[i] = 3 * p[near + i] + p[far + i];
                }
                h2v2(colSums, c.width, line);
            }
            System.arraycopy(line, 0, out, y * width, width);
        }
        return out;
    }

    private static void h2v1(int[] p, int at, int n, int[] out) {
        out[0] = p[at];
        out[1] = (3 * p[at] + p[at + 1] + 2) >> 2;
        for (int i = 1; i < n - 1; i++) {
            int s = 3 * p[at + i];
            out[2 * i] = (s + p[at + i - 1] + 1) >> 2;
            out[2 * i + 1] = (s + p[at + i + 1] + 2) >> 2;
        }
        int l = n - 1;
        out[2 * l] = (3 * p[at + l] + p[at + l - 1] + 1) >> 2;
        out[2 * l + 1] = p[at + l];
    }

    private static void h2v2(int[] sums, int n, int[] out) {
        out[0] = (sums[0] * 4 + 8) >> 4;
        out[1] = (sums[0] * 3 + sums[1] + 7) >> 4;
        for (int i = 1; i < n - 1; i++) {
            int s = sums[i] * 3;
            out[2 * i] = (s + sums[i - 1] + 8) >> 4;
            out[2 * i + 1] = (s + sums[i + 1] + 7) >> 4;
        }
        int l = n - 1;
        out[2 * l] = (sums[l] * 3 + sums[l - 1] + 8) >> 4;
        out[2 * l + 1] = (sums[l] * 4 + 7) >> 4;
    }
}
