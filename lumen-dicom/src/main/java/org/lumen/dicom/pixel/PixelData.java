package org.lumen.dicom.pixel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Fragments;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.data.Tags;
import org.lumen.dicom.io.DicomFile;
import org.lumen.dicom.io.TransferSyntax;

/**
 * The pixel pipeline of one image: frames ({@link FrameSource}), their samples, modality values, VOI windowing and
 * display values. Frame indexes are 0-based (frame 0 is DICOM frame number 1). Safe to use from several threads.
 *
 * <pre>{@code
 * PixelData pixels = PixelData.of(DicomReader.read(path));
 * float[] hu = pixels.modalityValues(0);
 * byte[] grey = pixels.renderGray8(0, Optional.of(Window.of(40, 400)));
 * }</pre>
 */
public final class PixelData {
    private final Attributes dataset;
    private final ImagePixelDescription description;
    private final FrameSource frames;
    private final FrameTransforms transforms;
    private volatile PaletteColorLut palette;

    private PixelData(Attributes dataset, ImagePixelDescription description, FrameSource frames) {
        this.dataset = dataset;
        this.description = description;
        this.frames = frames;
        this.transforms = new FrameTransforms(dataset, description);
    }

    /** The pixel data of a file read by {@code DicomReader}, in the transfer syntax it was read in. */
    public static PixelData of(DicomFile file) {
        return of(file.dataset(), file.transferSyntax().uid(), FrameDecoders.standard());
    }

    /**
     * The pixel data of a dataset alone: the transfer syntax is taken from a (0002,0010) in the dataset if there is one,
     * else native pixel data is read as it is and encapsulated pixel data is refused (the syntax is needed to decode it).
     */
    public static PixelData of(Attributes dataset) {
        String uid = DatasetValues.string(dataset, Tag.TransferSyntaxUID);
        if (uid == null) {
            if (dataset.value(Tag.PixelData) instanceof Fragments) {
                throw new PixelDataException("Pixel Data (7FE0,0010) is encapsulated but the dataset does not say in which "
                        + "transfer syntax; read it from the file (DicomFile) or pass the transfer syntax UID");
            }
            uid = dataset.bigEndian() ? TransferSyntax.EXPLICIT_VR_BIG_ENDIAN : TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
        }
        return of(dataset, uid, FrameDecoders.standard());
    }

    public static PixelData of(Attributes dataset, String transferSyntaxUid) {
        return of(dataset, transferSyntaxUid, FrameDecoders.standard());
    }

    public static PixelData of(Attributes dataset, String transferSyntaxUid, FrameDecoders decoders) {
        ImagePixelDescription stored = ImagePixelDescription.of(dataset);
        FrameSource frames = frameSource(dataset, stored, TransferSyntax.of(transferSyntaxUid), decoders);
        return new PixelData(dataset, frames.description(), frames);
    }

    private static FrameSource frameSource(Attributes dataset, ImagePixelDescription description, TransferSyntax syntax,
            FrameDecoders decoders) {
        int tag = description.pixelDataTag();
        Object value = dataset.value(tag);
        if (value instanceof Fragments fragments) {
            return new EncapsulatedFrameSource(description, fragments, dataset.getBytes(Tag.ExtendedOffsetTable),
                    syntax, decoders);
        }
        if (syntax.encapsulated()) {
            throw new PixelDataException(Tags.toString(tag) + " is not encapsulated although transfer syntax "
                    + FrameDecoders.describe(syntax) + " requires it");
        }
        return new NativeFrameSource(description, value, dataset.vr(tag), dataset.bigEndian());
    }

    /** What the frames hold once decoded (see {@link FrameDecoder#decodedDescription}). */
    public ImagePixelDescription description() {
        return description;
    }

    public FrameSource frameSource() {
        return frames;
    }

    public int frameCount() {
        return frames.frameCount();
    }

    /** Frame {@code index} in the {@link FrameSource} layout, decoded when the syntax is compressed. */
    public byte[] frameBytes(int index) {
        return frames.frame(index);
    }

    /**
     * Every frame, decoded in parallel on {@code executor}, in frame order. A frame that fails to decode fails the whole
     * call with its {@link PixelDataException}.
     */
    public List<byte[]> decodeAll(Executor executor) {
        List<CompletableFuture<byte[]>> futures = new ArrayList<>(frameCount());
        for (int k = 0; k < frameCount(); k++) {
            int frame = k;
            futures.add(CompletableFuture.supplyAsync(() -> frames.frame(frame), executor));
        }
        List<byte[]> out = new ArrayList<>(futures.size());
        try {
            for (CompletableFuture<byte[]> future : futures) {
                out.add(future.join());
            }
        } catch (CompletionException e) {
            futures.forEach(f -> f.cancel(false));
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new PixelDataException("Decoding frames failed: " + e.getCause(), e.getCause());
        }
        return out;
    }

    /**
     * The stored sample values of frame {@code index}, pixel-interleaved (row by row, then sample by sample), from the
     * Bits Stored bits at High Bit and sign-extended when signed. YBR stays YBR here (see {@link #colorSamples}).
     */
    public int[] samples(int index) {
        return SampleDecoder.samples(frames.frame(index), description);
    }

    /** The samples of Float or Double Float Pixel Data. */
    public float[] floatSamples(int index) {
        return SampleDecoder.floatSamples(frames.frame(index), description);
    }

