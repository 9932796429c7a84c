package org.lumen.dicom.pixel;

/**
 * Decodes one encapsulated frame of a compressed transfer syntax. Codecs plug in by implementing this and registering
 * with {@link FrameDecoders} (directly, or as a {@code java.util.ServiceLoader} service of this interface).
 *
 * <p>The result is the frame in the layout {@link FrameSource} promises: what Explicit VR Little Endian native pixel data
 * of the given description would hold for that frame. Implementations must be stateless or thread-safe, as frames are
 * decoded in parallel.
 */
public interface FrameDecoder {

    /** True when this decoder handles the transfer syntax with this UID. */
    boolean supports(String transferSyntaxUid);

    /**
     * Decodes {@code encodedFrame} (the frame's fragments joined) of pixel data the dataset describes as {@code stored};
     * the result is laid out as {@link #decodedDescription decodedDescription(stored)} says. A {@link PixelDataException}
     * naming what is wrong when the frame is corrupt or truncated; never a hang or another exception.
     */
    byte[] decode(byte[] encodedFrame, ImagePixelDescription stored);

    /**
     * What decoded frames hold when the dataset says {@code stored}: the same, except where decoding changes the colour
     * space or layout as part of the codec (JPEG 2000's inverse component transform turns YBR_RCT and YBR_ICT into RGB;
     * JPEG's chroma upsampling turns YBR_FULL_422 into YBR_FULL). Must agree with {@link #decode}.
     */
    default ImagePixelDescription decodedDescription(ImagePixelDescription stored) {
        return stored;
    }

    /** A name for messages. */
    default String name() {
        return getClass().getSimpleName();
    }
}
