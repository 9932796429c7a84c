package org.lumen.ai.seg;

/**
 * A U-Net, 2D or 3D, described by numbers alone (so that a manifest can carry it and {@link UNets#build} rebuilds it):
 * <pre>
 * level l (0 .. depth-1), width baseWidth * 2^l:
 *   encoder: 2 x (conv k3 p1, batch norm, ReLU)
 *   l &lt; depth-1: max-pool 2 -> level l+1 -> nearest upsampling x2 -> conv k3 (width of level l), BN, ReLU;
 *               concatenated with the encoder output on the channel axis -> 2 x (conv k3, BN, ReLU)
 * output: conv k1 with bias -> one logit per class (class 0 = background) at every voxel
 * </pre>
 * Each spatial size the network sees must be a multiple of {@link #sizeMultiple()} (2^(depth-1)).
 */
public record UNetSpec(int dimensions, int inChannels, int classes, int baseWidth, int depth) {

    public UNetSpec {
        if (dimensions != 2 && dimensions != 3) {
            throw new IllegalArgumentException("U-Net dimensions must be 2 or 3, not " + dimensions);
        }
        if (inChannels < 1 || classes < 2 || baseWidth < 1 || depth < 1 || depth > 6) {
            throw new IllegalArgumentException("bad U-Net numbers: in channels " + inChannels + ", classes " + classes
                    + " (at least 2, background included), base width " + baseWidth + ", depth " + depth + " (1-6)");
        }
    }

    /** The width of level {@code level}. */
    public int width(int level) {
        return baseWidth << level;
    }

    /** What every spatial size must be a multiple of: one halving per level below the first. */
    public int sizeMultiple() {
        return 1 << (depth - 1);
    }
}
