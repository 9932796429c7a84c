package org.lumen.dicom.pixel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.TransferSyntax;
import org.lumen.dicom.testing.CodecCorpus;
import org.lumen.dicom.testing.PixelComparison;
import org.lumen.dicom.testing.TestData;

/**
 * The first proof, over the whole corpus: every file with encapsulated pixel data that GDCM decodes
 * ({@code gdcmconv --raw}) decodes with Lumen's own decoders to the same stored samples: exactly for lossless syntaxes,
 * within 1 grey level for lossy ones. The maximum difference of each file is written to
 * target/codec-max-differences.tsv. The files GDCM cannot decode (../shared/peers/README.md) are judged by the
 * codec-specific tests against their uncompressed twins or as clear errors; they are listed here so that none is missed.
 */
class CorpusDecodeAgainstGdcmTest {
    /** Files gdcmconv --raw fails on, each judged another way by the test named. */
    static final Set<String> JUDGED_ELSEWHERE = Set.of(
            "pydicom-data/HTJ2KLossless_08_RGB.dcm",            // refusedClearly below
            "pydicom-data/HTJ2K_08_RGB.dcm",                    // refusedClearly below
            "pydicom-data/liver_rle.dcm",                       // RleAgainstGdcmTest, uncompressed twin
            "pydicom-data/liver_nonbyte_aligned_rle.dcm",       // RleAgainstGdcmTest
            "pydicom/test_files/SC_rgb_rle_16bit_2frame.dcm",   // RleAgainstGdcmTest
            "pydicom/test_files/SC_rgb_rle_32bit_2frame.dcm",   // RleAgainstGdcmTest
            "pydicom/test_files/SC_rgb_rle_16bit.dcm",          // RleAgainstGdcmTest (GDCM swaps bytes here)
            "pydicom/test_files/SC_rgb_rle_32bit.dcm",          // RleAgainstGdcmTest
            "pydicom-data/liver_deflate.dcm",                   // FrameDecodersTest, uncompressed twin
            "pydicom-data/liver_nonbyte_aligned_deflate.dcm",   // FrameDecodersTest, uncompressed twin
            "pydicom/test_files/JPEG2000-embedded-sequence-delimiter.dcm", // JPEG 2000 decoder tests
            "pydicom-data/emri_small_jpeg_2k_lossless_too_short.dcm", // JPEG 2000 decoder tests, vs the complete file
            "pydicom/test_files/UN_sequence.dcm");              // JPEG decoder tests

    private static final Path REPORT = TestData.repoRoot().resolve("lumen-dicom/target/codec-max-differences.tsv");

    @BeforeAll
    static void startReport() throws IOException {
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, "file\ttransfer_syntax\tmax_difference\n");
    }

    static Stream<String> filesGdcmDecodes() {
        return CodecCorpus.encapsulated().keySet().stream().filter(f -> !JUDGED_ELSEWHERE.contains(f))
                .filter(f -> !isJpegLsWithoutOffsetsInFragments(f));
    }

    /** The two fragmented multi-frame JPEG-LS files without a Basic Offset Table, which gdcmconv cannot split. */
    static boolean isJpegLsWithoutOffsetsInFragments(String file) {
        return file.contains("CT0012.fragmented_no_bot_jpeg_ls.");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filesGdcmDecodes")
    void decodesLikeGdcm(String name, @TempDir Path temp) throws IOException {
        Path file = TestData.dicom(name);
        PixelData ours = PixelData.of(DicomReader.read(file));
        PixelData gdcm = PixelData.of(PixelComparison.gdcmRaw(file, temp));
        long max = PixelComparison.maxDifference(ours, gdcm);
        String syntax = CodecCorpus.encapsulated().get(name);
        record(name, syntax, max);
        assertThat(max).as("largest sample difference from GDCM (%s)", syntax)
                .isLessThanOrEqualTo(TransferSyntax.of(syntax).lossy() ? 1 : 0);
    }

    @Test
    void theFilesJudgedElsewhereAreInTheCorpus() {
        assertThat(CodecCorpus.encapsulated().keySet()).containsAll(JUDGED_ELSEWHERE);
        assertThat(CodecCorpus.encapsulated().keySet().stream().filter(CorpusDecodeAgainstGdcmTest::isJpegLsWithoutOffsetsInFragments))
                .hasSize(2);
    }

    @Test
    void highThroughputJpeg2000IsRefusedClearly() throws IOException {
        for (String name : new String[] {"pydicom-data/HTJ2KLossless_08_RGB.dcm", "pydicom-data/HTJ2K_08_RGB.dcm"}) {
            PixelDataException e = org.junit.jupiter.api.Assertions.assertThrows(PixelDataException.class,
                    () -> PixelData.of(DicomReader.read(TestData.dicom(name))).frameBytes(0));
            assertThat(e.getMessage()).contains("High-Throughput JPEG 2000");
        }
    }

    private static synchronized void record(String name, String syntax, long max) {
        try {
            Files.writeString(REPORT, name + "\t" + syntax + "\t" + max + "\n", StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
