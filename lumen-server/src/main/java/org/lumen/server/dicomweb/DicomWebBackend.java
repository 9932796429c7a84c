package org.lumen.server.dicomweb;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.lumen.dicom.data.Attributes;

/**
 * What the DICOMweb routes need of the archive, in their own terms. {@link ArchiveBackend} adapts the node's
 * {@code Archive}; keeping this seam small lets the routes be read (and tested) without the archive's internals.
 */
public interface DicomWebBackend {

    /** C-FIND matching of the query's identifier at its level, paged; each result holds the requested return keys. */
    Stream<Attributes> search(QidoQuery query);

    /**
     * The stored instances under a study, optionally narrowed to a series and an instance, in series then instance order;
     * empty when nothing matches.
     */
    List<InstanceLocation> locate(String studyUid, String seriesUid, String sopInstanceUid);

    /** Stores one Part 10 stream through the archive's single path in; returns only once the instance is durable. */
    Stored store(InputStream part10) throws StoreRefusal, IOException;

    /** Where one stored instance is and in which transfer syntax its file is written. */
    record InstanceLocation(String studyUid, String seriesUid, String sopInstanceUid, String sopClassUid,
            String transferSyntaxUid, Path path) {
    }

    /** An instance the archive has made durable. */
    record Stored(String studyUid, String seriesUid, String sopClassUid, String sopInstanceUid) {
    }

    /** The archive refused an instance; {@code failureReason} is the DICOM status for the STOW-RS FailureReason. */
    final class StoreRefusal extends Exception {
        private final int failureReason;

        public StoreRefusal(int failureReason, String message, Throwable cause) {
            super(message, cause);
            this.failureReason = failureReason;
        }

        public int failureReason() {
            return failureReason;
        }
    }
}
