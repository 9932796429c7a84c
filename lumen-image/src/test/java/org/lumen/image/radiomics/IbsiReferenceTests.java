package org.lumen.image.radiomics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** What the IBSI reference tests share: the check that lists every miss, and the per-family summary under target/. */
final class IbsiReferenceTests {
    /** The families this pipeline computes itself (the CSV's family names, diagnostics by prefix). */
    static final Set<String> PIPELINE_FAMILIES = Set.of("Local intensity", "Statistics", "Intensity histogram",
            "Intensity volume histogram");

    private IbsiReferenceTests() {
    }

    static boolean isPipelineFamily(String family) {
        return family.startsWith("Diagnostics") || PIPELINE_FAMILIES.contains(family);
    }

    /** Fails listing every miss (tag, ours, reference, tolerance) among the rows of the families {@code which} selects. */
    static void assertAllMatch(IbsiReferenceValues reference, FeatureTable ours, Predicate<String> which,
                               String what) {
        List<IbsiReferenceValues.Miss> misses = reference.misses(ours, which);
        long total = reference.rows().stream().filter(r -> which.test(r.family())).count();
        assertThat(misses).as("%s: %d of %d reference values of %s missed:%n%s", reference.dataSet(), misses.size(), total,
                what, misses.stream().map(Object::toString).collect(Collectors.joining("\n"))).isEmpty();
    }

    /**
     * Prints the per-family matched/total counts and writes them to target/ibsi-reference-summary-SET.txt, and every
     * compared value (tag, family, ours, reference, tolerance, match) to target/ibsi-reference-values-SET.csv.
     */
    static void writeSummary(IbsiReferenceValues reference, FeatureTable ours) {
        String summary = reference.summary(ours);
        System.out.print(summary);
        try {
            Path target = Path.of("target");
            Files.createDirectories(target);
            Files.writeString(target.resolve("ibsi-reference-summary-" + reference.dataSet() + ".txt"), summary,
                    StandardCharsets.UTF_8);
            StringBuilder values = new StringBuilder("tag,family,ours,reference,tolerance,match\n");
            for (IbsiReferenceValues.Row row : reference.rows()) {
                double value = ours.get(row.tag());
                values.append(row.tag()).append(",\"").append(row.family()).append("\",").append(value).append(',')
                        .append(row.written()).append(',').append(row.tolerance()).append(',').append(row.matches(value))
                        .append('\n');
            }
            Files.writeString(target.resolve("ibsi-reference-values-" + reference.dataSet() + ".csv"), values,
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
