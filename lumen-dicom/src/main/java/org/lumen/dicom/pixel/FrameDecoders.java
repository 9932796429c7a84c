package org.lumen.dicom.pixel;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.lumen.dicom.io.TransferSyntax;

/**
 * The frame decoders available, looked up by transfer syntax. The standard set holds the built-in decoders (RLE Lossless,
 * Deflated Image Frame Compression, Encapsulated Uncompressed) and any found by {@link ServiceLoader}; more can be added
 * with {@link #with}. Immutable.
 */
public final class FrameDecoders {
    private static final FrameDecoders STANDARD = new FrameDecoders(standardDecoders());

    private final List<FrameDecoder> decoders;

    private FrameDecoders(List<FrameDecoder> decoders) {
        this.decoders = List.copyOf(decoders);
    }

    public static FrameDecoders standard() {
        return STANDARD;
    }

    /** A registry that tries {@code decoder} before the decoders of this one. */
    public FrameDecoders with(FrameDecoder decoder) {
        List<FrameDecoder> list = new ArrayList<>(decoders.size() + 1);
        list.add(decoder);
        list.addAll(decoders);
        return new FrameDecoders(list);
    }

    public List<FrameDecoder> decoders() {
        return decoders;
    }

    /** The decoder for {@code syntax}; a {@link PixelDataException} naming the syntax when there is none or it is video. */
    public FrameDecoder forTransferSyntax(TransferSyntax syntax) {
        if (syntax.video()) {
            throw new PixelDataException("Transfer syntax " + describe(syntax) + " holds video; Lumen does not decode "
                    + "video streams into frames");
        }
        for (FrameDecoder decoder : decoders) {
            if (decoder.supports(syntax.uid())) {
                return decoder;
            }
        }
        throw new PixelDataException("No decoder for the pixel data of transfer syntax " + describe(syntax)
                + "; decoders available: " + decoders.stream().map(FrameDecoder::name).collect(Collectors.joining(", ")));
    }

    static String describe(TransferSyntax syntax) {
        return syntax.name().startsWith("Unknown") ? syntax.uid() : syntax.name() + " (" + syntax.uid() + ")";
    }

    private static List<FrameDecoder> standardDecoders() {
        List<FrameDecoder> list = new ArrayList<>();
        list.add(new RleFrameDecoder());
        list.add(new DeflatedFrameDecoder());
        list.add(new EncapsulatedUncompressedCodec());
        ServiceLoader.load(FrameDecoder.class, FrameDecoders.class.getClassLoader()).forEach(list::add);
        return list;
    }
}
