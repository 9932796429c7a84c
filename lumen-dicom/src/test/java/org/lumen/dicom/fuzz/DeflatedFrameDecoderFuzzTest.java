package org.lumen.dicom.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.lumen.dicom.pixel.DeflatedFrameDecoder;

/** Arbitrary bytes as a Deflated Image Frame: only PixelDataException may escape (see {@link FuzzedFrames}). */
class DeflatedFrameDecoderFuzzTest {
    private static final DeflatedFrameDecoder DECODER = new DeflatedFrameDecoder();

    @FuzzTest(maxDuration = "30s")
    void fuzzDecode(byte[] input) {
        FuzzedFrames.decode(DECODER, input);
    }
}
