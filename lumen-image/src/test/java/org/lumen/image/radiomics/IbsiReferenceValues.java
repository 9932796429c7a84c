package org.lumen.image.radiomics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.lumen.dicom.testing.TestData;

/**
 * The IBSI 1 reference values of one data set ({@code ibsi/reference_values/ibsi_1_reference_values_<set>.csv}): every
 * row with a reference value (rows without one are not standardised and skipped), and the comparison of our features
 * with them.
 *
 * <p>The IBSI publishes reference values rounded to 3 significant digits (counts in full), so a value matches when it
 * lies within the tolerance of the reference plus half a unit of the reference's last significant digit: -266.3 matches
 * a reference of -266 with tolerance 0, as the IBSI's own compliance sheet counts it.
 */
record IbsiReferenceValues(String dataSet, List<Row> rows) {

    record Row(String family, String tag, String written, double reference, double tolerance) {
        double allowance() {
            return tolerance + roundingAllowance(written);
        }

        boolean matches(double ours) {
            return Double.isFinite(ours) && Math.abs(ours - reference) <= allowance() * (1 + 1e-12);
        }
    }

    /** One reference value we missed: not computed (NaN ours) or outside the allowance. */
    record Miss(Row row, double ours) {
        @Override
        public String toString() {
            return String.format("%-34s ours %-14s ref %-10s tol %s  [%s]", row.tag(), Double.isNaN(ours) ? "missing"
                    : String.valueOf(ours), row.written(), row.tolerance(), row.family());
        }
    }

    static IbsiReferenceValues load(String dataSet) {
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
        return new IbsiReferenceValues(dataSet, rows);
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

    List<Miss> misses(FeatureTable ours) {
        List<Miss> misses = new ArrayList<>();
        for (Row row : rows) {
            double value = ours.get(row.tag());
            if (!row.matches(value)) {
                misses.add(new Miss(row, value));
            }
        }
        return misses;
    }

    List<Miss> misses(FeatureTable ours, Predicate<String> family) {
        return misses(ours).stream().filter(m -> family.test(m.row().family())).toList();
    }

    /** Per family: matched / total, in the CSV's order. */
    String summary(FeatureTable ours) {
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
