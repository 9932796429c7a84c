package org.lumen.net;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Cuts a command or data set into P-DATA-TF PDUs of at most the peer's maximum length, one PDV each. The last fragment is
 * only known at close, so a full buffer is sent when more bytes arrive and whatever is left is sent, marked last, on close.
 */
final class PDataOutputStream extends OutputStream {
    private final Association association;
    private final int contextId;
    private final boolean command;
    private final byte[] buffer;
    private int count;
    private boolean closed;

    PDataOutputStream(Association association, int contextId, boolean command, int maxPdvData) {
        this.association = association;
        this.contextId = contextId;
        this.command = command;
        this.buffer = new byte[maxPdvData];
    }

    @Override
    public void write(int b) throws IOException {
        if (count == buffer.length) {
            association.writePData(contextId, command, false, buffer, count);
            count = 0;
        }
        buffer[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            if (count == buffer.length) {
                association.writePData(contextId, command, false, buffer, count);
                count = 0;
            }
            int n = Math.min(len, buffer.length - count);
            System.arraycopy(b, off, buffer, count, n);
            count += n;
            off += n;
            len -= n;
        }
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            association.writePData(contextId, command, true, buffer, count);
        }
    }
}
