package org.lumen.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A bounded pipe from the association's reader thread (which receives PDVs) to the thread running a service, which reads the
 * data set as an InputStream. At most {@code capacity} fragments are queued, so an instance of any size costs at most
 * capacity x maximum PDU length of memory; when the service is slower than the network the reader blocks, and TCP flow
 * control slows the peer.
 */
final class DataPipe extends InputStream {
    private static final byte[] END = new byte[0];

    private final ArrayBlockingQueue<byte[]> queue;
    private volatile IOException failure;
    private byte[] current;
    private int pos;
    private boolean ended;
    private long total;

    DataPipe(int capacity) {
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    /** Reader side: queues one fragment, blocking while the pipe is full. */
    void put(byte[] fragment) throws InterruptedIOException {
        if (fragment.length == 0) {
            return;
        }
        try {
            queue.put(fragment);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while handing a data set fragment to the service");
        }
    }

    /** Reader side: the last fragment has been put. */
    void finish() throws InterruptedIOException {
        try {
            queue.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while ending a data set");
        }
    }

    /** The association ended before the data set did: the service's next read fails with {@code cause}. */
    void fail(IOException cause) {
        failure = cause;
        queue.clear();
        queue.offer(END);
    }

    long bytesRead() {
        return total;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (current == null || pos == current.length) {
            if (ended) {
                return -1;
            }
            byte[] next;
            try {
                next = queue.poll(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("Interrupted while waiting for data set bytes");
            }
            if (failure != null) {
                throw new IOException("Data set incomplete: " + failure.getMessage(), failure);
            }
            if (next == null) {
                continue;
            }
            if (next == END) {
                ended = true;
                return -1;
            }
            current = next;
            pos = 0;
        }
        int n = Math.min(len, current.length - pos);
        System.arraycopy(current, pos, b, off, n);
        pos += n;
        total += n;
        return n;
    }

    @Override
    public int available() {
        return current == null ? 0 : current.length - pos;
    }

    /** Reads and discards whatever the service left unread, so that the next message can be received. */
    void drain() throws IOException {
        byte[] skip = new byte[8192];
        while (read(skip, 0, skip.length) >= 0) {
            // discard
        }
    }
}
