package org.lumen.dicom.transcode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.io.DicomFile;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.DicomWriter;
import org.lumen.dicom.io.TransferSyntax;
import org.lumen.dicom.pixel.EncodeOptions;
import org.lumen.dicom.pixel.PixelData;
import org.lumen.dicom.testing.PixelComparison;
import org.lumen.dicom.testing.TestData;

/**
 * Any syntax to any other: real images go through every syntax Lumen writes, each written as a file, read back and then
 * transcoded from there into every other one; the samples stay the original ones (exactly, or within NEAR for JPEG-LS
 * near-lossless), and the dataset says what its pixel data now is.
 */
class TranscodeMatrixTest {
    private static final int NEAR = 2;
    static final List<String> WRITTEN = List.of(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, TransferSyntax.EXPLICIT_VR_BIG_ENDIAN,
            TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN, TransferSyntax.ENCAPSULATED_UNCOMPRESSED_EXPLICIT_VR_LITTLE_ENDIAN,
            TransferSyntax.RLE_LOSSLESS, TransferSyntax.JPEG_LOSSLESS_SV1,
            TransferSyntax.JPEG_LS_LOSSLESS, TransferSyntax.JPEG_LS_NEAR_LOSSLESS, TransferSyntax.JPEG_2000_LOSSLESS,
            TransferSyntax.JPEG_2000);

    /** 16-bit signed CT, 16-bit MR (multi-frame), 8-bit RGB, 8-bit palette with two frames. */
    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (String source : List.of("pydicom/test_files/CT_small.dcm", "pydicom-data/emri_small.dcm",
                "pydicom-data/SC_rgb.dcm", "pydicom-data/OBXXXX1A_2frame.dcm")) {
            for (String first : WRITTEN) {
                if (source.contains("OBXXXX1A") && first.equals(TransferSyntax.JPEG_LS_NEAR_LOSSLESS)) {
                    continue; // refused: see lossyCompressionOfPaletteIndicesIsRefused
                }
                out.add(Arguments.of(source, first));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} via {1}")
    @MethodSource("cases")
    void throughOneSyntaxThenEveryOther(String source, String first, @TempDir Path temp) throws Exception {
        DicomFile original = DicomReader.read(TestData.dicom(source));
        PixelData reference = PixelData.of(original);
        DicomFile once = writeAndRead(original, first, temp.resolve("first.dcm"));
        check(once, first, reference);
        for (String second : WRITTEN) {
            boolean paletteToLossy = source.contains("OBXXXX1A") && second.equals(TransferSyntax.JPEG_LS_NEAR_LOSSLESS);
            if (!second.equals(first) && !paletteToLossy) {
                DicomFile twice = writeAndRead(once, second, temp.resolve("second.dcm"));
                boolean nearOnce = first.equals(TransferSyntax.JPEG_LS_NEAR_LOSSLESS) || second.equals(TransferSyntax.JPEG_LS_NEAR_LOSSLESS);
                check(twice, second + " after " + first, reference, nearOnce ? NEAR : 0);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void lossyCompressionOfPaletteIndicesIsRefused() throws Exception {
        DicomFile palette = DicomReader.read(TestData.dicom("pydicom-data/OBXXXX1A_2frame.dcm"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Transcoder.transcode(palette, TransferSyntax.JPEG_LS_NEAR_LOSSLESS))
                .isInstanceOf(org.lumen.dicom.pixel.PixelDataException.class).hasMessageContaining("PALETTE COLOR");
    }

    @org.junit.jupiter.api.Test
    void nearLosslessWithNearZeroIsRecordedAsLossless() throws Exception {
        DicomFile ct = DicomReader.read(TestData.dicom("pydicom/test_files/CT_small.dcm"));
        var encoded = Transcoder.transcode(ct, TransferSyntax.JPEG_LS_NEAR_LOSSLESS, EncodeOptions.DEFAULT.withNearLossless(0));
        assertThat(encoded.getString(Tag.LossyImageCompression)).isEqualTo("00");
        var lossy = Transcoder.transcode(ct, TransferSyntax.JPEG_LS_NEAR_LOSSLESS, EncodeOptions.DEFAULT.withNearLossless(3));
        assertThat(lossy.getString(Tag.LossyImageCompression)).isEqualTo("01");
        assertThat(lossy.getString(Tag.LossyImageCompressionMethod)).isEqualTo("ISO_14495_1");
    }

    private static DicomFile writeAndRead(DicomFile from, String syntax, Path out) throws Exception {
        DicomWriter.write(out, Transcoder.fileMeta(from, syntax), Transcoder.transcode(from, syntax, EncodeOptions.DEFAULT.withNearLossless(NEAR)), syntax);
        DicomFile back = DicomReader.read(out);
        assertThat(back.transferSyntax().uid()).isEqualTo(syntax);
        return back;
    }

    private static void check(DicomFile file, String syntax, PixelData reference) {
        check(file, syntax, reference, syntax.equals(TransferSyntax.JPEG_LS_NEAR_LOSSLESS) ? NEAR : 0);
    }

    private static void check(DicomFile file, String how, PixelData reference, int tolerance) {
        PixelData decoded = PixelData.of(file);
        assertThat(PixelComparison.maxDifference(decoded, reference)).as("largest difference, %s", how)
                .isLessThanOrEqualTo(tolerance);
        boolean lossy = tolerance > 0;
        assertThat("01".equals(file.dataset().getString(Tag.LossyImageCompression))).as("Lossy Image Compression, %s", how)
                .isEqualTo(lossy);
    }
}
