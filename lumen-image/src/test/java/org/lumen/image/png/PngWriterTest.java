package org.lumen.image.png;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumen.dicom.testing.TestData;
import org.lumen.image.Volume;
import org.lumen.image.nifti.NiftiReader;

class PngWriterTest {
    @TempDir
    Path tempDir;

    @Test
    void grayPixelsReadBackUnchanged() throws Exception {
        byte[] pixels = {0, 10, (byte) 200, (byte) 255, 1, 2};
        Path file = tempDir.resolve("gray.png");
        PngWriter.writeGray8(pixels, 3, 2, file);
        BufferedImage image = ImageIO.read(file.toFile());

        assertThat(image.getWidth()).isEqualTo(3);
        assertThat(image.getHeight()).isEqualTo(2);
        assertThat(image.getRaster().getNumBands()).isEqualTo(1);
        assertThat(image.getRaster().getSample(2, 0, 0)).isEqualTo(200);
        assertThat(image.getRaster().getSample(0, 1, 0)).isEqualTo(255);
        assertThat(image.getRaster().getSample(2, 1, 0)).isEqualTo(2);
    }

    @Test
    void rgbPixelsKeepTheirChannels() throws Exception {
        byte[] pixels = {(byte) 255, 0, 0, 0, (byte) 255, 0, 0, 0, (byte) 255, 10, 20, 30};
        Path file = tempDir.resolve("rgb.png");
        PngWriter.writeRgb8(pixels, 2, 2, file);
        BufferedImage image = ImageIO.read(file.toFile());

        assertThat(image.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0xFF0000);
        assertThat(image.getRGB(1, 0) & 0xFFFFFF).isEqualTo(0x00FF00);
        assertThat(image.getRGB(0, 1) & 0xFFFFFF).isEqualTo(0x0000FF);
        assertThat(image.getRGB(1, 1) & 0xFFFFFF).isEqualTo(0x0A141E);
    }

    @Test
    void wrongPixelCountIsRefused() {
        assertThatThrownBy(() -> PngWriter.writeGray8(new byte[5], 3, 2, tempDir.resolve("x.png")))
                .hasMessageContaining("need 6 bytes, got 5");
        assertThatThrownBy(() -> PngWriter.writeRgb8(new byte[6], 3, 2, tempDir.resolve("x.png")))
                .hasMessageContaining("need 18 bytes, got 6");
    }

    @Test
    void brainAtlasSliceRendersWithAPercentileWindow() throws Exception {
        Volume brain = NiftiReader.read(TestData.data("brain-atlas/ch2.nii.gz"));
        float[] slice = brain.slice(brain.nz() / 2);
        byte[] levels = Windowing.apply(slice, Windowing.auto(slice, 1, 99));
        Path file = tempDir.resolve("ch2-axial.png");
        PngWriter.writeGray8(levels, brain.nx(), brain.ny(), file);
        BufferedImage image = ImageIO.read(file.toFile());

        assertThat(image.getWidth()).isEqualTo(181);
        assertThat(image.getHeight()).isEqualTo(217);
        Set<Integer> distinct = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                distinct.add(image.getRaster().getSample(x, y, 0));
            }
        }
        // The slice holds 143 stored values inside the 1st-99th percentile window (0 to 142): each keeps its own level.
        assertThat(distinct).as("distinct grey levels").hasSizeGreaterThan(120).contains(0, 255);
        // Air at the top rows is black, the brain in the middle is mid-grey on average.
        assertThat(meanLevel(image, 0, 0, 181, 10)).isLessThan(5);
        assertThat(meanLevel(image, 60, 78, 61, 61)).isGreaterThan(100);
    }

    private static double meanLevel(BufferedImage image, int x0, int y0, int width, int height) {
        double sum = 0;
        for (int y = y0; y < y0 + height; y++) {
            for (int x = x0; x < x0 + width; x++) {
                sum += image.getRaster().getSample(x, y, 0);
            }
        }
        return sum / (width * height);
    }
}
