package org.lumen.dicom.deid;

import org.lumen.dicom.data.Attributes;

/**
 * A de-identified instance: new file meta information and dataset (the input is never modified), and the report.
 *
 * @param fileMeta  group 0002 with the new Media Storage SOP Instance UID; no group length (the writer computes it)
 * @param dataset   the de-identified dataset; pixel data still refers to the original file when it was read by reference
 * @param result    what was done
 */
public record Deidentified(Attributes fileMeta, Attributes dataset, DeidentificationResult result) {
}
