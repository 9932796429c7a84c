package org.lumen.server.dicomweb;

import java.io.InputStream;
import java.util.List;
import java.util.stream.Stream;
import org.lumen.dicom.data.Attributes;
import org.lumen.server.archive.Archive;
import org.lumen.server.archive.IncomingInstance;
import org.lumen.server.archive.QueryLevel;
import org.lumen.server.archive.QueryOptions;
import org.lumen.server.archive.StoreException;
import org.lumen.server.archive.StoreResult;
import org.lumen.server.archive.StoredInstance;
import org.lumen.server.index.IndexColumn;

/** The DICOMweb routes over the node's {@link Archive}: QIDO through its C-FIND, STOW through its one store path. */
public final class ArchiveBackend implements DicomWebBackend {
    /** The source recorded for instances that came in by STOW-RS. */
    public static final String SOURCE = "stow";

    private final Archive archive;

    public ArchiveBackend(Archive archive) {
        this.archive = archive;
    }

    @Override
    public Stream<Attributes> search(QidoQuery query) {
        QueryLevel level = switch (query.level()) {
            case STUDY -> QueryLevel.STUDY;
            case SERIES -> QueryLevel.SERIES;
            case INSTANCE -> QueryLevel.IMAGE;
        };
        Attributes keys = query.keys();
        if (query.includeAll()) {
            for (IndexColumn c : IndexColumn.ALL) {
                if (c.level().ordinal() <= level.ordinal() && !keys.contains(c.tag())) {
                    keys.setNull(c.tag(), c.vr());
                }
            }
        }
        QueryOptions options = QueryOptions.studyRoot().withOffset(query.offset()).withLimit(query.limit())
                .withFuzzyMatching(query.fuzzy());
        try {
            return archive.find(level, keys, options);
        } catch (IllegalArgumentException e) {
            // The engine refuses keys it cannot match (a malformed range, a sequence it cannot read): the client's doing.
            throw new DicomWebException(DicomWebError.BAD_PARAMETER, null, "The query cannot be answered: " + e.getMessage(), e);
        }
    }

    @Override
    public List<InstanceLocation> locate(String studyUid, String seriesUid, String sopInstanceUid) {
        return archive.instances(studyUid, seriesUid, sopInstanceUid).stream().map(ArchiveBackend::location).toList();
    }

    private static InstanceLocation location(StoredInstance i) {
        return new InstanceLocation(i.studyInstanceUid(), i.seriesInstanceUid(), i.sopInstanceUid(), i.sopClassUid(),
                i.transferSyntaxUid(), i.path());
    }

    @Override
    public Stored store(InputStream part10) throws StoreRefusal {
        try {
            StoreResult result = archive.store(IncomingInstance.fromPart10(part10, SOURCE));
            StoredInstance i = result.instance();
            return new Stored(i.studyInstanceUid(), i.seriesInstanceUid(), i.sopClassUid(), i.sopInstanceUid());
        } catch (StoreException e) {
            throw new StoreRefusal(failureReason(e.reason()), e.getMessage(), e);
        }
    }

    /** STOW-RS FailureReason for an archive refusal (PS3.4 C.4.2.1.4 status codes). */
    static int failureReason(StoreException.Reason reason) {
        return switch (reason) {
            case INVALID_DATASET -> StowHandler.CANNOT_UNDERSTAND;
            case TOO_LARGE, STORAGE_FAILURE, UNAVAILABLE -> StowHandler.OUT_OF_RESOURCES;
            case DUPLICATE -> 0x0111;
        };
    }
}
