package org.lumen.ai.infer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.lumen.ai.data.LabelledImages;
import org.lumen.ai.model.Classifier;

/**
 * One loaded model inside {@link ModelService}: its bounded request queue and the thread that turns waiting requests into
 * batches. The batcher takes the oldest request, adds whatever else is waiting (up to the batch size, waiting at most the
 * configured delay for more), hands the batch to the shared inference pool and waits for it, so a model runs one batch at
 * a time and requests that arrive meanwhile form the next batch.
 */
final class ModelLane {
    private record Request(float[] image, long submitNanos, CompletableFuture<float[]> result) {
    }

    /** Queued by {@link #finish()} after the last request: the batcher answers everything before it, then stops. */
    private static final Request END = new Request(null, 0, null);

    private final String model;
    private final Classifier classifier;
    private final int imageLength;
    private final ServiceOptions options;
    private final ExecutorService inference;
    private final BlockingQueue<Request> queue;
    private final LatencyRecorder recorder;
    private final Thread batcher;

    ModelLane(String model, Classifier classifier, ServiceOptions options, ExecutorService inference) {
        this.model = model;
        this.classifier = classifier;
        this.imageLength = LabelledImages.voxels(classifier.inputShape());
        this.options = options;
        this.inference = inference;
        this.queue = new ArrayBlockingQueue<>(options.queueCapacity() + 1);
        this.recorder = new LatencyRecorder(model);
        this.batcher = new Thread(this::batchUntilFinished, "lumen-batcher-" + model);
        batcher.setDaemon(true);
        batcher.start();
    }

    Classifier classifier() {
        return classifier;
    }

    LatencyStats stats() {
        return recorder.stats();
    }

    CompletableFuture<float[]> submit(float[] prepared) {
        if (prepared.length != imageLength) {
            throw new IllegalArgumentException("model " + model + " takes prepared images of " + imageLength + " values "
                    + java.util.Arrays.toString(classifier.inputShape()) + ", not " + prepared.length);
        }
        long now = System.nanoTime();
        recorder.submitted(now);
        CompletableFuture<float[]> result = new CompletableFuture<>();
        // One slot of the queue is kept for END (two racing submits may both pass the size check and take it; finish()
        // then waits for the batcher to take one, which it does while it runs).
        if (queue.size() >= options.queueCapacity() || !queue.offer(new Request(prepared, now, result))) {
            recorder.rejected();
            return CompletableFuture.failedFuture(new ServiceOverloadedException("model " + model + " has "
                    + options.queueCapacity() + " requests waiting (the service's queue limit); try again later"));
        }
        return result;
    }

    /** No more submits will come: answer what is queued, then stop the batcher; returns when it has stopped. */
    void finish() throws InterruptedException {
        queue.put(END);
        batcher.join();
    }

    private void batchUntilFinished() {
        List<Request> batch = new ArrayList<>(options.maxBatch());
        boolean finished = false;
        try {
            while (!finished) {
                Request first = queue.take();
                if (first == END) {
                    return;
                }
                batch.add(first);
                finished = collect(batch, first.submitNanos() + TimeUnit.MILLISECONDS.toNanos(options.maxDelayMs()));
                List<Request> ready = List.copyOf(batch);
                batch.clear();
                try {
                    inference.submit(() -> run(ready)).get();
                } catch (ExecutionException e) {
                    failAll(ready, e.getCause());
                } catch (RejectedExecutionException e) {
                    failAll(ready, e);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // nothing will take from the queue any more: answer all that waits, not only the batch being collected
            IllegalStateException stopped = new IllegalStateException("model service stopped before answering");
            failAll(batch, stopped);
            List<Request> waiting = new ArrayList<>();
            queue.drainTo(waiting);
            waiting.remove(END);
            failAll(waiting, stopped);
        }
    }

    /** Adds waiting requests to the batch; true when END was met (the batch is then the last one). */
    private boolean collect(List<Request> batch, long deadlineNanos) throws InterruptedException {
        while (batch.size() < options.maxBatch()) {
            int before = batch.size();
            queue.drainTo(batch, options.maxBatch() - batch.size());
            if (batch.size() > before && batch.get(batch.size() - 1) == END) {
                batch.remove(batch.size() - 1);
                return true;
            }
            if (batch.size() >= options.maxBatch()) {
                return false;
            }
            long wait = deadlineNanos - System.nanoTime();
            if (wait <= 0) {
                return false;
            }
            Request next = queue.poll(wait, TimeUnit.NANOSECONDS);
            if (next == null) {
                return false;
            }
            if (next == END) {
                return true;
            }
            batch.add(next);
        }
        return false;
    }

    private void run(List<Request> batch) {
        List<float[]> images = new ArrayList<>(batch.size());
        long[] submitted = new long[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            images.add(batch.get(i).image());
            submitted[i] = batch.get(i).submitNanos();
        }
        long start = System.nanoTime();
        float[][] probabilities;
        try {
            probabilities = classifier.predict(images);
            if (probabilities.length != batch.size()) {
                throw new IllegalStateException("model " + model + " answered " + probabilities.length + " of "
                        + batch.size() + " images");
            }
        } catch (RuntimeException | Error e) {
            recorder.batch(submitted, batch.size(), start, System.nanoTime());
            failAll(batch, e);
            return;
        }
        recorder.batch(submitted, batch.size(), start, System.nanoTime());
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).result().complete(probabilities[i]);
        }
    }

    private static void failAll(List<Request> batch, Throwable cause) {
        for (Request r : batch) {
            r.result().completeExceptionally(cause);
        }
    }

}
