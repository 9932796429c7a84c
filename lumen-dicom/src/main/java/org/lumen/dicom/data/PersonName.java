package org.lumen.dicom.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A PN value (PS3.5 6.2.1): up to three component groups (alphabetic, ideographic, phonetic), each of up to five
 * components (family, given, middle, prefix, suffix). Absent components are empty strings, never null.
 *
 * <p>{@link #toString()} writes the DICOM form with trailing empty components and groups left out, which is the shortest
 * form the standard allows; so {@code parse(s).toString()} returns {@code s} for every value written that way, such as
 * {@code ^Given} or {@code Family^^^^Suffix}. A value written with trailing delimiters ({@code Wang^XiaoDong=王^小东=})
 * reads to the same name and is written without them.
 *
 * <p>Parse errors never quote the value: a name identifies a person and must not reach a log.
 */
public record PersonName(Components alphabetic, Components ideographic, Components phonetic) {

    /** The three component groups, with the keys PS3.18 uses for them in DICOM JSON. */
    public enum Group {
        ALPHABETIC("Alphabetic"), IDEOGRAPHIC("Ideographic"), PHONETIC("Phonetic");

        private final String jsonKey;

        Group(String jsonKey) {
            this.jsonKey = jsonKey;
        }

        /** The key of this group in a PS3.18 JSON PN object. */
        public String jsonKey() {
            return jsonKey;
        }
    }

    /** The five components of a group, in their order within the group. */
    public enum Component {
        FAMILY, GIVEN, MIDDLE, PREFIX, SUFFIX
    }

    /** The empty name: what an empty PN value reads as. */
    public static final PersonName EMPTY = new PersonName(Components.EMPTY, Components.EMPTY, Components.EMPTY);

    private static final char GROUP_DELIMITER = '=';
    private static final char COMPONENT_DELIMITER = '^';

    public PersonName {
        alphabetic = alphabetic == null ? Components.EMPTY : alphabetic;
        ideographic = ideographic == null ? Components.EMPTY : ideographic;
        phonetic = phonetic == null ? Components.EMPTY : phonetic;
    }

    /** A name with only an alphabetic family and given name. */
    public static PersonName of(String family, String given) {
        return new PersonName(new Components(family, given, "", "", ""), null, null);
    }

    /**
     * Reads a PN value. Trailing spaces and NULs (padding) are dropped; everything else, including spaces inside a
     * component, is kept as written.
     *
     * @throws DicomValueException when the value has more than three groups, more than five components in a group, or a
     *     backslash (the value delimiter), naming the problem but not the value
     */
    public static PersonName parse(String text) {
        Objects.requireNonNull(text, "text");
        String value = StringValues.trimTrailingPadding(text);
        if (value.indexOf('\\') >= 0) {
            throw DicomValueException.withoutValue(VR.PN, "a single PN value contains no backslash; split values first");
        }
        List<String> groups = split(value, GROUP_DELIMITER);
        if (groups.size() > Group.values().length) {
            throw DicomValueException.withoutValue(VR.PN,
                    groups.size() + " component groups separated by '=' (at most 3)");
        }
        Components[] parsed = new Components[Group.values().length];
        for (int i = 0; i < parsed.length; i++) {
            parsed[i] = i < groups.size() ? Components.parse(groups.get(i)) : Components.EMPTY;
        }
        return new PersonName(parsed[0], parsed[1], parsed[2]);
    }

    /**
     * A name from the three group strings of a PS3.18 JSON PN object ({@code Alphabetic}, {@code Ideographic}, {@code
     * Phonetic}); null or empty strings are empty groups.
     */
    public static PersonName ofGroups(String alphabetic, String ideographic, String phonetic) {
        return new PersonName(Components.parseNullable(alphabetic), Components.parseNullable(ideographic),
                Components.parseNullable(phonetic));
    }

    public Components components(Group group) {
        return switch (group) {
            case ALPHABETIC -> alphabetic;
            case IDEOGRAPHIC -> ideographic;
            case PHONETIC -> phonetic;
        };
    }

    /** One component of one group; empty when absent. */
    public String get(Group group, Component component) {
        return components(group).get(component);
    }

    /** This name with one component replaced. */
    public PersonName with(Group group, Component component, String value) {
        return with(group, components(group).with(component, value));
    }

    /** This name with one group replaced. */
    public PersonName with(Group group, Components value) {
        return switch (group) {
            case ALPHABETIC -> new PersonName(value, ideographic, phonetic);
            case IDEOGRAPHIC -> new PersonName(alphabetic, value, phonetic);
            case PHONETIC -> new PersonName(alphabetic, ideographic, value);
        };
    }

    /** One group in DICOM form ({@code Family^Given}), or null when the group is empty: what PS3.18 JSON carries. */
    public String group(Group group) {
        Components components = components(group);
        return components.isEmpty() ? null : components.toString();
    }

    public boolean isEmpty() {
        return alphabetic.isEmpty() && ideographic.isEmpty() && phonetic.isEmpty();
    }

    /**
     * The name for people to read, "Prefix Given Middle Family, Suffix", from the alphabetic group, or the ideographic or
     * phonetic group when that is the first non-empty one.
     */
    public String format() {
        for (Group group : Group.values()) {
            if (!components(group).isEmpty()) {
                return components(group).format();
            }
        }
        return "";
    }

    /** The DICOM form with trailing empty components and groups left out. */
    @Override
    public String toString() {
        Components[] groups = {alphabetic, ideographic, phonetic};
        int used = groups.length;
        while (used > 0 && groups[used - 1].isEmpty()) {
            used--;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < used; i++) {
            if (i > 0) {
                text.append(GROUP_DELIMITER);
            }
            text.append(groups[i]);
        }
        return text.toString();
    }

    private static List<String> split(String text, char delimiter) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = text.indexOf(delimiter); i >= 0; i = text.indexOf(delimiter, start)) {
            parts.add(text.substring(start, i));
            start = i + 1;
        }
        parts.add(text.substring(start));
        return parts;
    }

    /** The five components of one group; absent ones are empty strings. */
    public record Components(String family, String given, String middle, String prefix, String suffix) {

        public static final Components EMPTY = new Components("", "", "", "", "");

        /** Null components read as empty; delimiters inside a component are refused, since they would split it. */
        public Components {
            family = checked(family, Component.FAMILY);
            given = checked(given, Component.GIVEN);
            middle = checked(middle, Component.MIDDLE);
            prefix = checked(prefix, Component.PREFIX);
            suffix = checked(suffix, Component.SUFFIX);
        }

        /** Reads one group such as {@code Family^Given^^Dr.}; see {@link PersonName#parse}. */
        public static Components parse(String group) {
            Objects.requireNonNull(group, "group");
            if (group.indexOf(GROUP_DELIMITER) >= 0 || group.indexOf('\\') >= 0) {
                throw DicomValueException.withoutValue(VR.PN, "a component group contains no '=' or backslash");
            }
            List<String> parts = split(group, COMPONENT_DELIMITER);
            if (parts.size() > Component.values().length) {
                throw DicomValueException.withoutValue(VR.PN,
                        parts.size() + " components separated by '^' in one group (at most 5)");
            }
            String[] values = {"", "", "", "", ""};
            for (int i = 0; i < parts.size(); i++) {
                values[i] = parts.get(i);
            }
            return new Components(values[0], values[1], values[2], values[3], values[4]);
        }

        static Components parseNullable(String group) {
            return group == null || group.isEmpty() ? EMPTY : parse(StringValues.trimTrailingPadding(group));
        }

        public String get(Component component) {
            return switch (component) {
                case FAMILY -> family;
                case GIVEN -> given;
                case MIDDLE -> middle;
                case PREFIX -> prefix;
                case SUFFIX -> suffix;
            };
        }

        public Components with(Component component, String value) {
            String[] values = {family, given, middle, prefix, suffix};
            values[component.ordinal()] = value;
            return new Components(values[0], values[1], values[2], values[3], values[4]);
        }

        public boolean isEmpty() {
            return family.isEmpty() && given.isEmpty() && middle.isEmpty() && prefix.isEmpty() && suffix.isEmpty();
        }

        /** "Prefix Given Middle Family, Suffix", leaving out empty components; each component is trimmed of spaces. */
        public String format() {
            StringBuilder text = new StringBuilder();
            for (String part : new String[] {prefix, given, middle, family}) {
                String trimmed = part.strip();
                if (!trimmed.isEmpty()) {
                    text.append(text.length() > 0 ? " " : "").append(trimmed);
                }
            }
            String trimmedSuffix = suffix.strip();
            if (!trimmedSuffix.isEmpty()) {
                text.append(text.length() > 0 ? ", " : "").append(trimmedSuffix);
            }
            return text.toString();
        }

        /** The DICOM form of the group with trailing empty components left out. */
        @Override
        public String toString() {
            String[] values = {family, given, middle, prefix, suffix};
            int used = values.length;
            while (used > 0 && values[used - 1].isEmpty()) {
                used--;
            }
            return String.join(String.valueOf(COMPONENT_DELIMITER), Arrays.asList(values).subList(0, used));
        }

        private static String checked(String value, Component component) {
            if (value == null) {
                return "";
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == COMPONENT_DELIMITER || c == GROUP_DELIMITER || c == '\\') {
                    throw new IllegalArgumentException("PN " + component.name().toLowerCase(Locale.ROOT)
                            + " component contains the delimiter '" + c + "'");
                }
            }
            return value;
        }
    }
}
