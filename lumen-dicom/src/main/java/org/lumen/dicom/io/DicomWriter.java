package org.lumen.dicom.io;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Fragments;
import org.lumen.dicom.data.Tags;

/**
 * Writes datasets as Part 10 files (preamble, "DICM", file meta information, dataset) or as bare datasets (for DIMSE), in
 * implicit VR little endian, explicit VR little or big endian, deflated explicit VR little endian, or an encapsulated
 * syntax when the pixel data already is fragments of that syntax. It never transcodes pixel data: native pixel data into an
 * encapsulated syntax, or fragments into a native one, is refused with an {@link IllegalArgumentException} that names both
 * syntaxes. The encoding rules are those of {@link DatasetEncoder}.
 *
 * <p>Files are written through a temporary file in the target folder that is forced to disk and atomically renamed, so the
 * target name never shows a half-written file.
 */
public final class DicomWriter {
    private static final int PREAMBLE_LENGTH = 128;
    private static final byte[] MAGIC = "DICM".getBytes(StandardCharsets.US_ASCII);
    private static final int BUFFER = 64 * 1024;

    private DicomWriter() {
    }

    /** Writes a Part 10 file with undefined-length sequences; see {@link #write(Path, Attributes, Attributes, String, WriteOptions)}. */
    public static void write(Path out, Attributes fileMetaOrNull, Attributes dataset, String transferSyntaxUid)
            throws IOException {
        write(out, fileMetaOrNull, dataset, transferSyntaxUid, WriteOptions.DEFAULT);
    }

    /**
     * Writes a Part 10 file atomically (temporary file, fsync, rename).
     *
     * @param fileMetaOrNull meta information to keep (Source AE Title and the like), or null; version, SOP class and
     *                       instance, transfer syntax, implementation and group length are always set by the writer
     * @throws IllegalArgumentException when the dataset cannot be expressed in the syntax (see the class comment) or names
     *                                  no SOP class or instance
     */
    public static void write(Path out, Attributes fileMetaOrNull, Attributes dataset, String transferSyntaxUid,
            WriteOptions options) throws IOException {
        Objects.requireNonNull(out, "out");
        TransferSyntax syntax = TransferSyntax.of(Objects.requireNonNull(transferSyntaxUid, "transferSyntaxUid"));
        Attributes meta = FileMeta.create(fileMetaOrNull, dataset, syntax.uid());
        checkWritable(dataset, syntax, sourceSyntaxUid(fileMetaOrNull));
        AtomicFile.write(out, stream -> writePart10(stream, meta, dataset, syntax, options));
    }

    /** Writes a Part 10 file to a stream, which is flushed but not closed. */
    public static void write(OutputStream out, Attributes fileMetaOrNull, Attributes dataset, String transferSyntaxUid,
            WriteOptions options) throws IOException {
        TransferSyntax syntax = TransferSyntax.of(Objects.requireNonNull(transferSyntaxUid, "transferSyntaxUid"));
        Attributes meta = FileMeta.create(fileMetaOrNull, dataset, syntax.uid());
        checkWritable(dataset, syntax, sourceSyntaxUid(fileMetaOrNull));
        BufferedOutputStream buffered = new BufferedOutputStream(out, BUFFER);
        writePart10(buffered, meta, dataset, syntax, options);
        buffered.flush();
    }

    /** Writes a bare dataset (no preamble, no meta), as a DIMSE data set is sent; the stream is flushed but not closed. */
    public static void writeDataset(OutputStream out, Attributes dataset, TransferSyntax syntax) throws IOException {
        writeDataset(out, dataset, syntax, WriteOptions.DEFAULT);
    }

    public static void writeDataset(OutputStream out, Attributes dataset, TransferSyntax syntax, WriteOptions options)
            throws IOException {
        checkWritable(dataset, syntax, null);
        BufferedOutputStream buffered = new BufferedOutputStream(out, BUFFER);
        encodeDataset(buffered, dataset, syntax, options);
        buffered.flush();
    }

