import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns the PS3.6 data files (elements.tsv, uids.tsv) into the Java constants classes {@code org.lumen.dicom.data.Tag}
 * and {@code org.lumen.dicom.data.UID}. Run by the build as a single-file program:
 *
 * <pre>java GenerateDictionary.java INPUT_DIR OUTPUT_DIR</pre>
 *
 * A file is rewritten only when its content changes, so that an unchanged dictionary does not force a recompile.
 */
public final class GenerateDictionary {

    private static final Pattern TAG_TEXT = Pattern.compile("\\(([0-9A-Fx]{4}),([0-9A-Fx]{4})\\)");
    private static final Pattern JAVA_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern UID_TEXT = Pattern.compile("[0-9]+(\\.[0-9]+)*");
    private static final Set<String> JAVA_RESERVED = Set.of(("abstract assert boolean break byte case catch char class "
            + "const continue default do double else enum extends final finally float for goto if implements import "
            + "instanceof int interface long native new package private protected public return short static strictfp "
            + "super switch synchronized this throw throws transient try void volatile while true false null _")
            .split(" "));
    private static final List<String> ELEMENT_COLUMNS = List.of("tag", "keyword", "name", "vr", "vm", "retired");
    private static final List<String> UID_COLUMNS = List.of("uid", "keyword", "name", "type", "retired");

