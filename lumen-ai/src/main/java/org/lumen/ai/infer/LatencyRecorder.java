package org.lumen.ai.infer;

import java.util.Arrays;

/** Collects one model's per-request timings in a fixed window (memory stays bounded however long the service runs). */
final class LatencyRecorder {
    static final int WINDOW = 8192;

    private final String model;
    private final long[] queueWaitNanos = new long[WINDOW];
    private final long[] inferenceNanos = new long[WINDOW];
    private long requests;
    private long rejected;
    private long batches;
    private long firstSubmitNanos = -1;
    private long lastAnswerNanos;

    LatencyRecorder(String model) {
        this.model = model;
    }

    synchronized void submitted(long nanos) {
        if (firstSubmitNanos < 0) {
            firstSubmitNanos = nanos;
        }
    }

    synchronized void rejected() {
        rejected++;
    }

    /** One batch answered: its requests' submit times, when the batch started and when it ended. */
    synchronized void batch(long[] submitNanos, int count, long startNanos, long endNanos) {
        batches++;
        for (int i = 0; i < count; i++) {
            int slot = (int) (requests % WINDOW);
            queueWaitNanos[slot] = startNanos - submitNanos[i];
            inferenceNanos[slot] = endNanos - startNanos;
            requests++;
        }
        lastAnswerNanos = endNanos;
    }

    synchronized LatencyStats stats() {
        int n = (int) Math.min(requests, WINDOW);
        long[] total = new long[n];
        for (int i = 0; i < n; i++) {
            total[i] = queueWaitNanos[i] + inferenceNanos[i];
        }
        double seconds = (lastAnswerNanos - firstSubmitNanos) / 1e9;
        return new LatencyStats(model, requests, rejected, batches, batches == 0 ? 0 : (double) requests / batches,
                LatencyStats.percentileMs(total, 0.50), LatencyStats.percentileMs(total, 0.95),
                LatencyStats.percentileMs(Arrays.copyOf(queueWaitNanos, n), 0.50),
                LatencyStats.percentileMs(Arrays.copyOf(inferenceNanos, n), 0.50),
                requests == 0 || seconds <= 0 ? 0 : requests / seconds);
    }
}
