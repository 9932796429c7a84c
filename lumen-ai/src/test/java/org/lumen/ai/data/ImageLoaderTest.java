package org.lumen.ai.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumen.dicom.testing.TestData;
import org.lumen.image.Volume;
import org.lumen.image.nifti.NiftiReader;

class ImageLoaderTest {
    @TempDir
    Path dir;

    @Test
    void readsARealJpegAtItsOwnSize() throws IOException {
        Path jpeg = TestData.data("brain-tumor-mri/Training/glioma/Tr-glTr_0000.jpg");
        BufferedImage decoded = ImageIO.read(jpeg.toFile());
        RawImage image = ImageLoader.load(jpeg);
        assertThat(image.kind()).isEqualTo(ImageLoader.JPEG);
        assertThat(image.shape()[1]).isEqualTo(decoded.getHeight());
        assertThat(image.shape()[2]).isEqualTo(decoded.getWidth());
        assertThat(image.shape()[0]).isIn(1, 3);
        assertThat(max(image.raw())).isBetween(100f, 255f);
        assertThat(image.modality()).isNull();
    }

    @Test
    void readsGreyAndColourPngsOnTheDisplayScale() throws IOException {
        BufferedImage grey16 = new BufferedImage(3, 2, BufferedImage.TYPE_USHORT_GRAY);
        grey16.getRaster().setSample(1, 0, 0, 65535);
        grey16.getRaster().setSample(2, 1, 0, 257 * 100);
        Path greyFile = dir.resolve("grey.png");
        ImageIO.write(grey16, "png", greyFile.toFile());
        RawImage grey = ImageLoader.load(greyFile);
        assertThat(grey.kind()).isEqualTo(ImageLoader.PNG);
        assertThat(grey.shape()).containsExactly(1, 2, 3);
        assertThat(grey.raw()).containsExactly(0f, 255f, 0f, 0f, 0f, 100f);

        BufferedImage rgb = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
        rgb.setRGB(0, 0, 0x80102030);
        rgb.setRGB(1, 0, 0xFFFF8000);
        Path rgbFile = dir.resolve("colour.png");
        ImageIO.write(rgb, "png", rgbFile.toFile());
        RawImage colour = ImageLoader.load(rgbFile);
        // alpha dropped, channel planes R, G, B
        assertThat(colour.shape()).containsExactly(3, 1, 2);
        assertThat(colour.raw()).containsExactly(0x10, 0xFF, 0x20, 0x80, 0x30, 0x00);
    }

    @Test
    void readsDicomWithModalityAndBodyPart() throws IOException {
        RawImage ct = ImageLoader.load(TestData.dicom("pydicom/test_files/CT_small.dcm"));
        assertThat(ct.kind()).isEqualTo(ImageLoader.DICOM);
        assertThat(ct.shape()).containsExactly(1, 128, 128);
        assertThat(ct.modality()).isEqualTo("CT");
        assertThat(min(ct.raw())).isGreaterThanOrEqualTo(0f);
        assertThat(max(ct.raw())).isLessThanOrEqualTo(255f).isGreaterThan(0f);

        RawImage dx = ImageLoader.load(TestData.dicom("highdicom/data/test_files/dx_image.dcm"));
        assertThat(dx.modality()).isEqualTo("DX");
        assertThat(dx.bodyPart()).isEqualTo("THORAX");
        var header = org.lumen.dicom.io.DicomReader.read(TestData.dicom("highdicom/data/test_files/dx_image.dcm")).dataset();
        assertThat(dx.shape()).containsExactly(1, header.getInt(org.lumen.dicom.data.Tag.Rows, 0),
                header.getInt(org.lumen.dicom.data.Tag.Columns, 0));
        assertThat(dx.shape()[1]).isNotEqualTo(dx.shape()[2]);
    }

    @Test
    void readsAMultiFrameColourDicomAsAVolume() throws IOException {
        RawImage image = ImageLoader.load(TestData.dicom("pydicom/test_files/SC_rgb_rle_2frame.dcm"));
        assertThat(image.shape()).containsExactly(3, 2, 100, 100);
        // the two frames differ (the sample is an RGB test pattern and its inverse)
        float[] raw = image.raw();
        assertThat(Arrays.copyOfRange(raw, 0, 10000)).isNotEqualTo(Arrays.copyOfRange(raw, 10000, 20000));
    }

    @Test
    void readsANiftiVolumeChannelsFirst() throws Exception {
        Path file = TestData.data("hippocampus/imagesTr/hippocampus_001.nii.gz");
        Volume volume = NiftiReader.read(file);
        RawImage image = ImageLoader.load(file);
        assertThat(image.kind()).isEqualTo(ImageLoader.NIFTI);
        assertThat(image.shape()).containsExactly(1, volume.nz(), volume.ny(), volume.nx());
        // the volume's own range maps onto 0..255
        assertThat(min(image.raw())).isEqualTo(0f);
        assertThat(max(image.raw())).isEqualTo(255f);
        // a window chosen by the model: everything at or below its low end is black
        RawImage windowed = ImageLoader.load(file, new double[] {1e6, 10});
        assertThat(max(windowed.raw())).isEqualTo(0f);
    }

    @Test
    void refusesOtherFilesNamingThem() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.txt"), "not an image");
        assertThatThrownBy(() -> ImageLoader.load(text)).isInstanceOf(ImageReadException.class)
                .hasMessageContaining("notes.txt").hasMessageContaining("not a PNG, JPEG, DICOM");
        Path broken = Files.write(dir.resolve("broken.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3});
        assertThatThrownBy(() -> ImageLoader.load(broken)).isInstanceOf(ImageReadException.class)
                .hasMessageContaining("broken.jpg");
        Path noPixels = TestData.dicom("pydicom/test_files/rtplan.dcm");
        assertThatThrownBy(() -> ImageLoader.load(noPixels)).isInstanceOf(ImageReadException.class)
                .hasMessageContaining("without pixel data");
    }

    static float max(float[] values) {
        float m = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            m = Math.max(m, v);
        }
        return m;
    }

    static float min(float[] values) {
        float m = Float.POSITIVE_INFINITY;
        for (float v : values) {
            m = Math.min(m, v);
        }
        return m;
    }
}
