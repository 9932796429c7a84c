package org.lumen.dicom.pixel;

/**
 * The frames of one image, each given on its own without reading the others.
 *
 * <p>Every frame comes in one layout whatever the transfer syntax: the bytes Explicit VR Little Endian native pixel data
 * would hold for that frame alone, in the description's planar configuration; 1-bit frames start at bit 0 of byte 0
 * (least significant bit first) and are padded with zero bits to a whole byte. Implementations are safe to call from
 * several threads at once.
 */
public interface FrameSource {

    ImagePixelDescription description();

    default int frameCount() {
        return description().numberOfFrames();
    }

    /** Frame {@code index} (0-based) in the layout above. */
    byte[] frame(int index);

    /** Checks a 0-based frame index against the frame count. */
    default void checkFrameIndex(int index) {
        if (index < 0 || index >= frameCount()) {
            throw new PixelDataException("Frame index " + index + " does not exist; the image has " + frameCount()
                    + " frame(s), indexed 0.." + (frameCount() - 1));
        }
    }
}
