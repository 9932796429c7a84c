package org.lumen.dicom.xml;

import java.io.IOException;

/** The one exception the Native DICOM XML reader throws for a bad document; names the line and column of the fault. */
public final class DicomXmlException extends IOException {
    private final String problem;
    private final int line;
    private final int column;

    public DicomXmlException(String problem, int line, int column) {
        this(problem, line, column, null);
    }

    public DicomXmlException(String problem, int line, int column, Throwable cause) {
        super("Native DICOM XML: " + problem + " (line " + line + ", column " + column + ")", cause);
        this.problem = problem;
        this.line = line;
        this.column = column;
    }

    /** What was wrong, without the location. */
    public String problem() {
        return problem;
    }

    /** 1-based line, or -1 when unknown. */
    public int line() {
        return line;
    }

    /** 1-based column, or -1 when unknown. */
    public int column() {
        return column;
    }
}
