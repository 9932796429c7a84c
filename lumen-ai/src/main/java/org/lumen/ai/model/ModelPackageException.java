package org.lumen.ai.model;

/** A model package cannot be read, written or used; the message names the package and what is wrong with it. */
public class ModelPackageException extends RuntimeException {
    public ModelPackageException(String message) {
        super(message);
    }

    public ModelPackageException(String message, Throwable cause) {
        super(message, cause);
    }
}
