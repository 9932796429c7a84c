package org.lumen.server.archive;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link Archive#verify} found.
 *
 * @param checked    indexed instances whose file was read and hashed
 * @param mismatches indexed instances whose file hash or size differs from the index
 * @param missing    indexed instances whose file is gone
 * @param unindexed  files under {@code files/} that no index row names
 */
public record VerifyReport(int checked, List<Problem> mismatches, List<Problem> missing, List<Path> unindexed) {
    public record Problem(String sopInstanceUid, Path path, String detail) {
    }

    public VerifyReport {
        mismatches = List.copyOf(mismatches);
        missing = List.copyOf(missing);
        unindexed = List.copyOf(unindexed);
    }

    public boolean clean() {
        return mismatches.isEmpty() && missing.isEmpty() && unindexed.isEmpty();
    }
}
