package org.lumen.dicom.deid;

/**
 * The action codes of PS3.15 Table E.1-1a as they appear in Table E.1-1, including the compound codes whose choice
 * depends on the attribute's Type in the IOD at hand.
 */
public enum ActionCode {
    /** Replace with a non-zero-length value that may be a dummy consistent with the VR. */
    D("D"),
    /** Replace with a zero-length value (or a dummy). */
    Z("Z"),
    /** Remove. */
    X("X"),
    /** Keep (unchanged for non-sequence attributes, cleaned for sequences). */
    K("K"),
    /** Clean: replace with values of similar meaning known not to identify. */
    C("C"),
    /** Replace the UID with one that is consistent within the set of instances. */
    U("U"),
    Z_D("Z/D"),
    X_Z("X/Z"),
    X_D("X/D"),
    X_Z_D("X/Z/D"),
    /** Remove, empty, or keep the sequence and replace the instance UIDs it contains. */
    X_Z_U_STAR("X/Z/U*");

    private final String code;

    ActionCode(String code) {
        this.code = code;
    }

    /** The code as Table E.1-1 prints it, e.g. {@code X/Z/D}. */
    public String code() {
        return code;
    }

    /** The action for a code as Table E.1-1 prints it; IllegalArgumentException names an unknown code. */
    public static ActionCode parse(String code) {
        for (ActionCode action : values()) {
            if (action.code.equals(code.trim())) {
                return action;
            }
        }
        throw new IllegalArgumentException("Not a PS3.15 Table E.1-1a action code: '" + code + "'");
    }

    /**
     * The single action Lumen applies for this code. A compound code chooses by the attribute's Type in the IOD, which
     * Lumen does not track per IOD; every alternative of a compound code discards the original value, so Lumen takes the
     * one that keeps any IOD conformant: D where D is offered (a dummy satisfies Type 1, 2 and 3), else Z for X/Z, and
     * for X/Z/U* the sequence is kept with its instance UIDs replaced ({@link #U}).
     */
    public ActionCode resolved() {
        return switch (this) {
            case Z_D, X_D, X_Z_D -> D;
            case X_Z -> Z;
            case X_Z_U_STAR -> U;
            default -> this;
        };
    }
}
