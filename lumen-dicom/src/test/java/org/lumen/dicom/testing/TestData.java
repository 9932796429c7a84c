package org.lumen.dicom.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the shared real data beside the repository ({@code ../shared/data}). A missing file fails the test loudly: CI must
 * never pass by skipping data it was meant to check.
 */
public final class TestData {
    private TestData() {
    }

    /** The repository root: the {@code lumen.root} system property set by the build, else found upwards from here. */
    public static Path repoRoot() {
        String property = System.getProperty("lumen.root");
        Path dir = property != null && !property.isBlank() ? Path.of(property).toAbsolutePath().normalize()
                : Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("lumen-dicom"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("Cannot find the repository root from " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    /** {@code ../shared/data} beside the repository (override with env LUMEN_SHARED_DATA). */
    public static Path dataRoot() {
        String env = System.getenv("LUMEN_SHARED_DATA");
        Path root = env != null && !env.isBlank() ? Path.of(env) : repoRoot().resolve("../shared/data").normalize();
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("Shared data folder not found at " + root
                    + "; tests need the real data in ../shared/data beside the repository");
        }
        return root;
    }

    /** A file under {@code ../shared/data}; fails when it does not exist. */
    public static Path data(String relative) {
        Path file = dataRoot().resolve(relative);
        if (!Files.exists(file)) {
            throw new IllegalStateException("Test data missing: " + file);
        }
        return file;
    }

    /** A file under {@code ../shared/data/dicom}. */
    public static Path dicom(String relative) {
        return data("dicom/" + relative);
    }

    /** Every DICOM file of the shared corpus: {@code .dcm} files, DICOMDIRs and the extension-less files of the samples. */
    public static List<Path> dicomCorpus() {
        Path root = data("dicom");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(TestData::isDicomCandidate).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isDicomCandidate(Path file) {
        String name = file.getFileName().toString();
        if (name.endsWith(".tsv") || name.endsWith(".json") || name.endsWith(".md") || name.endsWith(".txt")
                || name.startsWith("LICENSE") || name.equals("README") || name.endsWith(".py") || name.endsWith(".gz") || name.endsWith(".xml")
                || name.endsWith(".jpg") || name.endsWith(".png") || name.endsWith(".pdf")) {
            return false;
        }
        try (var in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(132);
            if (head.length == 132 && head[128] == 'D' && head[129] == 'I' && head[130] == 'C' && head[131] == 'M') {
                return true;
            }
            return name.endsWith(".dcm") || name.equals("DICOMDIR") || name.matches("[0-9A-Z_]{1,8}");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
