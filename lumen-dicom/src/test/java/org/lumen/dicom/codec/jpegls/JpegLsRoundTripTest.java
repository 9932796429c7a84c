package org.lumen.dicom.codec.jpegls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.io.DicomFile;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.DicomWriter;
import org.lumen.dicom.io.TransferSyntax;
import org.lumen.dicom.pixel.EncodeOptions;
import org.lumen.dicom.pixel.PixelData;
import org.lumen.dicom.testing.Peers;
import org.lumen.dicom.testing.PixelComparison;
import org.lumen.dicom.testing.TestData;
import org.lumen.dicom.transcode.Transcoder;

/**
 * Real corpus images (8, 7, 12, 15 and 16-bit grey, signed and unsigned, 8 and 16-bit RGB) encoded to JPEG-LS Lossless
 * and Near-Lossless (NEAR 2 and 7), written as DICOM files, then decoded three ways: by our decoder, by GDCM
 * ({@code gdcmconv --raw}, CharLS) and by dcmtk ({@code dcmdjpls}). Lossless must give back the original samples
 * exactly; near-lossless must stay within NEAR of them, and our decoding must equal both peers' exactly (all three
 * decode the same codestream).
 */
class JpegLsRoundTripTest {
    private static final List<String> SOURCES = List.of(
            "pydicom-data/vlut_04.dcm",                  // 8-bit grey, unsigned
            "pydicom-data/JLSL_08_07_0_1F.dcm",          // 7 of 8 bits, unsigned
            "pydicom-data/emri_small.dcm",               // 12 of 16 bits, unsigned, 10 frames
            "pydicom-data/JLSL_16_15_1_1F.dcm",          // 15 of 16 bits, signed
            "pydicom/test_files/CT_small.dcm",           // 16-bit signed CT
            "pydicom/test_files/MR_small.dcm",           // 16-bit signed MR
            "pydicom-data/US1_UNCR.dcm",                 // 8-bit RGB
            "pydicom-data/SC_rgb_16bit.dcm",             // 16-bit RGB
            "pydicom/test_files/SC_rgb_small_odd.dcm");  // 3 x 3 RGB

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (String source : SOURCES) {
            out.add(Arguments.of(source, TransferSyntax.JPEG_LS_LOSSLESS, 0));
            out.add(Arguments.of(source, TransferSyntax.JPEG_LS_NEAR_LOSSLESS, 2));
        }
        out.add(Arguments.of("pydicom/test_files/CT_small.dcm", TransferSyntax.JPEG_LS_NEAR_LOSSLESS, 7));
        out.add(Arguments.of("pydicom-data/US1_UNCR.dcm", TransferSyntax.JPEG_LS_NEAR_LOSSLESS, 7));
        return out.stream();
    }

    @ParameterizedTest(name = "{0} -> {1} NEAR {2}")
    @MethodSource("cases")
    void roundTripsThroughOurDecoderGdcmAndDcmtk(String source, String syntax, int near, @TempDir Path temp)
            throws Exception {
        DicomFile original = uncompressed(TestData.dicom(source), temp);
        Attributes encoded = Transcoder.transcode(original, syntax, EncodeOptions.DEFAULT.withNearLossless(near));
        Path file = temp.resolve("encoded.dcm");
        DicomWriter.write(file, original.fileMeta(), encoded, syntax);
        if (syntax.equals(TransferSyntax.JPEG_LS_NEAR_LOSSLESS)) {
            assertThat(encoded.getString(Tag.LossyImageCompression)).isEqualTo("01");
            assertThat(encoded.getStrings(Tag.LossyImageCompressionMethod)).contains("ISO_14495_1");
        }

        PixelData reference = PixelData.of(original);
        PixelData ours = PixelData.of(DicomReader.read(file));
        PixelData gdcm = PixelData.of(PixelComparison.gdcmRaw(file, temp));
        Path dcmtkFile = temp.resolve("dcmtk.dcm");
        Peers.Result dcmtkRun = Peers.run(120, "dcmdjpls", file.toString(), dcmtkFile.toString());
        assertThat(dcmtkRun.ok()).as("dcmdjpls: %s", dcmtkRun).isTrue();
        PixelData dcmtk = PixelData.of(DicomReader.read(dcmtkFile));

        long oursDiff = PixelComparison.maxDifference(ours, reference);
        long gdcmDiff = PixelComparison.maxDifference(gdcm, reference);
        long dcmtkDiff = PixelComparison.maxDifference(dcmtk, reference);
        long oursVsGdcm = PixelComparison.maxDifference(ours, gdcm);
        long oursVsDcmtk = PixelComparison.maxDifference(ours, dcmtk);
        System.out.printf("JPEG-LS round trip %s NEAR %d: %d bytes -> %d, max diff ours %d gdcm %d dcmtk %d, ours vs gdcm %d"
                + " vs dcmtk %d%n", source, near, reference.description().frameLength() * reference.frameCount(),
                encoded.getFragments(Tag.PixelData).size(), oursDiff, gdcmDiff, dcmtkDiff, oursVsGdcm, oursVsDcmtk);
        assertThat(oursDiff).as("ours vs original").isLessThanOrEqualTo(near);
        assertThat(gdcmDiff).as("gdcmconv --raw vs original").isLessThanOrEqualTo(near);
        assertThat(dcmtkDiff).as("dcmdjpls vs original").isLessThanOrEqualTo(near);
        assertThat(oursVsGdcm).as("ours vs gdcmconv --raw").isZero();
        assertThat(oursVsDcmtk).as("ours vs dcmdjpls").isZero();
    }

    /** The file itself, or (for the JPEG-LS sources) its Explicit VR Little Endian rewrite, so that we encode it. */
    private static DicomFile uncompressed(Path path, Path temp) throws java.io.IOException {
        DicomFile file = DicomReader.read(path);
        if (!Transcoder.sourceSyntax(file).encapsulated()) {
            return file;
        }
        Path out = temp.resolve("source.dcm");
        DicomWriter.write(out, file.fileMeta(), Transcoder.transcode(file, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN),
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        return DicomReader.read(out);
    }
}
