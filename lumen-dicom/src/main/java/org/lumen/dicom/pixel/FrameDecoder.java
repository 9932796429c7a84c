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

    /** Decodes {@code encodedFrame} (the frame's fragments joined); a {@link PixelDataException} when it is corrupt. */
    byte[] decode(byte[] encodedFrame, ImagePixelDescription description);

    /** A name for messages. */
    default String name() {
        return getClass().getSimpleName();
    }
}
