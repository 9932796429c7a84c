package org.lumen.image.radiomics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.lumen.dicom.testing.TestData;

/**
 * The IBSI 1 reference values of one data set ({@code ibsi/reference_values/ibsi_1_reference_values_<set>.csv}): every
 * row with a reference value (rows without one are not standardised and skipped), and the comparison of our features
 * with them. The one reader and matching rule of every IBSI 1 reference test (pipeline, texture families, morphology).
 *
 * <p>The IBSI publishes reference values rounded to 3 significant digits (counts in full), so a value matches when it
 * lies within the tolerance of the reference plus half a unit of the reference's last significant digit: -266.3 matches
 * a reference of -266 with tolerance 0, as the IBSI's own compliance sheet counts it.
 */
public record IbsiReference(String dataSet, List<Row> rows) {

    /** One reference value as the CSV writes it ({@code written}) and parsed. */
    public record Row(String family, String tag, String written, double reference, double tolerance) {
        /** The tolerance plus half a unit of the reference's last significant digit. */
        public double allowance() {
            return tolerance + roundingAllowance(written);
        }

        public boolean matches(double ours) {
            return Double.isFinite(ours) && Math.abs(ours - reference) <= allowance() * (1 + 1e-12);
        }
    }

    /** One reference value we missed: not computed (NaN ours) or outside the allowance. */
    public record Miss(Row row, double ours) {
        @Override
        public String toString() {
            return String.format("%-34s ours %-14s ref %-10s tol %s  [%s]", row.tag(), Double.isNaN(ours) ? "missing"
                    : String.valueOf(ours), row.written(), row.tolerance(), row.family());
        }
    }

    /** @param dataSet {@code digital_phantom} or {@code config_A} .. {@code config_E} */
    public static IbsiReference load(String dataSet) {
        Path file = TestData.data("ibsi/reference_values/ibsi_1_reference_values_" + dataSet + ".csv");
        List<Row> rows = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (String line : lines.subList(1, lines.size())) {
                // dataset, family, feature, consensus, reference value, tolerance, your result, difference, check, tag
                List<String> cells = csvCells(line.strip());
                if (cells.size() == 10 && !cells.get(4).isBlank()) {
                    String written = cells.get(4).strip();
                    rows.add(new Row(cells.get(1), cells.get(9).strip(), written, Double.parseDouble(written),
                            Double.parseDouble(cells.get(5))));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new IbsiReference(dataSet, rows);
    }

    /** The cells of one CSV line; a cell in double quotes may hold commas. */
    private static List<String> csvCells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    /** The rows whose tag starts with one of {@code prefixes} (a family's tags: "cm_", "szm_", "morph_"...). */
    public IbsiReference withTagPrefixes(String... prefixes) {
        return new IbsiReference(dataSet, rows.stream()
                .filter(row -> Arrays.stream(prefixes).anyMatch(row.tag()::startsWith)).toList());
    }

    /** The rows of the family the CSV names {@code family} ("Morphology"; diagnostics share its tag prefix). */
    public IbsiReference inFamily(String family) {
        return new IbsiReference(dataSet, rows.stream().filter(row -> row.family().equals(family)).toList());
    }

    /** Every row our table misses: a tag we did not compute (NaN) or a value outside the allowance. */
    public List<Miss> misses(FeatureTable ours) {
        List<Miss> misses = new ArrayList<>();
        for (Row row : rows) {
            double value = ours.get(row.tag());
            if (!row.matches(value)) {
                misses.add(new Miss(row, value));
            }
        }
        return misses;
    }

    public List<Miss> misses(FeatureTable ours, Predicate<String> family) {
        return misses(ours).stream().filter(m -> family.test(m.row().family())).toList();
    }

    /** Per family: matched / total, in the CSV's order. */
    public String summary(FeatureTable ours) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (Row row : rows) {
            int[] c = counts.computeIfAbsent(row.family(), f -> new int[2]);
            c[1]++;
            if (row.matches(ours.get(row.tag()))) {
                c[0]++;
            }
        }
        StringBuilder text = new StringBuilder("IBSI 1 reference values, " + dataSet + "\n");
        int matched = 0;
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            text.append(String.format("  %-52s %3d/%3d%n", e.getKey(), e.getValue()[0], e.getValue()[1]));
            matched += e.getValue()[0];
        }
        return text.append(String.format("  %-52s %3d/%3d%n", "all", matched, rows.size())).toString();
    }

    /** The families the pipeline computes itself (the CSV's family names, diagnostics by prefix). */
    private static final Set<String> PIPELINE_FAMILIES = Set.of("Local intensity", "Statistics", "Intensity histogram",
            "Intensity volume histogram");

    public static boolean isPipelineFamily(String family) {
        return family.startsWith("Diagnostics") || PIPELINE_FAMILIES.contains(family);
    }

    /** Fails listing every miss (tag, ours, reference, tolerance) among all rows. */
    public void assertMatches(FeatureTable ours, String what) {
        assertMatches(ours, family -> true, what);
    }

    /** Fails listing every miss (tag, ours, reference, tolerance) among the rows of the families {@code which} selects. */
    public void assertMatches(FeatureTable ours, Predicate<String> which, String what) {
        List<Miss> misses = misses(ours, which);
        long total = rows.stream().filter(r -> which.test(r.family())).count();
        assertThat(misses).as("%s: %d of %d reference values of %s missed:%n%s", dataSet, misses.size(), total, what,
                misses.stream().map(Object::toString).collect(Collectors.joining("\n"))).isEmpty();
    }

    /**
     * Prints the per-family matched/total counts and writes them to target/ibsi-reference-summary-SET.txt, and every
     * compared value (tag, family, ours, reference, tolerance, match) to target/ibsi-reference-values-SET.csv.
     */
    public void writeSummary(FeatureTable ours) {
        String summary = summary(ours);
        System.out.print(summary);
        try {
            Path target = Path.of("target");
            Files.createDirectories(target);
            Files.writeString(target.resolve("ibsi-reference-summary-" + dataSet + ".txt"), summary,
                    StandardCharsets.UTF_8);
            StringBuilder values = new StringBuilder("tag,family,ours,reference,tolerance,match\n");
            for (Row row : rows) {
                double value = ours.get(row.tag());
                values.append(row.tag()).append(",\"").append(row.family()).append("\",").append(value).append(',')
                        .append(row.written()).append(',').append(row.tolerance()).append(',').append(row.matches(value))
                        .append('\n');
            }
            Files.writeString(target.resolve("ibsi-reference-values-" + dataSet + ".csv"), values,
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Half a unit of the last significant digit written: 3 significant digits at least, all digits of a count. */
    static double roundingAllowance(String written) {
        BigDecimal value = new BigDecimal(written).abs();
        if (value.signum() == 0) {
            return 0;
        }
        BigDecimal unit;
        if (value.scale() > 0) {
            unit = BigDecimal.ONE.scaleByPowerOfTen(-value.scale());
        } else {
            String digits = value.toBigInteger().toString();
            int trailingZeros = digits.length() - digits.replaceAll("0+$", "").length();
            int significant = Math.max(digits.length() - trailingZeros, Math.min(digits.length(), 3));
            unit = BigDecimal.ONE.scaleByPowerOfTen(digits.length() - significant);
        }
        return unit.doubleValue() / 2;
    }
}
