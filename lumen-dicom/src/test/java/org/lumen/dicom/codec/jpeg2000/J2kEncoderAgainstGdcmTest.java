package org.lumen.dicom.codec.jpeg2000;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Fragments;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.data.Tags;
import org.lumen.dicom.pixel.EncodeOptions;
import org.lumen.dicom.io.DicomFile;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.DicomWriter;
import org.lumen.dicom.io.TransferSyntax;
import org.lumen.dicom.pixel.PixelData;
import org.lumen.dicom.testing.Peers;
import org.lumen.dicom.testing.PixelComparison;
import org.lumen.dicom.testing.TestData;
import org.lumen.dicom.transcode.Transcoder;

/**
 * The peer is the judge: files written with {@link J2kEncoder} through the Transcoder and the Part 10 writer must decode
 * in GDCM ({@code gdcmconv --raw}, OpenJPEG inside) to exactly the original samples, and {@code gdcminfo} must accept
 * them. Real corpus images (8, 12 and 16 bits, signed and unsigned, RGB, multi-frame) and synthetic ones for the odd
 * sizes and every precision.
 */
class J2kEncoderAgainstGdcmTest {

    static Stream<String> corpus() {
        return Stream.of(
                "pydicom/test_files/CT_small.dcm", // 16-bit signed CT
                "pydicom/test_files/MR_small.dcm", // 16-bit signed MR
                "pydicom-data/emri_small.dcm", // 12-bit unsigned, 10 frames
                "pydicom-data/OBXXXX1A.dcm", // 8-bit unsigned
                "pydicom-data/OBXXXX1A_2frame.dcm",
                "pydicom-data/SC_rgb.dcm", // 8-bit RGB
                "pydicom-data/SC_rgb_16bit.dcm", // 16-bit RGB
                "pydicom-data/color-pl.dcm", // RGB, planar configuration 1
                "pydicom-data/SC_ybr_full_uncompressed.dcm", // YBR_FULL, no component transform
                "pydicom/test_files/SC_rgb_small_odd.dcm", // 3 x 3 RGB
                "pydicom-data/MR2_UNCR.dcm",
                "pydicom-data/US1_UNCR.dcm",
                "pydicom-data/693_UNCR.dcm", // 512 x 512 CT, 14 bits signed
                "pydicom-data/eCT_Supplemental.dcm", // enhanced CT, 2 frames
                "pydicom-data/SC_rgb_2frame.dcm"); // RGB, 2 frames
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void corpusFileDecodesInGdcmToTheSameSamples(String name, @TempDir Path temp) throws IOException {
        Path original = TestData.dicom(name);
        assertRoundTripThroughGdcm(original, temp, TransferSyntax.JPEG_2000_LOSSLESS);
    }

    @Test
    void jpeg2000LossySyntaxIsWrittenLosslessly(@TempDir Path temp) throws IOException {
        assertRoundTripThroughGdcm(TestData.dicom("pydicom/test_files/CT_small.dcm"), temp, TransferSyntax.JPEG_2000);
    }

    static Stream<Arguments> synthetic() {
        return Stream.of(
                Arguments.of(1, 1, 1, 8, 8, 0), Arguments.of(1, 37, 1, 16, 12, 0), Arguments.of(37, 1, 1, 16, 16, 1),
                Arguments.of(3, 5, 1, 8, 8, 0), Arguments.of(5, 3, 3, 8, 8, 0), Arguments.of(65, 130, 1, 16, 16, 1),
                Arguments.of(130, 65, 3, 16, 16, 0), Arguments.of(65, 130, 1, 16, 1, 0), Arguments.of(64, 64, 1, 16, 2, 1),
                Arguments.of(100, 70, 1, 16, 9, 1), Arguments.of(70, 100, 1, 16, 15, 0), Arguments.of(129, 257, 1, 8, 7, 0),
                Arguments.of(33, 31, 3, 16, 12, 0), Arguments.of(33, 31, 3, 16, 16, 1), Arguments.of(40, 50, 1, 8, 8, 1),
                Arguments.of(40, 50, 1, 32, 16, 0), Arguments.of(40, 50, 1, 32, 12, 1));
    }

    @ParameterizedTest(name = "{0}x{1}x{2} {4}/{3} bits, signed {5}")
    @MethodSource("synthetic")
    void syntheticImageDecodesInGdcmToTheSameSamples(int rows, int columns, int samples, int allocated, int stored,
            int signed, @TempDir Path temp) throws IOException {
        Path original = temp.resolve("synthetic.dcm");
        Attributes dataset = J2kEncoderTestImages.dataset(rows, columns, samples, allocated, stored, signed == 1,
                new Random(rows * 1000L + columns * 10L + stored));
        DicomWriter.write(original, null, dataset, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        assertRoundTripThroughGdcm(original, temp, TransferSyntax.JPEG_2000_LOSSLESS);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void extremeValuesSurvive(int signed, @TempDir Path temp) throws IOException {
        Path original = temp.resolve("extreme.dcm");
        Attributes dataset = J2kEncoderTestImages.extremes(96, 80, 16, signed == 1);
        DicomWriter.write(original, null, dataset, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        assertRoundTripThroughGdcm(original, temp, TransferSyntax.JPEG_2000_LOSSLESS);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"pydicom/test_files/CT_small.dcm", "pydicom-data/693_UNCR.dcm", "pydicom-data/US1_UNCR.dcm"})
    void compressesAboutAsWellAsGdcm(String name, @TempDir Path temp) throws IOException {
        Path original = TestData.dicom(name);
        Path gdcmFile = temp.resolve("gdcm-j2k.dcm");
        Peers.Result result = Peers.run(120, "gdcmconv", "--j2k", original.toString(), gdcmFile.toString());
        assertThat(result.ok()).as("gdcmconv --j2k: %s", result).isTrue();
        Fragments gdcm = DicomReader.read(gdcmFile).dataset().getFragments(Tags.PIXEL_DATA);
        PixelData pixels = PixelData.of(DicomReader.read(original));
        long theirs = gdcm.length(gdcm.size() - 1);
        long ours = new J2kEncoder().encode(pixels.frameBytes(0), pixels.description(), EncodeOptions.DEFAULT).length;
        System.out.printf("J2K size %s: ours %d bytes, gdcmconv --j2k %d bytes (%.3f), raw %d%n", original.getFileName(),
                ours, theirs, (double) ours / theirs, pixels.description().frameLength());
        assertThat((double) ours / theirs).as("our codestream size relative to GDCM's").isLessThan(1.15);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void extremeColourDifferencesSurviveTheRct(int signed, @TempDir Path temp) throws IOException {
        Path original = temp.resolve("extreme-rgb.dcm");
        DicomWriter.write(original, null, J2kEncoderTestImages.extremeColours(67, 75, 16, signed == 1),
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        assertRoundTripThroughGdcm(original, temp, TransferSyntax.JPEG_2000_LOSSLESS);
        DicomWriter.write(original, null, J2kEncoderTestImages.extremeColours(67, 75, 8, signed == 1),
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        assertRoundTripThroughGdcm(original, temp, TransferSyntax.JPEG_2000_LOSSLESS);
    }

    static Stream<Arguments> constants() {
        return Stream.of(Arguments.of(1, 0), Arguments.of(0, 0), Arguments.of(0, 255), Arguments.of(1, -128),
                Arguments.of(1, 127));
    }

    @ParameterizedTest(name = "signed {0}, value {1}")
    @MethodSource("constants")
    void constantImagesSurvive(int signed, int value, @TempDir Path temp) throws IOException {
        Path original = temp.resolve("constant.dcm");
        DicomWriter.write(original, null, J2kEncoderTestImages.constant(70, 90, signed == 1 ? 1 : 3, 8, signed == 1, value),
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        assertRoundTripThroughGdcm(original, temp, TransferSyntax.JPEG_2000_LOSSLESS);
    }

    static void assertRoundTripThroughGdcm(Path original, Path temp, String syntax) throws IOException {
        DicomFile source = DicomReader.read(original);
        Attributes encoded = Transcoder.transcode(source, syntax);
        Path j2k = temp.resolve("j2k-" + original.getFileName());
        DicomWriter.write(j2k, Transcoder.fileMeta(source, syntax), encoded, syntax);
        Peers.Result info = Peers.run(60, "gdcminfo", "--check-compression", j2k.toString());
        assertThat(info.ok()).as("gdcminfo %s: %s", j2k, info).isTrue();
        // GDCM 3.0.21 reads the verdict from COD (5/3: lossless) but reports YBR_FULL files as lossy; our .91 output
        // says Lossy Image Compression 00, which GDCM honours.
        boolean gdcmSaysLossyAnyway = "YBR_FULL".equals(encoded.getString(Tag.PhotometricInterpretation));
        assertThat(info.stdout()).as("gdcminfo --check-compression %s", j2k)
                .contains("Encapsulated Stream was found to be: " + (gdcmSaysLossyAnyway ? "lossy" : "lossless"));
        DicomFile gdcm = PixelComparison.gdcmRaw(j2k, temp);
        long max = PixelComparison.maxDifference(PixelData.of(gdcm), PixelData.of(DicomReader.read(original)));
        System.out.printf("J2K encoder vs gdcmconv --raw: %s (%s) %d -> %d bytes, max difference %d%n",
                original.getFileName(), PixelData.of(source.dataset()).description(), Files.size(original),
                Files.size(j2k), max);
        assertThat(max).as("max difference of %s after JPEG 2000 through GDCM", original.getFileName()).isZero();
    }
}
