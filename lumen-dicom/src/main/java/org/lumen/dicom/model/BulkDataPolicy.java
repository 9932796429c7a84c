package org.lumen.dicom.model;

/** What a JSON or XML writer does with a bulk value (OB, OD, OF, OL, OV, OW, UN, pixel data) at or above the threshold. */
public enum BulkDataPolicy {
    /** Base64 in {@code InlineBinary}: the document carries everything and round-trips exactly. */
    INLINE,
    /**
     * A {@code BulkDataURI}: from the caller's {@link BulkDataUriFunction} when one is set, else our own {@code file:} URI
     * for a value still in its file ({@link org.lumen.dicom.data.BulkData}). A value with no URI is written inline.
     */
    URI,
    /** The element is left out of the document altogether. */
    OMIT
}
