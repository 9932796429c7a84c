package org.lumen.dicom.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.lumen.dicom.codec.jpeg.JpegFrameDecoder;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.pixel.ImagePixelDescription;
import org.lumen.dicom.pixel.Photometric;
import org.lumen.dicom.pixel.PixelDataException;

/**
 * Feeds arbitrary bytes to the JPEG decoder (Baseline, Extended, Lossless). The description is taken from the input's
 * own frame header when it names a small image (so that mutations get past the size check and reach the scans), else a
 * fixed 16 x 16 monochrome one. Only {@link PixelDataException} may escape; anything else, a hang or running out of
 * memory is a finding. Seeds: small JPEG frames of the corpus (JpegDecoderFuzzTestInputs).
 */
class JpegDecoderFuzzTest {
    private static final JpegFrameDecoder DECODER = new JpegFrameDecoder();
    private static final int MAX_PIXELS = 256 * 256;

    @FuzzTest(maxDuration = "60s")
    void fuzzDecode(byte[] input) {
        ImagePixelDescription description = describe(input);
        try {
            byte[] out = DECODER.decode(input, description);
            if (out.length != DECODER.decodedDescription(description).frameLength()) {
                throw new IllegalStateException("decoded " + out.length + " bytes for " + description);
            }
        } catch (PixelDataException expected) {
            // The decoder's documented answer to a corrupt frame.
        }
    }

    /** A description matching the first SOF segment of {@code input} when plausible and small. */
    static ImagePixelDescription describe(byte[] input) {
        for (int i = 0; i + 10 < input.length; i++) {
            int marker = input[i + 1] & 0xFF;
            if ((input[i] & 0xFF) == 0xFF && marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8
                    && marker != 0xCC) {
                int precision = input[i + 4] & 0xFF;
                int rows = (input[i + 5] & 0xFF) << 8 | input[i + 6] & 0xFF;
                int columns = (input[i + 7] & 0xFF) << 8 | input[i + 8] & 0xFF;
                int components = input[i + 9] & 0xFF;
                if (precision >= 2 && precision <= 16 && rows > 0 && columns > 0 && rows * columns <= MAX_PIXELS) {
                    int allocated = precision > 8 ? 16 : 8;
                    boolean color = components == 3;
                    Photometric photometric = !color ? Photometric.MONOCHROME2
                            : (columns % 2 == 0 && (input.length & 1) == 0) ? Photometric.YBR_FULL_422 : Photometric.YBR_FULL;
                    try {
                        return new ImagePixelDescription(rows, columns, color ? 3 : 1, allocated, precision, precision - 1,
                                input.length % 3 == 0 ? 1 : 0, 0, photometric, 1, Tag.PixelData);
                    } catch (PixelDataException e) {
                        break;
                    }
                }
                break;
            }
        }
        return new ImagePixelDescription(16, 16, 1, 8, 8, 7, 0, 0, Photometric.MONOCHROME2, 1, Tag.PixelData);
    }
}
