package org.lumen.server.dicomweb;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.javalin.http.Context;
import io.javalin.http.Handler;
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

    /**
     * The handler with every failure answered here: a {@link DicomWebException} by its status and body, anything else by
     * 500 and a log line. Wrapping each route (rather than registering exception mappers on the application) leaves the
     * rest of the application's error handling alone.
     */
    static Handler wrap(Handler handler) {
        return ctx -> {
            try {
                handler.handle(ctx);
            } catch (DicomWebException e) {
                respond(ctx, e);
            } catch (Exception e) {
                LOG.error("DICOMweb {} {} failed", ctx.method(), ctx.path(), e);
                respond(ctx, new DicomWebException(DicomWebError.INTERNAL, null,
                        "Internal error (" + e.getClass().getSimpleName() + "); see the server log", e));
            }
        };
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
        // Drop whatever a handler had written into the (uncommitted) buffer before it failed.
        ctx.res().resetBuffer();
        if (!drainRequestBody(ctx)) {
            ctx.header("Connection", "close");
        }
        ctx.status(e.error().status()).contentType("application/json").result(body(e));
    }

    /**
     * Reads and discards what is left of the request body (up to {@link #DRAIN_LIMIT} bytes), so that a client still
     * sending a body the handler refused before reading (a STOW-RS with the wrong Content-Type) receives the answer: closing
     * a socket with unread data makes TCP reset the connection, and the reset can discard the response on its way. False
     * when more than the limit was left (the connection is then closed after the answer) or the body could not be read.
     */
    private static boolean drainRequestBody(Context ctx) {
        try {
            java.io.InputStream in = ctx.req().getInputStream();
            long skipped = 0;
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                skipped += n;
                if (skipped > DRAIN_LIMIT) {
                    return false;
                }
            }
            return true;
        } catch (IOException | IllegalStateException notReadable) {
            return false;
        }
    }

    /** The most of an unread request body discarded before an error answer; beyond it the connection is closed. */
    static final long DRAIN_LIMIT = 64L * 1024 * 1024;

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
