package org.lumen.ai.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.lumen.dicom.testing.TestData;

/** Small decathlon-style folders of real hippocampus cases (symbolic links into ../shared/data/hippocampus). */
public final class HippocampusSubsets {
    private HippocampusSubsets() {
    }

    /** The first {@code count} case file names of the shared set, sorted. */
    public static List<String> names(int skip, int count) throws IOException {
        try (Stream<Path> files = Files.list(TestData.data("hippocampus/labelsTr"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".nii.gz")).sorted()
                    .skip(skip).limit(count).toList();
        }
    }

    /** {@code dir/imagesTr} and {@code dir/labelsTr} holding links to cases {@code skip .. skip+count-1}. */
    public static Path decathlon(Path dir, int skip, int count) throws IOException {
        link(names(skip, count), dir.resolve("imagesTr"), dir.resolve("labelsTr"));
        return dir;
    }

    /** Links the cases' images into {@code images} and their labels into {@code labels}, same file names. */
    public static void link(List<String> names, Path images, Path labels) throws IOException {
        Files.createDirectories(images);
        Files.createDirectories(labels);
        Path root = TestData.data("hippocampus");
        for (String name : names) {
            Files.createSymbolicLink(images.resolve(name), root.resolve("imagesTr").resolve(name).toAbsolutePath());
            Files.createSymbolicLink(labels.resolve(name), root.resolve("labelsTr").resolve(name).toAbsolutePath());
        }
    }
}
