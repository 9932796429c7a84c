package org.lumen.dicom.json;

import java.io.IOException;

/**
 * The one exception the DICOM JSON reader throws for a bad document. Its message says what was wrong and where: the JSON path
 * of the offending member (such as {@code $["00081115"].Value[0]["00100010"].vr}) and its line and column.
 */
public final class DicomJsonException extends IOException {
    private final String problem;
    private final String path;
    private final int line;
    private final int column;

    public DicomJsonException(String problem, String path, int line, int column) {
        this(problem, path, line, column, null);
    }

    public DicomJsonException(String problem, String path, int line, int column, Throwable cause) {
        super("DICOM JSON: " + problem + " at " + path + " (line " + line + ", column " + column + ")", cause);
        this.problem = problem;
        this.path = path;
        this.line = line;
        this.column = column;
    }

    /** What was wrong, without the location. */
    public String problem() {
        return problem;
    }

    /** The JSON path of the offending member; {@code $} is the document. */
    public String path() {
        return path;
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
