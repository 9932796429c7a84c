package org.lumen.dicom.io;

import java.io.IOException;

/**
 * The one exception a DICOM parser throws for bad input. Its message names the source, the byte offset and, where known,
 * the tag, so that a user can find the fault with a hex viewer.
 */
public final class DicomParseException extends IOException {
    private final String source;
    private final long offset;
    private final int tag;

    public DicomParseException(String source, long offset, int tag, String problem) {
        this(source, offset, tag, problem, null);
    }

    public DicomParseException(String source, long offset, int tag, String problem, Throwable cause) {
        super(format(source, offset, tag, problem), cause);
        this.source = source;
        this.offset = offset;
        this.tag = tag;
    }

    private static String format(String source, long offset, int tag, String problem) {
        StringBuilder sb = new StringBuilder();
        sb.append(source == null ? "<stream>" : source).append(": ").append(problem);
        sb.append(" (at byte offset ").append(offset);
        if (tag != NO_TAG) {
            sb.append(", tag ").append(org.lumen.dicom.data.Tags.toString(tag));
        }
        return sb.append(')').toString();
    }

    /** Marks an error that is not tied to one element. */
    public static final int NO_TAG = 0xFFFFFFFF;

    public String source() {
        return source;
    }

    public long offset() {
        return offset;
    }

    /** The tag being parsed, or {@link #NO_TAG}. */
    public int tag() {
        return tag;
    }
}
