package org.lumen.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.lumen.dicom.data.Attributes;
import org.lumen.net.dimse.Command;

/**
 * The matches of a C-FIND (or the pending responses of a C-MOVE/C-GET) as they arrive. At most 64 responses are queued:
 * when the caller is slower, the association's reader waits. {@link #close()} before the end sends a C-CANCEL and drains.
 */
public final class FindResults implements Iterator<Attributes>, AutoCloseable {
    private record Item(DimseResponse response, IOException failure) {
    }

    private final BlockingQueue<Item> queue = new ArrayBlockingQueue<>(64);
    private final Association association;
    private final long timeoutMillis;
    private AcceptedContext pc;
    private int messageId;
    private Item next;
    private DimseResponse finalResponse;

    FindResults(Association association, long timeoutMillis) {
        this.association = association;
        this.timeoutMillis = timeoutMillis;
    }

    void started(AcceptedContext context, int id) {
        this.pc = context;
        this.messageId = id;
    }

    Association.ResponseListener listener() {
        return new Association.ResponseListener() {
            @Override
            public void onResponse(Command rsp, Attributes dataset) {
                put(new Item(new DimseResponse(rsp, dataset), null));
            }

            @Override
            public void onFailure(IOException cause) {
                queue.clear();
                queue.offer(new Item(null, cause));
            }
        };
    }

    private void put(Item item) {
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean hasNext() {
        if (next != null) {
            return true;
        }
        if (finalResponse != null) {
            return false;
        }
        Item item;
        try {
            item = queue.poll(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new java.io.InterruptedIOException("Interrupted waiting for C-FIND responses"));
        }
        if (item == null) {
            throw new UncheckedIOException(new IOException("No response within " + timeoutMillis + " ms"));
        }
        if (item.failure() != null) {
            throw new UncheckedIOException(item.failure());
        }
        if (org.lumen.net.dimse.Status.isPending(item.response().status())) {
            next = item;
            return true;
        }
        finalResponse = item.response();
        return false;
    }

    /** The next match (the identifier of a pending response). */
    @Override
    public Attributes next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Attributes identifier = next.response().dataset();
        next = null;
        return identifier;
    }

    /** The next pending response with its command (sub-operation counts for C-MOVE/C-GET), or null at the end. */
    public DimseResponse nextResponse() {
        if (!hasNext()) {
            return null;
        }
        DimseResponse r = next.response();
        next = null;
        return r;
    }

    /** The final response: available once the iteration has ended. */
    public DimseResponse finalResponse() {
        while (hasNext()) {
            next = null;
        }
        return finalResponse;
    }

    /** Sends a C-CANCEL; the iteration continues to the final response (Cancel status, usually). */
    public void cancel() throws IOException {
        if (finalResponse == null) {
            association.cancel(pc, messageId);
        }
    }

    @Override
    public void close() throws IOException {
        if (finalResponse == null) {
            cancel();
            finalResponse();
        }
    }
}
