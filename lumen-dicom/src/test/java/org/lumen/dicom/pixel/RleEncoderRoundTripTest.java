package org.lumen.dicom.pixel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lumen.dicom.io.DicomFile;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.DicomWriter;
import org.lumen.dicom.io.TransferSyntax;
import org.lumen.dicom.testing.PixelComparison;
import org.lumen.dicom.testing.Peers;
import org.lumen.dicom.testing.TestData;
import org.lumen.dicom.transcode.Transcoder;

/**
 * Real images encoded with {@link RleFrameEncoder} (through the Transcoder, as a file) decode back to the original
 * samples with our decoder, with GDCM ({@code gdcmconv --raw}) and with dcmtk ({@code dcmdrle}).
 */
class RleEncoderRoundTripTest {

    /** 8-bit and 16-bit signed/unsigned monochrome, multi-frame, RGB interleaved and planar, 16 and 32-bit RGB. */
    static Stream<String> natives() {
        return Stream.of("pydicom/test_files/CT_small.dcm", "pydicom/test_files/MR_small.dcm",
                "pydicom-data/OBXXXX1A.dcm", "pydicom-data/OBXXXX1A_2frame.dcm", "pydicom-data/SC_rgb.dcm",
                "pydicom-data/color-pl.dcm", "pydicom-data/SC_rgb_16bit.dcm", "pydicom-data/SC_rgb_32bit_2frame.dcm",
                "pydicom/test_files/rtdose.dcm", "pydicom/test_files/MR_small_bigendian.dcm", "pydicom-data/emri_small.dcm");
    }

    /** GDCM 3.0.21 swaps the bytes of 16 and 32-bit RGB RLE samples (see RleAgainstGdcmTest), so it is no judge there. */
    private static boolean gdcmJudges(String name) {
        return !name.contains("_16bit") && !name.contains("_32bit");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("natives")
    void decodesBackExactlyWithUsGdcmAndDcmtk(String name, @TempDir Path temp) throws Exception {
        DicomFile original = DicomReader.read(TestData.dicom(name));
        Path rle = temp.resolve("rle.dcm");
        DicomWriter.write(rle, Transcoder.fileMeta(original, TransferSyntax.RLE_LOSSLESS), Transcoder.transcode(original, TransferSyntax.RLE_LOSSLESS),
                TransferSyntax.RLE_LOSSLESS);
        PixelData reference = PixelData.of(original);

        DicomFile encoded = DicomReader.read(rle);
        assertThat(encoded.dataset().getFragments(org.lumen.dicom.data.Tag.PixelData).size() - 1)
                .as("one fragment per frame").isEqualTo(reference.frameCount());
        PixelComparison.assertSameBytes(PixelData.of(encoded), reference);

        Path dcmtk = temp.resolve("dcmdrle.dcm");
        Peers.Result result = Peers.run(60, "dcmdrle", rle.toString(), dcmtk.toString());
        assertThat(result.ok()).as("dcmdrle: %s", result).isTrue();
        assertThat(PixelComparison.maxDifference(PixelData.of(DicomReader.read(dcmtk)), reference)).isZero();

        if (gdcmJudges(name)) {
            assertThat(PixelComparison.maxDifference(PixelData.of(PixelComparison.gdcmRaw(rle, temp)), reference)).isZero();
        }
    }

    @Test
    void oneBitSegmentationRoundTrips() throws Exception {
        DicomFile original = DicomReader.read(TestData.dicom("pydicom-data/liver.dcm"));
        byte[] frame = PixelData.of(original).frameBytes(1);
        ImagePixelDescription d = PixelData.of(original).description();
        byte[] encoded = new RleFrameEncoder().encode(frame, d, EncodeOptions.DEFAULT);
        assertThat(java.util.Arrays.equals(new RleFrameDecoder().decode(encoded, d), frame)).isTrue();
    }

    @Test
    void longRunsAndLiteralsAcrossTheLimitsOfPackBits() {
        ImagePixelDescription d = new ImagePixelDescription(3, 300, 1, 8, 8, 7, 0, 0, Photometric.MONOCHROME2, 1,
                org.lumen.dicom.data.Tag.PixelData);
        byte[] frame = new byte[900];
        for (int i = 0; i < frame.length; i++) {
            frame[i] = (byte) (i < 300 ? 7 : i < 600 ? i * 31 : (i / 129) % 2);
        }
        byte[] encoded = new RleFrameEncoder().encode(frame, d, EncodeOptions.DEFAULT);
        assertThat(java.util.Arrays.equals(new RleFrameDecoder().decode(encoded, d), frame)).isTrue();
        assertThat(encoded.length).isLessThan(64 + 2 * 3 + 300 + 3 + 2 * 16 + 8);
    }

    @Test
    void subsampledChromaIsRefused() {
        ImagePixelDescription d = new ImagePixelDescription(2, 2, 3, 8, 8, 7, 0, 0, Photometric.YBR_FULL_422, 1,
                org.lumen.dicom.data.Tag.PixelData);
        assertThatThrownBy(() -> new RleFrameEncoder().encodedDescription(d, EncodeOptions.DEFAULT))
                .isInstanceOf(PixelDataException.class).hasMessageContaining("YBR_FULL_422");
    }
}
