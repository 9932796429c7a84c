package org.lumen.ai.seg;

import ai.djl.ndarray.NDArray;

/**
 * Soft Dice plus cross-entropy for voxel-wise class logits {@code {N, K, spatial...}} against one-hot targets of the same
 * shape:
 * <pre>
 * p = softmax over the class axis
 * CE   = mean over all voxels of -sum_k t_k log p_k
 * Dice = mean over samples and foreground classes k = 1..K-1 of 1 - (2 sum p_k t_k + eps) / (sum p_k + sum t_k + eps)
 * loss = CE + Dice
 * </pre>
 * Dice is per sample (a small structure counts as much as a large one) and over the foreground only, so the background
 * that fills most of a volume does not dominate. {@code eps = 1} keeps a class absent from both target and prediction at
 * a loss near 0 rather than undefined.
 */
public final class DiceCrossEntropyLoss {
    static final float SMOOTH = 1f;

    private DiceCrossEntropyLoss() {
    }

    /** The scalar loss. */
    public static NDArray of(NDArray logits, NDArray oneHot) {
        return crossEntropy(logits, oneHot).add(softDice(logits, oneHot));
    }

    public static NDArray crossEntropy(NDArray logits, NDArray oneHot) {
        return logits.logSoftmax(1).mul(oneHot).sum(new int[] {1}).mean().neg();
    }

    /** 1 - the mean soft Dice over samples and foreground classes. */
    public static NDArray softDice(NDArray logits, NDArray oneHot) {
        int[] spatial = new int[(int) logits.getShape().dimension() - 2];
        for (int i = 0; i < spatial.length; i++) {
            spatial[i] = i + 2;
        }
        long classes = logits.getShape().get(1);
        NDArray p = logits.softmax(1).get(":, 1:");
        NDArray t = oneHot.get(":, 1:");
        NDArray overlap = p.mul(t).sum(spatial);
        NDArray total = p.sum(spatial).add(t.sum(spatial));
        NDArray dice = overlap.mul(2).add(SMOOTH).div(total.add(SMOOTH));
        if (classes < 2) {
            throw new IllegalArgumentException("need background and at least one foreground class");
        }
        return dice.mean().neg().add(1);
    }
}
