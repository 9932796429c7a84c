package org.lumen.ai.model;

import org.lumen.ai.seg.Segmenter;
import org.lumen.ai.seg.UNetSpec;

/**
 * How a segmentation model is rebuilt and applied ({@code manifest.json}'s {@code segmentation} section): the U-Net, the
 * preprocessing (every volume z-scored within itself, then padded with 0, its mean, to a multiple of the network's size
 * step; the label map is cropped back to the input grid), and the inference options chosen on validation.
 *
 * @param network         the U-Net ({@link org.lumen.ai.seg.UNets#build})
 * @param normalisation   always {@value #Z_SCORE_PER_VOLUME}: MRI intensities have no absolute scale
 * @param padToMultipleOf the network's size step 2^(depth-1), stated for readers; checked against {@code network}
 * @param trainingSize    {nx, ny, nz} of the patches or volumes the network was trained on (for the card)
 * @param inference       test-time left-right flip and post-processing, chosen on the validation cases
 */
public record SegmentationContract(UNetSpec network, String normalisation, int padToMultipleOf, int[] trainingSize,
                                   Segmenter.Options inference) {
    public static final String Z_SCORE_PER_VOLUME = "z-score per volume";

    /** The contract of a U-Net trained on {@code trainingSize} and applied with {@code inference}. */
    public static SegmentationContract of(UNetSpec network, int[] trainingSize, Segmenter.Options inference) {
        return new SegmentationContract(network, Z_SCORE_PER_VOLUME, network.sizeMultiple(), trainingSize, inference);
    }

    /** The options in words, e.g. "test-time left-right flip, largest connected component per label". */
    public String inferenceInWords() {
        String post = switch (inference.postProcessing()) {
            case NONE -> "no post-processing";
            case LARGEST_COMPONENT_PER_LABEL -> "largest connected component per label";
            case LARGEST_COMPONENT_OF_UNION -> "largest connected component of the foreground";
        };
        return (inference.flipX() ? "test-time left-right flip" : "no test-time flip") + ", " + post;
    }
}
