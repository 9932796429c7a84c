package org.lumen.cli;

/** A user's input cannot be used (a value out of range, an unsupported choice); exit code 2. */
public final class BadInputException extends RuntimeException {
    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
