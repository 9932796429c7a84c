package org.lumen.ai.infer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.lumen.ai.model.ModelManifest;
import org.lumen.image.Volume;

/**
 * Writes a label map made on a DICOM series as a DICOM Segmentation object. lumen-ai does not write DICOM SEG itself (the
 * writer is lumen-report's, a sibling module), so whoever runs the {@link Analyzer} and stands on both hands one in.
 */
@FunctionalInterface
public interface DicomSegOutput {
    /**
     * @param model       the segmentation model that made the label map (its labels, codes, name and version)
     * @param labels      the label map on the grid the series' slices make
     * @param sourceFiles the series' slice files
     * @param file        where to write the SEG
     */
    void write(ModelManifest model, Volume labels, List<Path> sourceFiles, Path file) throws IOException;
}
