package org.lumen.dicom.codec.jpeg2000;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.io.TransferSyntax;
import org.lumen.dicom.pixel.EncodeOptions;
import org.lumen.dicom.pixel.FrameEncoder;
import org.lumen.dicom.pixel.FrameEncoders;
import org.lumen.dicom.pixel.ImagePixelDescription;
import org.lumen.dicom.pixel.Photometric;
import org.lumen.dicom.pixel.PixelDataException;

/** What the encoder promises and refuses, and the shape of what it writes; decoding is judged by GDCM elsewhere. */
class J2kEncoderTest {
    private final J2kEncoder encoder = new J2kEncoder();

    private static ImagePixelDescription description(int rows, int columns, int samples, int allocated, int stored,
            int signed, Photometric photometric, int planar) {
        return new ImagePixelDescription(rows, columns, samples, allocated, stored, stored - 1, signed, planar, photometric,
                1, Tag.PixelData);
    }

    @Test
    void isFoundByTheRegistryForBothJpeg2000Syntaxes() {
        FrameEncoder lossless = FrameEncoders.standard().forTransferSyntax(TransferSyntax.of(TransferSyntax.JPEG_2000_LOSSLESS));
        FrameEncoder lossy = FrameEncoders.standard().forTransferSyntax(TransferSyntax.of(TransferSyntax.JPEG_2000));
        assertThat(lossless).isInstanceOf(J2kEncoder.class);
        assertThat(lossy).isInstanceOf(J2kEncoder.class);
    }

    @Test
    void rgbBecomesYbrRctInterleaved() {
        ImagePixelDescription rgb = description(4, 4, 3, 8, 8, 0, Photometric.RGB, 1);
        ImagePixelDescription encoded = encoder.encodedDescription(rgb, EncodeOptions.DEFAULT);
        assertThat(encoded.photometric()).isEqualTo(Photometric.YBR_RCT);
        assertThat(encoded.planarConfiguration()).isZero();
    }

    @Test
    void monochromeAndYbrFullKeepTheirInterpretation() {
        ImagePixelDescription mono = description(4, 4, 1, 16, 12, 0, Photometric.MONOCHROME1, 0);
        assertThat(encoder.encodedDescription(mono, EncodeOptions.DEFAULT)).isEqualTo(mono);
        ImagePixelDescription ybr = description(4, 4, 3, 8, 8, 0, Photometric.YBR_FULL, 0);
        assertThat(encoder.encodedDescription(ybr, EncodeOptions.DEFAULT).photometric()).isEqualTo(Photometric.YBR_FULL);
    }

    @Test
    void refusesSubsampledChroma() {
        ImagePixelDescription ybr422 = description(4, 4, 3, 8, 8, 0, Photometric.YBR_FULL_422, 0);
        assertThatThrownBy(() -> encoder.encodedDescription(ybr422, EncodeOptions.DEFAULT))
                .isInstanceOf(PixelDataException.class).hasMessageContaining("YBR_FULL_422");
        assertThatThrownBy(() -> encoder.encode(new byte[32], ybr422, EncodeOptions.DEFAULT))
                .isInstanceOf(PixelDataException.class).hasMessageContaining("YBR_FULL_422");
    }

    @Test
    void refusesFloatOneBitAndMoreThan16Bits() {
        ImagePixelDescription floats = new ImagePixelDescription(4, 4, 1, 32, 32, 31, 0, 0, Photometric.MONOCHROME2, 1,
                Tag.FloatPixelData);
        assertThatThrownBy(() -> encoder.encodedDescription(floats, EncodeOptions.DEFAULT))
                .isInstanceOf(PixelDataException.class).hasMessageContaining("float");
        ImagePixelDescription bits = description(8, 8, 1, 1, 1, 0, Photometric.MONOCHROME2, 0);
        assertThatThrownBy(() -> encoder.encodedDescription(bits, EncodeOptions.DEFAULT))
                .isInstanceOf(PixelDataException.class).hasMessageContaining("1-bit");
        ImagePixelDescription wide = description(4, 4, 1, 32, 24, 0, Photometric.MONOCHROME2, 0);
        assertThatThrownBy(() -> encoder.encodedDescription(wide, EncodeOptions.DEFAULT))
                .isInstanceOf(PixelDataException.class).hasMessageContaining("Bits Stored 24");
    }

    @Test
    void refusesAShortFrame() {
        ImagePixelDescription mono = description(4, 4, 1, 16, 16, 0, Photometric.MONOCHROME2, 0);
        assertThatThrownBy(() -> encoder.encode(new byte[31], mono, EncodeOptions.DEFAULT))
                .isInstanceOf(PixelDataException.class).hasMessageContaining("shorter");
    }

