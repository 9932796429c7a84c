package org.lumen.dicom.model;

import java.util.List;

/**
 * Splits a PN value into its component groups (Alphabetic, Ideographic, Phonetic, delimited by '=') and a group into its
 * components (family, given, middle, prefix, suffix, delimited by '^'), and joins them back, so that the joined text equals
 * the original exactly.
 *
 * <p>Exactness rules: a part is written when it is non-empty, and the last part is written even when empty, so that a
 * trailing delimiter ("Doe^John=", "^^^^") survives. A value with more parts than the model has names (a producer error)
 * keeps the surplus, delimiters included, in the last named part.
 */
public final class PersonNameGroups {
    /** The JSON member and XML element names of the component groups, in order. */
    public static final List<String> GROUP_NAMES = List.of("Alphabetic", "Ideographic", "Phonetic");

    /** The XML element names of the components of a group, in order. */
    public static final List<String> COMPONENT_NAMES = List.of("FamilyName", "GivenName", "MiddleName", "NamePrefix", "NameSuffix");

    private PersonNameGroups() {
    }

    /** The three groups of a PN value; an entry is null when that group is not written. */
    public static String[] groups(String value) {
        return split(value, '=', GROUP_NAMES.size());
    }

    /** The five components of a group; an entry is null when that component is not written. */
    public static String[] components(String group) {
        return split(group, '^', COMPONENT_NAMES.size());
    }

    /** Joins parts (null for absent) with the delimiter, up to the last present part. */
    public static String join(String[] parts, char delimiter) {
        int last = parts.length - 1;
        while (last >= 0 && parts[last] == null) {
            last--;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i <= last; i++) {
            if (i > 0) {
                sb.append(delimiter);
            }
            if (parts[i] != null) {
                sb.append(parts[i]);
            }
        }
        return sb.toString();
    }

    private static String[] split(String value, char delimiter, int maxParts) {
        String[] out = new String[maxParts];
        int count = 0;
        int start = 0;
        while (count < maxParts - 1) {
            int end = value.indexOf(delimiter, start);
            if (end < 0) {
                break;
            }
            out[count++] = value.substring(start, end);
            start = end + 1;
        }
        out[count++] = value.substring(start);
        for (int i = 0; i < count - 1; i++) {
            if (out[i].isEmpty()) {
                out[i] = null;
            }
        }
        return out;
    }
}
