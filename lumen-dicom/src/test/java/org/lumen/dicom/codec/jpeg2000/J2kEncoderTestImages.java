package org.lumen.dicom.codec.jpeg2000;

import java.util.Random;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.data.VR;

/** Small native datasets for the encoder tests: smooth-plus-noise images of any size, precision and sign. */
final class J2kEncoderTestImages {
    private J2kEncoderTestImages() {
    }

    static Attributes dataset(int rows, int columns, int samples, int allocated, int stored, boolean signed, Random random) {
        int pixels = rows * columns * samples;
        int[] values = new int[pixels];
        long range = 1L << stored;
        long min = signed ? -(range / 2) : 0;
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < columns; x++) {
                for (int s = 0; s < samples; s++) {
                    double smooth = (Math.sin(x * 0.11 + s) + Math.cos(y * 0.07)) * 0.25 + 0.5;
                    long v = (long) (smooth * (range - 1)) + random.nextInt(9) - 4;
                    if (random.nextInt(50) == 0) {
                        v = (long) (random.nextDouble() * range); // some edges
                    }
                    v = Math.max(0, Math.min(range - 1, v));
                    values[(y * columns + x) * samples + s] = (int) (v + min);
                }
            }
        }
        return build(rows, columns, samples, allocated, stored, signed, values);
    }

    /** Alternating minimum and maximum values with a few steps: the largest wavelet coefficients there can be. */
    static Attributes extremes(int rows, int columns, int bits, boolean signed) {
        int lo = signed ? -(1 << (bits - 1)) : 0;
        int hi = signed ? (1 << (bits - 1)) - 1 : (1 << bits) - 1;
        int[] values = new int[rows * columns];
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < columns; x++) {
                boolean checker = ((x + y) & 1) == 0;
                boolean block = ((x / 7 + y / 5) & 1) == 0;
                values[y * columns + x] = checker ^ block ? hi : lo;
            }
        }
        return build(rows, columns, 1, bits <= 8 ? 8 : 16, bits, signed, values);
    }

    /** RGB with red and blue at one extreme where green is at the other: chroma differences of the full range. */
    static Attributes extremeColours(int rows, int columns, int bits, boolean signed) {
        int lo = signed ? -(1 << (bits - 1)) : 0;
        int hi = signed ? (1 << (bits - 1)) - 1 : (1 << bits) - 1;
        int[] values = new int[rows * columns * 3];
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < columns; x++) {
                boolean on = (((x + y) & 1) == 0) ^ (((x / 3 + y / 2) & 1) == 0);
                int p = (y * columns + x) * 3;
                values[p] = on ? hi : lo;
                values[p + 1] = on ? lo : hi;
                values[p + 2] = ((x * 7 + y) & 2) == 0 ? hi : lo;
            }
        }
        return build(rows, columns, 3, bits <= 8 ? 8 : 16, bits, signed, values);
    }

    /** Every sample {@code value}: for a signed zero image every wavelet coefficient is 0 and every packet empty. */
    static Attributes constant(int rows, int columns, int samples, int bits, boolean signed, int value) {
        int[] values = new int[rows * columns * samples];
        java.util.Arrays.fill(values, value);
        return build(rows, columns, samples, bits <= 8 ? 8 : 16, bits, signed, values);
    }

    static Attributes build(int rows, int columns, int samples, int allocated, int stored, boolean signed, int[] values) {
        Attributes d = new Attributes();
        d.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.7");
        d.setString(Tag.SOPInstanceUID, VR.UI, "2.25.1234567890" + rows + columns + samples + stored);
        d.setString(Tag.Modality, VR.CS, "OT");
        d.setInt(Tag.SamplesPerPixel, VR.US, samples);
        d.setString(Tag.PhotometricInterpretation, VR.CS, samples == 3 ? "RGB" : "MONOCHROME2");
        if (samples == 3) {
            d.setInt(Tag.PlanarConfiguration, VR.US, 0);
        }
        d.setInt(Tag.Rows, VR.US, rows);
        d.setInt(Tag.Columns, VR.US, columns);
        d.setInt(Tag.BitsAllocated, VR.US, allocated);
        d.setInt(Tag.BitsStored, VR.US, stored);
        d.setInt(Tag.HighBit, VR.US, stored - 1);
        d.setInt(Tag.PixelRepresentation, VR.US, signed ? 1 : 0);
        int bytes = allocated / 8;
        byte[] pixels = new byte[(values.length * bytes + 1) & ~1];
        int mask = (int) ((1L << stored) - 1);
        for (int i = 0; i < values.length; i++) {
            int v = values[i] & mask;
            if (signed && values[i] < 0) {
                v = values[i] & (int) ((1L << allocated) - 1); // sign bits up to the container, as writers do
            }
            if (signed && values[i] < 0 && allocated == 32) {
                v = values[i];
            }
            for (int k = 0; k < bytes; k++) {
                pixels[i * bytes + k] = (byte) (v >> (8 * k));
            }
        }
        d.setBytes(Tag.PixelData, allocated == 8 ? VR.OB : VR.OW, pixels);
        return d;
    }
}
