package org.lumen.dicom.codec.jpeg2000;

/** The inverse multiple component transforms of ISO 15444-1 Annex G, in place on the first three components. */
final class J2kComponentTransform {
    private J2kComponentTransform() {
    }

    /** Inverse RCT (G.2): G = Y0 - floor((Y1 + Y2) / 4), R = Y2 + G, B = Y1 + G. */
    static void inverseRct(int[] y0, int[] y1, int[] y2, int n) {
        for (int i = 0; i < n; i++) {
            int g = y0[i] - ((y1[i] + y2[i]) >> 2);
            int r = y2[i] + g;
            int b = y1[i] + g;
            y0[i] = r;
            y1[i] = g;
            y2[i] = b;
        }
    }

    /** Inverse ICT (G.3), in floating point as OpenJPEG does. */
    static void inverseIct(float[] y0, float[] y1, float[] y2, int n) {
        for (int i = 0; i < n; i++) {
            float y = y0[i];
            float cb = y1[i];
            float cr = y2[i];
            y0[i] = y + 1.402f * cr;
            y1[i] = y - 0.34413f * cb - 0.71414f * cr;
            y2[i] = y + 1.772f * cb;
        }
    }
}
