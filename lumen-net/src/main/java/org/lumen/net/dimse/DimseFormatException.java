package org.lumen.net.dimse;

import java.io.IOException;

/** A DIMSE command set that breaks PS3.7 section 6.3 / 9.3: wrong group, a length that overruns, a missing required field. */
public class DimseFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public DimseFormatException(String message) {
        super(message);
    }
}
