package org.lumen.net.dimse;

/** DIMSE command field values (PS3.7 section 9.3 and 10.3). */
public final class CommandField {
    public static final int C_STORE_RQ = 0x0001;
    public static final int C_GET_RQ = 0x0010;
    public static final int C_FIND_RQ = 0x0020;
    public static final int C_MOVE_RQ = 0x0021;
    public static final int C_ECHO_RQ = 0x0030;
    public static final int N_EVENT_REPORT_RQ = 0x0100;
    public static final int N_GET_RQ = 0x0110;
    public static final int N_SET_RQ = 0x0120;
    public static final int N_ACTION_RQ = 0x0130;
    public static final int N_CREATE_RQ = 0x0140;
    public static final int N_DELETE_RQ = 0x0150;
    public static final int C_CANCEL_RQ = 0x0FFF;
    public static final int RESPONSE = 0x8000;

    private CommandField() {
    }

    public static boolean isResponse(int field) {
        return (field & RESPONSE) != 0;
    }

    public static String name(int field) {
        String base = switch (field & 0x7FFF) {
            case C_STORE_RQ -> "C-STORE";
            case C_GET_RQ -> "C-GET";
            case C_FIND_RQ -> "C-FIND";
            case C_MOVE_RQ -> "C-MOVE";
            case C_ECHO_RQ -> "C-ECHO";
            case N_EVENT_REPORT_RQ -> "N-EVENT-REPORT";
            case N_GET_RQ -> "N-GET";
            case N_SET_RQ -> "N-SET";
            case N_ACTION_RQ -> "N-ACTION";
            case N_CREATE_RQ -> "N-CREATE";
            case N_DELETE_RQ -> "N-DELETE";
            case C_CANCEL_RQ -> "C-CANCEL";
            default -> String.format("command 0x%04X", field & 0x7FFF);
        };
        return base + (isResponse(field) ? "-RSP" : "-RQ");
    }
}
