package org.lumen.server.archive;

/**
 * A store that did not happen. The reason maps to a DIMSE status (C-STORE) or a STOW-RS failure reason; the message says
 * what to do about it and never names the patient.
 */
public final class StoreException extends Exception {
    /** Why an instance was refused. */
    public enum Reason {
        /** Data set unreadable, or its UIDs disagree with the request (DIMSE A900 / 0xC000 family, STOW 0xC000). */
        INVALID_DATASET(0xA900),
        /** Larger than the configured limit (DIMSE A700 out of resources). */
        TOO_LARGE(0xA700),
        /** SOP Instance UID already stored and the policy is REJECT (DIMSE 0111 duplicate SOP instance). */
        DUPLICATE(0x0111),
        /** Disk or index failure (DIMSE A700 out of resources / 0110 processing failure). */
        STORAGE_FAILURE(0xA700),
        /** The archive is closed. */
        UNAVAILABLE(0xA700);

        private final int dimseStatus;

        Reason(int dimseStatus) {
            this.dimseStatus = dimseStatus;
        }

        /** The C-STORE response status that reports this reason. */
        public int dimseStatus() {
            return dimseStatus;
        }
    }

    private final Reason reason;

    public StoreException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public StoreException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
