package org.lumen.ai.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.lumen.dicom.testing.TestData;

/**
 * Small class folders copied from the real brain tumour MRI Training folder ({@code ../shared/data/brain-tumor-mri}) for
 * tests that train or evaluate briefly: distinct images only (one file per content), drawn by a seed, and disjoint parts
 * (no image of one part is a copy of an image of another), so a model tested on one part never saw those images.
 */
public final class BrainTumorSubsets {
    public static final List<String> CLASSES = List.of("glioma", "meningioma", "notumor", "pituitary");

    private BrainTumorSubsets() {
    }

    public static Path training() {
        return TestData.data("brain-tumor-mri/Training");
    }

    /**
     * Copies {@code perClass[k]} distinct images of every class into {@code roots[k]/CLASS/} (copies of the real
     * files), the parts disjoint by content.
     */
    public static void copy(long seed, Path[] roots, int[] perClass) throws IOException {
        for (String cls : CLASSES) {
            List<Path> distinct = distinctFiles(training().resolve(cls));
            Collections.shuffle(distinct, new Random(seed));
            int next = 0;
            for (int k = 0; k < roots.length; k++) {
                Path dir = Files.createDirectories(roots[k].resolve(cls));
                for (int i = 0; i < perClass[k]; i++, next++) {
                    Path file = distinct.get(next);
                    Files.copy(file, dir.resolve(file.getFileName()));
                }
            }
        }
    }

    /**
     * One file per distinct content of the folder (the first by name). Copies in this set are byte-identical (the data's
     * README; ContentSplitTest checks that pixel hashes find no more), so file bytes decide here.
     */
    static List<Path> distinctFiles(Path folder) throws IOException {
        Map<String, Path> byHash = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.sorted().toList()) {
                byHash.putIfAbsent(sha256(Files.readAllBytes(f)), f);
            }
        }
        return new ArrayList<>(byHash.values());
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
