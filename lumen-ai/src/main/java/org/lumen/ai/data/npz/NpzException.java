package org.lumen.ai.data.npz;

/** A NumPy file that cannot be read as a dataset; the message names the file or array and what was wrong. */
public final class NpzException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NpzException(String message) {
        super(message);
    }
}
