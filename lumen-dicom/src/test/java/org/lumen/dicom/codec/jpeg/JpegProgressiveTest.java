package org.lumen.dicom.codec.jpeg;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lumen.dicom.io.DicomFile;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.DicomWriter;
import org.lumen.dicom.io.TransferSyntax;
import org.lumen.dicom.pixel.PixelData;
import org.lumen.dicom.testing.PixelComparison;
import org.lumen.dicom.testing.Peers;
import org.lumen.dicom.testing.TestData;

/**
 * Progressive JPEG (SOF2), which the corpus lacks: dcmtk's {@code dcmcjpeg} compresses corpus images progressively
 * ({@code +ep}: spectral selection and successive approximation; {@code +es}: spectral selection only), and our decoding
 * must stay within one grey level of GDCM's.
 */
class JpegProgressiveTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "pydicom-data/SC_rgb.dcm, +ep",
        "pydicom/test_files/image_dfl.dcm, +ep",
        "pydicom/test_files/image_dfl.dcm, +es",
        "pydicom/test_files/JPGExtended.dcm, +ep",
        "pydicom/test_files/examples_ybr_color.dcm, +ep",
    })
    void progressiveMatchesGdcm(String name, String mode, @TempDir Path temp) throws Exception {
        DicomFile source = DicomReader.read(TestData.dicom(name));
        Path nativeFile = temp.resolve("native.dcm");
        DicomWriter.write(nativeFile, null,
                org.lumen.dicom.transcode.Transcoder.transcode(source, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN),
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        Path progressive = temp.resolve("progressive.dcm");
        Peers.Result result = Peers.run(120, "dcmcjpeg", mode, nativeFile.toString(), progressive.toString());
        assertThat(result.ok()).as("dcmcjpeg: %s", result).isTrue();
        DicomFile file = DicomReader.read(progressive);
        PixelData ours = PixelData.of(file);
        PixelData gdcm = PixelData.of(PixelComparison.gdcmRaw(progressive, temp));
        assertThat(ours.description().photometric()).isEqualTo(gdcm.description().photometric());
        long max = PixelComparison.maxDifference(ours, gdcm);
        System.out.printf("JPEG progressive (dcmcjpeg %s) %-45s %s: max difference from GDCM %d%n", mode, name,
                file.transferSyntax().uid(), max);
        assertThat(max).isLessThanOrEqualTo(1);
    }
}
