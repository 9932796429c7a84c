package org.lumen.dicom.io;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * A buffered byte source that knows its position, can look ahead a few bytes, and never allocates more than the input really
 * holds: a hostile length field makes it reach the end of input, not exhaust the heap.
 */
final class DicomInput {
    private static final int BUFFER_SIZE = 64 * 1024;
    private static final int CHUNK = 1 << 20;

    private final InputStream in;
    private final long size;
    private final byte[] buffer = new byte[BUFFER_SIZE];
    private int bufferPos;
    private int bufferLimit;
    private long bufferStart;

    /** @param size total bytes the stream holds from its current point, or -1 when unknown */
    DicomInput(InputStream in, long size) {
        this(in, size, 0);
    }

    /**
     * A source whose first byte is at {@code startPosition} of the file, so that positions stay file offsets (for a value
     * re-read from memory, such as a UN element parsed as a sequence).
     */
    DicomInput(InputStream in, long size, long startPosition) {
        this.in = in;
        this.size = size < 0 ? -1 : startPosition + size;
        this.bufferStart = startPosition;
    }

    long position() {
        return bufferStart + bufferPos;
    }

    /** Bytes left before the end of input, or Long.MAX_VALUE when the size is unknown. */
    long remaining() {
        return size < 0 ? Long.MAX_VALUE : size - position();
    }

    boolean knowsSize() {
        return size >= 0;
    }

    /** Ensures {@code n} bytes are buffered (n at most the buffer size); false when the input ends first. */
    boolean ensure(int n) throws IOException {
        if (bufferLimit - bufferPos >= n) {
            return true;
        }
        if (bufferPos > 0) {
            System.arraycopy(buffer, bufferPos, buffer, 0, bufferLimit - bufferPos);
            bufferStart += bufferPos;
            bufferLimit -= bufferPos;
            bufferPos = 0;
        }
        while (bufferLimit < n) {
            int read = in.read(buffer, bufferLimit, buffer.length - bufferLimit);
            if (read < 0) {
                return false;
            }
            bufferLimit += read;
        }
        return true;
    }

    /** Bytes buffered ahead of the position; after a failed {@link #ensure}, all the bytes left in the input. */
    int buffered() {
        return bufferLimit - bufferPos;
    }

    /** True when no byte is left. */
    boolean atEnd() throws IOException {
        return !ensure(1);
    }

    /** The buffered byte {@code index} bytes ahead, after {@link #ensure}. */
    byte peek(int index) {
        return buffer[bufferPos + index];
    }

    byte[] buffer() {
        return buffer;
    }

    int bufferPos() {
        return bufferPos;
    }

    void advance(int n) {
        bufferPos += n;
    }

    int readU16(boolean bigEndian) throws IOException {
        require(2);
        int v = org.lumen.dicom.data.ByteUtils.u16(buffer, bufferPos, bigEndian);
        bufferPos += 2;
        return v;
    }

    int readI32(boolean bigEndian) throws IOException {
        require(4);
        int v = org.lumen.dicom.data.ByteUtils.i32(buffer, bufferPos, bigEndian);
        bufferPos += 4;
        return v;
    }

    int readTag(boolean bigEndian) throws IOException {
        require(4);
        int v = org.lumen.dicom.data.ByteUtils.tag(buffer, bufferPos, bigEndian);
        bufferPos += 4;
        return v;
    }

    private void require(int n) throws IOException {
        if (!ensure(n)) {
            throw new EOFException("Input ends " + (bufferLimit - bufferPos) + " bytes into a " + n + "-byte field");
        }
    }

    /** Reads exactly {@code length} bytes, growing the result only as data arrives. */
    byte[] readBytes(long length) throws IOException {
        if (length > remaining()) {
            throw new EOFException("A value of " + length + " bytes runs past the end of input (" + remaining() + " bytes left)");
        }
        if (length > Integer.MAX_VALUE - 8) {
            throw new EOFException("A value of " + length + " bytes is too large to hold in memory");
        }
        int n = (int) length;
        if (size >= 0 || n <= CHUNK) {
            byte[] out = new byte[n];
            readFully(out, 0, n);
            return out;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(CHUNK);
        byte[] chunk = new byte[CHUNK];
        int left = n;
        while (left > 0) {
            int k = Math.min(left, CHUNK);
            readFully(chunk, 0, k);
            out.write(chunk, 0, k);
            left -= k;
        }
        return out.toByteArray();
    }

    /** Reads up to {@code len} bytes in bulk: what is buffered, else straight from the stream; -1 at the end of input. */
    int readSome(byte[] out, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        int buffered = bufferLimit - bufferPos;
        if (buffered > 0) {
            int n = Math.min(len, buffered);
            System.arraycopy(buffer, bufferPos, out, off, n);
            bufferPos += n;
            return n;
        }
        int read = in.read(out, off, len);
        if (read > 0) {
            bufferStart += read;
        }
        return read;
    }

    void readFully(byte[] out, int off, int len) throws IOException {
        int buffered = Math.min(len, bufferLimit - bufferPos);
        System.arraycopy(buffer, bufferPos, out, off, buffered);
        bufferPos += buffered;
        int done = buffered;
        while (done < len) {
            int read = in.read(out, off + done, len - done);
            if (read < 0) {
                throw new EOFException("a value of " + len + " bytes runs past the end of the input (" + done + " bytes left)");
            }
            done += read;
            bufferStart += read;
        }
    }

    void skip(long n) throws IOException {
        if (n > remaining()) {
            throw new EOFException("Cannot skip " + n + " bytes: only " + remaining() + " left");
        }
        long buffered = Math.min(n, bufferLimit - bufferPos);
        bufferPos += (int) buffered;
        long left = n - buffered;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("Input ends while skipping " + n + " bytes");
                }
                skipped = 1;
            }
            left -= skipped;
            bufferStart += skipped;
        }
    }
}
