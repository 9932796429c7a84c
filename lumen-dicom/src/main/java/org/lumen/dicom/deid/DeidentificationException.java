package org.lumen.dicom.deid;

/** An instance that Lumen will not de-identify as asked (for example burned-in annotation); the message names it. */
public class DeidentificationException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String source;

    public DeidentificationException(String source, String message) {
        super(source + ": " + message);
        this.source = source;
    }

    /** The file or stream name of the refused instance. */
    public String source() {
        return source;
    }
}
