package org.lumen.ai.infer;

import java.util.Arrays;

/**
 * What one model's requests cost, in milliseconds. Latency is per request, from submit to result: the time it waited in
 * the queue for its batch plus the batch's inference time. Percentiles cover the most recent requests (see
 * {@link LatencyRecorder#WINDOW}); counts cover all since the service started.
 *
 * @param model            the model name
 * @param requests         requests answered (successfully or not)
 * @param rejected         requests refused because the queue was full
 * @param batches          model calls made
 * @param meanBatchSize    requests per model call
 * @param p50Ms            median latency
 * @param p95Ms            95th percentile latency
 * @param queueWaitP50Ms   median time waiting for a batch
 * @param inferenceP50Ms   median time of the batch call a request was part of
 * @param throughputPerSec requests answered per second between the first submit and the last answer
 */
public record LatencyStats(String model, long requests, long rejected, long batches, double meanBatchSize, double p50Ms,
                           double p95Ms, double queueWaitP50Ms, double inferenceP50Ms, double throughputPerSec) {

    /** Nearest-rank percentile of the values in milliseconds; sorts the array. */
    public static double percentileMs(long[] nanos, double p) {
        if (nanos.length == 0) {
            return 0;
        }
        Arrays.sort(nanos);
        int rank = (int) Math.ceil(p * nanos.length);
        return nanos[Math.max(0, rank - 1)] / 1e6;
    }
}
