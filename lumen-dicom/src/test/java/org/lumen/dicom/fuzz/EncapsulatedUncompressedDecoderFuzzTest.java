package org.lumen.dicom.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** Mutated Encapsulated Uncompressed Explicit VR Little Endian files, every frame decoded: only our parse and pixel exceptions may escape (see {@link FuzzedFrames}). */
class EncapsulatedUncompressedDecoderFuzzTest {

    @FuzzTest(maxDuration = "20s")
    void fuzzDecode(byte[] input) throws java.io.IOException {
        FuzzedFrames.decodeFile(input);
    }
}
