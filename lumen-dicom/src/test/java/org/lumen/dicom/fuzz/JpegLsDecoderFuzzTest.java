package org.lumen.dicom.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.lumen.dicom.codec.jpegls.JpegLsFrameDecoder;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.pixel.ImagePixelDescription;
import org.lumen.dicom.pixel.Photometric;
import org.lumen.dicom.pixel.PixelDataException;

/**
 * Feeds arbitrary bytes to the JPEG-LS decoder as one frame of small fixed images (16 x 16 grey of 8 and 16 bits,
 * 16 x 16 RGB). The only exception allowed to escape is PixelDataException; anything else (another runtime exception,
 * running out of memory, a hang) is a finding. The first byte picks the description; the rest is the codestream.
 */
class JpegLsDecoderFuzzTest {
    private static final ImagePixelDescription[] DESCRIPTIONS = {
        new ImagePixelDescription(16, 16, 1, 8, 8, 7, 0, 0, Photometric.MONOCHROME2, 1, Tag.PixelData),
        new ImagePixelDescription(16, 16, 1, 16, 12, 11, 0, 0, Photometric.MONOCHROME2, 1, Tag.PixelData),
        new ImagePixelDescription(16, 16, 1, 16, 16, 15, 1, 0, Photometric.MONOCHROME2, 1, Tag.PixelData),
        new ImagePixelDescription(16, 16, 3, 8, 8, 7, 0, 0, Photometric.RGB, 1, Tag.PixelData),
    };
    private static final JpegLsFrameDecoder DECODER = new JpegLsFrameDecoder();

    @FuzzTest(maxDuration = "60s")
    void fuzzDecode(byte[] input) {
        if (input.length == 0) {
            return;
        }
        ImagePixelDescription description = DESCRIPTIONS[(input[0] & 0xFF) % DESCRIPTIONS.length];
        byte[] codestream = java.util.Arrays.copyOfRange(input, 1, input.length);
        try {
            byte[] frame = DECODER.decode(codestream, description);
            if (frame.length != DECODER.decodedDescription(description).frameLength()) {
                throw new IllegalStateException("decoded " + frame.length + " bytes for " + description);
            }
        } catch (PixelDataException expected) {
            // The decoder's documented answer to bad input.
        }
    }
}
