package org.lumen.server.archive;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.Objects;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.data.Tags;
import org.lumen.dicom.io.DicomFile;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.DicomWriter;
import org.lumen.dicom.io.ReadOptions;
import org.lumen.dicom.io.TransferSyntax;

/**
 * An instance on its way into the archive: what the sender announced and a stream of the data set bytes (no file meta) in
 * that transfer syntax. The stream is read once, as it arrives; the archive never holds the whole instance in memory.
 *
 * @param transferSyntaxUid the syntax of the data set bytes
 * @param sopClassUid       the announced SOP Class UID (the data set's own is checked against it)
 * @param sopInstanceUid    the announced SOP Instance UID (the data set's own must equal it)
 * @param source            calling AE title, or "stow" / "import"
 * @param dataset           the data set bytes; not closed by the archive
 * @param fileMeta          extra group 0002 elements to keep in the file (Source AE Title...), or null
 */
public record IncomingInstance(String transferSyntaxUid, String sopClassUid, String sopInstanceUid, String source,
        InputStream dataset, Attributes fileMeta) {
    /** Largest file read whole when its Part 10 header is missing or incomplete (the only case that buffers). */
    static final int WHOLE_PARSE_LIMIT = 256 << 20;

    public IncomingInstance {
        Objects.requireNonNull(transferSyntaxUid, "transferSyntaxUid");
        Objects.requireNonNull(sopClassUid, "sopClassUid");
        Objects.requireNonNull(sopInstanceUid, "sopInstanceUid");
        Objects.requireNonNull(dataset, "dataset");
        source = source == null ? "" : source;
    }

    public IncomingInstance(String transferSyntaxUid, String sopClassUid, String sopInstanceUid, String source,
            InputStream dataset) {
        this(transferSyntaxUid, sopClassUid, sopInstanceUid, source, dataset, null);
    }

    /**
     * An instance from a Part 10 stream (a STOW-RS part, an imported file): the preamble and file meta are read here, the
     * rest of the stream is the data set and stays unread. A stream without preamble or meta is parsed whole (such files are
     * small and rare) and re-encoded as a data set in the syntax it was read in.
     *
     * @throws StoreException INVALID_DATASET when the stream is not DICOM or names no SOP Class/Instance UID
     */
    public static IncomingInstance fromPart10(InputStream in, String source) throws StoreException {
        try {
            PushbackInputStream pushback = new PushbackInputStream(in, 160);
            byte[] head = pushback.readNBytes(144);
            boolean part10 = head.length == 144 && head[128] == 'D' && head[129] == 'I' && head[130] == 'C' && head[131] == 'M'
                    && head[132] == 0x02 && head[133] == 0x00 && head[134] == 0x00 && head[135] == 0x00
                    && head[136] == 'U' && head[137] == 'L';
            if (!part10) {
                pushback.unread(head);
                return parsedWhole(pushback, source);
            }
            long groupLength = (head[140] & 0xFFL) | (head[141] & 0xFFL) << 8 | (head[142] & 0xFFL) << 16 | (head[143] & 0xFFL) << 24;
            if (groupLength > 1 << 20) {
                throw new StoreException(StoreException.Reason.INVALID_DATASET,
                        "The file meta group length " + groupLength + " is implausible; the stream is not a valid Part 10 file");
            }
            byte[] metaBytes = pushback.readNBytes((int) groupLength);
            if (metaBytes.length != groupLength) {
                throw new StoreException(StoreException.Reason.INVALID_DATASET, "The stream ends inside its file meta information");
            }
            Attributes meta = DicomReader.readDataset(new ByteArrayInputStream(metaBytes), "file meta",
                    TransferSyntax.of(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN), ReadOptions.INCLUDE_ALL);
            String ts = trimmed(meta.getString(Tags.TRANSFER_SYNTAX_UID));
            String sopClass = trimmed(meta.getString(Tag.MediaStorageSOPClassUID));
            String sopInstance = trimmed(meta.getString(Tag.MediaStorageSOPInstanceUID));
            if (ts == null || sopClass == null || sopInstance == null) {
                // An incomplete meta header: read the whole file and take what is missing from the data set.
                return parsedWhole(new java.io.SequenceInputStream(new ByteArrayInputStream(concat(head, metaBytes)), pushback),
                        source);
            }
            return new IncomingInstance(ts, sopClass, sopInstance, source, pushback, keptMeta(meta));
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.INVALID_DATASET, "Cannot read the Part 10 header: " + e.getMessage(), e);
        }
    }

    private static IncomingInstance parsedWhole(InputStream in, String source) throws IOException, StoreException {
        byte[] whole = in.readNBytes(WHOLE_PARSE_LIMIT + 1);
        if (whole.length > WHOLE_PARSE_LIMIT) {
            throw new StoreException(StoreException.Reason.TOO_LARGE, "A file without complete Part 10 header is read whole, and"
                    + " this one is over " + (WHOLE_PARSE_LIMIT >> 20) + " MiB; give it a file meta information (e.g. with"
                    + " lumen dicom transcode) to import it");
        }
        DicomFile file = DicomReader.read(whole, "incoming", ReadOptions.INCLUDE_ALL);
        Attributes dataset = file.dataset();
        String sopClass = trimmed(dataset.getString(Tag.SOPClassUID));
        String sopInstance = trimmed(dataset.getString(Tag.SOPInstanceUID));
        if (sopClass == null || sopInstance == null) {
            throw new StoreException(StoreException.Reason.INVALID_DATASET,
                    "The data set has no SOP Class UID or SOP Instance UID; it cannot be archived");
        }
        TransferSyntax syntax = file.transferSyntax();
        if (!file.hasPreamble() && file.fileMeta().isEmpty()) {
            // A bare data set: the bytes as they are, in the syntax the reader recognised.
            return new IncomingInstance(syntax.uid(), sopClass, sopInstance, source, new ByteArrayInputStream(whole), null);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DicomWriter.writeDataset(bytes, dataset, syntax);
        return new IncomingInstance(syntax.uid(), sopClass, sopInstance, source, new ByteArrayInputStream(bytes.toByteArray()),
                file.fileMeta().isEmpty() ? null : keptMeta(file.fileMeta()));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** The meta elements worth keeping (source/sending AE, private information); the archive sets the rest. */
    private static Attributes keptMeta(Attributes meta) {
        Attributes kept = new Attributes(false, 4);
        for (int tag : new int[] {0x00020016, 0x00020017, 0x00020018, 0x00020100, 0x00020102}) {
            int i = meta.indexOf(tag);
            if (i >= 0 && meta.valueAt(i) != null) {
                kept.setValue(tag, meta.vrAt(i), meta.valueAt(i));
            }
        }
        return kept.isEmpty() ? null : kept;
    }

    static String trimmed(String uid) {
        if (uid == null) {
            return null;
        }
        String t = uid.replace("\0", "").trim();
        return t.isEmpty() ? null : t;
    }
}
