package org.lumen.server.dicomweb;

import java.util.regex.Pattern;

/** Checks the UIDs a DICOMweb path carries: digits and dots, at most 64 characters (PS3.5 9.1). */
final class Uids {
    private static final Pattern UID = Pattern.compile("[0-9]+(\\.[0-9]+)*");

    private Uids() {
    }

    static String check(String segment, String value) {
        if (value == null || value.length() > 64 || !UID.matcher(value).matches()) {
            throw DicomWebException.badParameter(segment, segment + " '" + abbreviate(value) + "' is not a UID (digits and "
                    + "dots, at most 64 characters)");
        }
        return value;
    }

    private static String abbreviate(String v) {
        return v == null ? "" : v.length() > 70 ? v.substring(0, 70) + "..." : v;
    }
}