    /**
     * The colour of each pixel as interleaved R G B: RGB samples as they are, YBR_FULL and YBR_FULL_422 converted, PALETTE
     * COLOR looked up in its palette (at the palette's 8 or 16 bits). Monochrome images have no colour samples.
     */
    public int[] colorSamples(int index) {
        return switch (description.photometric()) {
            case RGB -> samples(index);
            case YBR_FULL, YBR_FULL_422 -> ColorConversion.ybrFullToRgb(samples(index), description.bitsStored());
            case PALETTE_COLOR -> palette().apply(samples(index));
            default -> throw new PixelDataException("Colour samples of " + description.photometric() + " pixel data are "
                    + "not supported" + (description.photometric().isMonochrome() ? "; it is monochrome" : ""));
        };
    }

    /** The modality transform (rescale or Modality LUT, per frame for enhanced multi-frame) of frame {@code index}. */
    public ModalityTransform modalityTransform(int index) {
        frames.checkFrameIndex(index);
        return description.isFloat() ? ModalityTransform.IDENTITY : transforms.modality(index);
    }

    /** Frame {@code index} in modality units: the modality transform applied to each sample (float data as it is). */
    public float[] modalityValues(int index) {
        if (!description.photometric().isMonochrome()) {
            throw new PixelDataException("Modality values are defined for monochrome images, not " + description.photometric());
        }
        if (description.isFloat()) {
            return floatSamples(index);
        }
        ModalityTransform transform = modalityTransform(index);
        int[] samples = samples(index);
        boolean unsigned32 = !description.isSigned() && description.bitsStored() == 32;
        float[] out = new float[samples.length];
        for (int i = 0; i < samples.length; i++) {
            double stored = unsigned32 ? Integer.toUnsignedLong(samples[i]) : samples[i];
            out[i] = (float) transform.apply(stored);
        }
        return out;
    }

    /** The window the dataset gives for frame {@code index} (functional groups first), if any. */
    public Optional<Window> window(int index) {
        frames.checkFrameIndex(index);
        return transforms.window(index);
    }

    /** Frame {@code index} as 8-bit grey with the dataset's VOI (see {@link #renderGray8(int, Optional)}). */
    public byte[] renderGray8(int index) {
        return renderGray8(index, Optional.empty());
    }

    /**
     * Frame {@code index} of a monochrome image as 8-bit grey, one byte per pixel: modality values through the given window,
     * else the dataset's window for the frame, else its VOI LUT, else a LINEAR_EXACT window over the frame's own range;
     * MONOCHROME1 is inverted so that the result always shows low values dark.
     */
    public byte[] renderGray8(int index, Optional<Window> window) {
        float[] values = modalityValues(index);
        byte[] out = new byte[values.length];
        Optional<Window> chosen = window.or(() -> transforms.window(index));
        Optional<LookupTable> voiLut = chosen.isPresent() || description.isFloat() ? Optional.empty()
                : transforms.voiLut(index, modalitySigned(index));
        if (chosen.isEmpty() && voiLut.isEmpty()) {
            chosen = rangeWindow(values);
        }
        boolean invert = description.photometric() == Photometric.MONOCHROME1;
        for (int i = 0; i < values.length; i++) {
            double y;
            if (chosen.isPresent()) {
                y = chosen.get().apply(values[i], 0, 255);
            } else if (voiLut.isPresent()) {
                y = voiLut.get().lookup(values[i]) * 255.0 / voiLut.get().maxOutput();
            } else {
                y = 0;
            }
            int grey = (int) Math.floor(Math.min(255, Math.max(0, y)) + 0.5);
            out[i] = (byte) (invert ? 255 - grey : grey);
        }
        return out;
    }

    /**
     * Frame {@code index} as packed 0xRRGGBB per pixel: colour images through {@link #colorSamples} scaled to 8 bits,
     * monochrome images through {@link #renderGray8(int)}.
     */
    public int[] renderRgb(int index) {
        if (description.photometric().isMonochrome()) {
            byte[] grey = renderGray8(index);
            int[] out = new int[grey.length];
            for (int i = 0; i < grey.length; i++) {
                int g = grey[i] & 0xFF;
                out[i] = g << 16 | g << 8 | g;
            }
            return out;
        }
        int[] rgb = colorSamples(index);
        int bits = description.photometric() == Photometric.PALETTE_COLOR ? palette().bits() : description.bitsStored();
        int shift = Math.max(0, bits - 8);
        int[] out = new int[rgb.length / 3];
        for (int i = 0; i < out.length; i++) {
            int r = (rgb[3 * i] >>> shift) & 0xFF;
            int g = (rgb[3 * i + 1] >>> shift) & 0xFF;
            int b = (rgb[3 * i + 2] >>> shift) & 0xFF;
            out[i] = r << 16 | g << 8 | b;
        }
        return out;
    }

    /** The palette of a PALETTE COLOR image. */
    public PaletteColorLut palette() {
        PaletteColorLut lut = palette;
        if (lut == null) {
            if (description.photometric() != Photometric.PALETTE_COLOR) {
                throw new PixelDataException("Only PALETTE COLOR images have a palette; this one is " + description.photometric());
            }
            lut = PaletteColorLut.of(dataset, description.isSigned());
            palette = lut;
        }
        return lut;
    }

    /** Whether modality values can be negative, which makes a VOI LUT's first mapped value signed. */
    private boolean modalitySigned(int index) {
        ModalityTransform transform = transforms.modality(index);
        return description.isSigned() || (transform instanceof ModalityTransform.Rescale r && r.intercept() < 0);
    }

    private static Optional<Window> rangeWindow(float[] values) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            if (v < min) {
                min = v;
            }
            if (v > max) {
                max = v;
            }
        }
        if (!(max > min)) {
            return Optional.empty();
        }
        return Optional.of(new Window((min + (double) max) / 2, (double) max - min, VoiFunction.LINEAR_EXACT));
    }
}
