package org.lumen.dicom.codec.jpegls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lumen.dicom.io.DicomFile;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.TransferSyntax;
import org.lumen.dicom.pixel.PixelData;
import org.lumen.dicom.testing.CodecCorpus;
import org.lumen.dicom.testing.PixelComparison;
import org.lumen.dicom.testing.TestData;

/**
 * Every JPEG-LS file of the corpus (lossless and near-lossless), decoded frame by frame, equals byte for byte what GDCM's
 * {@code gdcmconv --raw} (CharLS) writes: both decode the same codestream exactly, near-lossless or not. GDCM cannot
 * read the two fragmented multi-frame files without a Basic Offset Table (../shared/peers/README.md); those are judged
 * against other encodings of the same CT0012 frames in dicomParser's test images.
 */
class JpegLsAgainstGdcmTest {
    private static final String CT0012 = "dicomParser/testImages/encapsulated/multi-frame/CT0012.";
    /** File GDCM cannot read -> an encoding of the same image GDCM (and we) can. */
    private static final Map<String, String> TWINS = Map.of(
            CT0012 + "fragmented_no_bot_jpeg_ls.80.dcm", CT0012 + "not_fragmented_bot_jpeg_ls.80.dcm",
            CT0012 + "fragmented_no_bot_jpeg_ls.81.dcm", CT0012 + "not_fragmented_bot_jpeg_ls.80.dcm");

    static List<String> jpegLsFiles() {
        return CodecCorpus.files(TransferSyntax.JPEG_LS_LOSSLESS, TransferSyntax.JPEG_LS_NEAR_LOSSLESS);
    }

    static Stream<String> viaGdcm() {
        return jpegLsFiles().stream().filter(f -> !TWINS.containsKey(f));
    }

    static Stream<String> viaTwin() {
        return TWINS.keySet().stream().sorted();
    }

    @Test
    void corpusHoldsTheJpegLsFiles() {
        assertThat(jpegLsFiles()).hasSizeGreaterThanOrEqualTo(23).containsAll(TWINS.keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("viaGdcm")
    void framesEqualGdcmRawOutput(String name, @TempDir Path temp) throws Exception {
        Path file = TestData.dicom(name);
        DicomFile gdcm = PixelComparison.gdcmRaw(file, temp);
        PixelData ours = PixelData.of(DicomReader.read(file));
        PixelData theirs = PixelData.of(gdcm);
        assertThat(ours.description().photometric()).as("photometric").isEqualTo(theirs.description().photometric());
        assertThat(ours.description().planarConfiguration()).as("planar configuration")
                .isEqualTo(theirs.description().planarConfiguration());
        long max = PixelComparison.maxDifference(ours, theirs);
        System.out.println("JPEG-LS vs gdcmconv --raw, max difference " + max + ": " + name);
        assertThat(max).as("largest sample difference from GDCM").isZero();
        PixelComparison.assertSameBytes(ours, theirs);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("viaTwin")
    void framesMatchAnotherEncodingOfTheSameImage(String name) throws Exception {
        PixelData ours = PixelData.of(DicomReader.read(TestData.dicom(name)));
        PixelData twin = PixelData.of(DicomReader.read(TestData.dicom(TWINS.get(name))));
        long max = PixelComparison.maxDifference(ours, twin);
        System.out.println("JPEG-LS vs twin, max difference " + max + ": " + name);
        if (name.endsWith(".80.dcm")) {
            assertThat(max).isZero();
            PixelComparison.assertSameBytes(ours, twin);
        } else {
            assertThat(max).as("near-lossless error bound of the .81 file").isLessThanOrEqualTo(nearOf(name));
        }
    }

    /** NEAR of the first scan of the file's first frame. */
    private static int nearOf(String name) throws Exception {
        byte[] frame = JpegLsTestSupport.encodedFrame(TestData.dicom(name), 0);
        return JpegLsTestSupport.scanNear(frame);
    }
}
