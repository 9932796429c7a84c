package org.lumen.cli.quant;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.lumen.cli.BadInputException;
import org.lumen.image.Volume;
import org.lumen.image.nifti.NiftiException;
import org.lumen.image.nifti.NiftiReader;
import org.lumen.image.series.SeriesVolumeBuilder;
import org.lumen.image.series.SeriesVolumeException;

/** Reads a scan given on the command line: a NIfTI file, or a folder (or file) of one DICOM series. */
final class ScanFiles {
    private ScanFiles() {
    }

    static Volume read(Path path, String role) {
        if (!Files.exists(path)) {
            throw new BadInputException(role + " " + path + " does not exist");
        }
        String name = path.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        try {
            if (Files.isRegularFile(path) && (name.endsWith(".nii") || name.endsWith(".nii.gz") || name.endsWith(".hdr"))) {
                return NiftiReader.read(path);
            }
            return SeriesVolumeBuilder.fromFolder(path).volume();
        } catch (NiftiException | SeriesVolumeException | IOException e) {
            throw new BadInputException(role + " " + path + " cannot be read as NIfTI or a DICOM series: " + e.getMessage(), e);
        }
    }
}
