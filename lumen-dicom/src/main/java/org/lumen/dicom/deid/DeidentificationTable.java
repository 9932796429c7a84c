package org.lumen.dicom.deid;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lumen.dicom.data.Tags;
import org.lumen.dicom.data.VR;

/**
 * PS3.15 Table E.1-1 as data: for each attribute (or tag pattern) the Basic Profile action and the actions of the options
 * Lumen implements. Loaded from {@code table-e1-1.tsv}, whose header says which edition each column comes from.
 */
public final class DeidentificationTable {
    static final String RESOURCE = "table-e1-1.tsv";
    private static final String EDITION_MARK = "#@edition ";
    private static final Map<String, ProfileOption> OPTION_COLUMNS = Map.of(
            "rtn_long_modif_dates", ProfileOption.RETAIN_LONGITUDINAL_MODIFIED_DATES,
            "rtn_pat_chars", ProfileOption.RETAIN_PATIENT_CHARACTERISTICS,
            "clean_desc", ProfileOption.CLEAN_DESCRIPTORS);

    /**
     * One row of the table.
     *
     * @param tag      the tag or pattern as printed, e.g. {@code (0010,0010)}, {@code (60xx,4000)}, {@code (gggg,eeee)}
     * @param name     the attribute name
     * @param vrs      the VRs PS3.6 gives it (empty when any VR), used when a dataset holds the element as UN
     * @param basic    the Basic Profile action
     * @param options  the action of each option that touches the row
     */
    public record Rule(String tag, String name, List<VR> vrs, ActionCode basic, Map<ProfileOption, ActionCode> options) {
        public Rule {
            vrs = List.copyOf(vrs);
            options = options.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(options));
        }

        /** The option's action for this row, or null when the option does not touch it. */
        public ActionCode option(ProfileOption option) {
            return options.get(option);
        }

