package org.lumen.dicom.pixel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.lumen.dicom.io.DicomFile;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.testing.TestData;

/** PNGs written by {@link FrameRenderer} and read back with ImageIO. */
class FrameRendererTest {

    @Test
    void ctFrameWithAWindowBecomesAGreyPng() throws Exception {
        DicomFile ct = DicomReader.read(TestData.dicom("pydicom/test_files/CT_small.dcm"));
        BufferedImage png = roundTrip(out -> FrameRenderer.toPng(ct.dataset(), 0, Optional.of(Window.of(40, 400)), out));
        assertThat(png.getWidth()).isEqualTo(128);
        assertThat(png.getHeight()).isEqualTo(128);
        assertThat(png.getRaster().getNumBands()).isEqualTo(1);
        // modality values -849, -115, 904, 16, -50 through LINEAR 40/400 (see VoiAndModalityTest)
        int[][] points = {{0, 0}, {127, 127}, {64, 64}, {42, 85}, {96, 25}};
        int[] expected = {0, 29, 255, 112, 70};
        for (int i = 0; i < points.length; i++) {
            assertThat(png.getRaster().getSample(points[i][1], points[i][0], 0)).as("grey at %d,%d", points[i][0], points[i][1])
                    .isEqualTo(expected[i]);
        }
    }

    @Test
    void rgbFrameBecomesAnRgbPngWithItsSamples() throws Exception {
        DicomFile us = DicomReader.read(TestData.dicom("pydicom-data/US1_UNCR.dcm"));
        BufferedImage png = roundTrip(out -> FrameRenderer.toPng(us, 0, Optional.empty(), out));
        assertThat(png.getWidth()).isEqualTo(640);
        assertThat(png.getHeight()).isEqualTo(480);
        int[] samples = PixelData.of(us).samples(0);
        for (int[] p : new int[][] {{0, 0}, {240, 320}, {160, 426}, {479, 639}, {100, 200}}) {
            int i = (p[0] * 640 + p[1]) * 3;
            int expected = samples[i] << 16 | samples[i + 1] << 8 | samples[i + 2];
            assertThat(png.getRGB(p[1], p[0]) & 0xFFFFFF).as("pixel %d,%d", p[0], p[1]).isEqualTo(expected);
        }
    }

    @Test
    void paletteAndYbrFramesAreShownInRgb() throws Exception {
        // OBXXXX1A (0,0): palette entry 9472, 15872, 24064 of 16 bits -> 37, 62, 94
        BufferedImage palette = roundTrip(out -> FrameRenderer.toPng(
                DicomReader.read(TestData.dicom("pydicom-data/OBXXXX1A_rle.dcm")), 0, Optional.empty(), out));
        assertThat(palette.getRGB(0, 0) & 0xFFFFFF).isEqualTo(37 << 16 | 62 << 8 | 94);
        // SC_ybr_full_uncompressed (0,0) is red: pydicom converts it to 254, 0, 0
        BufferedImage ybr = roundTrip(out -> FrameRenderer.toPng(
                DicomReader.read(TestData.dicom("pydicom-data/SC_ybr_full_uncompressed.dcm")), 0, Optional.empty(), out));
        int rgb = ybr.getRGB(0, 0);
        assertThat((rgb >> 16) & 0xFF).isBetween(253, 255);
        assertThat((rgb >> 8) & 0xFF).isBetween(0, 1);
        assertThat(rgb & 0xFF).isBetween(0, 1);
    }

    @Test
    void encapsulatedDatasetWithoutItsTransferSyntaxIsRefused() throws Exception {
        DicomFile rle = DicomReader.read(TestData.dicom("pydicom/test_files/MR_small_RLE.dcm"));
        assertThatThrownBy(() -> FrameRenderer.toPng(rle.dataset(), 0, Optional.empty(), new ByteArrayOutputStream()))
                .isInstanceOf(PixelDataException.class).hasMessageContaining("transfer syntax");
        BufferedImage png = roundTrip(out -> FrameRenderer.toPng(rle, 0, Optional.empty(), out));
        assertThat(png.getWidth()).isEqualTo(64);
        assertThatThrownBy(() -> FrameRenderer.toPng(rle, 1, Optional.empty(), new ByteArrayOutputStream()))
                .isInstanceOf(PixelDataException.class).hasMessageContaining("Frame index 1 does not exist");
    }

    private interface PngWriter {
        void write(ByteArrayOutputStream out) throws Exception;
    }

    private static BufferedImage roundTrip(PngWriter writer) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(out);
        byte[] bytes = out.toByteArray();
        assertThat(bytes).startsWith(0x89, 'P', 'N', 'G');
        return ImageIO.read(new ByteArrayInputStream(bytes));
    }
}
