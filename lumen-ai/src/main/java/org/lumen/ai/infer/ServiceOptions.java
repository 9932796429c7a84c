package org.lumen.ai.infer;

/**
 * How {@link ModelService} batches and bounds its work.
 *
 * @param maxBatch      the most requests one model call takes
 * @param maxDelayMs    how long a batch may wait for more requests after its oldest one arrived; 0 batches only what is
 *                      already waiting (requests still pile up while the model is busy, so batching happens under load
 *                      without adding latency to a lone request)
 * @param threads       inference threads shared by all models (each model runs at most one batch at a time, so more
 *                      threads than models buys nothing)
 * @param queueCapacity requests that may wait per model; a submit beyond it is refused with
 *                      {@link ServiceOverloadedException} instead of growing memory without bound
 */
public record ServiceOptions(int maxBatch, long maxDelayMs, int threads, int queueCapacity) {

    /** Batches of up to 32, no added wait, one inference thread (PyTorch already spreads one batch over the cores). */
    public static final ServiceOptions DEFAULTS = new ServiceOptions(32, 0, 1, 1024);

    public ServiceOptions {
        if (maxBatch < 1 || maxDelayMs < 0 || threads < 1 || queueCapacity < 1) {
            throw new IllegalArgumentException("maxBatch, threads and queueCapacity must be >= 1 and maxDelayMs >= 0, not "
                    + maxBatch + ", " + threads + ", " + queueCapacity + ", " + maxDelayMs);
        }
    }

    public ServiceOptions withMaxDelayMs(long delay) {
        return new ServiceOptions(maxBatch, delay, threads, queueCapacity);
    }

    public ServiceOptions withMaxBatch(int batch) {
        return new ServiceOptions(batch, maxDelayMs, threads, queueCapacity);
    }

    public ServiceOptions withQueueCapacity(int capacity) {
        return new ServiceOptions(maxBatch, maxDelayMs, threads, capacity);
    }
}
