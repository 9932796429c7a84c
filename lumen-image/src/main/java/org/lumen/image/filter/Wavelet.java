package org.lumen.image.filter;

/**
 * Orthogonal wavelets for the separable (undecimated) wavelet filter, by their decomposition low-pass filter. The taps
 * are the standard Daubechies / Coiflet scaling filters (sum sqrt 2, unit norm) in decomposition order; the high-pass is
 * the quadrature mirror {@code hi[k] = (-1)^(k+1) lo[L-1-k]}.
 */
public enum Wavelet {
    HAAR(0.7071067811865476, 0.7071067811865476),
    DB2(-0.12940952255126034, 0.2241438680420134, 0.8365163037378077, 0.4829629131445341),
    DB3(0.035226291882100656, -0.08544127388224149, -0.13501102001039084, 0.4598775021193313, 0.8068915093133388,
            0.3326705529509569),
    COIF1(-0.01565572813546454, -0.0727326195128539, 0.38486484686420286, 0.8525720202122554, 0.3378976624578092,
            -0.0727326195128539);

    private final double[] lowPass;

    Wavelet(double... lowPass) {
        this.lowPass = lowPass;
    }

    /** Decomposition low-pass filter. */
    public Kernel1D lowPass() {
        return Kernel1D.centred(lowPass);
    }

    /** Decomposition high-pass filter. */
    public Kernel1D highPass() {
        int length = lowPass.length;
        double[] high = new double[length];
        for (int k = 0; k < length; k++) {
            high[k] = (k % 2 == 0 ? -1 : 1) * lowPass[length - 1 - k];
        }
        return Kernel1D.centred(high);
    }
}
