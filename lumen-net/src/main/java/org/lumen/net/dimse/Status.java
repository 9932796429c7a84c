package org.lumen.net.dimse;

/** DIMSE status codes (PS3.7 Annex C and the service classes of PS3.4) used by Lumen, and their kinds. */
public final class Status {
    public static final int SUCCESS = 0x0000;
    public static final int PENDING = 0xFF00;
    public static final int PENDING_WARNING = 0xFF01;
    public static final int CANCEL = 0xFE00;
    public static final int WARNING_SUB_OPERATIONS = 0xB000;
    public static final int COERCION_OF_DATA_ELEMENTS = 0xB000;
    public static final int ELEMENTS_DISCARDED = 0xB006;
    public static final int DATASET_DOES_NOT_MATCH_SOP_CLASS_WARNING = 0xB007;
    public static final int SOP_CLASS_NOT_SUPPORTED = 0x0122;
    public static final int NOT_AUTHORIZED = 0x0124;
    public static final int PROCESSING_FAILURE = 0x0110;
    public static final int DUPLICATE_SOP_INSTANCE = 0x0111;
    public static final int NO_SUCH_SOP_INSTANCE = 0x0112;
    public static final int UNRECOGNIZED_OPERATION = 0x0211;
    public static final int MISTYPED_ARGUMENT = 0x0212;
    public static final int RESOURCE_LIMITATION = 0x0213;
    public static final int OUT_OF_RESOURCES = 0xA700;
    public static final int OUT_OF_RESOURCES_MATCHES = 0xA701;
    public static final int OUT_OF_RESOURCES_SUB_OPERATIONS = 0xA702;
    public static final int MOVE_DESTINATION_UNKNOWN = 0xA801;
    public static final int DATASET_DOES_NOT_MATCH_SOP_CLASS = 0xA900;
    public static final int IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS = 0xA900;
    public static final int CANNOT_UNDERSTAND = 0xC000;
    public static final int UNABLE_TO_PROCESS = 0xC001;

    private Status() {
    }

    public static boolean isPending(int status) {
        return status == PENDING || status == PENDING_WARNING;
    }

    public static boolean isSuccess(int status) {
        return status == SUCCESS;
    }

    public static boolean isWarning(int status) {
        return status == 0x0001 || (status & 0xF000) == 0xB000 || status == 0x0107 || status == 0x0116;
    }

    public static boolean isFailure(int status) {
        return !isSuccess(status) && !isPending(status) && !isWarning(status) && status != CANCEL;
    }

    public static String hex(int status) {
        return String.format("0x%04X", status);
    }
}