        /** The VR when PS3.6 gives exactly one, else null. */
        public VR singleVr() {
            return vrs.size() == 1 ? vrs.get(0) : null;
        }
    }

    private record PatternRule(int mask, int value, Rule rule) {
    }

    private final List<Rule> rules;
    private final Map<Integer, Rule> byTag;
    private final List<PatternRule> patterns;
    private final Rule privateRule;
    private final String edition;

    private DeidentificationTable(List<Rule> rules, Map<Integer, Rule> byTag, List<PatternRule> patterns, Rule privateRule,
            String edition) {
        this.rules = List.copyOf(rules);
        this.byTag = Map.copyOf(byTag);
        this.patterns = List.copyOf(patterns);
        this.privateRule = privateRule;
        this.edition = edition;
    }

    private static final class Standard {
        static final DeidentificationTable TABLE = load();

        private static DeidentificationTable load() {
            try (InputStream in = DeidentificationTable.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("Resource " + RESOURCE + " is missing from the lumen-dicom jar");
                }
                return parse(new InputStreamReader(in, StandardCharsets.UTF_8), RESOURCE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The table shipped with Lumen. */
    public static DeidentificationTable standard() {
        return Standard.TABLE;
    }

    /** Parses the TSV form; IllegalArgumentException names the line of any malformed row. */
    public static DeidentificationTable parse(Reader reader, String name) throws IOException {
        BufferedReader lines = new BufferedReader(reader);
        List<Rule> rules = new ArrayList<>();
        Map<Integer, Rule> byTag = new HashMap<>();
        List<PatternRule> patterns = new ArrayList<>();
        Rule privateRule = null;
        String edition = "";
        String[] header = null;
        int lineNumber = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("#")) {
                if (line.startsWith(EDITION_MARK)) {
                    edition = line.substring(EDITION_MARK.length()).trim();
                }
                continue;
            }
            String[] fields = line.split("\t", -1);
            if (header == null) {
                header = fields;
                requireColumns(header, name);
                continue;
            }
            Rule rule = parseRow(header, fields, name, lineNumber);
            rules.add(rule);
            String tag = rule.tag();
            if (tag.startsWith("(gggg")) {
                privateRule = rule;
            } else if (tag.indexOf('x') >= 0) {
                patterns.add(new PatternRule(patternMask(tag), Tags.parse(tag.replace('x', '0')), rule));
            } else if (byTag.put(Tags.parse(tag), rule) != null) {
                throw new IllegalArgumentException(name + " line " + lineNumber + ": " + tag + " appears twice");
            }
        }
        if (header == null) {
            throw new IllegalArgumentException(name + ": no header line");
        }
        return new DeidentificationTable(rules, byTag, patterns, privateRule, edition);
    }

    private static void requireColumns(String[] header, String name) {
        List<String> columns = Arrays.asList(header);
        for (String required : List.of("tag", "name", "vr", "basic")) {
            if (!columns.contains(required)) {
                throw new IllegalArgumentException(name + ": header lacks column '" + required + "'");
            }
        }
    }

    private static Rule parseRow(String[] header, String[] fields, String name, int lineNumber) {
        if (fields.length < 4) {
            throw new IllegalArgumentException(name + " line " + lineNumber + ": expected at least 4 tab-separated fields");
        }
        String tag = null;
        String attributeName = null;
        List<VR> vrs = new ArrayList<>();
        ActionCode basic = null;
        Map<ProfileOption, ActionCode> options = new EnumMap<>(ProfileOption.class);
        try {
            for (int c = 0; c < header.length && c < fields.length; c++) {
                String value = fields[c].trim();
                switch (header[c]) {
                    case "tag" -> tag = value;
                    case "name" -> attributeName = value;
                    case "vr" -> vrs = parseVrs(value);
                    case "basic" -> basic = ActionCode.parse(value);
                    default -> {
                        ProfileOption option = OPTION_COLUMNS.get(header[c]);
                        if (option != null && !value.isEmpty()) {
                            options.put(option, ActionCode.parse(value));
                        }
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " line " + lineNumber + ": " + e.getMessage(), e);
        }
        return new Rule(tag, attributeName, vrs, basic, options);
    }

    private static List<VR> parseVrs(String text) {
        if (text.equals("*") || text.isEmpty()) {
            return List.of();
        }
        List<VR> vrs = new ArrayList<>();
        for (String code : text.split("\\|")) {
            VR vr = VR.ofName(code);
            if (vr == null) {
                throw new IllegalArgumentException("unknown VR '" + code + "'");
            }
            vrs.add(vr);
        }
        return vrs;
    }

    /** For {@code (50xx,xxxx)}: 1-bits where the pattern fixes a hex digit. */
    private static int patternMask(String tag) {
        String digits = tag.replace("(", "").replace(")", "").replace(",", "");
        int mask = 0;
        for (int i = 0; i < 8; i++) {
            mask = (mask << 4) | (digits.charAt(i) == 'x' ? 0 : 0xF);
        }
        return mask;
    }

    /** The rule for an element: its own row, else a matching pattern row, else the private row for odd groups. */
    public Rule ruleFor(int tag) {
        Rule rule = byTag.get(tag);
        if (rule != null) {
            return rule;
        }
        for (PatternRule pattern : patterns) {
            if ((tag & pattern.mask()) == pattern.value()) {
                return pattern.rule();
            }
        }
        return isOddGroup(tag) ? privateRule : null;
    }

    /**
     * The table's private row covers every odd group, which includes the groups 0001, 0003, 0005 and 0007 that PS3.5
     * forbids and {@link Tags#isPrivate} therefore does not count as private; found in a dataset, they are removed too.
     */
    public static boolean isOddGroup(int tag) {
        int group = Tags.group(tag);
        return (group & 1) != 0 && group != 0xFFFF;
    }

    /** All rows, in file order. */
    public List<Rule> rules() {
        return rules;
    }

    public int size() {
        return rules.size();
    }

    /** The edition line of the data file's header (its {@code #@edition} line). */
    public String edition() {
        return edition;
    }
}
