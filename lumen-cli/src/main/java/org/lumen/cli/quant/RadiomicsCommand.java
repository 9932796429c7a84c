package org.lumen.cli.quant;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.lumen.cli.BadInputException;
import org.lumen.image.Volume;
import org.lumen.image.nifti.NiftiException;
import org.lumen.image.nifti.NiftiReader;
import org.lumen.image.radiomics.FeatureFamilies;
import org.lumen.image.radiomics.FeatureTable;
import org.lumen.image.radiomics.RadiomicsConfig;
import org.lumen.image.radiomics.RadiomicsPipeline;
import org.lumen.image.radiomics.RadiomicsSettings;
import org.lumen.image.roi.RoiMasks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lumen radiomics --image IMG --mask MASK --config NAME --csv OUT [--roi NAME]}: IBSI 1 features of an ROI, one
 * {@code tag,value} row per feature named by its IBSI tag (the exact contract of issue 6), and the time taken on stdout.
 */
@Command(name = "radiomics", mixinStandardHelpOptions = true,
        description = "IBSI 1 radiomics features of a region of interest, written as CSV (tag,value) with IBSI tags.")
public final class RadiomicsCommand implements Callable<Integer> {
    @Option(names = "--image", required = true, paramLabel = "IMG",
            description = "The image: a NIfTI file (.nii, .nii.gz) or a folder holding one DICOM series.")
    Path image;

    @Option(names = "--mask", required = true, paramLabel = "MASK",
            description = "The ROI: a NIfTI mask (voxels of 0.5 or more inside), or DICOM RTSTRUCT / SEG where supported.")
    Path mask;

    @Option(names = "--config", required = true, paramLabel = "NAME",
            description = "An IBSI reference configuration (digital-phantom, A, B, C, D, E) or a settings file.")
    String config;

    @Option(names = "--csv", required = true, paramLabel = "OUT", description = "Where to write the features (tag,value).")
    Path csv;

    @Option(names = "--roi", paramLabel = "NAME", description = "The ROI to take from an RTSTRUCT or SEG holding several.")
    String roi;

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        RadiomicsConfig configuration = configuration();
        ScanFiles.Scan scan = ScanFiles.readScan(image, "--image");
        Volume imageVolume = scan.volume();
        Volume maskVolume = readMask(scan);
        long computeStart = System.nanoTime();
        FeatureTable features;
        try {
            features = RadiomicsPipeline.run(imageVolume, maskVolume, configuration);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        long computed = System.nanoTime();
        write(features);
        if (!FeatureFamilies.unavailable().isEmpty()) {
            System.err.println("note: feature families not in this build: " + String.join(", ", FeatureFamilies.unavailable()));
        }
        System.out.printf(Locale.ROOT, "%d features in %.2f s (%.2f s with reading and writing)%n", features.size(),
                (computed - computeStart) / 1e9, (System.nanoTime() - start) / 1e9);
        return 0;
    }

    private RadiomicsConfig configuration() throws IOException {
        boolean reference = RadiomicsConfig.REFERENCE_NAMES.stream().anyMatch(n -> n.equalsIgnoreCase(config));
        try {
            if (reference) {
                return RadiomicsConfig.named(config);
            }
            Path file = Path.of(config);
            if (!Files.isRegularFile(file)) {
                throw new BadInputException("--config " + config + " is neither an IBSI configuration ("
                        + String.join(", ", RadiomicsConfig.REFERENCE_NAMES) + ") nor a settings file");
            }
            return RadiomicsSettings.read(file);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), e);
        }
    }

    private Volume readMask(ScanFiles.Scan scan) throws IOException {
        if (!Files.exists(mask)) {
            throw new NoSuchFileException(mask.toString());
        }
        try {
            return RoiMasks.load(mask, scan.volume(), Optional.ofNullable(roi), scan.frameOfReferenceUid());
        } catch (NiftiException e) {
            throw new BadInputException(e.getMessage(), e);
        } catch (IOException | IllegalArgumentException e) {
            throw new BadInputException("--mask " + mask + ": " + e.getMessage(), e);
        }
    }

    private void write(FeatureTable features) throws IOException {
        Path parent = csv.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("tag,value\n");
            for (Map.Entry<String, Double> e : features.asMap().entrySet()) {
                out.write(e.getKey());
                out.write(',');
                out.write(format(e.getValue()));
                out.write('\n');
            }
        }
    }

    /** Full precision (the shortest text that reads back as the same double); whole numbers without ".0"; NaN as NaN. */
    static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}
