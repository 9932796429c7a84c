package org.lumen.server.archive;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One archived instance as the index knows it.
 *
 * @param path   the Part 10 file (absolute)
 * @param size   its size in bytes
 * @param sha256 lower-case hex SHA-256 of the whole file
 */
public record StoredInstance(String studyInstanceUid, String seriesInstanceUid, String sopInstanceUid, String sopClassUid,
        String transferSyntaxUid, Path path, long size, String sha256, Instant receivedAt, String sourceAet) {

    public StoredInstance withReceivedAt(Instant value) {
        return new StoredInstance(studyInstanceUid, seriesInstanceUid, sopInstanceUid, sopClassUid, transferSyntaxUid, path, size,
                sha256, value, sourceAet);
    }
}
