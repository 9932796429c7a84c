package org.lumen.dicom.fuzz;

import org.lumen.dicom.data.Tag;
import org.lumen.dicom.pixel.FrameDecoder;
import org.lumen.dicom.pixel.ImagePixelDescription;
import org.lumen.dicom.pixel.Photometric;
import org.lumen.dicom.pixel.PixelDataException;

/**
 * What every frame decoder fuzz target does: the first two bytes of the input choose a small image description (so the
 * fuzzer explores sizes, samples and bit depths), the rest is the encoded frame. Only {@link PixelDataException} may
 * escape {@link FrameDecoder#decode}; anything else, a hang or running out of memory is a finding.
 */
final class FuzzedFrames {
    private static final int[] BITS = {8, 16, 12, 1};

    private FuzzedFrames() {
    }

    static void decode(FrameDecoder decoder, byte[] input) {
        if (input.length < 2) {
            return;
        }
        ImagePixelDescription description = description(input[0], input[1]);
        byte[] frame = java.util.Arrays.copyOfRange(input, 2, input.length);
        try {
            decoder.decode(frame, description);
        } catch (PixelDataException expected) {
            // the decoders' documented answer to a corrupt frame
        }
    }

    /** Rows and columns 1..16 x 1..64, 1 or 3 samples, 8/12/16/1 bits, signed or not, planar or not. */
    static ImagePixelDescription description(byte a, byte b) {
        int rows = 1 + (a & 0x0F);
        int columns = 1 + ((b & 0x3F));
        boolean colour = (a & 0x10) != 0;
        int bitsStored = BITS[(a >> 5) & 3];
        int bitsAllocated = bitsStored == 12 ? 16 : bitsStored;
        if (colour && bitsAllocated == 1) {
            colour = false;
        }
        int signed = colour || bitsAllocated == 1 ? 0 : (b >> 6) & 1;
        int planar = colour ? (b >> 7) & 1 : 0;
        return new ImagePixelDescription(rows, columns, colour ? 3 : 1, bitsAllocated, bitsStored, bitsStored - 1, signed,
                planar, colour ? Photometric.RGB : Photometric.MONOCHROME2, 1, Tag.PixelData);
    }
}
