package org.lumen.cli.quant;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.lumen.cli.BadInputException;
import org.lumen.image.Volume;
import org.lumen.image.nifti.NiftiException;
import org.lumen.image.nifti.NiftiReader;
import org.lumen.image.roi.LabelMaps;
import org.lumen.image.series.SeriesVolume;
import org.lumen.image.series.SeriesVolumeBuilder;
import org.lumen.image.series.SliceHeader;
import org.lumen.image.series.SeriesVolumeException;

/**
 * The one reader of the quantitative commands' inputs: a scan (a NIfTI file, or a folder or file of one DICOM series)
 * and a label map (a NIfTI file, a 4D NIfTI time series, or a DICOM SEG). A missing file is reported as
 * "no such file: PATH"; anything unreadable as bad input naming the option or argument it came from.
 */
final class ScanFiles {
    private ScanFiles() {
    }

    /** A scan with the Frame of Reference UID of its DICOM slices (empty for NIfTI), so ROIs drawn elsewhere are refused. */
    record Scan(Volume volume, Optional<String> frameOfReferenceUid) {
    }

    /** A scan: a NIfTI file, or a folder (or file) of one DICOM series. */
    static Volume read(Path path, String role) {
        return readScan(path, role).volume();
    }

    /** A scan as {@link #read}, with its frame of reference. */
    static Scan readScan(Path path, String role) {
        requireExists(path);
        try {
            if (Files.isRegularFile(path) && isNifti(path)) {
                return new Scan(NiftiReader.read(path), Optional.empty());
            }
            SeriesVolume series = SeriesVolumeBuilder.fromFolder(path);
            List<SliceHeader> slices = series.report().slices();
            return new Scan(series.volume(), slices.isEmpty() ? Optional.empty()
                    : Optional.ofNullable(slices.get(0).frameOfReferenceUid()));
        } catch (NiftiException | SeriesVolumeException | IOException e) {
            throw new BadInputException(role + " " + path + " cannot be read as NIfTI or a DICOM series: " + e.getMessage(), e);
        }
    }

    /** One 3D label map: a NIfTI file (its voxel values are the labels) or a DICOM SEG (segment numbers). */
    static Volume labelMap(Path path, String role) {
        List<Volume> frames = labelMapFrames(path, role);
        if (frames.size() != 1) {
            throw new BadInputException(role + " " + path + " is a time series of " + frames.size() + " frames; give one"
                    + " 3D label map");
        }
        return frames.get(0);
    }

    /**
     * The frames of a label map: every frame of a NIfTI file in time order (one for a 3D file), or the one label map of
     * a DICOM SEG ({@link LabelMaps#read}).
     */
    static List<Volume> labelMapFrames(Path path, String role) {
        requireExists(path);
        try {
            if (isNifti(path)) {
                return NiftiReader.readFrames(path);
            }
            return List.of(LabelMaps.read(path));
        } catch (NiftiException | IllegalArgumentException e) {
            throw new BadInputException(role + " " + path + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new BadInputException(role + " " + path + " is not a NIfTI file (.nii, .nii.gz, .hdr) and cannot be read"
                    + " as a DICOM SEG: " + e.getMessage(), e);
        }
    }

    private static void requireExists(Path path) {
        if (!Files.exists(path)) {
            throw new UncheckedIOException(new NoSuchFileException(path.toString()));
        }
    }

    private static boolean isNifti(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".nii") || name.endsWith(".nii.gz") || name.endsWith(".hdr") || name.endsWith(".img");
    }
}
