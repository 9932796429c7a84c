package org.lumen.cli.dicom;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.lumen.cli.BadInputException;
import org.lumen.image.nifti.NiftiWriter;
import org.lumen.image.series.SeriesIssue;
import org.lumen.image.series.SeriesOptions;
import org.lumen.image.series.SeriesVolume;
import org.lumen.image.series.SeriesVolumeBuilder;
import org.lumen.image.series.SeriesVolumeException;
import org.lumen.image.series.SpacingPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lumen dicom to-nifti SERIES_DIR OUT.nii.gz}: a series as a volume in patient coordinates, written as NIfTI-1. */
@Command(name = "to-nifti", mixinStandardHelpOptions = true,
        description = "Build a 3D volume from a DICOM series (sorted along the slice normal; gaps, irregular spacing and"
                + " mixed orientations reported) and write it as NIfTI-1 with matching qform and sform.")
public final class ToNiftiCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SERIES_DIR", description = "A folder holding the series (or one multi-frame file).")
    Path input;

    @Parameters(index = "1", paramLabel = "OUT.nii.gz", description = "Output file; gzip-compressed when the name ends in .gz.")
    Path out;

    @Option(names = "--series", paramLabel = "UID", description = "Series Instance UID to use when the folder holds several.")
    String seriesUid;

    @Option(names = "--accept-irregular-spacing",
            description = "Build a volume with the average spacing when slice spacing varies (default: refuse).")
    boolean acceptIrregular;

    @Override
    public Integer call() throws Exception {
        if (!Files.exists(input)) {
            throw new java.nio.file.NoSuchFileException(input.toString());
        }
        SeriesOptions options = SeriesOptions.DEFAULT;
        if (seriesUid != null) {
            options = options.withSeries(seriesUid);
        }
        if (acceptIrregular) {
            options = options.withSpacingPolicy(SpacingPolicy.ACCEPT_AVERAGE);
        }
        SeriesVolume series;
        try {
            series = new SeriesVolumeBuilder(options).build(input);
        } catch (SeriesVolumeException e) {
            throw new BadInputException(input + ": " + e.getMessage(), e);
        }
        for (SeriesIssue issue : series.report().warnings()) {
            System.err.println("warning: " + issue);
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        NiftiWriter.write(series.volume(), out);
        var v = series.volume();
        System.out.printf("%s: %d x %d x %d voxels from %d slices%n", out, v.nx(), v.ny(), v.nz(),
                series.report().slices().size());
        return 0;
    }
}
