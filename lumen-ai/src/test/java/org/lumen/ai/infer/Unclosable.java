package org.lumen.ai.infer;

import java.util.List;
import org.lumen.ai.model.Classifier;

/** Shares one test network between services: closing a service must not close the network the other tests use. */
record Unclosable(Classifier delegate) implements Classifier {
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
        return delegate.predict(batch);
    }

    @Override
    public void close() {
    }
}
