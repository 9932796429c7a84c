package org.lumen.dicom.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.lumen.dicom.pixel.RleFrameDecoder;

/** Arbitrary bytes as an RLE Lossless frame: only PixelDataException may escape (see {@link FuzzedFrames}). */
class RleDecoderFuzzTest {
    private static final RleFrameDecoder DECODER = new RleFrameDecoder();

    @FuzzTest(maxDuration = "30s")
    void fuzzDecode(byte[] input) {
        FuzzedFrames.decode(DECODER, input);
    }
}
