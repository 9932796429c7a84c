package org.lumen.image.radiomics.texture;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lumen.dicom.testing.TestData;

/**
 * The digital phantom's texture matrices as printed in IBSI 1 manual chapter 06, read from its tables: per section
 * (e.g. "Grey level co-occurrence matrix (3D, merged)") the tables in order, each as "row,column -> count" with the
 * row a grey level and the column a grey level (GLCM) or a run length (GLRLM), both 1-based.
 */
final class TextureMatricesManual {
    private static final Pattern ROW = Pattern.compile("^\\s*\\|\\s*(\\d+)\\.0\\s*\\|\\s*(\\d+)\\.0\\s*\\|\\s*(\\d+)(?:\\.0)?\\s*\\|\\s*$");

    private TextureMatricesManual() {
    }

    static Map<String, List<Map<String, Integer>>> sections() throws IOException {
        List<String> lines = Files.readAllLines(TestData.data("ibsi/manual/06_Digital_phantom_texture_matrices.rst"),
                StandardCharsets.UTF_8);
        Map<String, List<Map<String, Integer>>> sections = new LinkedHashMap<>();
        List<Map<String, Integer>> tables = null;
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            if (n + 1 < lines.size() && lines.get(n + 1).matches("-{5,}") && !line.isBlank()) {
                tables = new ArrayList<>();
                sections.put(line.strip(), tables);
            } else if (line.startsWith(".. table::") && tables != null) {
                tables.add(new TreeMap<>());
            } else {
                Matcher row = ROW.matcher(line);
                if (row.matches() && tables != null && !tables.isEmpty()) {
                    tables.get(tables.size() - 1).put(row.group(1) + "," + row.group(2), Integer.parseInt(row.group(3)));
                }
            }
        }
        return sections;
    }

    /** A count matrix in the manual's form: its non-zero elements as "row,column -> count", 1-based. */
    static Map<String, Integer> asTable(CountMatrix matrix) {
        Map<String, Integer> table = new TreeMap<>();
        for (int r = 0; r < matrix.rows; r++) {
            for (int c = 0; c < matrix.columns; c++) {
                double count = matrix.counts[r * matrix.columns + c];
                if (count != 0) {
                    table.put((r + 1) + "," + (c + 1), (int) count);
                }
            }
        }
        return table;
    }
}
