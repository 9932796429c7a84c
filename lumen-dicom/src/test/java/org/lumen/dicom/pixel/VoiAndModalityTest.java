package org.lumen.dicom.pixel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Sequence;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.data.VR;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.testing.TestData;

/**
 * VOI windows and LUTs, modality transforms and the enhanced multi-frame functional groups. Expected grey values are
 * worked out by hand from the equations of PS3.3 C.11.2.1.2 and the stored values of the reference table.
 */
class VoiAndModalityTest {

    @Test
    void windowFunctionsFollowTheStandardsEquations() {
        Window linear = new Window(128, 256, VoiFunction.LINEAR);
        assertThat(linear.apply(0, 0, 255)).isEqualTo(0);
        assertThat(linear.apply(128, 0, 255)).isCloseTo(128.0, within(1e-9));
        assertThat(linear.apply(255, 0, 255)).isCloseTo(255.0, within(1e-9));
        assertThat(linear.apply(255.01, 0, 255)).isEqualTo(255);
        Window exact = new Window(128, 256, VoiFunction.LINEAR_EXACT);
        assertThat(exact.apply(128, 0, 255)).isCloseTo(127.5, within(1e-9));
        assertThat(exact.apply(64, 0, 255)).isCloseTo(63.75, within(1e-9));
        assertThat(exact.apply(0, 0, 255)).isEqualTo(0);
        assertThat(exact.apply(256.5, 0, 255)).isEqualTo(255);
        Window sigmoid = new Window(128, 256, VoiFunction.SIGMOID);
        assertThat(sigmoid.apply(128, 0, 255)).isCloseTo(127.5, within(1e-9));
        assertThat(sigmoid.apply(192, 0, 255)).isCloseTo(186.4199, within(1e-4));
    }

    @Test
    void unusableWindowsAreRefused() {
        assertThatThrownBy(() -> new Window(40, 0.5, VoiFunction.LINEAR)).isInstanceOf(PixelDataException.class)
                .hasMessage("Window Width 0.5 is invalid for LINEAR (it must be at least 1)");
        assertThatThrownBy(() -> new Window(40, 0, VoiFunction.SIGMOID)).hasMessageContaining("must be above 0");
        assertThatThrownBy(() -> VoiFunction.of("LOG")).hasMessageContaining("'LOG'");
        assertThat(VoiFunction.of(null)).isEqualTo(VoiFunction.LINEAR);
    }

    @Test
    void ctWindowGivesTheExpectedGreys() throws Exception {
        PixelData ct = PixelData.of(DicomReader.read(TestData.dicom("pydicom/test_files/CT_small.dcm")));
        assertThat(ct.modalityTransform(0)).isEqualTo(new ModalityTransform.Rescale(1, -1024));
        byte[] grey = ct.renderGray8(0, Optional.of(Window.of(40, 400)));
        // modality values -849, -115, 904, 16, -50 at (0,0), (127,127), (64,64), (42,85), (96,25)
        assertThat(greys(grey, 128, new int[][] {{0, 0}, {127, 127}, {64, 64}, {42, 85}, {96, 25}}))
                .containsExactly(0, 29, 255, 112, 70);
    }

    @Test
    void monochrome1IsInvertedForDisplay() throws Exception {
        PixelData dx = PixelData.of(DicomReader.read(TestData.dicom("highdicom/data/test_files/dx_image.dcm")));
        assertThat(dx.window(0)).contains(new Window(128, 256, VoiFunction.LINEAR));
        // stored 211, 249, 175, 167, 170; window 128/256 maps x to x, then MONOCHROME1 shows 255 - x
        assertThat(greys(dx.renderGray8(0), 211, new int[][] {{0, 0}, {168, 210}, {84, 105}, {56, 140}, {126, 42}}))
                .containsExactly(44, 6, 80, 88, 85);
    }

    @Test
    void enhancedMultiFrameUsesTheSharedFunctionalGroups() throws Exception {
        PixelData ect = PixelData.of(DicomReader.read(TestData.dicom("pydicom-data/eCT_Supplemental.dcm")));
        assertThat(ect.modalityTransform(1)).isEqualTo(new ModalityTransform.Rescale(1, -1024));
        assertThat(ect.window(0)).contains(new Window(49, 102, VoiFunction.LINEAR));
        int[][] points = {{0, 0}, {511, 511}, {256, 256}, {170, 341}, {384, 102}};
        // modality values -1024, -1024, 81, 67, 55 (frame 0) and -1024, -1024, -2, 46, 82 (frame 1)
        assertThat(greys(ect.renderGray8(0), 512, points)).containsExactly(0, 0, 210, 174, 144);
        assertThat(greys(ect.renderGray8(1), 512, points)).containsExactly(0, 0, 0, 121, 212);
    }

