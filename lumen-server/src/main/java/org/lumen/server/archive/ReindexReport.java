package org.lumen.server.archive;

import java.util.List;

/**
 * What {@link Archive#reindex} did.
 *
 * @param files    files found under {@code files/}
 * @param indexed  instances indexed from them
 * @param problems files that could not be indexed, each with the reason (relative path: reason)
 */
public record ReindexReport(int files, int indexed, List<String> problems) {
    public ReindexReport {
        problems = List.copyOf(problems);
    }
}
