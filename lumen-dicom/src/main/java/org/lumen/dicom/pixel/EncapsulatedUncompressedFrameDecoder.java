package org.lumen.dicom.pixel;

import java.util.Arrays;
import org.lumen.dicom.io.TransferSyntax;

/** Encapsulated Uncompressed Explicit VR Little Endian (1.2.840.10008.1.2.1.98): each frame is its native bytes. */
public final class EncapsulatedUncompressedFrameDecoder implements FrameDecoder {

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
}
