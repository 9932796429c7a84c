package org.lumen.ai.infer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.lumen.ai.model.Classifier;
import org.lumen.ai.model.ModelRegistry;

/**
 * Serves classifiers to many callers: each model is loaded once, on first use; single prepared images are queued per
 * model and answered in batches ({@link ServiceOptions}: up to {@code maxBatch} per model call, waiting at most
 * {@code maxDelayMs} for more); model calls run on a fixed pool of inference threads; each model's queue is bounded and a
 * submit to a full queue is refused at once ({@link ServiceOverloadedException}); per-request latency is recorded
 * ({@link #stats(String)}). {@link #close()} answers every accepted request, then closes the models.
 *
 * <p>{@link #submit} does not throw for run-time trouble: loading failures, overload, a closed service and model errors
 * all arrive as the future's exception. A prepared image of the wrong size is a programming error and throws.
 */
public final class ModelService implements AutoCloseable {

    /** Loads a model's classifier by name, e.g. {@code name -> registry.find(name).classifier()}. */
    @FunctionalInterface
    public interface ClassifierLoader {
        Classifier load(String model) throws IOException;
    }

    private final ClassifierLoader loader;
    private final ServiceOptions options;
    private final ExecutorService inference;
    private final Map<String, ModelLane> lanes = new ConcurrentHashMap<>();
    private final ReadWriteLock closing = new ReentrantReadWriteLock();
    private boolean closed;

    public ModelService(ClassifierLoader loader, ServiceOptions options) {
        this.loader = loader;
        this.options = options;
        AtomicInteger count = new AtomicInteger();
        this.inference = Executors.newFixedThreadPool(options.threads(), task -> {
            Thread t = new Thread(task, "lumen-inference-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** A service whose models are the registry's packages, by name. */
    public static ModelService over(ModelRegistry registry, ServiceOptions options) {
        return new ModelService(name -> registry.find(name).classifier(), options);
    }

    public ServiceOptions options() {
        return options;
    }

    /** Queues one prepared image (the model's input shape, normalised) and returns its class probabilities when answered. */
    public CompletableFuture<float[]> submit(String model, float[] prepared) {
        closing.readLock().lock();
        try {
            if (closed) {
                return CompletableFuture.failedFuture(new IllegalStateException("the model service is closed"));
            }
            ModelLane lane;
            try {
                lane = lane(model);
            } catch (IOException | RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
            return lane.submit(prepared);
        } finally {
            closing.readLock().unlock();
        }
    }

    /** The model's classifier, loaded on first use and kept until {@link #close()}. */
    public Classifier classifier(String model) throws IOException {
        closing.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException("the model service is closed");
            }
            return lane(model).classifier();
        } finally {
            closing.readLock().unlock();
        }
    }

    /** True once {@link #close()} has begun: new submits are refused from then on. */
    public boolean isClosed() {
        closing.readLock().lock();
        try {
            return closed;
        } finally {
            closing.readLock().unlock();
        }
    }

    /** Latency and batching of one model so far (all zero when it was never used). */
    public LatencyStats stats(String model) {
        ModelLane lane = lanes.get(model);
        return lane != null ? lane.stats() : new LatencyStats(model, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** Stops taking requests, answers every request already accepted, then closes the models and the threads. */
    @Override
    public void close() {
        closing.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
        } finally {
            closing.writeLock().unlock();
        }
        List<RuntimeException> failures = new ArrayList<>();
        try {
            for (ModelLane lane : lanes.values()) {
                lane.finish();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        inference.shutdown();
        try {
            inference.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (ModelLane lane : lanes.values()) {
            try {
                lane.classifier().close();
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }

    private ModelLane lane(String model) throws IOException {
        ModelLane lane = lanes.get(model);
        if (lane != null) {
            return lane;
        }
        try {
            return lanes.computeIfAbsent(model, name -> {
                try {
                    return new ModelLane(name, loader.load(name), options, inference);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