    private GenerateDictionary() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java GenerateDictionary.java INPUT_DIR OUTPUT_DIR");
            System.exit(2);
        }
        Path input = Path.of(args[0]);
        Path output = Path.of(args[1]);
        Path packageDir = output.resolve("org/lumen/dicom/data");
        Files.createDirectories(packageDir);
        try {
            List<Row> elements = readTable(input.resolve("elements.tsv"), ELEMENT_COLUMNS);
            String tags = tagClass(elements);
            String uids = uidClass(readTable(input.resolve("uids.tsv"), UID_COLUMNS));
            writeIfChanged(packageDir.resolve("Tag.java"), tags);
            writeIfChanged(packageDir.resolve("UID.java"), uids);
            Path dictDir = output.resolve("org/lumen/dicom/dict");
            Files.createDirectories(dictDir);
            writeIfChanged(dictDir.resolve("ElementVrTable.java"), vrTableClass(elements));
        } catch (IllegalArgumentException e) {
            System.err.println("GenerateDictionary: " + e.getMessage());
            System.exit(1);
        }
    }

    /** A data row of a TSV file, with its line number for error messages. */
    record Row(Path file, int line, List<String> fields) {
        String get(int column) {
            return fields.get(column);
        }

        IllegalArgumentException error(String problem) {
            return new IllegalArgumentException(file + ":" + line + ": " + problem);
        }
    }

    static List<Row> readTable(Path file, List<String> columns) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Row> rows = new ArrayList<>();
        boolean headerSeen = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            List<String> fields = List.of(line.split("\t", -1));
            if (!headerSeen) {
                if (!fields.equals(columns)) {
                    throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected columns " + columns
                            + " but found " + fields);
                }
                headerSeen = true;
            } else if (fields.size() != columns.size()) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected " + columns.size()
                        + " tab-separated fields but found " + fields.size());
            } else {
                rows.add(new Row(file, i + 1, fields));
            }
        }
        if (!headerSeen) {
            throw new IllegalArgumentException(file + ": no column header line " + columns);
        }
        return rows;
    }

    /**
     * The tag, mask and VRs of every element as compact text constants, so that a reader can look up VRs at start-up without
     * parsing the whole dictionary: per element, 8 hex digits of tag, 8 of mask (x digits as 0 in the tag and mask), then
     * the VR names joined without separator and padded with '-' to 6 characters. Chunks stay under the class file's
     * 65,535-byte limit for one constant.
     */
    static String vrTableClass(List<Row> rows) {
        List<String> chunks = new ArrayList<>();
        StringBuilder chunk = new StringBuilder();
        for (Row row : rows) {
            String tag = row.get(0);
            String digits = tag.substring(1, 5) + tag.substring(6, 10);
            StringBuilder value = new StringBuilder();
            StringBuilder mask = new StringBuilder();
            for (char c : digits.toCharArray()) {
                value.append(c == 'x' ? '0' : c);
                mask.append(c == 'x' ? '0' : 'F');
            }
            String vrs = row.get(3).equals("NONE") ? "" : row.get(3).replace("|", "");
            if (vrs.length() > 6) {
                throw row.error("more than three VRs: " + row.get(3));
            }
            chunk.append(value).append(mask).append(vrs).append("-".repeat(6 - vrs.length()));
            if (chunk.length() > 60_000) {
                chunks.add(chunk.toString());
                chunk.setLength(0);
            }
        }
        chunks.add(chunk.toString());
        StringBuilder out = new StringBuilder();
        out.append("package org.lumen.dicom.dict;\n\n")
                .append("/** Generated from elements.tsv by GenerateDictionary: element tags, masks and VRs for fast start-up. */\n")
                .append("final class ElementVrTable {\n")
                .append("    static final int ENTRY_LENGTH = 22;\n")
                .append("    static final String[] CHUNKS = {\n");
        for (String c : chunks) {
            out.append("        \"").append(c).append("\",\n");
        }
        out.append("    };\n\n    private ElementVrTable() {\n    }\n}\n");
        return out.toString();
    }

    static String tagClass(List<Row> rows) {
        StringBuilder out = new StringBuilder();
        out.append("package org.lumen.dicom.data;\n\n")
                .append("/**\n")
                .append(" * Data element tags of DICOM PS3.6, named by their keywords. Generated from elements.tsv by\n")
                .append(" * GenerateDictionary; do not edit. A repeating-group element such as Overlay Data (60xx,3000) has\n")
                .append(" * the tag of its first group, with each x as 0.\n")
                .append(" */\n")
                .append("public final class Tag {\n\n")
                .append("    private Tag() {\n    }\n");
        Set<String> keywords = new HashSet<>();
        for (Row row : rows) {
            String keyword = row.get(1);
            if (keyword.isEmpty()) {
                continue; // retired elements that PS3.6 lists without a keyword
            }
            checkIdentifier(row, keyword);
            if (!keywords.add(keyword)) {
                throw row.error("keyword " + keyword + " is used by more than one element");
            }
            var tag = TAG_TEXT.matcher(row.get(0));
            if (!tag.matches()) {
                throw row.error("tag " + row.get(0) + " is not (gggg,eeee) in upper-case hex with x for repeating digits");
            }
            int value = Integer.parseUnsignedInt((tag.group(1) + tag.group(2)).replace('x', '0'), 16);
            out.append("\n    /** ").append(javadoc(row.get(2))).append(' ').append(row.get(0)).append(' ')
                    .append(row.get(3).equals("NONE") ? "no VR" : row.get(3)).append(", VM ").append(row.get(4)).append(retired(row, 5)).append(". */\n")
                    .append("    public static final int ").append(keyword).append(" = 0x")
                    .append(String.format("%08X", value)).append(";\n");
        }
        return out.append("}\n").toString();
    }

    static String uidClass(List<Row> rows) {
        Map<String, String> constantByUid = uidConstantNames(rows);
        StringBuilder out = new StringBuilder();
        out.append("package org.lumen.dicom.data;\n\n")
                .append("/**\n")
                .append(" * Unique identifiers registered in DICOM PS3.6 Annex A, named by their keywords. Generated from\n")
                .append(" * uids.tsv by GenerateDictionary; do not edit. When two UIDs share a keyword, the current one (or\n")
                .append(" * else the numerically lowest) keeps it and the other is suffixed with its UID, dots as underscores.\n")
                .append(" */\n")
                .append("public final class UID {\n\n")
                .append("    private UID() {\n    }\n");
        for (Row row : rows) {
            String constant = constantByUid.get(row.get(0));
            if (constant == null) {
                continue; // retired UIDs that PS3.6 lists without a keyword
            }
            out.append("\n    /** ").append(javadoc(row.get(2).isEmpty() ? row.get(0) : row.get(2))).append(" (")
                    .append(javadoc(row.get(3))).append(')').append(retired(row, 4)).append(". */\n")
                    .append("    public static final String ").append(constant).append(" = \"").append(row.get(0))
                    .append("\";\n");
        }
        return out.append("}\n").toString();
    }

    /** Constant name for each UID that has a keyword; see the UID class comment for how clashes are resolved. */
    static Map<String, String> uidConstantNames(List<Row> rows) {
        Map<String, List<Row>> rowsByKeyword = new LinkedHashMap<>();
        Set<String> uids = new HashSet<>();
        for (Row row : rows) {
            if (!UID_TEXT.matcher(row.get(0)).matches()) {
                throw row.error("UID " + row.get(0) + " is not dot-separated digits");
            }
            if (!uids.add(row.get(0))) {
                throw row.error("UID " + row.get(0) + " is listed twice");
            }
            if (!row.get(1).isEmpty()) {
                checkIdentifier(row, row.get(1));
                rowsByKeyword.computeIfAbsent(row.get(1), k -> new ArrayList<>()).add(row);
            }
        }
        Comparator<Row> keeperFirst = Comparator.comparing((Row row) -> isRetired(row, 4))
                .thenComparing(row -> row.get(0), GenerateDictionary::compareUids);
        Map<String, String> names = new HashMap<>();
        for (var entry : rowsByKeyword.entrySet()) {
            List<Row> sharing = entry.getValue().stream().sorted(keeperFirst).collect(Collectors.toList());
            names.put(sharing.get(0).get(0), entry.getKey());
            for (Row other : sharing.subList(1, sharing.size())) {
                names.put(other.get(0), entry.getKey() + "_" + other.get(0).replace('.', '_'));
            }
        }
        Set<String> distinct = new HashSet<>(names.values());
        if (distinct.size() != names.size()) {
            throw new IllegalArgumentException("UID constant names still clash after adding UID suffixes");
        }
        return names;
    }

    static int compareUids(String a, String b) {
        String[] arcsA = a.split("\\.");
        String[] arcsB = b.split("\\.");
        for (int i = 0; i < Math.min(arcsA.length, arcsB.length); i++) {
            int byArc = new BigInteger(arcsA[i]).compareTo(new BigInteger(arcsB[i]));
            if (byArc != 0) {
                return byArc;
            }
        }
        return Integer.compare(arcsA.length, arcsB.length);
    }

    static void checkIdentifier(Row row, String keyword) {
        if (!JAVA_IDENTIFIER.matcher(keyword).matches() || JAVA_RESERVED.contains(keyword)) {
            throw row.error("keyword '" + keyword + "' cannot be a Java constant name");
        }
    }

    static boolean isRetired(Row row, int column) {
        return switch (row.get(column)) {
            case "Y" -> true;
            case "N" -> false;
            default -> throw row.error("retired must be Y or N, not '" + row.get(column) + "'");
        };
    }

    static String retired(Row row, int column) {
        return isRetired(row, column) ? ", retired" : "";
    }

    static String javadoc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("*/", "*&#47;")
                .replace("@", "&#64;").replace("\\", "&#92;");
    }

    static void writeIfChanged(Path file, String content) {
        try {
            byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
            if (Files.exists(file) && java.util.Arrays.equals(Files.readAllBytes(file), bytes)) {
                return;
            }
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
