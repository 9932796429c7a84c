package org.lumen.ai.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumen.dicom.testing.TestData;

class NiftiSegmentationReaderTest {
    @TempDir
    Path root;

    @Test
    void readsEveryRealHippocampusPairOnItsGrid() throws IOException {
        List<NiftiSegmentationReader.Case> cases = NiftiSegmentationReader.read(TestData.data("hippocampus"));
        assertThat(cases).hasSize(208);
        NiftiSegmentationReader.Case first = cases.get(0);
        assertThat(first.name()).isEqualTo("hippocampus_001");
        assertThat(first.image().nx()).isEqualTo(35);
        assertThat(first.image().ny()).isEqualTo(51);
        assertThat(first.image().nz()).isEqualTo(35);
        TreeSet<Float> labels = new TreeSet<>();
        var mask = first.mask().view();
        for (int i = 0; i < mask.limit(); i++) {
            labels.add(mask.get(i));
        }
        // background, anterior and posterior hippocampus
        assertThat(labels).containsExactly(0f, 1f, 2f);
    }

    @Test
    void refusesAMaskOffItsImagesGridAndUnpairedFiles() throws IOException {
        Path data = TestData.data("hippocampus");
        Path images = Files.createDirectories(root.resolve("imagesTr"));
        Path masks = Files.createDirectories(root.resolve("labelsTr"));
        Files.createSymbolicLink(images.resolve("case_0000.nii.gz"), data.resolve("imagesTr/hippocampus_001.nii.gz"));
        Files.createSymbolicLink(masks.resolve("case.nii.gz"), data.resolve("labelsTr/hippocampus_001.nii.gz"));
        assertThat(NiftiSegmentationReader.read(root)).extracting(NiftiSegmentationReader.Case::name)
                .containsExactly("case");

        // 003 is 34 x 52 x 35, not 001's 35 x 51 x 35
        Files.createSymbolicLink(images.resolve("other.nii.gz"), data.resolve("imagesTr/hippocampus_001.nii.gz"));
        Files.createSymbolicLink(masks.resolve("other.nii.gz"), data.resolve("labelsTr/hippocampus_003.nii.gz"));
        assertThatThrownBy(() -> NiftiSegmentationReader.read(root)).isInstanceOf(ImageReadException.class)
                .hasMessageContaining("other.nii.gz").hasMessageContaining("not on its image's grid");
        Files.delete(masks.resolve("other.nii.gz"));
        assertThatThrownBy(() -> NiftiSegmentationReader.read(root)).hasMessageContaining("image without a mask");

        Files.createSymbolicLink(masks.resolve("stray.nii.gz"), data.resolve("labelsTr/hippocampus_004.nii.gz"));
        assertThatThrownBy(() -> NiftiSegmentationReader.read(root)).hasMessageContaining("stray.nii.gz")
                .hasMessageContaining("mask without an image");
    }
}
