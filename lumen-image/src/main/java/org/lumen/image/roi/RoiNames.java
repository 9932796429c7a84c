package org.lumen.image.roi;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Picks one region by name from those a file defines (RTSTRUCT ROI names, SEG segment labels). */
final class RoiNames {
    private RoiNames() {
    }

    /**
     * The index of the wanted name: an exact match, else the only match ignoring case and surrounding blanks. Without a
     * wanted name, the only region there is.
     *
     * @param what "ROI" or "segment", for messages
     * @throws IllegalArgumentException naming the regions the file has when the name is unknown or ambiguous, or when no
     *     name is given and there is more than one region
     */
    static int choose(List<String> names, Optional<String> wanted, String what, String source) {
        if (wanted.isEmpty()) {
            if (names.size() == 1) {
                return 0;
            }
            throw new IllegalArgumentException(source + " has " + names.size() + " " + what + "s; say which one: "
                    + quoted(names));
        }
        String name = wanted.get();
        int exact = names.indexOf(name);
        if (exact >= 0 && names.lastIndexOf(name) == exact) {
            return exact;
        }
        String key = name.strip().toLowerCase(Locale.ROOT);
        int found = -1;
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).strip().toLowerCase(Locale.ROOT).equals(key)) {
                if (found >= 0) {
                    throw new IllegalArgumentException(source + " has more than one " + what + " named '" + name
                            + "': " + quoted(names));
                }
                found = i;
            }
        }
        if (found < 0) {
            throw new IllegalArgumentException(source + " has no " + what + " named '" + name + "'; its " + what + "s are: "
                    + quoted(names));
        }
        return found;
    }

    static String quoted(List<String> names) {
        return names.stream().map(n -> "'" + n + "'").reduce((a, b) -> a + ", " + b).orElse("(none)");
    }
}
