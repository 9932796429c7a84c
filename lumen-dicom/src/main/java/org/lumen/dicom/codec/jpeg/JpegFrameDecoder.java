package org.lumen.dicom.codec.jpeg;

import org.lumen.dicom.io.TransferSyntax;
import org.lumen.dicom.pixel.FrameDecoder;
import org.lumen.dicom.pixel.ImagePixelDescription;
import org.lumen.dicom.pixel.Photometric;
import org.lumen.dicom.pixel.PixelDataException;

/**
 * JPEG Baseline (1.2.840.10008.1.2.4.50), Extended (.51), Lossless (.57) and Lossless SV1 (.70) frames; progressive
 * (SOF2) streams too, in those or in the retired progressive (.55) and spectral selection (.53) syntaxes.
 *
 * <p>Colour, as GDCM 3 writes it with {@code gdcmconv --raw}: the components come out as they were coded, with no colour
 * conversion (YBR_FULL stays YBR_FULL, RGB stays RGB whatever the Adobe APP14 flag says), subsampled chroma brought to
 * full size (so YBR_FULL_422 becomes YBR_FULL), samples interleaved (Planar Configuration 0). Lossless samples are the
 * coded bit patterns shifted left by the point transform; signed samples narrower than their 16-bit container are
 * sign-extended, as GDCM does.
 */
public final class JpegFrameDecoder implements FrameDecoder {
    /** Retired JPEG Full Progression, Non-Hierarchical (Process 10 & 12), as dcmcjpeg +ep still writes. */
    static final String PROGRESSIVE_RETIRED = "1.2.840.10008.1.2.4.55";
    /** Retired JPEG Spectral Selection, Non-Hierarchical (Process 6 & 8), as dcmcjpeg +es writes. */
    static final String SPECTRAL_RETIRED = "1.2.840.10008.1.2.4.53";

    @Override
    public boolean supports(String uid) {
        return TransferSyntax.JPEG_BASELINE_8BIT.equals(uid) || TransferSyntax.JPEG_EXTENDED_12BIT.equals(uid)
                || TransferSyntax.JPEG_LOSSLESS.equals(uid) || TransferSyntax.JPEG_LOSSLESS_SV1.equals(uid)
                || PROGRESSIVE_RETIRED.equals(uid) || SPECTRAL_RETIRED.equals(uid);
    }

    @Override
    public String name() {
        return "JPEG";
    }

    @Override
    public ImagePixelDescription decodedDescription(ImagePixelDescription stored) {
        if (stored.samplesPerPixel() == 1) {
            return stored;
        }
        ImagePixelDescription d = stored.photometric() == Photometric.YBR_FULL_422 ? stored.withPhotometric(Photometric.YBR_FULL)
                : stored;
        return d.withPlanarConfiguration(0);
    }

    @Override
    public byte[] decode(byte[] encodedFrame, ImagePixelDescription stored) {
        if (stored.isFloat() || (stored.bitsAllocated() != 8 && stored.bitsAllocated() != 16)) {
            throw new PixelDataException("JPEG: Bits Allocated " + stored.bitsAllocated() + " cannot hold JPEG samples (8 or 16)");
        }
        if (stored.photometric() == Photometric.YBR_PARTIAL_422 || stored.photometric() == Photometric.YBR_PARTIAL_420) {
            throw new PixelDataException("JPEG: Photometric Interpretation " + stored.photometric() + " is not supported");
        }
        JpegDecoder jpeg = new JpegDecoder(encodedFrame, stored.columns(), stored.rows());
        try {
            jpeg.decode();
        } catch (ArrayIndexOutOfBoundsException | NegativeArraySizeException e) {
            // A safety net only: every index is bounded by the checked frame header. JpegCorruptionTest fails on a
            // PixelDataException with such a cause, so a missed bound shows up there rather than in a user's hands.
            throw new PixelDataException("JPEG: corrupt frame (" + e.getMessage() + ")", e);
        }
        if (jpeg.components.length != stored.samplesPerPixel()) {
            throw new PixelDataException("JPEG: the frame has " + jpeg.components.length + " components but Samples per Pixel is "
                    + stored.samplesPerPixel());
        }
        if (jpeg.precision > stored.bitsAllocated()) {
            throw new PixelDataException("JPEG: " + jpeg.precision + "-bit samples do not fit Bits Allocated "
                    + stored.bitsAllocated());
        }
        int width = stored.columns();
        int height = stored.rows();
        int pixels = width * height;
        int bytes = stored.bitsAllocated() / 8;
        int n = jpeg.components.length;
        byte[] out = new byte[pixels * n * bytes];
        // Signed samples narrower than their container come out sign-extended, as GDCM writes them (dcmtk leaves the
        // bits above zero); what the container holds then is the two's complement value DICOM readers expect.
        int signBits = stored.isSigned() && jpeg.precision < bytes * 8 ? jpeg.precision : 0;
        for (int c = 0; c < n; c++) {
            JpegDecoder.Component comp = jpeg.components[c];
            boolean full = comp.h == jpeg.hMax && comp.v == jpeg.vMax;
            int[] samples = full ? comp.plane : Upsampler.upsample(comp, jpeg.hMax, jpeg.vMax, width, height, jpeg.lossless());
            int stride = full ? comp.planeWidth : width;
            write(samples, stride, width, height, comp.pointTransform, signBits, out, c, n, bytes);
        }
        return out;
    }

    /** Component {@code c} of {@code n} into {@code out}, interleaved, in containers of {@code bytes} little endian. */
    private static void write(int[] samples, int stride, int width, int height, int shift, int signBits, byte[] out, int c,
            int n, int bytes) {
        int up = signBits == 0 ? 0 : 32 - signBits;
        int o = c * bytes;
        int step = n * bytes;
        for (int y = 0; y < height; y++) {
            int i = y * stride;
            int last = i + width;
            if (bytes == 1) {
                for (; i < last; i++, o += step) {
                    out[o] = (byte) (samples[i] << shift);
                }
            } else {
                for (; i < last; i++, o += step) {
                    int v = ((samples[i] << shift) << up) >> up;
                    out[o] = (byte) v;
                    out[o + 1] = (byte) (v >> 8);
                }
            }
        }
    }
}
