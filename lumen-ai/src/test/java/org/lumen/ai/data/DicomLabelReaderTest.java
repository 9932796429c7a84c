package org.lumen.ai.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.pixel.PixelData;
import org.lumen.dicom.testing.TestData;

class DicomLabelReaderTest {
    private static final Path CT = TestData.dicom("pydicom/test_files/CT_small.dcm");
    private static final Path MR = TestData.dicom("pydicom/test_files/MR_small.dcm");
    private static final Path DX = TestData.dicom("highdicom/data/test_files/dx_image.dcm");

    @TempDir
    Path dir;
    private Path folder;

    @BeforeEach
    void folderOfRealFiles() throws IOException {
        folder = Files.createDirectories(dir.resolve("archive/sub"));
        Files.createSymbolicLink(folder.resolve("ct.dcm"), CT);
        Files.createSymbolicLink(folder.resolve("mr"), MR);
        Files.createSymbolicLink(folder.resolve("dx.dcm"), DX);
        Files.createSymbolicLink(folder.resolve("plan.dcm"), TestData.dicom("pydicom/test_files/rtplan.dcm"));
        Files.writeString(folder.resolve("README"), "not DICOM");
        folder = dir.resolve("archive");
    }

    @Test
    void labelsBySopInstanceOrStudyUid() throws IOException {
        Path csv = csv("uid,label", uid(CT, Tag.SOPInstanceUID) + ",abnormal", uid(MR, Tag.StudyInstanceUID) + ",normal",
                "\"" + uid(DX, Tag.SOPInstanceUID) + "\",normal", "");
        LabelledImages images = DicomLabelReader.read(folder, csv, Preprocessing.unitScale(new int[] {64, 64}, 1));
        assertThat(images.classes()).containsExactly("abnormal", "normal");
        // files in name order: sub/ct.dcm, sub/dx.dcm, sub/mr
        assertThat(images.labels()).containsExactly(0, 1, 1);
        assertThat(images.shape()).containsExactly(1, 64, 64);

        LabelledImages ordered = DicomLabelReader.read(folder, csv, Preprocessing.unitScale(new int[] {64, 64}, 1),
                List.of("normal", "abnormal"));
        assertThat(ordered.labels()).containsExactly(1, 0, 0);
    }

    @Test
    void pixelsGoThroughRescaleAndThePreprocessingWindow() throws IOException {
        Path csv = csv("uid,label", uid(CT, Tag.SOPInstanceUID) + ",x");
        double centre = 40;
        double width = 400;
        Preprocessing softTissue = new Preprocessing(new int[] {128, 128}, 1, 0f, 1f, new double[] {centre, width});
        float[] image = DicomLabelReader.read(folder, csv, softTissue).image(0);
        // CT_small is 128 x 128, so no resizing: each value is the DICOM LINEAR window of the rescaled (HU) value
        float[] hu = PixelData.of(DicomReader.read(CT)).modalityValues(0);
        int inside = 0;
        for (int i = 0; i < hu.length; i++) {
            double y = ((hu[i] - (centre - 0.5)) / (width - 1) + 0.5) * 255;
            double expected = hu[i] <= centre - 0.5 - (width - 1) / 2 ? 0 : hu[i] > centre - 0.5 + (width - 1) / 2 ? 255 : y;
            assertThat((double) image[i]).isCloseTo(expected, within(0.5 + 1e-6));
            inside += expected > 0 && expected < 255 ? 1 : 0;
        }
        assertThat(inside).as("pixels inside the window").isGreaterThan(1000);

        float[] ownWindow = DicomLabelReader.read(folder, csv, Preprocessing.unitScale(new int[] {128, 128}, 1)).image(0);
        assertThat(ownWindow).isNotEqualTo(image);
    }

    @Test
    void refusesUidsThatMatchNothingAndBadCsvs() throws IOException {
        Preprocessing p = Preprocessing.unitScale(new int[] {64, 64}, 1);
        Path typo = csv("uid,label", uid(CT, Tag.SOPInstanceUID) + ",a", "1.2.3.999,b");
        assertThatThrownBy(() -> DicomLabelReader.read(folder, typo, p)).isInstanceOf(ImageReadException.class)
                .hasMessageContaining("1 UID(s) match no DICOM image").hasMessageContaining("1.2.3.999");
        Path noHeader = csv(uid(CT, Tag.SOPInstanceUID) + ",a");
        assertThatThrownBy(() -> DicomLabelReader.read(folder, noHeader, p)).hasMessageContaining("header 'uid,label'");
        Path twice = csv("uid,label", "1.2,a", "1.2,b");
        assertThatThrownBy(() -> DicomLabelReader.read(folder, twice, p)).hasMessageContaining("line 3")
                .hasMessageContaining("listed twice");
        Path unknownClass = csv("uid,label", uid(CT, Tag.SOPInstanceUID) + ",maybe");
        assertThatThrownBy(() -> DicomLabelReader.read(folder, unknownClass, p, List.of("no", "yes")))
                .hasMessageContaining("label 'maybe'");
    }

    private Path csv(String... lines) throws IOException {
        return Files.writeString(dir.resolve("labels.csv"), String.join("\n", lines));
    }

    private static String uid(Path file, int tag) throws IOException {
        Attributes dataset = DicomReader.read(file).dataset();
        return dataset.getString(tag).trim();
    }
}
