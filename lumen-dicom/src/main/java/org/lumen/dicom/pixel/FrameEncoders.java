package org.lumen.dicom.pixel;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.lumen.dicom.io.TransferSyntax;

/**
 * The frame encoders available, looked up by transfer syntax: RLE Lossless and Encapsulated Uncompressed built in, the others (JPEG, JPEG-LS,
 * JPEG 2000) found by {@link ServiceLoader} as services of {@link FrameEncoder}; more can be added with {@link #with}.
 * Immutable.
 */
public final class FrameEncoders {
    private static final FrameEncoders STANDARD = new FrameEncoders(standardEncoders());

    private final List<FrameEncoder> encoders;

    private FrameEncoders(List<FrameEncoder> encoders) {
        this.encoders = List.copyOf(encoders);
    }

    public static FrameEncoders standard() {
        return STANDARD;
    }

    /** A registry that tries {@code encoder} before the encoders of this one. */
    public FrameEncoders with(FrameEncoder encoder) {
        List<FrameEncoder> list = new ArrayList<>(encoders.size() + 1);
        list.add(encoder);
        list.addAll(encoders);
        return new FrameEncoders(list);
    }

    public List<FrameEncoder> encoders() {
        return encoders;
    }

    public boolean canEncode(TransferSyntax syntax) {
        return encoders.stream().anyMatch(e -> e.supports(syntax.uid()));
    }

    /** The encoder for {@code syntax}; a {@link PixelDataException} naming the syntax and the encoders there are. */
    public FrameEncoder forTransferSyntax(TransferSyntax syntax) {
        for (FrameEncoder encoder : encoders) {
            if (encoder.supports(syntax.uid())) {
                return encoder;
            }
        }
        throw new PixelDataException("No encoder for transfer syntax " + FrameDecoders.describe(syntax)
                + "; encoders available: " + encoders.stream().map(FrameEncoder::name).collect(Collectors.joining(", ")));
    }

    private static List<FrameEncoder> standardEncoders() {
        List<FrameEncoder> list = new ArrayList<>();
        list.add(new RleFrameEncoder());
        list.add(new EncapsulatedUncompressedCodec());
        ServiceLoader.load(FrameEncoder.class, FrameEncoders.class.getClassLoader()).forEach(list::add);
        return list;
    }
}
