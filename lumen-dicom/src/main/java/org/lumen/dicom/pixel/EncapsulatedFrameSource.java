package org.lumen.dicom.pixel;

import org.lumen.dicom.data.Fragments;
import org.lumen.dicom.io.TransferSyntax;

/** Frames of encapsulated pixel data: located among the fragments by a {@link FrameLocator}, decoded by a {@link FrameDecoder}. */
public final class EncapsulatedFrameSource implements FrameSource {
    private final ImagePixelDescription description;
    private final FrameLocator locator;
    private final FrameDecoder decoder;
    private final TransferSyntax syntax;

    public EncapsulatedFrameSource(ImagePixelDescription description, Fragments fragments, byte[] extendedOffsetTable,
            TransferSyntax syntax, FrameDecoders decoders) {
        this.description = description;
        this.syntax = syntax;
        this.decoder = decoders.forTransferSyntax(syntax);
        this.locator = FrameLocator.locate(fragments, description.numberOfFrames(), extendedOffsetTable);
    }

    @Override
    public ImagePixelDescription description() {
        return description;
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
            decoded = decoder.decode(locator.encodedFrame(index), description);
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
