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
 * Lossless predictors 2-7 and point transforms, which the corpus lacks (its process 14 files use predictor 1):
 * dcmtk's {@code dcmcjpeg +el +sv N +pt T} compresses corpus images, and our decoding must equal GDCM's byte for byte.
 */
class JpegLosslessPredictorsTest {

    @ParameterizedTest(name = "{0} predictor {1} point transform {2}")
    @CsvSource({
        "pydicom/test_files/CT_small.dcm, 2, 0",
        "pydicom/test_files/CT_small.dcm, 3, 0",
        "pydicom/test_files/CT_small.dcm, 4, 0",
        "pydicom/test_files/CT_small.dcm, 5, 0",
        "pydicom/test_files/CT_small.dcm, 6, 0",
        "pydicom/test_files/CT_small.dcm, 7, 0",
        "pydicom/test_files/CT_small.dcm, 7, 3",
        "pydicom/test_files/MR_small.dcm, 4, 2",
        "pydicom/test_files/image_dfl.dcm, 5, 1",
        "pydicom/test_files/image_dfl.dcm, 6, 0",
        "pydicom/test_files/examples_rgb_color.dcm, 4, 0",
        "pydicom/test_files/examples_rgb_color.dcm, 7, 1",
        "pydicom-data/SC_rgb_16bit.dcm, 6, 0",
    })
    void predictorMatchesGdcm(String name, int predictor, int pointTransform, @TempDir Path temp) throws Exception {
        DicomFile source = DicomReader.read(TestData.dicom(name));
        Path nativeFile = temp.resolve("native.dcm");
        DicomWriter.write(nativeFile, null,
                org.lumen.dicom.transcode.Transcoder.transcode(source, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN),
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        Path compressed = temp.resolve("lossless.dcm");
        Peers.Result result = Peers.run(120, "dcmcjpeg", "+el", "+sv", String.valueOf(predictor), "+pt",
                String.valueOf(pointTransform), nativeFile.toString(), compressed.toString());
        assertThat(result.ok()).as("dcmcjpeg: %s", result).isTrue();
        DicomFile file = DicomReader.read(compressed);
        assertThat(file.transferSyntax().uid()).isEqualTo(TransferSyntax.JPEG_LOSSLESS);
        PixelData ours = PixelData.of(file);
        PixelData gdcm = PixelData.of(PixelComparison.gdcmRaw(compressed, temp));
        assertThat(ours.description().photometric()).isEqualTo(gdcm.description().photometric());
        PixelComparison.assertSameBytes(ours, gdcm);
        if (pointTransform == 0) {
            PixelComparison.assertSameBytes(ours, PixelData.of(source));
        }
    }
}
