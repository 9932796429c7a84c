package org.lumen.image.series;

import java.util.List;
import java.util.Objects;

/**
 * One finding about a series: what it is, whether it stopped the volume from being built, a message a user can act on and
 * the slices it concerns.
 *
 * @param kind what was found
 * @param severity {@link Severity#ERROR} when the volume was refused because of it
 * @param message what was found and what to do about it, naming slice positions or files; no patient data
 * @param sources the slices concerned (file name, with the frame number for multi-frame images), in stack order where
 *     there is one
 */
public record SeriesIssue(IssueKind kind, Severity severity, String message, List<String> sources) {

    /** Whether an issue stopped the volume from being built. */
    public enum Severity { WARNING, ERROR }

    public SeriesIssue {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        sources = List.copyOf(sources);
    }

    static SeriesIssue warning(IssueKind kind, String message, List<String> sources) {
        return new SeriesIssue(kind, Severity.WARNING, message, sources);
    }

    static SeriesIssue error(IssueKind kind, String message, List<String> sources) {
        return new SeriesIssue(kind, Severity.ERROR, message, sources);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return severity + " " + kind + ": " + message;
    }
}
