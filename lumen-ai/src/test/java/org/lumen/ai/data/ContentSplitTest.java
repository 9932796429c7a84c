package org.lumen.ai.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.lumen.ai.testing.BrainTumorSubsets;

/**
 * The content split on the real brain tumour MRI Training folder (5,712 JPEGs with repeated images under other names) and
 * on hand-made hash lists.
 */
class ContentSplitTest {
    private static final List<String> ABC = List.of("a", "b");

    @Test
    void theRealTrainingFolderNeverHasACopyOfAnImageOnBothSides() throws Exception {
        Path root = BrainTumorSubsets.training();
        ContentSplit split = ContentSplit.of(root, new Preprocessing(new int[] {16, 16}, 1, 127.5f, 64f, null), 0.15, 42);

        assertThat(split.classes()).containsExactlyElementsOf(BrainTumorSubsets.CLASSES);
        assertThat(split.train().size() + split.val().size()).isEqualTo(5712);
        // Copies found by decoded pixels are exactly the byte-identical copies (the README says there are only those)
        Map<String, Integer> byBytes = new HashMap<>();
        for (ContentSplit.Entry e : all(split)) {
            byBytes.merge(BrainTumorSubsets.sha256(Files.readAllBytes(e.file())), 1, Integer::sum);
        }
        int byteCopies = 5712 - byBytes.size();
        assertThat(byteCopies).isEqualTo(207);
        assertThat(split.duplicates()).as("copies found by pixel hash").isEqualTo(byteCopies);
        assertThat(split.conflicts()).as("images filed under two classes").isEmpty();

        Set<String> trainHashes = split.train().stream().map(ContentSplit.Entry::hash).collect(Collectors.toSet());
        List<String> onBothSides = split.val().stream().map(ContentSplit.Entry::hash).filter(trainHashes::contains)
                .toList();
        assertThat(onBothSides).as("images with a copy on the other side").isEmpty();
        // stratified: every class gives 15% (within one group of copies) to validation
        int[] total = new int[4];
        int[] val = new int[4];
        all(split).forEach(e -> total[e.label()]++);
        split.val().forEach(e -> val[e.label()]++);
        List<String> offShare = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            if (Math.abs(val[c] - 0.15 * total[c]) > 3) {
                offShare.add(split.classes().get(c) + ": " + val[c] + " of " + total[c]);
            }
        }
        assertThat(offShare).as("classes whose validation share is not 15%").isEmpty();
        assertThat(split.trainImages().size()).isEqualTo(split.train().size());
        assertThat(split.valImages().shape()).containsExactly(1, 16, 16);
        String listing = split.listing(root);
        assertThat(listing.lines().count()).isEqualTo(5713);
        assertThat(listing.lines().skip(1).findFirst().orElseThrow()).startsWith("train\tglioma\t").contains("\tglioma/");
    }

    @Test
    void copiesGoTogetherAndTheSameSeedGivesTheSameSplit() {
        List<ContentSplit.Entry> entries = new ArrayList<>();
        // class a: 10 files, hash h0 three times (a group of 3); class b: 10 distinct files
        for (int i = 0; i < 10; i++) {
            entries.add(new ContentSplit.Entry(Path.of("a/" + i), 0, i < 3 ? "h0" : "a" + i));
            entries.add(new ContentSplit.Entry(Path.of("b/" + i), 1, "b" + i));
        }
        for (long seed = 0; seed < 20; seed++) {
            ContentSplit split = ContentSplit.split(ABC, entries, 0.3, seed);
            long h0InVal = split.val().stream().filter(e -> e.hash().equals("h0")).count();
            assertThat(h0InVal).as("seed " + seed).isIn(0L, 3L);
            assertThat(split.val().stream().filter(e -> e.label() == 1).count()).isEqualTo(3);
            assertThat(split.val().stream().filter(e -> e.label() == 0).count()).isBetween(3L, 5L);
            assertThat(split.duplicates()).isEqualTo(2);
            assertThat(ContentSplit.split(ABC, entries, 0.3, seed).val()).isEqualTo(split.val());
        }
        assertThat(new HashSet<>(ContentSplit.split(ABC, entries, 0.3, 1).val()))
                .isNotEqualTo(new HashSet<>(ContentSplit.split(ABC, entries, 0.3, 2).val()));
    }

    @Test
    void anImageFiledUnderTwoClassesIsListedAndKeptOnOneSide() {
        List<ContentSplit.Entry> entries = List.of(new ContentSplit.Entry(Path.of("a/1"), 0, "same"),
                new ContentSplit.Entry(Path.of("b/1"), 1, "same"), new ContentSplit.Entry(Path.of("a/2"), 0, "x"),
                new ContentSplit.Entry(Path.of("b/2"), 1, "y"));
        ContentSplit split = ContentSplit.split(ABC, entries, 0.5, 3);
        assertThat(split.conflicts()).containsExactly("same");
        boolean firstInVal = split.val().contains(entries.get(0));
        assertThat(split.val().contains(entries.get(1))).isEqualTo(firstInVal);
    }

    @Test
    void aShareOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> ContentSplit.of(Path.of("."), Preprocessing.unitScale(new int[] {8, 8}, 1), 1.0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 0 and 1");
    }

    private static List<ContentSplit.Entry> all(ContentSplit split) {
        List<ContentSplit.Entry> all = new ArrayList<>(split.train());
        all.addAll(split.val());
        return all;
    }
}
