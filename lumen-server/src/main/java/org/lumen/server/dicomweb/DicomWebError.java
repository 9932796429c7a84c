package org.lumen.server.dicomweb;

/** The catalogue of DICOMweb error codes: each with its HTTP status and what it means, as data. */
public enum DicomWebError {
    BAD_PARAMETER(400, "A query parameter or path segment is not valid"),
    BAD_REQUEST(400, "The request body or its headers cannot be understood"),
    NOT_FOUND(404, "No stored object matches the path"),
    NOT_ACCEPTABLE(406, "None of the media types in Accept can be produced"),
    PAYLOAD_TOO_LARGE(413, "The request body is larger than configured"),
    UNSUPPORTED_MEDIA_TYPE(415, "The request's Content-Type is not one this route accepts"),
    UNPROCESSABLE(422, "The stored object cannot be rendered or converted as asked"),
    INTERNAL(500, "The server failed; the log says why");

    private final int status;
    private final String text;

    DicomWebError(int status, String text) {
        this.status = status;
        this.text = text;
    }

    public int status() {
        return status;
    }

    public String text() {
        return text;
    }
}
