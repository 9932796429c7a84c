package org.lumen.dicom.codec.jpeg2000;

import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lumen.dicom.io.DicomFile;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.pixel.ImagePixelDescription;
import org.lumen.dicom.pixel.PixelData;
import org.lumen.dicom.testing.TestData;

/**
 * Decoding speed on the largest JPEG 2000 corpus files, in MB/s of decoded pixel data, one thread. Runs only with
 * -Dj2k.bench=true (it is a measurement, not a check); compare with {@code time gdcmconv --raw} on the same file.
 */
@Tag("benchmark")
class Jpeg2000ThroughputTest {

    @ParameterizedTest
    @ValueSource(strings = {"pydicom-data/RG3_J2KR.dcm", "pydicom-data/RG1_J2KI.dcm", "pydicom-data/MR2_J2KR.dcm",
        "pydicom-data/MR2_J2KI.dcm", "pydicom-data/US1_J2KR.dcm"})
    void decodeThroughput(String name) throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("j2k.bench"), "set -Dj2k.bench=true to measure");
        Path file = TestData.dicom(name);
        DicomFile dicom = DicomReader.read(file);
        ImagePixelDescription description = PixelData.of(dicom).description();
        byte[] frame = Jpeg2000AgainstGdcmTest.encodedFrame(dicom, 0);
        Jpeg2000FrameDecoder decoder = new Jpeg2000FrameDecoder();
        long decodedBytes = decoder.decodedDescription(description).frameLength();
        for (int i = 0; i < 5; i++) {
            decoder.decode(frame, description);
        }
        int runs = 10;
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            decoder.decode(frame, description);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("JPEG 2000 throughput %s: %.1f ms/frame, %.1f MB/s decoded (%d bytes per frame, %d coded)%n", name,
                seconds * 1000 / runs, decodedBytes * runs / seconds / 1e6, decodedBytes, frame.length);
    }
}
