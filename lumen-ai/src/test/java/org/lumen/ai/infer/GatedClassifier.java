package org.lumen.ai.infer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.lumen.ai.model.Classifier;

/**
 * Wraps a classifier so a test controls time: the first model call waits until {@link #open()}, which lets a test fill
 * the queue while the model is busy. Records every batch size and how often it was closed.
 */
final class GatedClassifier implements Classifier {
    private final Classifier delegate;
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch gate = new CountDownLatch(1);
    private final List<Integer> batchSizes = new ArrayList<>();
    final AtomicInteger closes = new AtomicInteger();

    GatedClassifier(Classifier delegate) {
        this.delegate = delegate;
    }

    /** Waits until the first model call has started (and is held at the gate). */
    void awaitFirstCall() throws InterruptedException {
        if (!entered.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("the model was never called");
        }
    }

    void open() {
        gate.countDown();
    }

    synchronized List<Integer> batchSizes() {
        return List.copyOf(batchSizes);
    }

    @Override
    public int[] inputShape() {
        return delegate.inputShape();
    }

    @Override
    public List<String> classes() {
        return delegate.classes();
    }

    @Override
    public float[][] predict(List<float[]> batch) {
        synchronized (this) {
            batchSizes.add(batch.size());
        }
        entered.countDown();
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return delegate.predict(batch);
    }

    @Override
    public void close() {
        closes.incrementAndGet();
        delegate.close();
    }
}
