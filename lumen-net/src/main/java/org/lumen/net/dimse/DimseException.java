package org.lumen.net.dimse;

/**
 * A service's answer that is not plain success: carries the DIMSE status (failure, warning or cancel) and an error comment.
 * The registry turns it into the response in one place; a message never holds patient data.
 */
public class DimseException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int status;

    public DimseException(int status, String message) {
        super(message);
        this.status = status;
    }

    public DimseException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
