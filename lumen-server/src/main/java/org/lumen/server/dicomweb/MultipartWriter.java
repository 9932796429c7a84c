package org.lumen.server.dicomweb;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Writes a multipart/related body part by part straight to the response stream: the caller writes each part's bytes
 * between {@link #startPart(String)} and the next part or {@link #finish()}; nothing is buffered here.
 */
public final class MultipartWriter {
    private final OutputStream out;
    private final String boundary;
    private boolean inPart;

    public MultipartWriter(OutputStream out) {
        this(out, "lumen-" + UUID.randomUUID());
    }

    public MultipartWriter(OutputStream out, String boundary) {
        this.out = out;
        this.boundary = boundary;
    }

    public String boundary() {
        return boundary;
    }

    /** The Content-Type of the whole response: multipart/related with the part type and boundary. */
    public String contentType(String partType) {
        return new MediaType("multipart", "related", java.util.Map.of()).withParameter("type", partType)
                .withParameter("boundary", boundary).toString();
    }

    /** Opens a part with its Content-Type; returns the stream to write its body to (do not close it). */
    public OutputStream startPart(String contentType) throws IOException {
        return startPart(contentType, null);
    }

    public OutputStream startPart(String contentType, String contentLocation) throws IOException {
        StringBuilder head = new StringBuilder();
        head.append(inPart ? "\r\n" : "").append("--").append(boundary).append("\r\n");
        head.append("Content-Type: ").append(contentType).append("\r\n");
        if (contentLocation != null) {
            head.append("Content-Location: ").append(contentLocation).append("\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        inPart = true;
        return new NonClosing(out);
    }

    /** Writes the closing boundary and flushes. */
    public void finish() throws IOException {
        out.write(((inPart ? "\r\n" : "") + "--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
