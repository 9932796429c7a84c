package org.lumen.net;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.data.VR;
import org.lumen.dicom.io.DicomFile;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.DicomWriter;
import org.lumen.dicom.io.Part10Layout;
import org.lumen.dicom.io.ReadOptions;
import org.lumen.dicom.io.TransferSyntax;
import org.lumen.dicom.pixel.EncodeOptions;
import org.lumen.dicom.pixel.FrameEncoder;
import org.lumen.dicom.pixel.FrameEncoders;
import org.lumen.dicom.pixel.PixelDataException;
import org.lumen.dicom.transcode.Transcoder;
import org.lumen.net.pdu.PresentationContext;

/**
 * C-STORE of stored instances over an SCU association, in the syntax they are stored in when the peer accepted it (the data
 * set streams from disk as it lies, never held in memory), otherwise transcoded with {@link Transcoder} into one the peer
 * accepted for the SOP class. Transcoding never adds a lossy step unless allowed ({@link #allowLossy}): decoding a lossy
 * syntax to a native one loses nothing more and is always allowed, encoding into a lossy syntax is not. Used by
 * {@code lumen dicom send} and for C-MOVE sub-operations.
 *
 * <p>Thread-safe: one instance may serve several associations at once.
 */
public final class TranscodingStore {
    /** The native syntaxes proposed beside an instance's own (storescu's default). */
    public static final List<String> UNCOMPRESSED = List.of(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
            TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);

    /** One C-STORE done: the peer's response, the syntax the data set crossed the wire in, its size on the wire. */
    public record Result(DimseResponse response, String sentTransferSyntax, boolean transcoded, long bytes) {
    }

    /** The instance cannot be sent in any syntax the peer accepted without a step the options forbid. */
    public static final class TranscodingRefusedException extends IOException {
        private static final long serialVersionUID = 1L;

        public TranscodingRefusedException(String message) {
            super(message);
        }
    }

    private final boolean allowLossy;
    private final EncodeOptions encodeOptions;
    private final LongConsumer progress;

    private TranscodingStore(boolean allowLossy, EncodeOptions encodeOptions, LongConsumer progress) {
        this.allowLossy = allowLossy;
        this.encodeOptions = encodeOptions;
        this.progress = progress;
    }

    /** Lossless transcoding only, default encoder options, no progress reporting. */
    public static TranscodingStore lossless() {
        return new TranscodingStore(false, EncodeOptions.DEFAULT, n -> { });
    }

    /** Whether encoding into a lossy syntax (JPEG baseline, JPEG 2000 irreversible...) is allowed. */
    public TranscodingStore allowLossy(boolean allow) {
        return new TranscodingStore(allow, encodeOptions, progress);
    }

    public TranscodingStore withEncodeOptions(EncodeOptions options) {
        return new TranscodingStore(allowLossy, options, progress);
    }

    /** Told the number of data set bytes each time some went to the peer (from any thread). */
    public TranscodingStore withProgress(LongConsumer bytesSent) {
        return new TranscodingStore(allowLossy, encodeOptions, bytesSent);
    }

    // ------------------------------------------------------------------ what to propose

