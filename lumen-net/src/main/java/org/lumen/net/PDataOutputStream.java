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
    private final int maxPdvData;
    private byte[] buffer;
    private int count;
    private boolean closed;

    PDataOutputStream(Association association, int contextId, boolean command, int maxPdvData) {
        this.association = association;
        this.contextId = contextId;
        this.command = command;
        this.maxPdvData = maxPdvData;
        // Small messages (commands, identifiers) should not cost a buffer of the peer's maximum PDU: start small, grow.
        this.buffer = new byte[Math.min(maxPdvData, 8192)];
    }

    @Override
    public void write(int b) throws IOException {
        makeRoom();
        buffer[count++] = (byte) b;
    }

    /** A full buffer grows up to the maximum PDV size; at that size it is sent (not last: more bytes follow). */
    private void makeRoom() throws IOException {
        if (count < buffer.length) {
            return;
        }
        if (buffer.length < maxPdvData) {
            buffer = java.util.Arrays.copyOf(buffer, (int) Math.min(maxPdvData, buffer.length * 4L));
            return;
        }
        association.writePData(contextId, command, false, buffer, count);
        count = 0;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            makeRoom();
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
