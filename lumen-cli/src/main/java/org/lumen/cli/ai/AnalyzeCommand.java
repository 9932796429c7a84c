package org.lumen.cli.ai;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.lumen.ai.infer.Analyzer;
import org.lumen.ai.infer.FileAnalysis;
import org.lumen.ai.infer.FileAnalysis.Status;
import org.lumen.ai.infer.ModelResult;
import org.lumen.ai.infer.ModelService;
import org.lumen.ai.infer.ServiceOptions;
import org.lumen.ai.model.Finding;
import org.lumen.ai.model.ModelRegistry;
import org.lumen.cli.BadInputException;
import org.lumen.cli.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lumen analyze PATH...}: runs the installed models that apply to files or to every file under folders and prints
 * the findings with their scores; the single-frame slices of a DICOM series are also analysed together as one volume by
 * the 3D models (see {@link Analyzer}). A segmentation model reports the volume of each label in mm^3 and, with
 * {@code --labels-out DIR}, writes the label map as NIfTI and, for a DICOM series, as a DICOM SEG ({@link DicomSegFiles}).
 * Exit code 0 when at least one file was analysed, {@link #NOTHING_APPLIES} when files
 * were read but no model accepts any of them, 1 when a model failed on every readable file, 2 when nothing could be read
 * (or the path or model name is wrong).
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Run the applicable models on DICOM files, PNG/JPEG images or NIfTI volumes (a file or a folder) and"
                + " print findings with scores, or the volumes a segmentation model finds. Models are chosen by their input contract (dimensions, DICOM modality and"
                + " body part); a PNG, JPEG or NIfTI states no modality, so a model that names modalities runs on it only"
                + " when given with --model. The slices of a DICOM series (one Series Instance UID) given together are"
                + " also offered as one volume to 3D models. Exit codes: 0 analysed, 3 no model applies, 2 unreadable"
                + " input, 1 a model failed.")
