package org.lumen.dicom.transcode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.ByteUtils;
import org.lumen.dicom.data.Fragments;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.data.Tags;
import org.lumen.dicom.data.VR;
import org.lumen.dicom.io.DicomFile;
import org.lumen.dicom.io.TransferSyntax;
import org.lumen.dicom.pixel.EncodeOptions;
import org.lumen.dicom.pixel.FrameEncoder;
import org.lumen.dicom.pixel.FrameEncoders;
import org.lumen.dicom.pixel.ImagePixelDescription;
import org.lumen.dicom.pixel.Photometric;
import org.lumen.dicom.pixel.PixelData;
import org.lumen.dicom.pixel.PixelDataException;

/**
 * Re-expresses an instance in another transfer syntax. Native to native (byte order, VR encoding, deflate) keeps the
 * dataset as it is; otherwise every frame is decoded (in parallel) by the pixel pipeline's decoders and, for an
 * encapsulated target, encoded (in parallel) by its {@link FrameEncoder}, one fragment per frame behind a Basic Offset
 * Table. The Image Pixel attributes follow what the codecs say (a JPEG 2000 decoder's RGB, an encoder's YBR_RCT); a lossy
 * step on either side is recorded in Lossy Image Compression, its ratio and method (PS3.3 C.7.6.1.1.5).
 */
public final class Transcoder {
    private Transcoder() {
    }

    /** {@link #transcode(DicomFile, String, EncodeOptions)} with the default encoder options. */
    public static Attributes transcode(DicomFile file, String targetUid) {
        return transcode(file, targetUid, EncodeOptions.DEFAULT);
    }

