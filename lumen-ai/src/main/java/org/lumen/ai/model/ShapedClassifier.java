package org.lumen.ai.model;

import java.util.List;

/** What the DJL and ONNX classifiers share: the fixed input shape they take and their class names. */
abstract class ShapedClassifier implements Classifier {
    final int[] inputShape;
    final List<String> classes;

    ShapedClassifier(int[] inputShape, List<String> classes) {
        this.inputShape = inputShape.clone();
        this.classes = List.copyOf(classes);
    }

    @Override
    public final int[] inputShape() {
        return inputShape.clone();
    }

    @Override
    public final List<String> classes() {
        return classes;
    }
}
