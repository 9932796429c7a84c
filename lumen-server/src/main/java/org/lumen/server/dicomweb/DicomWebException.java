package org.lumen.server.dicomweb;

/**
 * The one exception a DICOMweb handler throws for a request it cannot answer; {@link ErrorResponses} turns it into the
 * status of its {@link DicomWebError} and a JSON body naming the problem (and the parameter, when one is at fault).
 */
public final class DicomWebException extends RuntimeException {
    private final DicomWebError error;
    private final String parameter;

    public DicomWebException(DicomWebError error, String message) {
        this(error, null, message, null);
    }

    public DicomWebException(DicomWebError error, String parameter, String message, Throwable cause) {
        super(message, cause);
        this.error = error;
        this.parameter = parameter;
    }

    /** A 400 naming the query parameter (or path segment) at fault. */
    public static DicomWebException badParameter(String parameter, String message) {
        return new DicomWebException(DicomWebError.BAD_PARAMETER, parameter, message, null);
    }

    public static DicomWebException notFound(String message) {
        return new DicomWebException(DicomWebError.NOT_FOUND, message);
    }

    public static DicomWebException notAcceptable(String accept, String canProduce) {
        return new DicomWebException(DicomWebError.NOT_ACCEPTABLE, "Accept",
                "Cannot produce any of [" + accept + "]; this route produces " + canProduce, null);
    }

    public DicomWebError error() {
        return error;
    }

    /** The query parameter, header or path segment at fault, or null. */
    public String parameter() {
        return parameter;
    }
}
