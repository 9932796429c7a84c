package org.lumen.server.dicomweb;

import io.javalin.http.Context;

/**
 * CORS for the DICOMweb routes, so that a browser viewer served from another origin (OHIF) can call them: an allowed
 * Origin is echoed back with the headers a viewer reads exposed; a preflight OPTIONS is answered 204 with the methods and
 * request headers allowed. A disallowed origin gets no CORS headers (the browser then refuses), never an error.
 */
final class Cors {
    static final String ALLOWED_METHODS = "GET, POST, OPTIONS";
    static final String ALLOWED_HEADERS = "Accept, Content-Type, Authorization, Cache-Control, X-Requested-With";
    static final String EXPOSED_HEADERS = "Content-Type, Content-Length, Content-Location, Location, Warning";
    static final String MAX_AGE_SECONDS = "600";

    private final DicomWebConfig config;

    Cors(DicomWebConfig config) {
        this.config = config;
    }

    /** Adds the response headers for an allowed Origin; runs before every DICOMweb handler. */
    void addHeaders(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null || !config.allowsOrigin(origin)) {
            return;
        }
        ctx.header("Access-Control-Allow-Origin", config.allowedOrigins().contains("*") ? "*" : origin);
        ctx.header("Vary", "Origin");
        ctx.header("Access-Control-Expose-Headers", EXPOSED_HEADERS);
    }

    /** Answers a preflight request. */
    void preflight(Context ctx) {
        addHeaders(ctx);
        String origin = ctx.header("Origin");
        if (origin != null && config.allowsOrigin(origin)) {
            ctx.header("Access-Control-Allow-Methods", ALLOWED_METHODS);
            String asked = ctx.header("Access-Control-Request-Headers");
            ctx.header("Access-Control-Allow-Headers", asked == null || asked.isBlank() ? ALLOWED_HEADERS : asked);
            ctx.header("Access-Control-Max-Age", MAX_AGE_SECONDS);
        }
        ctx.header("Allow", ALLOWED_METHODS);
        ctx.status(204);
    }
}
