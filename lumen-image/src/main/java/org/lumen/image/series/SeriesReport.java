package org.lumen.image.series;

import java.util.List;
import java.util.Objects;

/**
 * What happened when a series became a volume: the slices used, in volume order, and every issue found, including the
 * slices and files left out and why.
 *
 * @param seriesInstanceUid the series the volume was built from (null when no slice was left to choose from)
 * @param slices the slices of the volume, slice k of the volume first at index k (empty when the volume was refused)
 * @param issues warnings and errors, in the order they were found
 */
public record SeriesReport(String seriesInstanceUid, List<SliceHeader> slices, List<SeriesIssue> issues) {

    public SeriesReport {
        slices = List.copyOf(slices);
        issues = List.copyOf(issues);
    }

    public List<SeriesIssue> errors() {
        return issues.stream().filter(SeriesIssue::isError).toList();
    }

    public List<SeriesIssue> warnings() {
        return issues.stream().filter(issue -> !issue.isError()).toList();
    }

    public boolean hasErrors() {
        return issues.stream().anyMatch(SeriesIssue::isError);
    }

    /** Whether an issue of this kind was found, at any severity. */
    public boolean has(IssueKind kind) {
        return issues.stream().anyMatch(issue -> issue.kind() == kind);
    }

    /** The issues of one kind. */
    public List<SeriesIssue> issues(IssueKind kind) {
        Objects.requireNonNull(kind, "kind");
        return issues.stream().filter(issue -> issue.kind() == kind).toList();
    }

    /** One line per issue, for a command line tool or a log (no patient data: only file names, positions and UIDs). */
    public String describe() {
        StringBuilder text = new StringBuilder();
        for (SeriesIssue issue : issues) {
            text.append(issue.severity() == SeriesIssue.Severity.ERROR ? "error: " : "warning: ").append(issue.message())
                    .append('\n');
        }
        return text.toString();
    }
}
