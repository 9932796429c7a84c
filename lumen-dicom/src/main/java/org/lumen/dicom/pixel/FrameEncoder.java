package org.lumen.dicom.pixel;

/**
 * Encodes one frame into a compressed transfer syntax. The counterpart of {@link FrameDecoder}: what {@link #encode}
 * writes, the decoder for the same syntax turns back into the frame it was given (exactly, for lossless syntaxes).
 * Encoders register with {@link FrameEncoders} and must be stateless or thread-safe, as frames are encoded in parallel.
 */
public interface FrameEncoder {

    /** True when this encoder writes the transfer syntax with this UID. */
    boolean supports(String transferSyntaxUid);

    /**
     * What the dataset must say of the pixel data once its frames are encoded from frames described by {@code source}:
     * the same, or with the Photometric Interpretation and Planar Configuration the codec implies (JPEG 2000 with a
     * component transform stores RGB as YBR_RCT). A {@link PixelDataException} saying why when this encoder cannot encode
     * such frames (too many bits, float data, an unsupported photometric interpretation...).
     */
    ImagePixelDescription encodedDescription(ImagePixelDescription source, EncodeOptions options);

    /**
     * Encodes {@code frame}, laid out as {@link FrameSource} gives frames of {@code source}, into this syntax's frame
     * bytes (the content of the frame's fragment, before any padding to an even length).
     */
    byte[] encode(byte[] frame, ImagePixelDescription source, EncodeOptions options);

    /**
     * Whether frames encoded into {@code transferSyntaxUid} with {@code options} can differ from the originals: by
     * default what the syntax allows; an encoder that writes a lossy syntax losslessly (JPEG 2000 with the 5/3 wavelet,
     * JPEG-LS with NEAR 0) says false, so that the dataset is not marked as lossy-compressed.
     */
    default boolean lossy(String transferSyntaxUid, EncodeOptions options) {
        return org.lumen.dicom.io.TransferSyntax.of(transferSyntaxUid).lossy();
    }

    /** A name for messages. */
    default String name() {
        return getClass().getSimpleName();
    }
}
