package org.lumen.dicom.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** Mutated RLE Lossless files, every frame decoded: only our parse and pixel exceptions may escape (see {@link FuzzedFrames}). */
class RleDecoderFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void fuzzDecode(byte[] input) throws java.io.IOException {
        FuzzedFrames.decodeFile(input);
    }
}
