package org.lumen.server.dicomweb;

import io.javalin.http.Context;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Sequence;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.data.VR;
import org.lumen.dicom.io.DicomFile;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.ReadOptions;
import org.lumen.dicom.json.DicomJsonWriter;
import org.lumen.dicom.xml.NativeXmlWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * STOW-RS (PS3.18 10.5): {@code POST /studies} and {@code /studies/{study}} with a multipart/related body of
 * application/dicom parts. Each part streams through the archive's one path in; the answer lists every instance in
 * ReferencedSOPSequence or FailedSOPSequence with its FailureReason: 200 when all were stored, 202 when some failed, 409
 * when none was stored.
 *
 * <p>The first {@value #PEEK} bytes of a part are kept aside and parsed for its UIDs only when needed: before storing
 * when the path names a study (a part whose header is larger is then spooled to a temporary file first), and after a
 * refusal, to name the failed instance. Memory per request is
 * bounded by that and the multipart buffer, whatever the size of the parts.
 */
final class StowHandler {
    private static final Logger LOG = LoggerFactory.getLogger(StowHandler.class);
    static final int PEEK = 64 * 1024;

    /** Failure reasons (PS3.4 C.4.2.1.4 statuses, as STOW-RS reports them). */
    static final int CANNOT_UNDERSTAND = 0xC000;
    static final int OUT_OF_RESOURCES = 0xA700;
    /** Not in PS3.4's list; the value other STOW-RS servers (Microsoft's) give for an instance of another study. */
    static final int STUDY_MISMATCH = 0xA901;
    static final int PROCESSING_FAILURE = 0x0110;

    private final DicomWebBackend backend;
    private final DicomWebConfig config;

    StowHandler(DicomWebBackend backend, DicomWebConfig config) {
        this.backend = backend;
        this.config = config;
    }

    /** The UIDs of one part, as far as they could be read. */
    private record Identity(String sopClassUid, String sopInstanceUid, String studyUid) {
    }

    void store(Context ctx) throws IOException {
        String study = ctx.pathParamMap().containsKey("study") ? Uids.check("study", ctx.pathParam("study")) : null;
        boolean xml = responseIsXml(AcceptHeader.parse(ctx.header("Accept")));
        String boundary = boundaryOf(ctx.header("Content-Type"));
        String base = BaseUrl.of(ctx, config);
        Attributes response = new Attributes();
        response.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        Sequence referenced = response.newSequence(Tag.ReferencedSOPSequence);
        Sequence failed = response.newSequence(Tag.FailedSOPSequence);
        MultipartReader reader = new MultipartReader(ctx.req().getInputStream(), boundary);
        int parts = 0;
        boolean lastFailed = false;
        String onlyStudy = study;
        boolean manyStudies = false;
        while (true) {
            MultipartReader.Part part;
            try {
                part = reader.next();
            } catch (MultipartReader.MultipartException e) {
                if (parts == 0) {
                    throw new DicomWebException(DicomWebError.BAD_REQUEST, "Content-Type", "The body is not valid "
                            + "multipart/related: " + e.getMessage(), e);
                }
                // The body broke after some parts: report what was stored, and the break as a failure unless the
                // part it cut already failed for it.
                if (!lastFailed) {
                    addFailure(failed, new Identity(null, null, null), CANNOT_UNDERSTAND);
                }
                LOG.warn("STOW-RS: body cut after {} part(s): {}", parts, e.getMessage());
                break;
            }
            if (part == null) {
                break;
            }
            parts++;
            String partType = part.contentType();
            if (partType != null && !MediaType.parse(partType).essence().equals(WadoHandler.DICOM)) {
                LOG.info("STOW-RS: part {} is {}, not application/dicom", parts, partType);
                addFailure(failed, new Identity(null, null, null), CANNOT_UNDERSTAND);
                lastFailed = true;
                continue;
            }
            DicomWebBackend.Stored id;
            try {
                id = storeOne(part.body(), study, failed, parts);
            } catch (MultipartReader.MultipartException e) {
                addFailure(failed, new Identity(null, null, null), CANNOT_UNDERSTAND);
                LOG.warn("STOW-RS: body cut inside part {}: {}", parts, e.getMessage());
                break;
            }
            lastFailed = id == null;
            if (id != null) {
                Attributes item = referenced.addItem();
                item.setString(Tag.ReferencedSOPClassUID, VR.UI, id.sopClassUid());
                item.setString(Tag.ReferencedSOPInstanceUID, VR.UI, id.sopInstanceUid());
                item.setString(Tag.RetrieveURL, VR.UR, BaseUrl.instance(base, id.studyUid(), id.seriesUid(), id.sopInstanceUid()));
                if (onlyStudy == null) {
                    onlyStudy = id.studyUid();
                } else if (!onlyStudy.equals(id.studyUid())) {
                    manyStudies = true;
                }
            }
        }
        if (parts == 0) {
            throw new DicomWebException(DicomWebError.BAD_REQUEST, null, "The multipart body holds no part", null);
        }
        if (onlyStudy != null && !manyStudies) {
            response.setString(Tag.RetrieveURL, VR.UR, BaseUrl.study(base, onlyStudy));
        }
        int status = failed.isEmpty() ? 200 : referenced.isEmpty() ? 409 : 202;
        LOG.info("STOW-RS: {} part(s), {} stored, {} failed", parts, referenced.size(), failed.size());
        ctx.status(status).contentType(xml ? QidoHandler.XML : QidoHandler.JSON);
        OutputStream out = ctx.outputStream();
        if (xml) {
            new NativeXmlWriter().write(response, out);
        } else {
            new DicomJsonWriter().write(response, out);
        }
        out.flush();
    }

    /** Stores one part; returns what the archive stored, or records a failure and returns null. */
    private DicomWebBackend.Stored storeOne(InputStream body, String study, Sequence failed, int partNumber) throws IOException {
        InputStream limited = config.maxStowPartBytes() > 0 ? new LimitedInputStream(body, config.maxStowPartBytes()) : body;
        byte[] prefix;
        try {
            prefix = limited.readNBytes(PEEK);
        } catch (PartTooLarge e) {
            addFailure(failed, new Identity(null, null, null), OUT_OF_RESOURCES);
            return null;
        }
        boolean whole = prefix.length < PEEK;
        if (study == null) {
            return storeUnchecked(prefix, whole, limited, failed, partNumber);
        }
        Path spool = null;
        try {
            Identity id = identify(prefix, partNumber, whole);
            InputStream toStore;
            if (id == null) {
                // The header did not fit in the prefix: spool the part to read its header from disk.
                spool = Files.createTempFile("lumen-stow-", ".dcm");
                try (OutputStream out = Files.newOutputStream(spool)) {
                    out.write(prefix);
                    limited.transferTo(out);
                }
                id = identify(spool, partNumber);
                if (id == null) {
                    addFailure(failed, new Identity(null, null, null), CANNOT_UNDERSTAND);
                    return null;
                }
                toStore = Files.newInputStream(spool);
            } else {
                toStore = new SequenceInputStream(new ByteArrayInputStream(prefix), limited);
            }
            if (id.sopInstanceUid() == null || id.sopClassUid() == null) {
                LOG.info("STOW-RS: part {} names no SOP Class or Instance UID", partNumber);
                addFailure(failed, id, CANNOT_UNDERSTAND);
                return null;
            }
            if (study != null && !study.equals(id.studyUid())) {
                LOG.info("STOW-RS: part {} ({}) belongs to another study than the path's", partNumber, id.sopInstanceUid());
                addFailure(failed, id, STUDY_MISMATCH);
                return null;
            }
            try (InputStream in = toStore) {
                return backend.store(in);
            } catch (DicomWebBackend.StoreRefusal e) {
                LOG.info("STOW-RS: part {} ({}) refused: {}", partNumber, id.sopInstanceUid(), e.getMessage());
                addFailure(failed, id, e.failureReason());
                return null;
            }
        } catch (PartTooLarge e) {
            LOG.info("STOW-RS: part {} is larger than the configured {} bytes", partNumber, config.maxStowPartBytes());
            addFailure(failed, new Identity(null, null, null), OUT_OF_RESOURCES);
            return null;
        } finally {
            if (spool != null) {
                Files.deleteIfExists(spool);
            }
        }
    }

    /**
     * Stores a part with no study to check against: straight to the archive, the prefix parsed only when the archive
     * refuses the part, to name it in the failure.
     */
    private DicomWebBackend.Stored storeUnchecked(byte[] prefix, boolean whole, InputStream rest, Sequence failed,
            int partNumber) throws IOException {
        try (InputStream in = new SequenceInputStream(new ByteArrayInputStream(prefix), rest)) {
            return backend.store(in);
        } catch (DicomWebBackend.StoreRefusal e) {
            Identity id = identify(prefix, partNumber, whole);
            id = id == null ? new Identity(null, null, null) : id;
            LOG.info("STOW-RS: part {} ({}) refused: {}", partNumber, id.sopInstanceUid(), e.getMessage());
            addFailure(failed, id, e.failureReason());
            return null;
        } catch (PartTooLarge e) {
            LOG.info("STOW-RS: part {} is larger than the configured {} bytes", partNumber, config.maxStowPartBytes());
            addFailure(failed, new Identity(null, null, null), OUT_OF_RESOURCES);
            return null;
        }
    }

    /**
     * The UIDs from the first bytes of a part; null when the header runs past them (and the part is longer). A part that
     * is whole and does not parse is an identity of nulls, which fails as "cannot understand".
     */
    private static Identity identify(byte[] prefix, int partNumber, boolean whole) {
        try {
            DicomFile file = DicomReader.read(prefix, "STOW-RS part " + partNumber, ReadOptions.HEADER_ONLY);
            Identity id = identity(file);
            if (!whole && (id.sopInstanceUid() == null || id.studyUid() == null)) {
                return null;
            }
            return id;
        } catch (IOException | RuntimeException e) {
            if (!whole) {
                return null;
            }
            LOG.info("STOW-RS: part {} is not a DICOM file: {}", partNumber, e.getMessage());
            return new Identity(null, null, null);
        }
    }

    private static Identity identify(Path file, int partNumber) {
        try {
            return identity(DicomReader.read(file, ReadOptions.HEADER_ONLY));
        } catch (IOException | RuntimeException e) {
            LOG.info("STOW-RS: part {} is not a DICOM file: {}", partNumber, e.getMessage());
            return null;
        }
    }

    private static Identity identity(DicomFile file) {
        Attributes meta = file.fileMeta();
        Attributes ds = file.dataset();
        String sopClass = first(ds.getString(Tag.SOPClassUID), meta == null ? null : meta.getString(Tag.MediaStorageSOPClassUID));
        String sop = first(ds.getString(Tag.SOPInstanceUID), meta == null ? null : meta.getString(Tag.MediaStorageSOPInstanceUID));
        return new Identity(sopClass, sop, ds.getString(Tag.StudyInstanceUID));
    }

    private static String first(String a, String b) {
        return a != null && !a.isBlank() ? a.trim() : b != null && !b.isBlank() ? b.trim() : null;
    }

    private static void addFailure(Sequence failed, Identity id, int reason) {
        Attributes item = failed.addItem();
        if (id.sopClassUid() != null) {
            item.setString(Tag.ReferencedSOPClassUID, VR.UI, id.sopClassUid());
        }
        if (id.sopInstanceUid() != null) {
            item.setString(Tag.ReferencedSOPInstanceUID, VR.UI, id.sopInstanceUid());
        }
        item.setInt(Tag.FailureReason, VR.US, reason);
    }

    /** The response is DICOM JSON unless the client prefers application/dicom+xml; 406 when it takes neither. */
    private static boolean responseIsXml(AcceptHeader accept) {
        String chosen = accept.firstSingle(java.util.List.of(QidoHandler.JSON, QidoHandler.XML, "application/json"));
        if (chosen == null) {
            throw DicomWebException.notAcceptable(accept.raw(), QidoHandler.JSON + " or " + QidoHandler.XML);
        }
        return chosen.equals(QidoHandler.XML);
    }

    /** The boundary of a multipart/related application/dicom request; 415 for any other Content-Type. */
    static String boundaryOf(String contentType) {
        if (contentType == null) {
            throw new DicomWebException(DicomWebError.UNSUPPORTED_MEDIA_TYPE, "Content-Type", "STOW-RS needs Content-Type "
                    + "multipart/related; type=\"application/dicom\"; boundary=...", null);
        }
        MediaType type;
        try {
            type = MediaType.parse(contentType);
        } catch (IllegalArgumentException e) {
            throw new DicomWebException(DicomWebError.BAD_REQUEST, "Content-Type", e.getMessage(), e);
        }
        String partType = type.parameter("type");
        if (!type.isMultipartRelated() || (partType != null && !MediaType.parse(partType).essence().equals(WadoHandler.DICOM))) {
            throw new DicomWebException(DicomWebError.UNSUPPORTED_MEDIA_TYPE, "Content-Type", "STOW-RS accepts "
                    + "multipart/related; type=\"application/dicom\", not " + contentType, null);
        }
        String boundary = type.parameter("boundary");
        if (boundary == null || boundary.isEmpty()) {
            throw new DicomWebException(DicomWebError.BAD_REQUEST, "Content-Type", "The multipart Content-Type has no "
                    + "boundary parameter", null);
        }
        return boundary;
    }

    /** Thrown when a part passes the configured size. */
    private static final class PartTooLarge extends IOException {
        PartTooLarge(long max) {
            super("The part is larger than " + max + " bytes");
        }
    }

    private static final class LimitedInputStream extends FilterInputStream {
        private final long max;
        private long count;

        LimitedInputStream(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && ++count > max) {
                throw new PartTooLarge(max);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0 && (count += n) > max) {
                throw new PartTooLarge(max);
            }
            return n;
        }
    }
}