    /**
     * Presentation contexts for these instances, as storescu proposes by default: per SOP class one context for each syntax
     * the instances are stored in, and one with {@code fallback} (e.g. {@link #UNCOMPRESSED}) unless those were all already
     * proposed alone. The caller splits its instances over several associations when this exceeds 128.
     */
    public static List<PresentationContext> contextsFor(Collection<RetrieveService.Instance> instances, List<String> fallback) {
        Map<String, Set<String>> syntaxes = new LinkedHashMap<>();
        for (RetrieveService.Instance instance : instances) {
            syntaxes.computeIfAbsent(instance.sopClassUid(), k -> new LinkedHashSet<>()).add(instance.transferSyntaxUid());
        }
        List<PresentationContext> out = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : syntaxes.entrySet()) {
            for (String ts : e.getValue()) {
                out.add(PresentationContext.proposed(out.size() * 2 + 1, e.getKey(), ts));
            }
            if (!fallback.isEmpty() && !(fallback.size() == 1 && e.getValue().contains(fallback.get(0)))) {
                out.add(PresentationContext.proposed(out.size() * 2 + 1, e.getKey(), fallback.toArray(String[]::new)));
            }
        }
        return out;
    }

    /** The number of contexts {@link #contextsFor} proposes for one SOP class stored in {@code storedSyntaxes}. */
    public static int contextCount(Set<String> storedSyntaxes, List<String> fallback) {
        return storedSyntaxes.size()
                + (!fallback.isEmpty() && !(fallback.size() == 1 && storedSyntaxes.contains(fallback.get(0))) ? 1 : 0);
    }

    // ------------------------------------------------------------------ instances from files

    /**
     * A Part 10 file (or a bare data set file) as an instance to send: UIDs from its meta information (or data set), the
     * syntax its data set bytes are really in, and a source that opens the file at its data set.
     *
     * @throws org.lumen.dicom.io.DicomParseException when it is not DICOM
     * @throws IOException when it names no SOP class or instance, or cannot be read
     */
    public static RetrieveService.Instance fromFile(Path file) throws IOException {
        DicomFile header = DicomReader.read(file, ReadOptions.HEADER_ONLY);
        Attributes meta = header.fileMeta();
        Attributes ds = header.dataset();
        // the data set's UIDs first, as storescu does: a meta header may disagree (pydicom's rtplan.dcm), and a peer
        // checks the C-STORE's Affected SOP Instance UID against the data set (Orthanc answers A900)
        String cuid = firstNonBlank(ds.getString(Tag.SOPClassUID), meta.getString(Tag.MediaStorageSOPClassUID));
        String iuid = firstNonBlank(ds.getString(Tag.SOPInstanceUID), meta.getString(Tag.MediaStorageSOPInstanceUID));
        if (cuid == null || iuid == null) {
            throw new IOException(file + ": names no SOP Class UID or SOP Instance UID; not an instance that can be stored");
        }
        String declared = meta.getString(Tag.TransferSyntaxUID);
        declared = declared == null ? null : declared.trim();
        TransferSyntax real = header.transferSyntax();
        String syntax;
        if (declared != null && TransferSyntax.isKnown(declared) && TransferSyntax.of(declared).explicitVR() == real.explicitVR()) {
            syntax = declared;
        } else if (!real.bigEndian() && !real.deflated() && !real.encapsulated()) {
            // no meta, or a meta header that contradicts the data (implicit VR under an explicit UID): the bytes decide
            syntax = real.explicitVR() ? TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN : TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN;
        } else if (declared != null && !TransferSyntax.isKnown(declared)) {
            syntax = declared;                   // a private compressed syntax: send as stored, the peer may know it
        } else {
            syntax = real.uid();
        }
        return new RetrieveService.Instance(cuid.trim(), iuid.trim(), syntax, () -> Part10Layout.openDataset(file));
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : b != null && !b.isBlank() ? b : null;
    }

    // ------------------------------------------------------------------ sending

    public Result store(Association association, RetrieveService.Instance instance) throws IOException {
        return store(association, instance, null, -1);
    }

    /**
     * C-STORE of one instance, as stored or transcoded (see the class comment).
     *
     * @param moveOriginatorAe for a C-MOVE sub-operation, the AE that asked for it (else null)
     * @throws NoPresentationContextException when the peer refused the SOP class
     * @throws TranscodingRefusedException when no accepted syntax can be reached under the options
     * @throws IOException when the association fails, or the data set cannot be read or decoded
     */
    public Result store(Association association, RetrieveService.Instance instance, String moveOriginatorAe,
            int moveOriginatorMessageId) throws IOException {
        String cuid = instance.sopClassUid();
        String stored = instance.transferSyntaxUid();
        if (association.context(cuid, stored) != null) {
            try (CountingStream in = new CountingStream(instance.dataSet().open(), progress)) {
                DimseResponse rsp = association.store(cuid, instance.sopInstanceUid(), stored, in, moveOriginatorAe,
                        moveOriginatorMessageId);
                return new Result(rsp, stored, false, in.count);
            }
        }
        List<String> accepted = association.acceptedContexts().stream().filter(pc -> pc.abstractSyntax().equals(cuid))
                .map(AcceptedContext::transferSyntax).distinct().toList();
        if (accepted.isEmpty()) {
            throw new NoPresentationContextException(cuid, null, List.of());
        }
        String target = chooseTarget(stored, accepted);
        Attributes transcoded = transcode(instance, target);
        try (CountingStream in = new CountingStream(encoded(transcoded, target), progress)) {
            DimseResponse rsp = association.store(cuid, instance.sopInstanceUid(), target, in, moveOriginatorAe,
                    moveOriginatorMessageId);
            return new Result(rsp, target, true, in.count);
        }
    }

    /**
     * The accepted syntax to transcode {@code stored} into: native first (explicit, then implicit little endian, then the
     * others), then encapsulated ones Lumen can encode, lossless before lossy; lossy encoding only when allowed.
     */
    String chooseTarget(String stored, List<String> accepted) throws TranscodingRefusedException {
        List<String> ranked = new ArrayList<>(accepted);
        ranked.sort((a, b) -> Integer.compare(rank(a), rank(b)));
        List<String> why = new ArrayList<>();
        for (String candidate : ranked) {
            TransferSyntax ts = TransferSyntax.of(candidate);
            if (!TransferSyntax.isKnown(candidate) || ts.video()) {
                why.add(candidate + " (cannot write)");
                continue;
            }
            if (ts.isNative()) {
                return candidate;
            }
            FrameEncoder encoder = FrameEncoders.standard().canEncode(ts) ? FrameEncoders.standard().forTransferSyntax(ts) : null;
            if (encoder == null) {
                why.add(ts.name() + " (no encoder)");
            } else if (encoder.lossy(candidate, encodeOptions) && !allowLossy) {
                why.add(ts.name() + " (lossy; not allowed)");
            } else {
                return candidate;
            }
        }
        throw new TranscodingRefusedException("The peer accepted no transfer syntax this instance can be sent in: stored as "
                + TransferSyntax.of(stored).name() + "; accepted " + String.join(", ", why));
    }

    private int rank(String uid) {
        TransferSyntax ts = TransferSyntax.of(uid);
        if (uid.equals(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)) {
            return 0;
        }
        if (uid.equals(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN)) {
            return 1;
        }
        if (ts.isNative()) {
            return 2;
        }
        return ts.lossy() ? 4 : 3;
    }

    private Attributes transcode(RetrieveService.Instance instance, String target) throws IOException {
        TransferSyntax source = TransferSyntax.of(instance.transferSyntaxUid());
        Attributes dataset;
        try (InputStream in = instance.dataSet().open()) {
            dataset = DicomReader.readDataset(in, instance.sopInstanceUid(), source, ReadOptions.INCLUDE_ALL);
        }
        Attributes meta = new Attributes();
        meta.setString(Tag.TransferSyntaxUID, VR.UI, source.uid());
        DicomFile file = new DicomFile(instance.sopInstanceUid(), null, false, meta, dataset, source, List.of());
        try {
            return Transcoder.transcode(file, target, encodeOptions);
        } catch (PixelDataException | IllegalArgumentException e) {
            throw new TranscodingRefusedException("Cannot transcode from " + source.name() + " to "
                    + TransferSyntax.of(target).name() + ": " + e.getMessage());
        }
    }

    /** The data set encoded in {@code target}, streamed through a pipe so that it is never held twice in memory. */
    private static InputStream encoded(Attributes dataset, String target) throws IOException {
        PipedInputStream in = new PipedInputStream(256 * 1024);
        PipedOutputStream out = new PipedOutputStream(in);
        IOException[] failure = new IOException[1];
        Thread writer = new Thread(() -> {
            try (out) {
                DicomWriter.writeDataset(out, dataset, TransferSyntax.of(target));
            } catch (IOException | RuntimeException e) {
                failure[0] = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
            }
        }, "lumen-transcode-writer");
        writer.setDaemon(true);
        writer.start();
        return new FilterInputStream(in) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n < 0) {
                    join();
                }
                return n;
            }

            @Override
            public int read() throws IOException {
                int n = super.read();
                if (n < 0) {
                    join();
                }
                return n;
            }

            private void join() throws IOException {
                try {
                    writer.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (failure[0] != null) {
                    throw new IOException("Encoding the transcoded data set failed: " + failure[0].getMessage(), failure[0]);
                }
            }

            @Override
            public void close() throws IOException {
                super.close();
                writer.interrupt();
            }
        };
    }

    /** Counts the bytes read and reports them as they go. */
    private static final class CountingStream extends FilterInputStream {
        private final LongConsumer progress;
        private long count;

        CountingStream(InputStream in, LongConsumer progress) {
            super(in);
            this.progress = progress;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
                progress.accept(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
                progress.accept(n);
            }
            return n;
        }

        @Override
        public long transferTo(java.io.OutputStream out) throws IOException {
            byte[] buffer = new byte[65536];
            long total = 0;
            int n;
            while ((n = read(buffer, 0, buffer.length)) >= 0) {
                out.write(buffer, 0, n);
                total += n;
            }
            return total;
        }
    }
}
