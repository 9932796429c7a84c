package org.lumen.dicom.data;

/** Small helpers shared by the value parsers of this package. */
final class StringValues {

    private StringValues() {
    }

    /** Strips leading and trailing spaces and NULs: padding that producers add around fixed-format values. */
    static String trimPadding(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && isPadding(value.charAt(start))) {
            start++;
        }
        while (end > start && isPadding(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(start, end);
    }

    /** Strips trailing spaces and NULs only, for VRs whose leading spaces are significant. */
    static String trimTrailingPadding(String value) {
        int end = value.length();
        while (end > 0 && isPadding(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(0, end);
    }

    private static boolean isPadding(char c) {
        return c == ' ' || c == '\0';
    }
}
