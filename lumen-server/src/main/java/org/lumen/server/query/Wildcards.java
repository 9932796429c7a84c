package org.lumen.server.query;

/** C-FIND wildcard matching (PS3.4 C.2.2.2.4): '*' any run of characters (also none), '?' exactly one character. */
final class Wildcards {
    private Wildcards() {
    }

    static boolean hasWildcard(String key) {
        return key.indexOf('*') >= 0 || key.indexOf('?') >= 0;
    }

    /** True when the key is only '*' characters: universal matching, which also matches an empty value. */
    static boolean isUniversal(String key) {
        return !key.isEmpty() && key.chars().allMatch(c -> c == '*');
    }

    /** Iterative glob match with backtracking on the last '*'; linear in practice, never exponential. */
    static boolean matches(String pattern, String value) {
        int p = 0;
        int v = 0;
        int star = -1;
        int mark = 0;
        while (v < value.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == value.charAt(v))) {
                p++;
                v++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                mark = v;
            } else if (star >= 0) {
                p = star + 1;
                v = ++mark;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    /** The key as a SQL LIKE pattern with '!' as escape character (a backslash confuses statement parsers). */
    static String toLike(String key) {
        StringBuilder sb = new StringBuilder(key.length() + 4);
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            switch (c) {
                case '*' -> sb.append('%');
                case '?' -> sb.append('_');
                case '%', '_', '!' -> sb.append('!').append(c);
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
