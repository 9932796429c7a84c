package org.lumen.dicom.deid;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.lumen.dicom.deid.DeidentificationResult.Outcome;

/**
 * What folder mode did.
 *
 * @param written    instances de-identified and handed to the sink
 * @param refused    instances refused (burned-in annotation)
 * @param skipped    files that are not readable DICOM, and DICOMDIRs (they must be rebuilt from the new files)
 * @param withWarnings instances written whose result carries warnings
 * @param totals     element outcomes summed over the written instances
 * @param problems   one line per refused or skipped file: its path relative to the input folder and the reason. Paths are
 *                   the caller's own folder and file names, which Lumen copies to the output as they are.
 */
public record TreeResult(int written, int refused, int skipped, int withWarnings, Map<Outcome, Integer> totals,
        List<String> problems) {
    public TreeResult {
        EnumMap<Outcome, Integer> copy = new EnumMap<>(Outcome.class);
        copy.putAll(totals);
        totals = Collections.unmodifiableMap(copy);
        problems = List.copyOf(problems);
    }
}
