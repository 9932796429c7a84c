package org.lumen.ai.model;

import java.util.List;

/**
 * A classifier that passes every call to another one; subclasses override what they change (a test that holds calls
 * at a gate, a service that must not close a model it was lent). {@link #borrowed} is the common case.
 */
public abstract class ForwardingClassifier implements Classifier {
    private final Classifier delegate;

    protected ForwardingClassifier(Classifier delegate) {
        this.delegate = delegate;
    }

    /**
     * The classifier as seen by something that closes what it is given (a {@code ModelService}) while the caller keeps
     * ownership: closing the view leaves {@code owned} open.
     */
    public static Classifier borrowed(Classifier owned) {
        return new ForwardingClassifier(owned) {
            @Override
            public void close() {
                // the owner closes it
            }
        };
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
    public float[][] predict(List<float[]> preparedBatch) {
        return delegate.predict(preparedBatch);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
