package org.lumen.dicom.model;

/**
 * Limits and trust for a DICOM JSON or Native XML reader. The limits turn hostile input (deep nesting, enormous documents)
 * into a reader error instead of a stack overflow or an out-of-memory.
 *
 * @param maxSequenceDepth   how deeply sequences may nest (the top-level dataset is depth 0)
 * @param maxDocumentBytes   the largest document accepted, in bytes (characters for text input)
 * @param trustFileUris      turn our own {@code file:...#offset=..,length=..} BulkDataURIs into
 *                           {@link org.lumen.dicom.data.BulkData} that reads local files. Off by default: a document from
 *                           elsewhere must not make the server read arbitrary local files; such URIs are then kept as
 *                           {@link org.lumen.dicom.data.BulkDataUri}.
 */
public record ModelReadOptions(int maxSequenceDepth, long maxDocumentBytes, boolean trustFileUris) {

    public static final ModelReadOptions DEFAULT = new ModelReadOptions(64, 256L << 20, false);

    public ModelReadOptions {
        if (maxSequenceDepth < 0 || maxSequenceDepth > 1000) {
            throw new IllegalArgumentException("maxSequenceDepth must be 0..1000, got " + maxSequenceDepth);
        }
        if (maxDocumentBytes <= 0) {
            throw new IllegalArgumentException("maxDocumentBytes must be > 0, got " + maxDocumentBytes);
        }
    }

    public ModelReadOptions withMaxSequenceDepth(int depth) {
        return new ModelReadOptions(depth, maxDocumentBytes, trustFileUris);
    }

    public ModelReadOptions withMaxDocumentBytes(long bytes) {
        return new ModelReadOptions(maxSequenceDepth, bytes, trustFileUris);
    }

    public ModelReadOptions withTrustFileUris(boolean trust) {
        return new ModelReadOptions(maxSequenceDepth, maxDocumentBytes, trust);
    }
}
