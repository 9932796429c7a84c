package org.lumen.dicom.io;

/**
 * Choices the writer leaves to the caller.
 *
 * @param definedLengthSequences write sequences and items with computed lengths instead of undefined lengths and
 *                               delimiters; encapsulated pixel data always keeps its undefined length (PS3.5 A.4)
 * @param deflateLevel           {@link java.util.zip.Deflater} level for the deflated transfer syntax (0-9, or -1 for the
 *                               library default)
 */
public record WriteOptions(boolean definedLengthSequences, int deflateLevel) {

    /** Undefined-length sequences and items with delimiters, the form that can be streamed. */
    public static final WriteOptions DEFAULT = new WriteOptions(false, -1);

    /** Every sequence and item carries its length, for receivers that cannot handle delimiters. */
    public static final WriteOptions DEFINED_LENGTHS = new WriteOptions(true, -1);

    public WriteOptions {
        if (deflateLevel < -1 || deflateLevel > 9) {
            throw new IllegalArgumentException("Deflate level must be -1 (default) or 0-9, got " + deflateLevel);
        }
    }
}
