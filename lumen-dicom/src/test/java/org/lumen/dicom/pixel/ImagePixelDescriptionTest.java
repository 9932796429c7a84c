package org.lumen.dicom.pixel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.data.VR;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.testing.TestData;

class ImagePixelDescriptionTest {

    private static Attributes grey(int bitsAllocated, int bitsStored, int highBit) {
        Attributes a = new Attributes();
        a.setInt(Tag.SamplesPerPixel, VR.US, 1);
        a.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
        a.setInt(Tag.Rows, VR.US, 4);
        a.setInt(Tag.Columns, VR.US, 6);
        a.setInt(Tag.BitsAllocated, VR.US, bitsAllocated);
        a.setInt(Tag.BitsStored, VR.US, bitsStored);
        a.setInt(Tag.HighBit, VR.US, highBit);
        a.setInt(Tag.PixelRepresentation, VR.US, 0);
        a.setBytes(Tag.PixelData, VR.OW, new byte[4 * 6 * Math.max(1, bitsAllocated / 8)]);
        return a;
    }

    @Test
    void readsTheImagePixelModule() throws Exception {
        var d = ImagePixelDescription.of(DicomReader.read(TestData.dicom("pydicom-data/SC_rgb_16bit_2frame.dcm")).dataset());
        assertThat(d).isEqualTo(new ImagePixelDescription(100, 100, 3, 16, 16, 15, 0, 0, Photometric.RGB, 2, Tag.PixelData));
        assertThat(d.frameLength()).isEqualTo(100 * 100 * 3 * 2);
        assertThat(d.sampleType()).isEqualTo("uint16");
    }

    @Test
    void readsFloatPixelDataWithoutBitsStored() throws Exception {
        var d = ImagePixelDescription.of(DicomReader.read(TestData.dicom("pydicom-data/parametric_map_double_float.dcm")).dataset());
        assertThat(d.pixelDataTag()).isEqualTo(Tag.DoubleFloatPixelData);
        assertThat(d.isFloat()).isTrue();
        assertThat(d.sampleType()).isEqualTo("float64");
    }

    @Test
    void oneBitFramesAreCountedInBits() throws Exception {
        var d = ImagePixelDescription.of(DicomReader.read(TestData.dicom("pydicom-data/liver_nonbyte_aligned.dcm")).dataset());
        assertThat(d.frameBits()).isEqualTo(510L * 510);
        assertThat(d.frameLength()).isEqualTo((510 * 510 + 7) / 8);
        assertThat(d.nativeLength()).isEqualTo((3L * 510 * 510 + 7) / 8);
    }

    @Test
    void inconsistentDescriptionsFailWithTheirNumbers() {
        assertThatThrownBy(() -> ImagePixelDescription.of(grey(8, 14, 13))).isInstanceOf(PixelDataException.class)
                .hasMessage("Bits Stored 14 > Bits Allocated 8");
        assertThatThrownBy(() -> ImagePixelDescription.of(grey(16, 12, 16))).hasMessage("High Bit 16 must be below Bits Allocated 16");
        assertThatThrownBy(() -> ImagePixelDescription.of(grey(16, 12, 10))).hasMessage("High Bit 10 < Bits Stored 12 - 1");
        assertThatThrownBy(() -> ImagePixelDescription.of(grey(12, 12, 11))).hasMessage("Bits Allocated 12 is not supported (1, 8, 16 or 32)");
        Attributes rgbWithOneSample = grey(8, 8, 7);
        rgbWithOneSample.setString(Tag.PhotometricInterpretation, VR.CS, "RGB");
        assertThatThrownBy(() -> ImagePixelDescription.of(rgbWithOneSample)).hasMessage("Photometric Interpretation RGB needs 3 Samples per Pixel, got 1");
        Attributes unknownPhotometric = grey(8, 8, 7);
        unknownPhotometric.setString(Tag.PhotometricInterpretation, VR.CS, "CMYK");
        assertThatThrownBy(() -> ImagePixelDescription.of(unknownPhotometric)).hasMessageStartingWith("Photometric Interpretation 'CMYK' is not supported");
        Attributes noRows = grey(8, 8, 7);
        noRows.remove(Tag.Rows);
        assertThatThrownBy(() -> ImagePixelDescription.of(noRows)).hasMessage("Rows (0028,0010) is missing; it is required to read pixel data");
        Attributes planarMissing = grey(8, 8, 7);
        planarMissing.setString(Tag.PhotometricInterpretation, VR.CS, "RGB");
        planarMissing.setInt(Tag.SamplesPerPixel, VR.US, 3);
        assertThatThrownBy(() -> ImagePixelDescription.of(planarMissing)).hasMessageStartingWith("Planar Configuration (0028,0006) is missing");
    }

    @Test
    void realFilesWithBrokenPixelModulesFailClearly() throws Exception {
        // nested_priv_SQ has Pixel Data but no image pixel module
        var nested = DicomReader.read(TestData.dicom("pydicom/test_files/nested_priv_SQ.dcm"));
        assertThatThrownBy(() -> PixelData.of(nested)).isInstanceOf(PixelDataException.class).hasMessageContaining("is missing");
        // MR_small's pixel data cut to the 8130 bytes MR_truncated holds (the reader refuses that file itself)
        Attributes truncated = DicomReader.read(TestData.dicom("pydicom/test_files/MR_small.dcm")).dataset().deepCopy();
        truncated.setBytes(Tag.PixelData, VR.OW, java.util.Arrays.copyOf(truncated.getBytes(Tag.PixelData), 8130));
        assertThatThrownBy(() -> PixelData.of(truncated)).isInstanceOf(PixelDataException.class)
                .hasMessage("Pixel Data (7FE0,0010) holds 8130 bytes, fewer than the 8192 that 1 frame(s) of 64 x 64 x 1 samples at "
                        + "16 bits allocated need");
        // badVR's Number of Frames is "1A"
        var badVr = DicomReader.read(TestData.dicom("pydicom/test_files/badVR.dcm"));
        assertThatThrownBy(() -> PixelData.of(badVr)).isInstanceOf(PixelDataException.class)
                .hasMessageContaining("Number of Frames (0028,0008) is not a number");
    }

    @Test
    void datasetWithoutPixelDataFails() throws Exception {
        Attributes a = grey(8, 8, 7);
        a.remove(Tag.PixelData);
        assertThatThrownBy(() -> PixelData.of(a)).isInstanceOf(PixelDataException.class)
                .hasMessageStartingWith("The dataset has no pixel data");
    }
}
