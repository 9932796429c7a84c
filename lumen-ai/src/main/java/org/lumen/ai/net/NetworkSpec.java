package org.lumen.ai.net;

import java.util.Arrays;

/**
 * A ResNet-style classifier, 2D or 3D, described by numbers alone so that the manifest can carry it and both DJL
 * ({@link Networks}) and the ONNX exporter build the same graph from it:
 * <pre>
 * stem:   conv k3 s1 p1 (inChannels -> stemWidth, no bias), batch norm, ReLU
 * stage i (i = 0..n-1): blocks[i] basic blocks of width widths[i]; the first block of every stage after the first has stride 2
 * basic block: conv k3 s p1, BN, ReLU, conv k3 s1 p1, BN, + shortcut (identity, or conv k1 s + BN when width or stride
 *              change), ReLU
 * head:   global average pool, dropout (training only), linear (classes)
 * </pre>
 * The output is one logit per class; probabilities are the softmax of the logits.
 */
public record NetworkSpec(int dimensions, int inChannels, int classes, int stemWidth, int[] widths, int[] blocks,
                          float dropout) {

    public NetworkSpec {
        widths = widths.clone();
        blocks = blocks.clone();
        if (dimensions != 2 && dimensions != 3) {
            throw new IllegalArgumentException("dimensions must be 2 or 3, not " + dimensions);
        }
        if (widths.length == 0 || widths.length != blocks.length) {
            throw new IllegalArgumentException("widths and blocks must name the same stages (at least one)");
        }
        if (inChannels < 1 || classes < 2 || stemWidth < 1 || dropout < 0 || dropout >= 1) {
            throw new IllegalArgumentException("bad network numbers: " + Arrays.toString(widths));
        }
    }

    /** A small ResNet suited to 28-pixel images: widths {32, 64, 128}, two blocks each. */
    public static NetworkSpec small(int dimensions, int inChannels, int classes) {
        return new NetworkSpec(dimensions, inChannels, classes, 32, new int[] {32, 64, 128}, new int[] {2, 2, 2}, 0.2f);
    }

    @Override
    public int[] widths() {
        return widths.clone();
    }

    @Override
    public int[] blocks() {
        return blocks.clone();
    }

    /** The width of the last stage: the number of feature channels the head pools (and Grad-CAM weighs). */
    public int featureChannels() {
        return widths[widths.length - 1];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NetworkSpec n && dimensions == n.dimensions && inChannels == n.inChannels && classes == n.classes
                && stemWidth == n.stemWidth && Arrays.equals(widths, n.widths) && Arrays.equals(blocks, n.blocks)
                && dropout == n.dropout;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(widths) * 31 + Arrays.hashCode(blocks) + dimensions;
    }
}
