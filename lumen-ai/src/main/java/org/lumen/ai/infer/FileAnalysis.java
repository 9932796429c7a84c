package org.lumen.ai.infer;

import java.util.List;

/**
 * What {@link Analyzer} made of one file.
 *
 * @param file    the file as given (or found in the folder given)
 * @param status  {@link Status}
 * @param image   the image in a few words ("2D DICOM CR images of the CHEST"), null when unreadable
 * @param results one per model run, in model-name order (empty unless analysed)
 * @param reason  why nothing was run or what failed; null when analysed
 */
public record FileAnalysis(String file, Status status, String image, List<ModelResult> results, String reason) {

    public enum Status {
        /** At least one model ran. */
        ANALYSED,
        /** The file is an image, but no installed model accepts it. */
        NOT_APPLICABLE,
        /** The file is not an image Lumen can read. */
        UNREADABLE,
        /** A model failed on a readable image. */
        FAILED
    }

    public FileAnalysis {
        results = List.copyOf(results);
    }
}
