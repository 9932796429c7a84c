package org.lumen.image.filter;

/**
 * Orthogonal wavelets for the separable (undecimated) wavelet filter, by their decomposition low-pass filter. The taps
 * are the Daubechies scaling filters (from the spectral factorisation, to double precision) and Coiflet 1 (sum sqrt 2,
 * unit norm), in decomposition order (the order PyWavelets' {@code dec_lo} uses, which the IBSI 2 references were
 * computed with); the high-pass is the quadrature mirror {@code hi[k] = (-1)^(k+1) lo[L-1-k]}.
 */
public enum Wavelet {
    HAAR(0.7071067811865476, 0.7071067811865476),
    DB2(-0.12940952255126037, 0.2241438680420134, 0.8365163037378079, 0.48296291314453416),
    DB3(0.035226291885709536, -0.08544127388202666, -0.13501102001025458, 0.45987750211849154, 0.8068915093110925,
            0.33267055295008263),
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
