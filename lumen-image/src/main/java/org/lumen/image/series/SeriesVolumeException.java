package org.lumen.image.series;

import java.util.stream.Collectors;

/**
 * A series that cannot be made into a volume without guessing. The message lists every error; {@link #report()} holds
 * them as data together with the warnings.
 */
public class SeriesVolumeException extends Exception {
    private final transient SeriesReport report;

    public SeriesVolumeException(String input, SeriesReport report) {
        super(message(input, report));
        this.report = report;
    }

    public SeriesVolumeException(String input, SeriesReport report, Throwable cause) {
        super(message(input, report), cause);
        this.report = report;
    }

    /** The errors that stopped the build and the warnings found before. */
    public SeriesReport report() {
        return report;
    }

    private static String message(String input, SeriesReport report) {
        return "Cannot build a volume from " + input + ": " + report.errors().stream().map(SeriesIssue::message)
                .collect(Collectors.joining("; "));
    }
}
