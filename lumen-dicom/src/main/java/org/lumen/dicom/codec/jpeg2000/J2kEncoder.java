package org.lumen.dicom.codec.jpeg2000;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.lumen.dicom.io.TransferSyntax;
import org.lumen.dicom.pixel.EncodeOptions;
import org.lumen.dicom.pixel.FrameEncoder;
import org.lumen.dicom.pixel.ImagePixelDescription;
import org.lumen.dicom.pixel.Photometric;
import org.lumen.dicom.pixel.PixelDataException;

/**
 * JPEG 2000 Part 1 lossless encoder (ISO/IEC 15444-1) for DICOM: a raw codestream (no JP2 boxes, PS3.5 A.4.4) with one
 * tile, the reversible 5/3 wavelet over up to 5 levels, no quantisation, 64 x 64 code-blocks, one quality layer, LRCP.
 * Precision 1 to 16 bits, signed or unsigned, 1 or 3 components; RGB goes through the reversible component transform
 * (MCT = 1) and is then YBR_RCT (PS3.5 8.2.4). JPEG 2000 (.91) is written losslessly too, which that syntax allows.
 *
 * <p>Refused with a {@link PixelDataException}: float pixel data, 1-bit data, more than 16 bits stored, and chroma that
 * is sub-sampled (YBR_FULL_422, YBR_PARTIAL_4xx) or already in a JPEG 2000 colour space.
 */
public final class J2kEncoder implements FrameEncoder {
    private static final int MAX_LEVELS = 5;
    private static final int MIN_GUARD_BITS = 2;
    private static final int MAX_GUARD_BITS = 7;

    @Override
    public boolean supports(String transferSyntaxUid) {
        return TransferSyntax.JPEG_2000_LOSSLESS.equals(transferSyntaxUid) || TransferSyntax.JPEG_2000.equals(transferSyntaxUid);
    }

    @Override
    public String name() {
        return "JPEG 2000 (lossless)";
    }

    /** Always reversible (5/3, no quantisation), also when writing the lossy-capable syntax .91. */
    @Override
    public boolean lossy(String transferSyntaxUid, EncodeOptions options) {
        return false;
    }

    @Override
    public ImagePixelDescription encodedDescription(ImagePixelDescription source, EncodeOptions options) {
        if (source.isFloat()) {
            throw new PixelDataException("JPEG 2000 encoder: float pixel data cannot be encoded (integer samples only)");
        }
        if (source.bitsAllocated() == 1) {
            throw new PixelDataException("JPEG 2000 encoder: 1-bit pixel data (Bits Allocated 1) is not supported");
        }
        if (source.bitsStored() > 16) {
            throw new PixelDataException("JPEG 2000 encoder: Bits Stored " + source.bitsStored()
                    + " is more than the 16 bits supported");
        }
        Photometric p = source.photometric();
        if (p == Photometric.YBR_FULL_422 || p == Photometric.YBR_PARTIAL_422 || p == Photometric.YBR_PARTIAL_420) {
            throw new PixelDataException("JPEG 2000 encoder: " + p + " (sub-sampled chroma) is not supported; "
                    + "convert to RGB or YBR_FULL first");
        }
        if (p == Photometric.YBR_RCT || p == Photometric.YBR_ICT) {
            throw new PixelDataException("JPEG 2000 encoder: input frames in " + p
                    + " are not supported; give RGB frames (the encoder applies the RCT itself)");
        }
        ImagePixelDescription d = source.highBit() == source.bitsStored() - 1 ? source
                : source.withBits(source.bitsAllocated(), source.bitsStored(), source.bitsStored() - 1);
        d = d.withPlanarConfiguration(0);
        return p == Photometric.RGB ? d.withPhotometric(Photometric.YBR_RCT) : d;
    }

