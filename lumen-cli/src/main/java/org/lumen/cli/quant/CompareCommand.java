package org.lumen.cli.quant;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.lumen.cli.BadInputException;
import org.lumen.image.Volume;
import org.lumen.image.change.LongitudinalComparison;
import org.lumen.image.nifti.NiftiWriter;
import org.lumen.image.registration.Metric;
import org.lumen.image.registration.RegistrationOptions;
import org.lumen.image.registration.TransformModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lumen compare CURRENT PRIOR [--labels MASK] [--current-labels MASK] [--json] [--out DIR]}: a patient's current
 * scan against a prior one (see {@link LongitudinalComparison}).
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compare a patient's current scan with a prior one: the prior is registered onto the current"
                + " (rigid, mutual information, by default), the subtraction image (current - registered prior) is written"
                + " to --out, and with --labels the per-label volumes and change in percent, and the labelled regions that"
                + " are new or gone, are reported.",
                "Current volumes come from --current-labels (a label map of the current scan); without it each label's"
                + " change is measured by an affine registration of its neighbourhood (the volume scales by the"
                + " determinant), and new or gone regions cannot be found."})
public final class CompareCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(index = "0", paramLabel = "CURRENT", description = "The current scan (NIfTI file or DICOM series folder).")
    Path current;

    @Parameters(index = "1", paramLabel = "PRIOR", description = "The prior scan of the same patient.")
    Path prior;

    @Option(names = "--labels", paramLabel = "MASK", description = "A label map (NIfTI or DICOM SEG) on the PRIOR's grid.")
    Path labels;

    @Option(names = "--current-labels", paramLabel = "MASK",
            description = "A label map (NIfTI or DICOM SEG) of the CURRENT scan.")
    Path currentLabels;

    @Option(names = "--transform", defaultValue = "rigid", paramLabel = "MODEL",
            description = "rigid, similarity or affine (default: ${DEFAULT-VALUE}).")
    String transform;

    @Option(names = "--metric", defaultValue = "mi", paramLabel = "METRIC",
            description = "mi (mutual information) or ncc (normalised cross-correlation) (default: ${DEFAULT-VALUE}).")
    String metric;

    @Option(names = "--out", paramLabel = "DIR", description = "Write subtraction.nii.gz (and warped-prior-labels.nii.gz) here.")
    Path out;

    @Option(names = "--json", description = "Print one JSON object (snake_case) and nothing else on stdout.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (currentLabels != null && labels == null) {
            throw new BadInputException("--current-labels needs --labels (the prior's label map) to compare with");
        }
        RegistrationOptions options = RegistrationOptions.defaults(model(), metric());
        Volume currentImage = ScanFiles.read(current, "current scan");
        Volume priorImage = ScanFiles.read(prior, "prior scan");
        Optional<Volume> priorLabels = Optional.ofNullable(labels).map(p -> ScanFiles.labelMap(p, "--labels"));
        Optional<Volume> ownLabels = Optional.ofNullable(currentLabels).map(p -> ScanFiles.labelMap(p, "--current-labels"));
        if (priorLabels.isPresent() && !priorLabels.get().sameGeometry(priorImage, 1e-3)) {
            throw new BadInputException("--labels " + labels + " is not on the prior's grid (" + priorLabels.get() + " vs "
                    + priorImage + "); give the label map of the PRIOR scan");
        }
        long start = System.nanoTime();
        LongitudinalComparison.Comparison comparison = LongitudinalComparison.compare(currentImage, priorImage,
                priorLabels, ownLabels, options);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (out != null) {
            Files.createDirectories(out);
            NiftiWriter.write(comparison.subtraction(), out.resolve("subtraction.nii.gz"));
            if (comparison.warpedPriorLabels().isPresent()) {
                NiftiWriter.write(comparison.warpedPriorLabels().get(), out.resolve("warped-prior-labels.nii.gz"));
            }
        }
        System.out.print(json ? JSON.writeValueAsString(toJson(comparison, seconds)) + "\n" : text(comparison, seconds));
        return 0;
    }

    private TransformModel model() {
        return switch (transform.toLowerCase(Locale.ROOT)) {
            case "rigid" -> TransformModel.RIGID;
            case "similarity" -> TransformModel.SIMILARITY;
            case "affine" -> TransformModel.AFFINE;
            default -> throw new BadInputException("--transform must be rigid, similarity or affine, got " + transform);
        };
    }

    private Metric metric() {
        return switch (metric.toLowerCase(Locale.ROOT)) {
            case "mi" -> Metric.MUTUAL_INFORMATION;
            case "ncc" -> Metric.NORMALISED_CROSS_CORRELATION;
            default -> throw new BadInputException("--metric must be mi or ncc, got " + metric);
        };
    }

    private ObjectNode toJson(LongitudinalComparison.Comparison comparison, double seconds) {
        ObjectNode root = JSON.createObjectNode();
        root.put("current", current.toString());
        root.put("prior", prior.toString());
        root.put("method", comparison.method());
        root.set("registration", HippocampusCommand.registrationJson(comparison.registration(), seconds));
        if (out != null) {
            root.put("subtraction", out.resolve("subtraction.nii.gz").toString());
        }
        ArrayNode labelArray = root.putArray("labels");
        for (LongitudinalComparison.LabelChange c : comparison.labels()) {
            ObjectNode l = labelArray.addObject();
            l.put("label", c.label());
            l.put("prior_voxels", c.priorVoxels());
            l.put("prior_mm3", c.priorMm3());
            l.put("current_voxels", c.currentVoxels());
            l.put("current_mm3", c.currentMm3());
            if (Double.isNaN(c.changePercent())) {
                l.putNull("change_percent");
            } else {
                l.put("change_percent", c.changePercent());
            }
        }
        ArrayNode regionArray = root.putArray("regions");
        for (LongitudinalComparison.RegionChange r : comparison.regions()) {
            ObjectNode o = regionArray.addObject();
            o.put("kind", r.kind().name().toLowerCase(Locale.ROOT));
            o.put("label", r.label());
            o.put("voxels", r.voxels());
            o.put("mm3", r.mm3());
            ArrayNode centroid = o.putArray("centroid_mm");
            centroid.add(r.centroid().x()).add(r.centroid().y()).add(r.centroid().z());
        }
        return root;
    }

    private String text(LongitudinalComparison.Comparison comparison, double seconds) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%s against %s: %s registration, %s %.4f, %d steps, %.1f s%n", current, prior,
                transform, metric, comparison.registration().metric(), comparison.registration().iterations(), seconds));
        if (out != null) {
            s.append("subtraction (current - registered prior): ").append(out.resolve("subtraction.nii.gz")).append('\n');
        }
        if (!comparison.labels().isEmpty()) {
            s.append("volumes: ").append(comparison.method()).append('\n');
            s.append(String.format(Locale.ROOT, "  %6s %14s %14s %9s%n", "label", "prior mm^3", "current mm^3", "change"));
            for (LongitudinalComparison.LabelChange c : comparison.labels()) {
                s.append(String.format(Locale.ROOT, "  %6d %14.1f %14.1f %8.2f%%%n", c.label(), c.priorMm3(), c.currentMm3(),
                        c.changePercent()));
            }
        }
        for (LongitudinalComparison.RegionChange r : comparison.regions()) {
            s.append(String.format(Locale.ROOT, "  %s region of label %d: %.1f mm^3 at (%.1f, %.1f, %.1f) mm%n",
                    r.kind().name().toLowerCase(Locale.ROOT), r.label(), r.mm3(), r.centroid().x(), r.centroid().y(),
                    r.centroid().z()));
        }
        return s.toString();
    }
}