    /** The dataset to write in {@code targetUid}: the input's own dataset, or a copy with re-encoded pixel data. */
    public static Attributes transcode(DicomFile file, String targetUid, EncodeOptions options) {
        TransferSyntax source = sourceSyntax(file);
        TransferSyntax target = TransferSyntax.of(targetUid);
        if (target.video() || !TransferSyntax.isKnown(targetUid)) {
            throw new IllegalArgumentException("Cannot write transfer syntax " + targetUid + ": "
                    + (target.video() ? "video syntaxes are not supported" : "unknown transfer syntax UID"));
        }
        Attributes dataset = file.dataset();
        boolean hasPixels = dataset.contains(Tags.PIXEL_DATA);
        boolean hasFragments = dataset.getFragments(Tags.PIXEL_DATA) != null;
        if (!hasPixels || source.uid().equals(target.uid()) || (!hasFragments && !target.encapsulated())) {
            return dataset;
        }
        PixelData pixels = PixelData.of(dataset, source.uid());
        ImagePixelDescription decoded = pixels.description();
        FrameEncoder encoder = target.encapsulated() ? FrameEncoders.standard().forTransferSyntax(target) : null;
        if (encoder != null && encoder.lossy(target.uid(), options) && decoded.photometric() == Photometric.PALETTE_COLOR) {
            throw new PixelDataException("Lossy " + target.name() + " of PALETTE COLOR pixel data is refused: an index "
                    + "off by one is another colour; choose a lossless syntax");
        }
        ImagePixelDescription encoded = encoder == null ? decoded : encoder.encodedDescription(decoded, options);
        ExecutorService executor = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()));
        Attributes copy = dataset.deepCopy();
        try {
            List<byte[]> frames = pixels.decodeAll(executor);
            if (encoder == null) {
                putNative(copy, frames, decoded);
            } else {
                List<byte[]> encodedFrames = encodeAll(encoder, frames, decoded, options, executor);
                copy.setFragments(Tags.PIXEL_DATA, encapsulate(encodedFrames));
                if (encoder.lossy(target.uid(), options)) {
                    recordLossyStep(copy, target, decoded, encodedFrames);
                } else if (target.lossy() && !copy.contains(Tag.LossyImageCompression) && !source.lossy()) {
                    // A lossy-capable syntax holding exactly the original samples says so, for the next reader.
                    copy.setString(Tag.LossyImageCompression, VR.CS, "00");
                }
            }
        } finally {
            executor.shutdown();
        }
        describe(copy, encoded);
        copy.remove(Tags.EXTENDED_OFFSET_TABLE);
        copy.remove(Tags.EXTENDED_OFFSET_TABLE_LENGTHS);
        // Decoding a lossy-capable syntax loses nothing more, but what was lost stays lost, unless the dataset says
        // its pixel data never went through a lossy step (00: e.g. reversible JPEG 2000 in .91); DCT JPEG always loses.
        boolean dctJpeg = source.uid().equals(TransferSyntax.JPEG_BASELINE_8BIT) || source.uid().equals(TransferSyntax.JPEG_EXTENDED_12BIT);
        if (source.lossy() && (dctJpeg || !copy.contains(Tag.LossyImageCompression))) {
            copy.setString(Tag.LossyImageCompression, VR.CS, "01");
        }
        return copy;
    }

    /**
     * The file meta information to write a transcoded dataset with: the file's own with the Transfer Syntax UID set to
     * {@code targetUid}, so that the writer knows the pixel data is already in the target syntax.
     */
    public static Attributes fileMeta(DicomFile file, String targetUid) {
        Attributes meta = file.fileMeta() == null ? new Attributes() : file.fileMeta().deepCopy();
        meta.setString(Tags.TRANSFER_SYNTAX_UID, VR.UI, targetUid);
        return meta;
    }

    /** The syntax the pixel data is really in: the meta header's when it names an encapsulated one. */
    public static TransferSyntax sourceSyntax(DicomFile file) {
        String metaUid = file.fileMeta().getString(Tags.TRANSFER_SYNTAX_UID);
        if (metaUid != null && TransferSyntax.of(metaUid.trim()).encapsulated()) {
            return TransferSyntax.of(metaUid.trim());
        }
        return file.transferSyntax();
    }

    private static List<byte[]> encodeAll(FrameEncoder encoder, List<byte[]> frames, ImagePixelDescription description,
            EncodeOptions options, ExecutorService executor) {
        List<CompletableFuture<byte[]>> futures = new ArrayList<>(frames.size());
        for (byte[] frame : frames) {
            futures.add(CompletableFuture.supplyAsync(() -> encoder.encode(frame, description, options), executor));
        }
        List<byte[]> out = new ArrayList<>(frames.size());
        try {
            for (int k = 0; k < futures.size(); k++) {
                out.add(futures.get(k).join());
            }
        } catch (CompletionException e) {
            futures.forEach(f -> f.cancel(false));
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new PixelDataException("Encoding frames with " + encoder.name() + " failed: " + e.getCause(), e.getCause());
        }
        return out;
    }

    /** One fragment per frame, each padded to an even length, behind a Basic Offset Table (empty past 4 GiB). */
    static Fragments encapsulate(List<byte[]> frames) {
        Fragments fragments = new Fragments(VR.OB, false);
        byte[] table = new byte[4 * frames.size()];
        long offset = 0;
        List<byte[]> padded = new ArrayList<>(frames.size());
        for (int k = 0; k < frames.size(); k++) {
            byte[] frame = frames.get(k);
            byte[] even = (frame.length & 1) == 0 ? frame : Arrays.copyOf(frame, frame.length + 1);
            if (offset <= 0xFFFF_FFFFL) {
                ByteUtils.put32(table, 4 * k, (int) offset, false);
            }
            offset += 8L + even.length;
            padded.add(even);
        }
        fragments.add(offset - 8 - padded.get(padded.size() - 1).length > 0xFFFF_FFFFL ? new byte[0] : table);
        padded.forEach(fragments::add);
        return fragments;
    }

    private static void putNative(Attributes copy, List<byte[]> frames, ImagePixelDescription description) {
        byte[] nativeBytes = description.bitsAllocated() == 1
                ? packBits(frames, description.rows() * description.columns() * description.samplesPerPixel())
                : concat(frames);
        if ((nativeBytes.length & 1) != 0) {
            nativeBytes = Arrays.copyOf(nativeBytes, nativeBytes.length + 1);
        }
        if (copy.bigEndian() && description.bitsAllocated() > 8) {
            // Frames come little endian; the copy keeps raw values in its own byte order.
            ByteUtils.swap(nativeBytes, description.bitsAllocated() / 8);
        }
        copy.setBytes(Tags.PIXEL_DATA, description.bitsAllocated() > 8 ? VR.OW : VR.OB, nativeBytes);
    }

    /** Writes the Image Pixel attributes that a codec may change. */
    private static void describe(Attributes copy, ImagePixelDescription d) {
        copy.setString(Tag.PhotometricInterpretation, VR.CS, d.photometric().code());
        if (d.samplesPerPixel() > 1) {
            copy.setInt(Tag.PlanarConfiguration, VR.US, d.planarConfiguration());
        }
        copy.setInt(Tag.BitsAllocated, VR.US, d.bitsAllocated());
        copy.setInt(Tag.BitsStored, VR.US, d.bitsStored());
        copy.setInt(Tag.HighBit, VR.US, d.highBit());
    }

    /** Lossy Image Compression 01 with this step's ratio and method appended to any earlier ones. */
    private static void recordLossyStep(Attributes copy, TransferSyntax target, ImagePixelDescription d, List<byte[]> frames) {
        long compressed = 0;
        for (byte[] frame : frames) {
            compressed += frame.length;
        }
        double ratio = (double) d.frameLength() * frames.size() / Math.max(1, compressed);
        copy.setString(Tag.LossyImageCompression, VR.CS, "01");
        copy.setString(Tag.LossyImageCompressionRatio, VR.DS,
                append(copy.getStrings(Tag.LossyImageCompressionRatio), String.format(java.util.Locale.ROOT, "%.4f", ratio)));
        copy.setString(Tag.LossyImageCompressionMethod, VR.CS,
                append(copy.getStrings(Tag.LossyImageCompressionMethod), lossyMethod(target)));
    }

    private static String lossyMethod(TransferSyntax target) {
        return switch (target.uid()) {
            case TransferSyntax.JPEG_LS_NEAR_LOSSLESS -> "ISO_14495_1";
            case TransferSyntax.JPEG_2000 -> "ISO_15444_1";
            default -> "ISO_10918_1";
        };
    }

    private static String[] append(String[] earlier, String value) {
        String[] base = earlier == null ? new String[0] : earlier;
        String[] out = Arrays.copyOf(base, base.length + 1);
        out[base.length] = value;
        return out;
    }

    private static byte[] concat(List<byte[]> frames) {
        int total = 0;
        for (byte[] frame : frames) {
            total += frame.length;
        }
        byte[] out = new byte[total];
        int at = 0;
        for (byte[] frame : frames) {
            System.arraycopy(frame, 0, out, at, frame.length);
            at += frame.length;
        }
        return out;
    }

    /** 1-bit frames follow each other bit by bit in native pixel data, not byte by byte (PS3.5 8.1.1). */
    private static byte[] packBits(List<byte[]> frames, int bitsPerFrame) {
        long totalBits = (long) bitsPerFrame * frames.size();
        byte[] out = new byte[(int) ((totalBits + 7) / 8)];
        long bit = 0;
        for (byte[] frame : frames) {
            for (int i = 0; i < bitsPerFrame; i++, bit++) {
                if ((frame[i >>> 3] & (1 << (i & 7))) != 0) {
                    out[(int) (bit >>> 3)] |= (byte) (1 << (bit & 7));
                }
            }
        }
        return out;
    }
}
