package org.lumen.server.dicomweb;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns exceptions into DICOMweb error responses, in one place: {@link DicomWebException} to its status and a JSON body
 * {@code {"error": CODE, "status": N, "message": "...", "parameter": "..."}}; anything else to 500 with a log line (the
 * message of an unexpected exception may hold PHI, so the body only says where to look).
 */
public final class ErrorResponses {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private ErrorResponses() {
    }

    static void install(JavalinDefaultRoutingApi routes, String prefix) {
        routes.exception(DicomWebException.class, (e, ctx) -> respond(ctx, e));
        routes.exception(Exception.class, (e, ctx) -> {
            if (!ctx.path().startsWith(prefix)) {
                // Not ours: keep Javalin's own answer for the rest of the application.
                ctx.status(500).result("Internal server error");
                LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                return;
            }
            LOG.error("DICOMweb {} {} failed", ctx.method(), ctx.path(), e);
            respond(ctx, new DicomWebException(DicomWebError.INTERNAL, null,
                    "Internal error (" + e.getClass().getSimpleName() + "); see the server log", e));
        });
    }

    static void respond(Context ctx, DicomWebException e) {
        if (e.error().status() >= 500) {
            LOG.warn("DICOMweb {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
        } else {
            LOG.debug("DICOMweb {} {}: {} {}", ctx.method(), ctx.path(), e.error(), e.getMessage());
        }
        if (ctx.res().isCommitted()) {
            // The body is already streaming (a multipart response): the status cannot change any more; cut it short.
            throw new IllegalStateException("Response already committed: " + e.getMessage(), e);
        }
        ctx.status(e.error().status()).contentType("application/json").result(body(e));
    }

    static String body(DicomWebException e) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("error", e.error().name());
            g.writeNumberField("status", e.error().status());
            g.writeStringField("message", e.getMessage());
            if (e.parameter() != null) {
                g.writeStringField("parameter", e.parameter());
            }
            g.writeEndObject();
        } catch (IOException io) {
            throw new UncheckedIOException(io);
        }
        return out.toString();
    }
}
