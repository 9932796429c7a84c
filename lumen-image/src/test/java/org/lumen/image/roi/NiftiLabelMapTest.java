package org.lumen.image.roi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lumen.dicom.testing.TestData;
import org.lumen.image.Volume;
import org.lumen.image.VoxelType;
import org.lumen.image.nifti.NiftiReader;

/** A NIfTI label map (the Medical Segmentation Decathlon hippocampus: 1 anterior, 2 posterior) as labels and as masks. */
class NiftiLabelMapTest {
    private static final String IMAGE = "hippocampus/imagesTr/hippocampus_001.nii.gz";
    private static final String LABELS = "hippocampus/labelsTr/hippocampus_001.nii.gz";

    @Test
    void labelsAreTheFileAsItIsNamedByTheirNumbers() throws Exception {
        Volume expected = NiftiReader.read(TestData.data(LABELS));
        LabelMap map = LabelMaps.readNamed(TestData.data(LABELS));
        assertThat(map.labels().data()).isEqualTo(expected.data());
        assertThat(map.labels().sameGeometry(expected, 0)).isTrue();
        assertThat(map.names()).containsExactly(Map.entry(1, "label 1"), Map.entry(2, "label 2"));
    }

    @Test
    void aLabelNumberPicksThatLabelAsTheMask() throws Exception {
        Path labels = TestData.data(LABELS);
        Volume image = NiftiReader.read(TestData.data(IMAGE));
        Volume all = RoiMasks.load(labels, image, Optional.empty());
        Volume posterior = RoiMasks.load(labels, image, Optional.of("2"));
        int twos = 0;
        for (int v = 0; v < all.voxelCount(); v++) {
            twos += all.get(v) == 2 ? 1 : 0;
            assertThat(posterior.get(v)).isEqualTo(all.get(v) == 2 ? 1f : 0f);
        }
        assertThat(twos).isPositive();
        assertThat(posterior.voxelType()).isEqualTo(VoxelType.UINT8);
        assertThatThrownBy(() -> RoiMasks.load(labels, image, Optional.of("hippocampus")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("give the label value");
        assertThatThrownBy(() -> RoiMasks.load(labels, image, Optional.of("7")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no voxel with label 7");
    }
}
