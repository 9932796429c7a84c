package org.lumen.server.index;

import java.util.Locale;

/**
 * The person name forms the index matches on. Matching of PN is case-insensitive (Lumen's site policy, as Orthanc's default
 * CaseSensitivePN=false): both stored groups and query keys are upper-cased with {@link Locale#ROOT} and lose trailing
 * empty components ("DOE^JOHN^^" is "DOE^JOHN").
 */
public final class PersonNames {
    private PersonNames() {
    }

    /** The alphabetic, ideographic and phonetic groups of a PN value, normalised; a missing group is null. */
    public static String[] groups(String value) {
        String[] out = new String[3];
        if (value == null) {
            return out;
        }
        String[] parts = value.split("=", -1);
        for (int g = 0; g < 3 && g < parts.length; g++) {
            String n = normalise(parts[g]);
            out[g] = n.isEmpty() ? null : n;
        }
        return out;
    }

    /** Upper case, trailing spaces and empty trailing components removed, spaces around '^' removed. */
    public static String normalise(String group) {
        String[] components = group.split("\\^", -1);
        StringBuilder sb = new StringBuilder(group.length());
        int last = components.length - 1;
        while (last >= 0 && components[last].trim().isEmpty()) {
            last--;
        }
        for (int c = 0; c <= last; c++) {
            if (c > 0) {
                sb.append('^');
            }
            sb.append(components[c].trim());
        }
        return sb.toString().toUpperCase(Locale.ROOT);
    }
}
