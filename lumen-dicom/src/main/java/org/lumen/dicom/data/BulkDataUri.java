package org.lumen.dicom.data;

import java.util.Objects;

/**
 * A value that lives elsewhere, known only by a URI (a DICOMweb BulkDataURI from DICOM JSON or XML that is not one of our
 * own {@code file:} references). Unlike {@link BulkData} it cannot be read locally; a caller fetches it if it needs it.
 *
 * @param uri the URI exactly as it was given
 */
public record BulkDataUri(String uri) {

    public BulkDataUri {
        Objects.requireNonNull(uri, "uri");
    }
}
