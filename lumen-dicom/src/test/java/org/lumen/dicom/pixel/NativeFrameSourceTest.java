package org.lumen.dicom.pixel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.BulkData;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.data.VR;
import org.lumen.dicom.io.DicomFile;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.ReadOptions;
import org.lumen.dicom.testing.TestData;

class NativeFrameSourceTest {

    @Test
    void aFrameIsReadWithoutTheFramesAfterIt(@TempDir Path temp) throws Exception {
        DicomFile file = DicomReader.read(TestData.dicom("pydicom-data/emri_small.dcm"));
        BulkData pixels = file.dataset().getBulkData(Tag.PixelData);
        ImagePixelDescription d = ImagePixelDescription.of(file.dataset());
        // A copy of the file that ends with the last byte of frame 1 (frames 2..9 are not there)
        Path cut = temp.resolve("cut.dcm");
        byte[] whole = Files.readAllBytes(file.path());
        Files.write(cut, Arrays.copyOf(whole, (int) pixels.offset() + 2 * d.frameLength()));
        NativeFrameSource source = new NativeFrameSource(d, new BulkData(cut, pixels.offset(), pixels.length(), false), VR.OW, false);
        PixelData reference = PixelData.of(file);
        assertThat(source.frame(1)).isEqualTo(reference.frameBytes(1));
        assertThat(source.frame(0)).isEqualTo(reference.frameBytes(0));
        assertThatThrownBy(() -> source.frame(2)).isInstanceOf(UncheckedIOException.class).hasMessageContaining("File ends");
        assertThatThrownBy(() -> source.frame(10)).isInstanceOf(PixelDataException.class)
                .hasMessage("Frame index 10 does not exist; the image has 10 frame(s), indexed 0..9");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"pydicom-data/SC_rgb_expb_2frame.dcm", "pydicom-data/OBXXXX1A_expb_2frame.dcm",
        "pydicom-data/liver_nonbyte_aligned.dcm", "pydicom-data/liver_expb.dcm", "pydicom-data/SC_rgb_expb_32bit_2frame.dcm",
        "pydicom-data/color-pl.dcm", "pydicom/test_files/rtdose_expb.dcm", "pydicom-data/gdcm-US-ALOKA-16_big.dcm"})
    void framesInMemoryEqualFramesLeftInTheFile(String name) throws Exception {
        DicomFile referenced = DicomReader.read(TestData.dicom(name), ReadOptions.DEFAULT);
        assertThat(referenced.dataset().value(Tag.PixelData)).isInstanceOf(BulkData.class);
        PixelData inFile = PixelData.of(referenced);
        PixelData inMemory = PixelData.of(DicomReader.read(TestData.dicom(name), ReadOptions.INCLUDE_ALL));
        for (int k = 0; k < inFile.frameCount(); k++) {
            assertThat(inFile.frameBytes(k)).as("frame %d", k).isEqualTo(inMemory.frameBytes(k));
        }
    }

    @Test
    void bigEndianFramesEqualTheirLittleEndianTwins() throws Exception {
        String[][] twins = {{"pydicom/test_files/SC_rgb_small_odd_big_endian.dcm", "pydicom/test_files/SC_rgb_small_odd.dcm"},
            {"pydicom-data/OBXXXX1A_expb_2frame.dcm", "pydicom-data/OBXXXX1A_2frame.dcm"},
            {"pydicom-data/SC_rgb_expb_16bit_2frame.dcm", "pydicom-data/SC_rgb_16bit_2frame.dcm"},
            {"pydicom-data/SC_rgb_expb_32bit_2frame.dcm", "pydicom-data/SC_rgb_32bit_2frame.dcm"},
            {"pydicom-data/liver_expb.dcm", "pydicom-data/liver.dcm"},
            {"pydicom-data/emri_small_big_endian.dcm", "pydicom-data/emri_small.dcm"}};
        for (String[] pair : twins) {
            PixelData big = PixelData.of(DicomReader.read(TestData.dicom(pair[0])));
            PixelData little = PixelData.of(DicomReader.read(TestData.dicom(pair[1])));
            for (int k = 0; k < little.frameCount(); k++) {
                assertThat(big.frameBytes(k)).as("%s frame %d", pair[0], k).isEqualTo(little.frameBytes(k));
            }
        }
    }

    @Test
    void oddLengthFramesOfOwInBigEndianKeepTheirBytes() {
        // Two frames of one 8-bit RGB pixel (3 bytes each) in OW big endian: frame 1 starts inside a swapped word
        Attributes a = rgb8(1, 1, 2, true);
        a.setBytes(Tag.PixelData, VR.OW, new byte[] {2, 1, 4, 3, 6, 5});
        PixelData pixels = PixelData.of(a);
        assertThat(pixels.frameBytes(0)).containsExactly(1, 2, 3);
        assertThat(pixels.frameBytes(1)).containsExactly(4, 5, 6);
    }

    @Test
    void storedBitsAreMaskedShiftedAndSignExtended() {
        Attributes a = grey(2, 1, 16, 12, 15, 1);
        // 0xFFF0 -> bits 15..4 = 0xFFF = -1; 0x7FF0 -> 0x7FF = 2047; low nibble is overlay noise
        a.setBytes(Tag.PixelData, VR.OW, new byte[] {(byte) 0xFA, (byte) 0xFF, (byte) 0xF5, 0x7F});
        assertThat(PixelData.of(a).samples(0)).containsExactly(-1, 2047);
        Attributes unsigned = grey(2, 1, 16, 12, 11, 0);
        unsigned.setBytes(Tag.PixelData, VR.OW, new byte[] {(byte) 0xFF, (byte) 0xFF, 0x34, 0x12});
        assertThat(PixelData.of(unsigned).samples(0)).containsExactly(0xFFF, 0x234);
    }

    @Test
    void planarAndSubsampledFramesComeOutInterleaved() {
        Attributes planar = rgb8(2, 1, 1, false);
        planar.setInt(Tag.PlanarConfiguration, VR.US, 1);
        planar.setBytes(Tag.PixelData, VR.OB, new byte[] {10, 11, 20, 21, 30, 31});
        assertThat(PixelData.of(planar).samples(0)).containsExactly(10, 20, 30, 11, 21, 31);

        Attributes ybr422 = rgb8(2, 1, 1, false);
        ybr422.setString(Tag.PhotometricInterpretation, VR.CS, "YBR_FULL_422");
        ybr422.setBytes(Tag.PixelData, VR.OB, new byte[] {76, (byte) 150, 85, (byte) 255});
        PixelData pixels = PixelData.of(ybr422);
        assertThat(pixels.description().frameLength()).isEqualTo(4);
        assertThat(pixels.samples(0)).containsExactly(76, 85, 255, 150, 85, 255);
        int[] rgb = pixels.colorSamples(0);
        // Y 76, Cb 85, Cr 255 is pure red in BT.601 full range
        assertThat(rgb[0]).isBetween(254, 255);
        assertThat(rgb[1]).isBetween(0, 1);
        assertThat(rgb[2]).isBetween(0, 1);
    }

    private static Attributes grey(int columns, int rows, int bitsAllocated, int bitsStored, int highBit, int representation) {
        Attributes a = new Attributes();
        a.setInt(Tag.SamplesPerPixel, VR.US, 1);
        a.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
        a.setInt(Tag.Rows, VR.US, rows);
        a.setInt(Tag.Columns, VR.US, columns);
        a.setInt(Tag.BitsAllocated, VR.US, bitsAllocated);
        a.setInt(Tag.BitsStored, VR.US, bitsStored);
        a.setInt(Tag.HighBit, VR.US, highBit);
        a.setInt(Tag.PixelRepresentation, VR.US, representation);
        return a;
    }

    private static Attributes rgb8(int columns, int rows, int frames, boolean bigEndian) {
        Attributes a = new Attributes(bigEndian, 16);
        a.setInt(Tag.SamplesPerPixel, VR.US, 3);
        a.setString(Tag.PhotometricInterpretation, VR.CS, "RGB");
        a.setInt(Tag.PlanarConfiguration, VR.US, 0);
        a.setInt(Tag.Rows, VR.US, rows);
        a.setInt(Tag.Columns, VR.US, columns);
        a.setString(Tag.NumberOfFrames, VR.IS, Integer.toString(frames));
        a.setInt(Tag.BitsAllocated, VR.US, 8);
        a.setInt(Tag.BitsStored, VR.US, 8);
        a.setInt(Tag.HighBit, VR.US, 7);
        a.setInt(Tag.PixelRepresentation, VR.US, 0);
        return a;
    }
}
