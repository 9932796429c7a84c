package org.lumen.dicom.transcode;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.data.Tags;
import org.lumen.dicom.data.VR;
import org.lumen.dicom.io.DicomFile;
import org.lumen.dicom.io.TransferSyntax;
import org.lumen.dicom.pixel.ImagePixelDescription;
import org.lumen.dicom.pixel.PixelData;

/**
 * Re-expresses an instance in another transfer syntax: native to native (byte order, VR encoding, deflate) as it is,
 * encapsulated to native by decoding every frame (in parallel) with the pixel pipeline's decoders. Encoding into a
 * compressed syntax needs an encoder, which {@link #transcode} refuses with a message naming the syntax until one exists.
 */
public final class Transcoder {
    private Transcoder() {
    }

    /** The dataset to write in {@code targetUid}: the input's own dataset, or a copy with decoded native pixel data. */
    public static Attributes transcode(DicomFile file, String targetUid) {
        TransferSyntax source = sourceSyntax(file);
        TransferSyntax target = TransferSyntax.of(targetUid);
        if (target.video() || (!TransferSyntax.isKnown(targetUid))) {
            throw new IllegalArgumentException("Cannot write transfer syntax " + targetUid + ": "
                    + (target.video() ? "video syntaxes are not supported" : "unknown transfer syntax UID"));
        }
        Attributes dataset = file.dataset();
        boolean hasFragments = dataset.getFragments(Tags.PIXEL_DATA) != null;
        if (!hasFragments || source.uid().equals(target.uid())) {
            if (target.encapsulated() && !source.uid().equals(target.uid()) && dataset.contains(Tags.PIXEL_DATA)) {
                throw new IllegalArgumentException("No encoder for " + target.name() + " (" + target.uid()
                        + ") yet: Lumen can write native syntaxes and the syntax a file already has");
            }
            return dataset;
        }
        if (target.encapsulated()) {
            throw new IllegalArgumentException("Cannot transcode " + source.name() + " to " + target.name()
                    + ": no encoder for the target syntax yet; decode to a native syntax instead");
        }
        return decodeToNative(file, source);
    }

    /** The syntax the pixel data is really in: the meta header's when it names an encapsulated one. */
    public static TransferSyntax sourceSyntax(DicomFile file) {
        String metaUid = file.fileMeta().getString(Tags.TRANSFER_SYNTAX_UID);
        if (metaUid != null && TransferSyntax.of(metaUid.trim()).encapsulated()) {
            return TransferSyntax.of(metaUid.trim());
        }
        return file.transferSyntax();
    }

    private static Attributes decodeToNative(DicomFile file, TransferSyntax source) {
        PixelData pixels = PixelData.of(file.dataset(), source.uid());
        ImagePixelDescription description = pixels.description();
        List<byte[]> frames;
        ExecutorService executor = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()));
        try {
            frames = pixels.decodeAll(executor);
        } finally {
            executor.shutdown();
        }
        Attributes copy = file.dataset().deepCopy();
        byte[] nativeBytes = description.bitsAllocated() == 1
                ? packBits(frames, description.rows() * description.columns() * description.samplesPerPixel())
                : concat(frames);
        if ((nativeBytes.length & 1) != 0) {
            nativeBytes = java.util.Arrays.copyOf(nativeBytes, nativeBytes.length + 1);
        }
        if (copy.bigEndian() && description.bitsAllocated() > 8) {
            // Frames come little endian; the copy keeps raw values in its own byte order.
            org.lumen.dicom.data.ByteUtils.swap(nativeBytes, description.bitsAllocated() / 8);
        }
        copy.setBytes(Tags.PIXEL_DATA, description.bitsAllocated() > 8 ? VR.OW : VR.OB, nativeBytes);
        copy.remove(Tags.EXTENDED_OFFSET_TABLE);
        copy.remove(Tags.EXTENDED_OFFSET_TABLE_LENGTHS);
        if (source.lossy() && !"01".equals(copy.getString(Tag.LossyImageCompression))) {
            copy.setString(Tag.LossyImageCompression, VR.CS, "01");
        }
        return copy;
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
