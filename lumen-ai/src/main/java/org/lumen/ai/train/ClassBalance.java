package org.lumen.ai.train;

/** How training makes up for classes of different sizes. */
public enum ClassBalance {
    /** Plain sampling and loss: the classes count as often as they occur. */
    NONE,
    /** Each class's loss is weighted by {@code n / (classes * n_class)}: every class weighs the same in total. */
    WEIGHTED_LOSS,
    /** Every epoch draws as many images as the training set has, each class equally likely (with replacement). */
    BALANCED_SAMPLING
}
