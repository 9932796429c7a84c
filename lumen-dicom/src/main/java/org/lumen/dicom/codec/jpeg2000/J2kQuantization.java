package org.lumen.dicom.codec.jpeg2000;

/**
 * Quantisation of one component (QCD/QCC, ISO 15444-1 A.6.4-A.6.5): guard bits and, per subband, the exponent and
 * mantissa of the step size. Subbands are numbered 0 for LL, then 3(r-1)+1..3(r-1)+3 for HL, LH, HH of resolution r.
 *
 * @param style     0 none (reversible), 1 scalar derived, 2 scalar expounded
 * @param guardBits number of guard bits G
 * @param exponents epsilon_b per signalled subband
 * @param mantissas mu_b per signalled subband (zeros when style is 0)
 */
record J2kQuantization(int style, int guardBits, int[] exponents, int[] mantissas) {

    static J2kQuantization read(J2kMarkerReader in, int end, String marker) {
        int sq = in.u8();
        int style = sq & 0x1F;
        int guard = sq >> 5;
        int count;
        if (style == 0) {
            count = end - in.position();
        } else if (style == 1) {
            count = 1;
        } else if (style == 2) {
            count = (end - in.position()) / 2;
        } else {
            throw in.error(marker + " names quantisation style " + style + " (0, 1 or 2 exist)");
        }
        if (count < 1 || count > 3 * 32 + 1) {
            throw in.error(marker + " signals " + count + " subband step sizes");
        }
        int[] exps = new int[count];
        int[] mants = new int[count];
        for (int i = 0; i < count; i++) {
            if (style == 0) {
                exps[i] = in.u8() >> 3;
            } else {
                int v = in.u16();
                exps[i] = v >> 11;
                mants[i] = v & 0x7FF;
            }
        }
        return new J2kQuantization(style, guard, exps, mants);
    }

    /** epsilon_b of subband {@code band} (numbered as in the class comment) in a component with {@code levels} levels. */
    int exponent(int band, int levels) {
        if (style == 1) {
            int nb = band == 0 ? levels : levels - (band - 1) / 3;
            return exponents[0] - levels + nb;
        }
        return band < exponents.length ? exponents[band] : exponents[exponents.length - 1];
    }

    int mantissa(int band) {
        if (style == 1) {
            return mantissas[0];
        }
        return band < mantissas.length ? mantissas[band] : mantissas[mantissas.length - 1];
    }
}