public final class AnalyzeCommand implements Callable<Integer> {
    /** Files were read but no installed model accepts any of them. */
    public static final int NOTHING_APPLIES = 3;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "DICOM, PNG, JPEG or NIfTI files, or folders of them"
            + " (searched recursively).")
    List<Path> paths;

    @Option(names = "--model", paramLabel = "NAME", description = "Run only this model (a name from `lumen models list`,"
            + " or a package folder); it also runs on images that state no modality or body part.")
    String model;

    @Option(names = "--json", description = "Print one JSON object: counts and, per file, status, image, results"
            + " (model, version, probabilities, score, threshold, finding, heatmaps; for a segmentation model"
            + " volumes_mm3 by label, label_map and dicom_seg) and reason.")
    boolean json;

    @Option(names = "--heatmap", paramLabel = "DIR", description = "Write Grad-CAM heat maps here: a PNG overlay per 2D"
            + " image and model; a NIfTI map and a PNG of the middle slices per volume.")
    Path heatmapDir;

    @Option(names = "--labels-out", paramLabel = "DIR", description = "Segmentation models: write each label map here as"
            + " NIfTI on the input's grid (FILE.MODEL.labels.nii.gz) and, when the input is a DICOM series, as a DICOM"
            + " Segmentation referencing its slices (FILE.MODEL.seg.dcm).")
    Path labelsDir;

    @Override
    public Integer call() throws Exception {
        ModelRegistry registry = ModelRegistry.standard();
        List<FileAnalysis> analyses;
        try (ModelService service = ModelService.over(registry, ServiceOptions.DEFAULTS)) {
            analyses = new Analyzer(registry, service).withDicomSeg(new DicomSegFiles())
                    .analyze(paths, model, heatmapDir, labelsDir);
        }
        if (analyses.isEmpty()) {
            throw new BadInputException("no files under " + paths.stream().map(Path::toString)
                    .collect(Collectors.joining(", ")));
        }
        if (json) {
            System.out.println(JSON.writeValueAsString(summary(analyses)));
        } else {
            printTable(analyses);
        }
        return exitCode(analyses);
    }

    private static int exitCode(List<FileAnalysis> analyses) {
        if (analyses.stream().anyMatch(a -> a.status() == Status.ANALYSED)) {
            return ExitCodes.OK;
        }
        FileAnalysis notApplicable = first(analyses, Status.NOT_APPLICABLE);
        if (notApplicable != null) {
            System.err.println("lumen: no model applies: " + notApplicable.reason());
            return NOTHING_APPLIES;
        }
        FileAnalysis failed = first(analyses, Status.FAILED);
        if (failed != null) {
            System.err.println("lumen: analysis failed: " + failed.file() + ": " + failed.reason());
            return ExitCodes.FAILURE;
        }
        System.err.println("lumen: nothing could be read: " + analyses.get(0).reason());
        return ExitCodes.BAD_INPUT;
    }

    private static FileAnalysis first(List<FileAnalysis> analyses, Status status) {
        return analyses.stream().filter(a -> a.status() == status).findFirst().orElse(null);
    }

    private static Map<String, Object> summary(List<FileAnalysis> analyses) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Status status : Status.values()) {
            out.put(status.name().toLowerCase(Locale.ROOT),
                    analyses.stream().filter(a -> a.status() == status).count());
        }
        out.put("files", analyses);
        return out;
    }

    private static void printTable(List<FileAnalysis> analyses) {
        int fileWidth = Math.max(4, analyses.stream().mapToInt(a -> a.file().length()).max().orElse(4));
        String row = "%-" + fileWidth + "s  %-24s  %-40s  %6s  %9s%n";
        System.out.printf(row, "FILE", "MODEL", "RESULT", "SCORE", "THRESHOLD");
        for (FileAnalysis a : analyses) {
            if (a.status() != Status.ANALYSED) {
                String what = switch (a.status()) {
                    case NOT_APPLICABLE -> "not analysed: ";
                    case UNREADABLE -> "unreadable: ";
                    default -> "failed: ";
                };
                System.out.printf("%-" + fileWidth + "s  %s%n", a.file(), what + a.reason());
                continue;
            }
            for (ModelResult r : a.results()) {
                if (r.segmentation()) {
                    printSegmentation(a.file(), fileWidth, r);
                    continue;
                }
                System.out.printf(row, a.file(), r.model() + " " + r.version(), finding(r),
                        String.format(Locale.ROOT, "%.3f", r.score()),
                        r.threshold() == null ? "-" : String.format(Locale.ROOT, "%.3f", r.threshold()));
                for (String file : r.heatmaps()) {
                    System.out.printf("%-" + fileWidth + "s  %-24s  heat map: %s%n", "", "", file);
                }
                if (r.note() != null) {
                    System.out.printf("%-" + fileWidth + "s  %-24s  %s%n", "", "", r.note());
                }
            }
        }
    }

    /** One line for the model, then one per label with its volume, then the label map written. */
    private static void printSegmentation(String file, int fileWidth, ModelResult r) {
        String indent = "%-" + fileWidth + "s  %-24s  ";
        System.out.printf(indent + "%s%n", file, r.model() + " " + r.version(), "segmented; volumes:");
        r.volumesMm3().forEach((label, mm3) -> System.out.printf(Locale.ROOT, indent + "  %-28s %10.1f mm^3%n", "", "",
                label, mm3));
        if (r.labelMap() != null) {
            System.out.printf(indent + "label map: %s%n", "", "", r.labelMap());
        }
        if (r.dicomSeg() != null) {
            System.out.printf(indent + "DICOM SEG: %s%n", "", "", r.dicomSeg());
        }
        if (r.note() != null) {
            System.out.printf(indent + "%s%n", "", "", r.note());
        }
    }

    private static String finding(ModelResult r) {
        Finding f = r.finding();
        if (f != null) {
            return f.codeMeaning() + " (" + f.codeScheme() + " " + f.codeValue() + ")";
        }
        return r.threshold() != null ? "no finding (" + r.scoreClass() + " below threshold)" : r.scoreClass();
    }
}
