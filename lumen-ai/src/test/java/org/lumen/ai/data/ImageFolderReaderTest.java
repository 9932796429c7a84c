package org.lumen.ai.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumen.dicom.testing.TestData;

class ImageFolderReaderTest {
    private static final Preprocessing P = Preprocessing.unitScale(new int[] {64, 64}, 1);

    @TempDir
    Path root;

    @Test
    void readsOneClassPerSubfolderInSortedOrder() throws IOException {
        linkBrainTumourImages(3);
        Files.writeString(root.resolve("LICENSE.txt"), "not an image of any class");
        LabelledImages images = ImageFolderReader.read(root, P);
        assertThat(images.classes()).containsExactly("glioma", "meningioma", "notumor", "pituitary");
        assertThat(images.labels()).containsExactly(0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3);
        assertThat(images.shape()).containsExactly(1, 64, 64);
        // each image is the loader's image through the preparer, whatever its own size and channels
        Path first = sortedImages(root.resolve("glioma")).get(0);
        assertThat(images.image(0)).containsExactly(ImageLoader.load(first).prepare(P));
        for (int i = 0; i < images.size(); i++) {
            assertThat(ImageLoaderTest.max(images.image(i))).isBetween(0.2f, 1f);
        }
    }

    @Test
    void anUndecodableFileIsAnErrorNamingItOrIsSkippedOnRequest() throws IOException {
        linkBrainTumourImages(2);
        Files.write(root.resolve("notumor/zz-truncated.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 1});
        assertThatThrownBy(() -> ImageFolderReader.read(root, P)).isInstanceOf(ImageReadException.class)
                .hasMessageContaining("zz-truncated.jpg");
        ImageFolderReader.Result result = ImageFolderReader.readSkippingUndecodable(root, P);
        assertThat(result.skipped()).containsExactly(root.resolve("notumor/zz-truncated.jpg"));
        assertThat(result.images().size()).isEqualTo(8);
    }

    @Test
    void refusesAFolderWithoutClassFoldersOrWithAnEmptyClass() throws IOException {
        assertThatThrownBy(() -> ImageFolderReader.read(root, P)).hasMessageContaining("no class folders");
        Files.createDirectories(root.resolve("empty"));
        assertThatThrownBy(() -> ImageFolderReader.read(root, P)).hasMessageContaining("class folder without images");
    }

    private void linkBrainTumourImages(int perClass) throws IOException {
        Path training = TestData.data("brain-tumor-mri/Training");
        for (String name : List.of("pituitary", "glioma", "notumor", "meningioma")) {
            Path folder = Files.createDirectories(root.resolve(name));
            for (Path image : sortedImages(training.resolve(name)).subList(0, perClass)) {
                Files.createSymbolicLink(folder.resolve(image.getFileName()), image);
            }
        }
    }

    private static List<Path> sortedImages(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }
}
