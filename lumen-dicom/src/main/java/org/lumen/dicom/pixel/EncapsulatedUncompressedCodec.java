package org.lumen.dicom.pixel;

import java.util.Arrays;
import org.lumen.dicom.io.TransferSyntax;

/**
 * Encapsulated Uncompressed Explicit VR Little Endian (1.2.840.10008.1.2.1.98): each frame is its native bytes in a
 * fragment of its own, so frames can be located and sent one at a time without a codec. Both directions.
 */
public final class EncapsulatedUncompressedCodec implements FrameDecoder, FrameEncoder {

    @Override
    public boolean supports(String transferSyntaxUid) {
        return TransferSyntax.ENCAPSULATED_UNCOMPRESSED_EXPLICIT_VR_LITTLE_ENDIAN.equals(transferSyntaxUid);
    }

    @Override
    public String name() {
        return "Encapsulated Uncompressed";
    }

    @Override
    public byte[] decode(byte[] encoded, ImagePixelDescription d) {
        if (encoded.length < d.frameLength()) {
            throw new PixelDataException("Encapsulated uncompressed frame holds " + encoded.length + " bytes, fewer than the "
                    + d.frameLength() + " the frame needs");
        }
        return encoded.length == d.frameLength() ? encoded : Arrays.copyOf(encoded, d.frameLength());
    }

    @Override
    public ImagePixelDescription encodedDescription(ImagePixelDescription source, EncodeOptions options) {
        return source;
    }

    @Override
    public byte[] encode(byte[] frame, ImagePixelDescription source, EncodeOptions options) {
        if (frame.length < source.frameLength()) {
            throw new PixelDataException("Frame of " + frame.length + " bytes is shorter than the " + source.frameLength()
                    + " of " + source);
        }
        return frame.length == source.frameLength() ? frame : Arrays.copyOf(frame, source.frameLength());
    }
}
