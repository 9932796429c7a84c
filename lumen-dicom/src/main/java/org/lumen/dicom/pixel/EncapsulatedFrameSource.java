package org.lumen.dicom.pixel;

import org.lumen.dicom.data.Fragments;
import org.lumen.dicom.io.TransferSyntax;

/** Frames of encapsulated pixel data: located among the fragments by a {@link FrameLocator}, decoded by a {@link FrameDecoder}. */
public final class EncapsulatedFrameSource implements FrameSource {
    private final ImagePixelDescription stored;
    private final ImagePixelDescription description;
    private final FrameLocator locator;
    private final FrameDecoder decoder;
    private final TransferSyntax syntax;

    public EncapsulatedFrameSource(ImagePixelDescription description, Fragments fragments, byte[] extendedOffsetTable,
            TransferSyntax syntax, FrameDecoders decoders) {
        this.stored = description;
        this.syntax = syntax;
        this.decoder = decoders.forTransferSyntax(syntax);
        this.description = decoder.decodedDescription(description);
        this.locator = FrameLocator.locate(fragments, description.numberOfFrames(), extendedOffsetTable);
    }

    /** What decoded frames hold: the dataset's description as the decoder changes it (see FrameDecoder#decodedDescription). */
    @Override
    public ImagePixelDescription description() {
        return description;
    }

    /** What the dataset says of the pixel data, before decoding. */
    public ImagePixelDescription storedDescription() {
        return stored;
    }

    public FrameLocator locator() {
        return locator;
    }

    public FrameDecoder decoder() {
        return decoder;
    }

    @Override
    public byte[] frame(int index) {
        checkFrameIndex(index);
        byte[] decoded;
        try {
            decoded = decoder.decode(locator.encodedFrame(index), stored);
        } catch (PixelDataException e) {
            throw new PixelDataException("Frame " + index + " (" + FrameDecoders.describe(syntax) + "): " + e.getMessage(), e);
        }
        if (decoded.length < description.frameLength()) {
            throw new PixelDataException("Frame " + index + " decodes to " + decoded.length + " bytes, fewer than the "
                    + description.frameLength() + " that " + description + " needs");
        }
        return decoded;
    }
}
