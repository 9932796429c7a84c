package org.lumen.server.archive;

/** The Query/Retrieve Level (0008,0052) of a query. */
public enum QueryLevel {
    PATIENT, STUDY, SERIES, IMAGE;

    /** The level named by a Query/Retrieve Level value ("IMAGE"; "INSTANCE" is accepted as IMAGE for QIDO callers). */
    public static QueryLevel of(String value) {
        String v = value == null ? "" : value.trim().toUpperCase(java.util.Locale.ROOT);
        if (v.equals("INSTANCE")) {
            return IMAGE;
        }
        try {
            return valueOf(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown Query/Retrieve Level '" + value
                    + "'; use PATIENT, STUDY, SERIES or IMAGE");
        }
    }
}