    /**
     * The File Meta Information for writing {@code dataset} in {@code transferSyntaxUid}: version 00\01, Media Storage SOP
     * Class and Instance UID from the dataset's (0008,0016) and (0008,0018), the transfer syntax, and Lumen's
     * implementation class UID and version name. The group length is computed when the meta is written.
     *
     * @throws IllegalArgumentException when the dataset has no SOP Class or SOP Instance UID
     */
    public static Attributes createFileMeta(Attributes dataset, String transferSyntaxUid) {
        return FileMeta.create(null, dataset, Objects.requireNonNull(transferSyntaxUid, "transferSyntaxUid"));
    }

    private static void writePart10(OutputStream out, Attributes meta, Attributes dataset, TransferSyntax syntax,
            WriteOptions options) throws IOException {
        out.write(new byte[PREAMBLE_LENGTH]);
        out.write(MAGIC);
        out.write(FileMeta.encode(meta));
        encodeDataset(out, dataset, syntax, options);
    }

    private static void encodeDataset(OutputStream out, Attributes dataset, TransferSyntax syntax, WriteOptions options)
            throws IOException {
        if (!syntax.deflated()) {
            new DatasetEncoder(out, syntax, options).writeDataset(dataset);
            return;
        }
        Deflater deflater = new Deflater(options.deflateLevel(), true);
        try {
            CountingOutputStream counted = new CountingOutputStream(out);
            DeflaterOutputStream deflated = new DeflaterOutputStream(counted, deflater, BUFFER);
            new DatasetEncoder(deflated, syntax, options).writeDataset(dataset);
            deflated.finish();
            // Keep the whole stream even-length, as every DICOM stream is; inflaters stop at the end of the deflate data.
            if ((counted.count & 1) != 0) {
                out.write(0);
            }
        } finally {
            deflater.end();
        }
    }

    /** Refusals that need no bytes written: file meta elements in the dataset, pixel data the syntax cannot carry. */
    private static void checkWritable(Attributes dataset, TransferSyntax target, String sourceUid) {
        Objects.requireNonNull(dataset, "dataset");
        if (dataset.size() > 0 && Tags.group(dataset.tagAt(0)) == 0x0002) {
            throw new IllegalArgumentException("The dataset holds file meta element " + Tags.toString(dataset.tagAt(0))
                    + "; group 0002 belongs in the file meta information, not the dataset");
        }
        Object pixels = dataset.value(Tags.PIXEL_DATA);
        if (pixels == null) {
            return;
        }
        TransferSyntax source = sourceUid == null ? null : TransferSyntax.of(sourceUid);
        if (source != null && source.encapsulated() != pixels instanceof Fragments) {
            source = null; // the meta describes the pixel data as it was before someone changed it
        }
        if (pixels instanceof Fragments) {
            if (!target.encapsulated()) {
                throw new IllegalArgumentException("Pixel data is encapsulated (" + describe(source, "a compressed transfer syntax")
                        + ") and cannot be written in " + describe(target, null)
                        + " without decompressing it; keep the source transfer syntax or decode the pixel data first");
            }
            if (source != null && !source.uid().equals(target.uid())) {
                throw new IllegalArgumentException("Pixel data is encapsulated in " + describe(source, null)
                        + " and cannot be rewritten as " + describe(target, null) + " without transcoding it");
            }
        } else if (target.encapsulated()) {
            throw new IllegalArgumentException("Pixel data is native (" + describe(source, "uncompressed")
                    + ") and cannot be written in " + describe(target, null)
                    + " without compressing it; write a native transfer syntax or encode the pixel data first");
        }
    }

    private static String sourceSyntaxUid(Attributes fileMeta) {
        return fileMeta == null ? null : fileMeta.getString(Tags.TRANSFER_SYNTAX_UID);
    }

    private static String describe(TransferSyntax syntax, String ifUnknown) {
        return syntax == null ? ifUnknown : syntax.name() + " " + syntax.uid();
    }

    /** Counts what the deflater emits, to pad the stream to even length. Closing it does not close the target. */
    private static final class CountingOutputStream extends FilterOutputStream {
        long count;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
