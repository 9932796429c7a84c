package org.lumen.dicom.codec.jpegls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Fragments;
import org.lumen.dicom.data.Tags;
import org.lumen.dicom.data.VR;
import org.lumen.dicom.io.DicomFile;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.DicomWriter;
import org.lumen.dicom.io.TransferSyntax;
import org.lumen.dicom.pixel.ImagePixelDescription;
import org.lumen.dicom.pixel.PixelData;
import org.lumen.dicom.testing.PixelComparison;
import org.lumen.dicom.testing.TestData;

/**
 * Codestream features the corpus lacks, checked against GDCM (CharLS) on streams our encoder writes with them: restart
 * markers (DRI / RSTm), LSE preset thresholds and RESET, every interleave mode with NEAR 0 and NEAR > 0, the HP1-HP3
 * colour transforms (CharLS's APP8 "mrfx"). GDCM's
 * decoding and ours must agree exactly, and stay within NEAR of the source image.
 */
class JpegLsCodestreamVariantsTest {
    private static final String CT = "pydicom/test_files/CT_small.dcm";
    private static final String RGB = "pydicom-data/US1_UNCR.dcm";

    static Stream<Arguments> variants() {
        List<Arguments> out = new ArrayList<>();
        for (int near : new int[] {0, 3}) {
            out.add(Arguments.of(CT, near, 0, null, 7));
            out.add(Arguments.of(CT, near, 0, new int[] {5, 10, 30, 32}, 0));
            out.add(Arguments.of(CT, near, 0, new int[] {5, 10, 30, 32}, 1));
            for (int interleave = 0; interleave <= 2; interleave++) {
                out.add(Arguments.of(RGB, near, interleave, null, 0));
                out.add(Arguments.of(RGB, near, interleave, null, 13));
                // CharLS (GDCM's and dcmtk's) fails on sample-interleaved scans whose LSE RESET is not 64 (it keeps 64
                // for the regular contexts there, we believe); ILV 0 and 1 with RESET 100 decode alike.
                out.add(Arguments.of(RGB, near, interleave, new int[] {4, 9, 25, interleave == 2 ? 64 : 100}, 0));
            }
        }
        return out.stream();
    }

    static Stream<Arguments> colourTransforms() {
        List<Arguments> out = new ArrayList<>();
        for (int transform = 1; transform <= 3; transform++) {
            for (int interleave = 1; interleave <= 2; interleave++) {
                out.add(Arguments.of(RGB, 0, interleave, null, 0, transform));
                out.add(Arguments.of(RGB, 2, interleave, null, 0, transform));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} NEAR {1} ILV {2} presets {3} restart {4}")
    @MethodSource("variants")
    void gdcmAndWeDecodeTheSame(String source, int near, int interleave, int[] presets, int restart, @TempDir Path temp)
            throws Exception {
        check(source, near, interleave, presets, restart, 0, temp);
    }

    @ParameterizedTest(name = "{0} NEAR {1} ILV {2} HP{5}")
    @MethodSource("colourTransforms")
    void hpColourTransformsDecodeAsInGdcm(String source, int near, int interleave, int[] presets, int restart, int transform,
            @TempDir Path temp) throws Exception {
        check(source, near, interleave, presets, restart, transform, temp);
    }

    private static void check(String source, int near, int interleave, int[] presets, int restart, int transform, Path temp)
            throws Exception {
        DicomFile original = DicomReader.read(TestData.dicom(source));
        PixelData pixels = PixelData.of(original);
        ImagePixelDescription d = pixels.description();
        byte[] codestream = JpegLsFrameEncoder.encode(pixels.frameBytes(0), d, near, interleave, presets, restart,
                transform);

        Path file = temp.resolve("variant.dcm");
        String syntax = near == 0 ? TransferSyntax.JPEG_LS_LOSSLESS : TransferSyntax.JPEG_LS_NEAR_LOSSLESS;
        Attributes dataset = original.dataset().deepCopy();
        Fragments fragments = new Fragments(VR.OB, false);
        fragments.add(new byte[0]);
        fragments.add((codestream.length & 1) == 0 ? codestream : java.util.Arrays.copyOf(codestream, codestream.length + 1));
        dataset.setFragments(Tags.PIXEL_DATA, fragments);
        if (d.samplesPerPixel() == 3) {
            dataset.setInt(org.lumen.dicom.data.Tag.PlanarConfiguration, VR.US, 0);
        }
        DicomWriter.write(file, null, dataset, syntax);

        PixelData ours = PixelData.of(DicomReader.read(file));
        PixelData gdcm = PixelData.of(PixelComparison.gdcmRaw(file, temp));
        long oursVsGdcm = PixelComparison.maxDifference(ours, gdcm);
        long oursVsSource = PixelComparison.maxDifference(ours, pixels);
        System.out.printf("JPEG-LS variant %s NEAR %d ILV %d presets %s restart %d HP%d: ours vs gdcm %d, vs source %d%n",
                source, near, interleave, java.util.Arrays.toString(presets), restart, transform, oursVsGdcm, oursVsSource);
        assertThat(oursVsGdcm).isZero();
        if (transform == 0 || near == 0) {
            // With an HP transform NEAR bounds the transformed samples, modulo 256: a colour near 0 or 255 can wrap.
            assertThat(oursVsSource).isLessThanOrEqualTo(near);
        }
    }

    @Test
    void defaultThresholdsFollowC2411() {
        assertThat(CodingParameters.defaultThresholds(255, 0)).containsExactly(3, 7, 21);
        assertThat(CodingParameters.defaultThresholds(4095, 0)).containsExactly(18, 67, 276);
        assertThat(CodingParameters.defaultThresholds(65535, 0)).containsExactly(18, 67, 276);
        assertThat(CodingParameters.defaultThresholds(255, 2)).containsExactly(9, 17, 35);
        assertThat(CodingParameters.defaultThresholds(127, 0)).containsExactly(2, 3, 10);
        assertThat(CodingParameters.defaultThresholds(3, 0)).containsExactly(2, 3, 3);
    }
}