    @Test
    void writesARawCodestreamWithTheExpectedMainHeader() {
        ImagePixelDescription rgb = description(33, 70, 3, 8, 8, 0, Photometric.RGB, 0);
        byte[] frame = new byte[rgb.frameLength()];
        new Random(7).nextBytes(frame);
        byte[] j2k = encoder.encode(frame, rgb, EncodeOptions.DEFAULT);
        assertThat(u16(j2k, 0)).as("SOC").isEqualTo(0xFF4F);
        assertThat(u16(j2k, 2)).as("SIZ").isEqualTo(0xFF51);
        assertThat(u32(j2k, 8)).as("Xsiz").isEqualTo(70);
        assertThat(u32(j2k, 12)).as("Ysiz").isEqualTo(33);
        assertThat(u16(j2k, 40)).as("Csiz").isEqualTo(3);
        assertThat(j2k[42] & 0xFF).as("Ssiz: unsigned 8 bits").isEqualTo(7);
        int cod = 4 + u16(j2k, 4);
        assertThat(u16(j2k, cod)).as("COD").isEqualTo(0xFF52);
        assertThat(j2k[cod + 5] & 0xFF).as("progression LRCP").isZero();
        assertThat(u16(j2k, cod + 6)).as("layers").isEqualTo(1);
        assertThat(j2k[cod + 8] & 0xFF).as("MCT").isEqualTo(1);
        assertThat(j2k[cod + 9] & 0xFF).as("levels for 33 rows").isEqualTo(5);
        assertThat(j2k[cod + 13] & 0xFF).as("5/3 reversible").isEqualTo(1);
        int qcd = cod + 2 + u16(j2k, cod + 2);
        assertThat(u16(j2k, qcd)).as("QCD").isEqualTo(0xFF5C);
        assertThat(j2k[qcd + 4] & 0x1F).as("no quantisation").isZero();
        int sot = qcd + 2 + u16(j2k, qcd + 2);
        assertThat(u16(j2k, sot)).as("SOT").isEqualTo(0xFF90);
        assertThat(u32(j2k, sot + 6)).as("Psot reaches EOC").isEqualTo(j2k.length - 2 - sot);
        assertThat(u16(j2k, j2k.length - 2)).as("EOC").isEqualTo(0xFFD9);
    }

    @Test
    void twoGuardBitsCoverEvenFullRangeChromaDifferences() {
        org.lumen.dicom.pixel.PixelData pixels = org.lumen.dicom.pixel.PixelData.of(
                J2kEncoderTestImages.extremeColours(67, 75, 16, false), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        byte[] j2k = encoder.encode(pixels.frameBytes(0), pixels.description(), EncodeOptions.DEFAULT);
        int cod = 4 + u16(j2k, 4);
        int qcd = cod + 2 + u16(j2k, cod + 2);
        // RCT chroma has 17 bits here and HH gains 2 more; what the 5/3 adds beyond the nominal gains fits in 2 guard bits
        assertThat((j2k[qcd + 4] & 0xFF) >> 5).as("guard bits").isEqualTo(2);
        assertThat(j2k[qcd + 5] & 0xFF).as("LL exponent: precision 16").isEqualTo(16 << 3);
        assertThat(j2k[qcd + 8] & 0xFF).as("HH exponent of the top level: 16 + 2").isEqualTo(18 << 3);
    }

    @Test
    void levelsShrinkForSmallImages() {
        assertThat(J2kEncoder.levels(512, 512)).isEqualTo(5);
        assertThat(J2kEncoder.levels(1, 1000)).isZero();
        assertThat(J2kEncoder.levels(3, 5)).isEqualTo(1);
        assertThat(J2kEncoder.levels(65, 130)).isEqualTo(5);
        assertThat(J2kEncoder.levels(16, 17)).isEqualTo(4);
    }

    @Test
    void forwardWaveletOfAConstantLeavesOnlyTheLowPass() {
        int[] data = new int[37 * 23];
        java.util.Arrays.fill(data, 100);
        J2kForwardDwt53.forward(data, 37, 23, 3);
        int lowW = (37 + 7) / 8;
        int lowH = (23 + 7) / 8;
        for (int y = 0; y < 23; y++) {
            for (int x = 0; x < 37; x++) {
                int expected = x < lowW && y < lowH ? 100 : 0;
                assertThat(data[y * 37 + x]).as("coefficient (%d, %d)", x, y).isEqualTo(expected);
            }
        }
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
    }

    private static int u32(byte[] b, int at) {
        return u16(b, at) << 16 | u16(b, at + 2);
    }
}
