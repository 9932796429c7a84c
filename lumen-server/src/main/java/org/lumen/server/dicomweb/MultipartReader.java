package org.lumen.server.dicomweb;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a multipart body (RFC 2046) part by part without holding more than one buffer of it: each part's body is an
 * {@link InputStream} that ends at the next boundary, so a STOW-RS part of any size streams straight to the archive.
 * The preamble and epilogue are ignored; a body that ends before the closing boundary is an error.
 *
 * <p>Not thread-safe; one reader per request.
 */
public final class MultipartReader {
    private static final int BUFFER = 64 * 1024;
    private static final int MAX_HEADER_BYTES = 16 * 1024;

    private final InputStream in;
    private final byte[] delimiter;
    private final byte[] buf;
    private int start;
    private int end;
    private boolean eof;
    /** Buffer positions in [start, scanned) are known not to start a delimiter: small reads do not rescan them. */
    private int scanned;
    private boolean finished;
    private PartStream current;

    /** One part: its headers (names lower case) and its body, valid until the next call to {@link #next()}. */
    public record Part(Map<String, String> headers, InputStream body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String contentType() {
            return header("content-type");
        }
    }

    public MultipartReader(InputStream in, String boundary) {
        if (boundary == null || boundary.isEmpty() || boundary.length() > 70) {
            throw new IllegalArgumentException("A multipart boundary must be 1 to 70 characters, got "
                    + (boundary == null ? "none" : boundary.length()));
        }
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        this.buf = new byte[Math.max(BUFFER, 4 * delimiter.length)];
        // The first boundary may open the body with no CRLF before it: pretend there was one.
        buf[0] = '\r';
        buf[1] = '\n';
        end = 2;
    }

    /** The next part, or null after the closing boundary. The previous part's body is skipped if not read to its end. */
    public Part next() throws IOException {
        if (finished) {
            return null;
        }
        if (current == null) {
            skipToDelimiter();
        } else {
            current.transferTo(OutputStreamDiscard.INSTANCE);
        }
        current = null;
        // After a delimiter: "--" closes the body; otherwise optional whitespace then CRLF.
        if (!ensure(2)) {
            throw truncated("after a boundary");
        }
        if (buf[start] == '-' && buf[start + 1] == '-') {
            finished = true;
            return null;
        }
        while (true) {
            if (!ensure(2)) {
                throw truncated("after a boundary");
            }
            if (buf[start] == '\r' && buf[start + 1] == '\n') {
                start += 2;
                break;
            }
            if (buf[start] != ' ' && buf[start] != '\t') {
                throw new MultipartException("A boundary line is followed by '" + (char) (buf[start] & 0xFF)
                        + "' instead of CRLF");
            }
            start++;
        }
        Map<String, String> headers = readHeaders();
        current = new PartStream();
        return new Part(headers, current);
    }

    private Map<String, String> readHeaders() throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        int total = 0;
        String last = null;
        while (true) {
            String line = readLine();
            total += line.length() + 2;
            if (total > MAX_HEADER_BYTES) {
                throw new MultipartException("Part headers exceed " + MAX_HEADER_BYTES + " bytes");
            }
            if (line.isEmpty()) {
                return headers;
            }
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && last != null) {
                headers.put(last, headers.get(last) + " " + line.trim());
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new MultipartException("Part header line without a name: '" + line + "'");
            }
            last = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            headers.put(last, line.substring(colon + 1).trim());
        }
    }

    private String readLine() throws IOException {
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (!ensure(1)) {
                throw truncated("in part headers");
            }
            byte b = buf[start++];
            if (b == '\r') {
                if (!ensure(1)) {
                    throw truncated("in part headers");
                }
                if (buf[start] == '\n') {
                    start++;
                    return sb.toString();
                }
            }
            sb.append((char) (b & 0xFF));
            if (sb.length() > MAX_HEADER_BYTES) {
                throw new MultipartException("A part header line exceeds " + MAX_HEADER_BYTES + " bytes");
            }
        }
    }

    private void skipToDelimiter() throws IOException {
        while (true) {
            ensure(delimiter.length);
            int found = indexOfDelimiter();
            if (found >= 0) {
                start = found + delimiter.length;
                return;
            }
            if (eof) {
                throw new MultipartException("No boundary line '--" + boundaryText() + "' in the body");
            }
            start = Math.max(start, end - delimiter.length + 1);
        }
    }

    private String boundaryText() {
        return new String(delimiter, 4, delimiter.length - 4, StandardCharsets.ISO_8859_1);
    }

    private int indexOfDelimiter() {
        byte first = delimiter[0];
        int last = end - delimiter.length;
        int from = Math.max(start, scanned);
        outer:
        for (int i = from; i <= last; i++) {
            if (buf[i] != first) {
                continue;
            }
            for (int k = 1; k < delimiter.length; k++) {
                if (buf[i + k] != delimiter[k]) {
                    continue outer;
                }
            }
            scanned = i;
            return i;
        }
        scanned = Math.max(from, last + 1);
        return -1;
    }

    /** Makes at least {@code n} unread bytes available unless the stream ends first; returns whether it could. */
    private boolean ensure(int n) throws IOException {
        if (end - start >= n) {
            return true;
        }
        if (start > 0) {
            System.arraycopy(buf, start, buf, 0, end - start);
            end -= start;
            scanned = Math.max(0, scanned - start);
            start = 0;
        }
        while (end - start < n && !eof) {
            int r = in.read(buf, end, buf.length - end);
            if (r < 0) {
                eof = true;
            } else {
                end += r;
            }
        }
        return end - start >= n;
    }

    private MultipartException truncated(String where) {
        return new MultipartException("The multipart body ends " + where + ", before its closing boundary '--"
                + boundaryText() + "--'");
    }

    /** The body of the current part: bytes up to the next delimiter. */
    private final class PartStream extends InputStream {
        private boolean done;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (done || current != this) {
                return -1;
            }
            if (len == 0) {
                return 0;
            }
            // Keep enough in the buffer to recognise a delimiter that starts inside it.
            ensure(Math.min(buf.length / 2, Math.max(delimiter.length, len + delimiter.length)));
            int found = indexOfDelimiter();
            int safe;
            if (found >= 0) {
                safe = found - start;
                if (safe == 0) {
                    start += delimiter.length;
                    done = true;
                    return -1;
                }
            } else {
                safe = end - start - (delimiter.length - 1);
                if (safe <= 0) {
                    if (eof) {
                        throw truncated("inside a part");
                    }
                    safe = 0;
                }
            }
            if (safe == 0) {
                // Not enough bytes to decide; ensure() has read all it could, so this only happens at EOF.
                throw truncated("inside a part");
            }
            int n = Math.min(len, safe);
            System.arraycopy(buf, start, b, off, n);
            start += n;
            return n;
        }

        @Override
        public void close() {
            // The reader owns the request stream; next() skips whatever is left of this part.
        }
    }

    /** A sink for the rest of a part nobody read. */
    private static final class OutputStreamDiscard extends java.io.OutputStream {
        static final OutputStreamDiscard INSTANCE = new OutputStreamDiscard();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }

    /** A body that is not well-formed multipart. */
    public static final class MultipartException extends IOException {
        public MultipartException(String message) {
            super(message);
        }
    }
}
