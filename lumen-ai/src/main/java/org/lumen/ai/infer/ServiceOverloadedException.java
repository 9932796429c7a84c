package org.lumen.ai.infer;

import java.util.concurrent.RejectedExecutionException;

/** A model's request queue is full: the caller should slow down or retry later; nothing was queued. */
public final class ServiceOverloadedException extends RejectedExecutionException {
    public ServiceOverloadedException(String message) {
        super(message);
    }
}