    @Override
    public byte[] encode(byte[] frame, ImagePixelDescription d, EncodeOptions options) {
        encodedDescription(d, options);
        if (frame.length < d.frameLength()) {
            throw new PixelDataException("JPEG 2000 encoder: frame of " + frame.length + " bytes is shorter than the "
                    + d.frameLength() + " of " + d);
        }
        int width = d.columns();
        int height = d.rows();
        int components = d.samplesPerPixel();
        int precision = d.bitsStored();
        boolean rct = d.photometric() == Photometric.RGB;
        int[][] planes = J2kSamples.levelShiftedPlanes(frame, d);
        if (rct) {
            forwardRct(planes[0], planes[1], planes[2]);
        }
        int levels = levels(width, height);
        J2kTier1Encoder tier1 = new J2kTier1Encoder();
        List<List<List<J2kCodeBlocks>>> resolutions = new ArrayList<>(); // [component][resolution][band]
        for (int c = 0; c < components; c++) {
            J2kForwardDwt53.forward(planes[c], width, height, levels);
            List<List<J2kCodeBlocks>> perResolution = bands(width, height, levels);
            for (List<J2kCodeBlocks> bands : perResolution) {
                for (J2kCodeBlocks band : bands) {
                    band.encode(planes[c], width, tier1);
                }
            }
            resolutions.add(perResolution);
        }

        // Exponents are the nominal ranges (E.1.1.1: precision plus the band's gain); guard bits cover what the wavelet
        // and the RCT add beyond them, so that Mb = G + exponent - 1 is never below a code-block's bit-planes.
        int[] exponents = new int[1 + 3 * levels];
        int[] bandMax = new int[exponents.length];
        for (List<List<J2kCodeBlocks>> perResolution : resolutions) {
            int b = 0;
            for (List<J2kCodeBlocks> bands : perResolution) {
                for (J2kCodeBlocks band : bands) {
                    exponents[b] = precision + gain(band.orientation);
                    bandMax[b] = Math.max(bandMax[b], band.maxBitPlanes());
                    b++;
                }
            }
        }
        int guardBits = MIN_GUARD_BITS;
        for (int b = 0; b < exponents.length; b++) {
            guardBits = Math.max(guardBits, bandMax[b] - exponents[b] + 1);
        }
        guardBits = Math.min(guardBits, MAX_GUARD_BITS);
        for (int b = 0; b < exponents.length; b++) {
            exponents[b] = Math.max(exponents[b], bandMax[b] - guardBits + 1); // only if 7 guard bits were not enough
        }

        ByteArrayOutputStream packets = new ByteArrayOutputStream(frame.length / 2 + 64);
        J2kPacketWriter packetWriter = new J2kPacketWriter();
        for (int r = 0; r <= levels; r++) {
            int firstBand = r == 0 ? 0 : 1 + 3 * (r - 1);
            for (int c = 0; c < components; c++) {
                List<J2kCodeBlocks> bands = resolutions.get(c).get(r);
                int[] magnitudeBits = new int[bands.size()];
                for (int k = 0; k < bands.size(); k++) {
                    magnitudeBits[k] = guardBits + exponents[firstBand + k] - 1;
                }
                packetWriter.write(bands, magnitudeBits, packets);
            }
        }
        J2kCodestreamWriter writer = new J2kCodestreamWriter(packets.size() + 128);
        writer.header(width, height, components, precision, d.isSigned());
        writer.codingStyle(levels, rct);
        writer.quantisation(guardBits, exponents);
        writer.tile(packets);
        return writer.finish();
    }

    /** Decomposition levels: 5, or fewer so that the smaller side still has at least one sample per band. */
    static int levels(int width, int height) {
        int min = Math.min(width, height);
        int levels = 0;
        while (levels < MAX_LEVELS && min >> (levels + 1) >= 1) {
            levels++;
        }
        return levels;
    }

    /** The bands of each resolution level (0: LL; r > 0: HL, LH, HH of level NL - r + 1), placed as the DWT left them. */
    static List<List<J2kCodeBlocks>> bands(int width, int height, int levels) {
        List<List<J2kCodeBlocks>> resolutions = new ArrayList<>(levels + 1);
        resolutions.add(List.of(new J2kCodeBlocks(J2kTier1Encoder.LL, 0, 0, ceilShift(width, levels),
                ceilShift(height, levels))));
        for (int r = 1; r <= levels; r++) {
            int level = levels - r + 1;
            int lowW = ceilShift(width, level);
            int lowH = ceilShift(height, level);
            int fullW = ceilShift(width, level - 1);
            int fullH = ceilShift(height, level - 1);
            resolutions.add(List.of(
                    new J2kCodeBlocks(J2kTier1Encoder.HL, lowW, 0, fullW - lowW, lowH),
                    new J2kCodeBlocks(J2kTier1Encoder.LH, 0, lowH, lowW, fullH - lowH),
                    new J2kCodeBlocks(J2kTier1Encoder.HH, lowW, lowH, fullW - lowW, fullH - lowH)));
        }
        return resolutions;
    }

    private static int ceilShift(int n, int shift) {
        return (n + (1 << shift) - 1) >> shift;
    }

    /** Log2 of the band's nominal gain (E.1.1.1): 0 for LL, 1 for HL and LH, 2 for HH. */
    private static int gain(int orientation) {
        return orientation == J2kTier1Encoder.LL ? 0 : orientation == J2kTier1Encoder.HH ? 2 : 1;
    }

    /** The reversible component transform (G.2.1): Y = floor((R + 2G + B) / 4), Cb = B - G, Cr = R - G. */
    static void forwardRct(int[] r, int[] g, int[] b) {
        for (int i = 0; i < r.length; i++) {
            int red = r[i];
            int green = g[i];
            int blue = b[i];
            r[i] = (red + 2 * green + blue) >> 2;
            g[i] = blue - green;
            b[i] = red - green;
        }
    }
}
