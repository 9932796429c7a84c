package org.lumen.dicom.dict;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.lumen.dicom.data.VR;

/**
 * Reads one of the dictionary's tab-separated resources (elements.tsv, uids.tsv, private.tsv): {@code #} comment lines,
 * one column header line that must match what the caller expects, then data rows. The files are part of this jar, so a
 * malformed one is a build defect; errors name the resource and line.
 */
final class DictionaryFile {

    /** One data row: its fields and where it came from. */
    record Row(String resource, int line, String[] fields) {
        String field(int column) {
            return fields[column];
        }

        IllegalStateException error(String problem) {
            return new IllegalStateException(resource + " line " + line + ": " + problem);
        }

        boolean retired(int column) {
            return switch (fields[column]) {
                case "Y" -> true;
                case "N" -> false;
                default -> throw error("retired flag must be Y or N, not '" + fields[column] + "'");
            };
        }

        /** "US|SS" as [US, SS]; "NONE" (items and delimiters) as an empty list. */
        List<VR> vrs(int column) {
            String text = fields[column];
            if (text.equals("NONE")) {
                return List.of();
            }
            List<VR> vrs = new ArrayList<>(2);
            for (String name : text.split("\\|")) {
                VR vr = VR.ofName(name);
                if (vr == null) {
                    throw error("unknown VR '" + name + "'");
                }
                vrs.add(vr);
            }
            return List.copyOf(vrs);
        }
    }

    private DictionaryFile() {
    }

    static List<Row> read(String fileName, List<String> columns) {
        String resource = "org/lumen/dicom/dict/" + fileName;
        InputStream stream = DictionaryFile.class.getResourceAsStream(fileName);
        if (stream == null) {
            throw new IllegalStateException("dictionary resource " + resource + " is missing from the classpath");
        }
        List<Row> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            boolean headerSeen = false;
            int lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t", -1);
                if (!headerSeen) {
                    if (!List.of(fields).equals(columns)) {
                        throw new IllegalStateException(resource + " line " + lineNumber + ": expected columns "
                                + columns + " but found " + List.of(fields));
                    }
                    headerSeen = true;
                } else if (fields.length != columns.size()) {
                    throw new IllegalStateException(resource + " line " + lineNumber + ": expected " + columns.size()
                            + " tab-separated fields but found " + fields.length);
                } else {
                    rows.add(new Row(resource, lineNumber, fields));
                }
            }
            if (!headerSeen) {
                throw new IllegalStateException(resource + " has no column header line " + columns);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dictionary resource " + resource, e);
        }
        return rows;
    }
}