    @Test
    void perFrameFunctionalGroupsOverrideTheSharedOnes() throws Exception {
        Attributes dataset = DicomReader.read(TestData.dicom("pydicom-data/eCT_Supplemental.dcm")).dataset().deepCopy();
        Attributes frame1 = dataset.getSequence(Tag.PerFrameFunctionalGroupsSequence).get(1);
        Attributes transformation = frame1.newSequence(Tag.PixelValueTransformationSequence).addItem();
        transformation.setString(Tag.RescaleSlope, VR.DS, "2");
        transformation.setString(Tag.RescaleIntercept, VR.DS, "-100");
        Attributes voi = frame1.newSequence(Tag.FrameVOILUTSequence).addItem();
        voi.setString(Tag.WindowCenter, VR.DS, "2000");
        voi.setString(Tag.WindowWidth, VR.DS, "500");
        voi.setString(Tag.VOILUTFunction, VR.CS, "LINEAR_EXACT");
        PixelData ect = PixelData.of(dataset);
        assertThat(ect.window(0)).contains(new Window(49, 102, VoiFunction.LINEAR));
        assertThat(ect.window(1)).contains(new Window(2000, 500, VoiFunction.LINEAR_EXACT));
        // stored 1022 at (256,256) of frame 1: 2 x 1022 - 100 = 1944; LINEAR_EXACT 2000/500 -> (-56/500 + 0.5) x 255 = 98.94
        assertThat(ect.modalityValues(1)[256 * 512 + 256]).isEqualTo(1944f);
        assertThat(ect.modalityValues(0)[256 * 512 + 256]).isEqualTo(81f);
        assertThat(ect.renderGray8(1)[256 * 512 + 256] & 0xFF).isEqualTo(99);
    }

    @Test
    void modalityLutSequenceMapsSignedStoredValues() throws Exception {
        PixelData mlut = PixelData.of(DicomReader.read(TestData.dicom("pydicom-data/mlut_18.dcm")));
        assertThat(mlut.modalityTransform(0)).isInstanceOf(ModalityTransform.Lut.class);
        LookupTable lut = ((ModalityTransform.Lut) mlut.modalityTransform(0)).table();
        assertThat(lut.firstMapped()).isEqualTo(-2048);
        assertThat(lut.bits()).isEqualTo(16);
        assertThat(lut.values()).hasSize(4096);
        // below the first mapped value: entry 0; above the last: the last entry
        assertThat(lut.lookup(-5000)).isEqualTo(lut.values()[0]);
        assertThat(lut.lookup(5000)).isEqualTo(lut.values()[4095]);
    }

    @Test
    void voiLutSequenceIsAppliedWhenThereIsNoWindow() throws Exception {
        Attributes dataset = DicomReader.read(TestData.dicom("pydicom-data/vlut_04.dcm")).dataset().deepCopy();
        PixelData asGiven = PixelData.of(dataset);
        int[] stored = asGiven.samples(0);
        // The file's LUT maps x to 257 x of 65535: grey x
        byte[] grey = asGiven.renderGray8(0);
        for (int i = 0; i < stored.length; i += 997) {
            assertThat(grey[i] & 0xFF).isEqualTo(stored[i]);
        }
        // The same image through an inverting LUT of 8-bit entries starting at 0
        Sequence sequence = dataset.newSequence(Tag.VOILUTSequence);
        Attributes item = sequence.addItem();
        item.setInt(Tag.LUTDescriptor, VR.US, 256, 0, 8);
        byte[] inverting = new byte[256];
        for (int i = 0; i < 256; i++) {
            inverting[i] = (byte) (255 - i);
        }
        item.setBytes(Tag.LUTData, VR.OB, inverting);
        byte[] inverted = PixelData.of(dataset).renderGray8(0);
        for (int i = 0; i < stored.length; i += 997) {
            assertThat(inverted[i] & 0xFF).isEqualTo(255 - stored[i]);
        }
    }

    @Test
    void withoutAnyVoiTheFramesRangeIsShown() throws Exception {
        PixelData seg = PixelData.of(DicomReader.read(TestData.dicom("pydicom-data/liver.dcm")));
        byte[] grey = seg.renderGray8(0);
        int[] stored = seg.samples(0);
        for (int i = 0; i < stored.length; i += 101) {
            assertThat(grey[i] & 0xFF).isEqualTo(stored[i] == 1 ? 255 : 0);
        }
    }

    @Test
    void colourImagesHaveNoModalityValues() throws Exception {
        PixelData rgb = PixelData.of(DicomReader.read(TestData.dicom("pydicom-data/SC_rgb.dcm")));
        assertThatThrownBy(() -> rgb.modalityValues(0)).isInstanceOf(PixelDataException.class).hasMessageContaining("RGB");
        assertThatThrownBy(() -> rgb.renderGray8(0)).isInstanceOf(PixelDataException.class);
    }

    private static int[] greys(byte[] grey, int columns, int[][] points) {
        int[] out = new int[points.length];
        for (int i = 0; i < points.length; i++) {
            out[i] = grey[points[i][0] * columns + points[i][1]] & 0xFF;
        }
        return out;
    }
}
