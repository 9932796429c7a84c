package org.lumen.dicom.codec.jpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lumen.dicom.io.DicomFile;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.TransferSyntax;
import org.lumen.dicom.pixel.ImagePixelDescription;
import org.lumen.dicom.pixel.PixelData;
import org.lumen.dicom.pixel.PixelDataException;
import org.lumen.dicom.testing.CodecCorpus;
import org.lumen.dicom.testing.PixelComparison;
import org.lumen.dicom.testing.TestData;

/**
 * Every JPEG file of the corpus (Baseline, Extended, Lossless, Lossless SV1), decoded frame by frame, against GDCM's
 * {@code gdcmconv --raw}: lossless files byte for byte, lossy ones within one grey level (the largest difference is
 * printed per file). The description our decoder gives must be the one GDCM writes (photometric, planar configuration).
 */
class JpegAgainstGdcmTest {
    private static final Set<String> LOSSY = Set.of(TransferSyntax.JPEG_BASELINE_8BIT, TransferSyntax.JPEG_EXTENDED_12BIT);
    /** Files gdcmconv cannot be the reference for (../shared/peers/README.md): they hold no pixel data. */
    private static final Set<String> NO_PIXEL_DATA = Set.of("pydicom/test_files/UN_sequence.dcm");

    static List<String> jpegFiles() {
        return CodecCorpus.files(TransferSyntax.JPEG_BASELINE_8BIT, TransferSyntax.JPEG_EXTENDED_12BIT,
                TransferSyntax.JPEG_LOSSLESS, TransferSyntax.JPEG_LOSSLESS_SV1);
    }

    static Stream<String> viaGdcm() {
        return jpegFiles().stream().filter(f -> !NO_PIXEL_DATA.contains(f));
    }

    @Test
    void corpusHoldsTheJpegFiles() {
        assertThat(jpegFiles()).as(CodecCorpus.describe(jpegFiles())).hasSizeGreaterThanOrEqualTo(25)
                .containsAll(NO_PIXEL_DATA);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("viaGdcm")
    void framesMatchGdcmRawOutput(String name, @TempDir Path temp) throws Exception {
        Path file = TestData.dicom(name);
        DicomFile source = DicomReader.read(file);
        String syntax = source.transferSyntax().uid();
        PixelData ours = PixelData.of(source);
        PixelData gdcm = PixelData.of(PixelComparison.gdcmRaw(file, temp));
        ImagePixelDescription a = ours.description();
        ImagePixelDescription b = gdcm.description();
        assertThat(a.photometric()).as("photometric").isEqualTo(b.photometric());
        assertThat(a.planarConfiguration()).as("planar configuration").isEqualTo(b.planarConfiguration());
        long max = PixelComparison.maxDifference(ours, gdcm);
        System.out.printf("JPEG vs gdcmconv --raw: %-75s %s max difference %d%n", name, a, max);
        if (LOSSY.contains(syntax)) {
            assertThat(max).as("largest difference from GDCM").isLessThanOrEqualTo(1);
        } else {
            PixelComparison.assertSameBytes(ours, gdcm);
        }
    }

    @Test
    void fileWithoutPixelDataGivesClearError() throws Exception {
        DicomFile file = DicomReader.read(TestData.dicom("pydicom/test_files/UN_sequence.dcm"));
        assertThatThrownBy(() -> PixelData.of(file).frameBytes(0)).isInstanceOf(PixelDataException.class)
                .hasMessageContaining("no pixel data");
    }
}
