package org.lumen.dicom.pixel;

/**
 * Parameters for a {@link FrameEncoder}; encoders ignore what does not apply to them.
 *
 * @param nearLossless JPEG-LS NEAR: the largest difference allowed between a decoded sample and the original; 0 is
 *                     lossless. Used by JPEG-LS Lossy (Near-Lossless), where {@link #DEFAULT} gives 2.
 */
public record EncodeOptions(int nearLossless) {
    /** The defaults: NEAR 2 for JPEG-LS near-lossless. */
    public static final EncodeOptions DEFAULT = new EncodeOptions(2);

    public EncodeOptions {
        if (nearLossless < 0 || nearLossless > 255) {
            throw new IllegalArgumentException("JPEG-LS NEAR " + nearLossless + " must be between 0 and 255");
        }
    }

    public EncodeOptions withNearLossless(int near) {
        return new EncodeOptions(near);
    }
}
