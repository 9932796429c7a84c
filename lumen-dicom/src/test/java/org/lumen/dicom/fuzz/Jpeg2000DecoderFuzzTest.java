package org.lumen.dicom.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.lumen.dicom.codec.jpeg2000.J2kCodestream;
import org.lumen.dicom.codec.jpeg2000.Jpeg2000FrameDecoder;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.pixel.ImagePixelDescription;
import org.lumen.dicom.pixel.Photometric;
import org.lumen.dicom.pixel.PixelDataException;

/**
 * Feeds arbitrary bytes to the JPEG 2000 decoder as one frame. The description follows the codestream's own SIZ when
 * that describes a small image (so that mutated seeds reach the tiers instead of failing the size check), else a fixed
 * 64 x 64 16-bit one. Only PixelDataException may escape. Seeds: small corpus codestreams in Jpeg2000DecoderFuzzTestInputs.
 */
class Jpeg2000DecoderFuzzTest {
    private static final ImagePixelDescription FIXED = new ImagePixelDescription(64, 64, 1, 16, 16, 15, 1, 0,
            Photometric.MONOCHROME2, 1, Tag.PixelData);

    @FuzzTest(maxDuration = "60s")
    void fuzzDecode(byte[] input) {
        Jpeg2000FrameDecoder decoder = new Jpeg2000FrameDecoder();
        try {
            ImagePixelDescription description = describe(input);
            byte[] out = decoder.decode(input, description);
            if (out.length != decoder.decodedDescription(description).frameLength()) {
                throw new IllegalStateException("decoded " + out.length + " bytes for " + description);
            }
        } catch (PixelDataException expected) {
            // the decoder's documented answer to bad input
        }
    }

    private static ImagePixelDescription describe(byte[] input) {
        try {
            J2kCodestream cs = J2kCodestream.parseHeader(input, 0, input.length);
            int c = cs.components();
            int bits = cs.precision(0);
            if (cs.width() <= 256 && cs.height() <= 256 && (c == 1 || c == 3) && bits <= 16) {
                int allocated = bits <= 8 ? 8 : 16;
                return new ImagePixelDescription(cs.height(), cs.width(), c, allocated, bits, bits - 1,
                        cs.isSigned(0) ? 1 : 0, 0, c == 3 ? Photometric.RGB : Photometric.MONOCHROME2, 1, Tag.PixelData);
            }
        } catch (PixelDataException notACodestream) {
            // fall through to the fixed description
        }
        return FIXED;
    }
}
