package org.lumen.image.filter;

import java.util.Arrays;

/**
 * A 1D convolution kernel: {@code out[i] = sum_k taps[k] * in[i + centre - k]}, so tap {@code k} sits at offset
 * {@code k - centre}. An even-length kernel has its centre at {@code length / 2}, the convention of the IBSI 2 reference
 * implementations (an even kernel behaves as if a zero tap were appended to make it odd).
 */
public record Kernel1D(double[] taps, int centre) {
    public Kernel1D {
        if (taps.length == 0 || centre < 0 || centre >= taps.length) {
            throw new IllegalArgumentException("a kernel needs taps and a centre within them, got " + taps.length
                    + " taps and centre " + centre);
        }
        taps = taps.clone();
    }

    /** A kernel centred at {@code length / 2}. */
    public static Kernel1D centred(double... taps) {
        return new Kernel1D(taps, taps.length / 2);
    }

    @Override
    public double[] taps() {
        return taps.clone();
    }

    public int length() {
        return taps.length;
    }

    /** How far the kernel reaches before the output voxel (towards lower indices). */
    int reachBelow() {
        return Math.max(0, taps.length - 1 - centre);
    }

    /** How far the kernel reaches after the output voxel. */
    int reachAbove() {
        return Math.max(0, centre);
    }

    double tap(int k) {
        return taps[k];
    }

    /** The mirror image: the value at offset d becomes the value at offset -d (the kernel of a flipped axis). */
    public Kernel1D reversed() {
        double[] r = new double[taps.length];
        for (int k = 0; k < taps.length; k++) {
            r[k] = taps[taps.length - 1 - k];
        }
        return new Kernel1D(r, taps.length - 1 - centre);
    }

    /** The "a trous" kernel: {@code factor - 1} zeros inserted between taps, offsets multiplied by {@code factor}. */
    public Kernel1D dilated(int factor) {
        double[] d = new double[(taps.length - 1) * factor + 1];
        for (int k = 0; k < taps.length; k++) {
            d[k * factor] = taps[k];
        }
        return new Kernel1D(d, centre * factor);
    }

    /** Scaled to unit Euclidean norm. */
    public Kernel1D normalisedL2() {
        double sum = 0;
        for (double t : taps) {
            sum += t * t;
        }
        double norm = Math.sqrt(sum);
        double[] n = new double[taps.length];
        for (int k = 0; k < taps.length; k++) {
            n[k] = taps[k] / norm;
        }
        return new Kernel1D(n, centre);
    }

    public boolean isSymmetric() {
        return equals(reversed());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Kernel1D other && other.centre == centre && Arrays.equals(other.taps, taps);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(taps) + centre;
    }

    @Override
    public String toString() {
        return "Kernel1D" + Arrays.toString(taps) + "@" + centre;
    }
}
