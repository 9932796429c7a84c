package org.lumen.cli.ai;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lumen.ai.data.ImageFolderReader;
import org.lumen.ai.data.ImagePreparer;
import org.lumen.ai.data.LabelledImages;
import org.lumen.ai.data.NiftiSegmentationReader;
import org.lumen.ai.eval.SegmentationEvaluation;
import org.lumen.ai.seg.CaseIntervals;
import org.lumen.ai.seg.Segmenter;
import org.lumen.ai.data.Preprocessing;
import org.lumen.ai.data.npz.NpzException;
import org.lumen.ai.data.npz.NpzReader;
import org.lumen.ai.eval.BinaryEvaluation;
import org.lumen.ai.eval.MulticlassEvaluation;
import org.lumen.ai.infer.ModelEvaluation;
import org.lumen.ai.model.Classifier;
import org.lumen.ai.model.ModelManifest;
import org.lumen.ai.model.ModelPackage;
import org.lumen.ai.model.ModelRegistry;
import org.lumen.ai.plot.Charts;
import org.lumen.cli.BadInputException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lumen evaluate --model NAME --npz FILE [--split test] [--json] [--plots DIR]} (or {@code --images DIR}, also
 * spelt {@code --folder DIR}): for a two-class model its AUC with its 95% interval, accuracy, sensitivity, specificity,
 * PPV, NPV, confusion and calibration at the model's operating threshold; for more classes the macro one-vs-rest AUC and
 * the accuracy of the most probable class with bootstrap 95% intervals, per-class sensitivity and specificity, the
 * confusion matrix and the calibration of the largest probability; on labelled images prepared as its manifest says. With {@code --json} stdout holds one JSON
 * object and nothing else (the exact contract: at least "auc", "accuracy" and "n"; logs go to stderr).
 * <p>
 * A segmentation model takes {@code --images DIR --labels DIR} (NIfTI volumes and their label maps, same names); with
 * {@code --json} the one object holds at least "dice" (mean over the labels of the per-label mean Dice), "dice_per_label",
 * "n", "hd95_mm_per_label", and the Dice's bootstrap 95% interval over cases.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Evaluate a model on labelled images: a MedMNIST-style .npz split (it may hold only that split) or"
                + " an image folder with one subfolder per class. Accuracy and the rates are at the model's operating"
                + " threshold. A segmentation model takes --images DIR --labels DIR (NIfTI volumes and label maps of the"
                + " same names) and reports Dice and HD95 per label.")
public final class EvaluateCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--model", required = true, paramLabel = "NAME", description = "A model from `lumen models list`, or a package folder.")
    String model;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--npz", paramLabel = "FILE", description = "A .npz holding <split>_images and <split>_labels.")
        Path npz;

        @Option(names = {"--images", "--folder"}, paramLabel = "DIR", description = "A folder with one subfolder of"
                + " PNG/JPEG images per class; each subfolder must be named after one of the model's classes (a class"
                + " may have no folder). Segmentation models: a folder of NIfTI volumes (with --labels).")
        Path folder;
    }

    @Option(names = "--labels", paramLabel = "DIR", description = "Segmentation models: the reference label maps, NIfTI"
            + " files named as the images in --images (an image may carry the nnU-Net _0000 suffix).")
    Path labels;

    @Option(names = "--split", defaultValue = "test", paramLabel = "NAME", description = "The .npz split (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--json", description = "Print one JSON object (snake_case) and nothing else on stdout.")
    boolean json;

    @Option(names = "--plots", paramLabel = "DIR", description = "Write roc.png and reliability.png here (two-class models).")
    Path plots;

    @Override
    public Integer call() throws Exception {
        ModelPackage pkg = ModelRegistry.standard().find(model);
        ModelManifest m = pkg.manifest();
        if (m.segments()) {
            return evaluateSegmentation(pkg);
        }
        if (labels != null) {
            throw new BadInputException("--labels DIR is for segmentation models; " + m.name() + " is a classifier (its"
                    + " --images folder holds one subfolder per class)");
        }
        LabelledImages prepared = read(m);
        ModelEvaluation evaluation;
        try (Classifier classifier = pkg.classifier()) {
            evaluation = ModelEvaluation.of(m, classifier, prepared);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("cannot evaluate " + m.name() + " on " + describeSource() + ": " + e.getMessage(), e);
        }
        if (plots != null) {
            writePlots(m, evaluation);
        }
        if (json) {
            ObjectNode out = JSON.createObjectNode();
            out.put("model", m.name());
            out.put("version", m.version());
            out.put("data", describeSource());
            out.setAll((ObjectNode) JSON.readTree(evaluation.toJson()));
            System.out.println(JSON.writeValueAsString(out));
        } else {
            System.out.print(table(m, evaluation));
        }
        return 0;
    }

    /**
     * Segments every image of {@code --images} with the package's options and compares with the label map of the same
     * name in {@code --labels}: Dice per label and their mean with bootstrap 95% intervals over cases, HD95 and the
     * Hausdorff distance per label, per-case figures.
     */
    private int evaluateSegmentation(ModelPackage pkg) throws Exception {
        ModelManifest m = pkg.manifest();
        if (source.folder == null || labels == null) {
            throw new BadInputException(m.name() + " is a segmentation model: give --images DIR and --labels DIR (NIfTI"
                    + " volumes and their label maps, same file names)");
        }
        List<NiftiSegmentationReader.Case> cases = NiftiSegmentationReader.read(source.folder, labels);
        List<SegmentationEvaluation.Pair> pairs = new ArrayList<>();
        try (Segmenter segmenter = pkg.segmenter()) {
            for (NiftiSegmentationReader.Case c : cases) {
                pairs.add(new SegmentationEvaluation.Pair(c.name(), c.mask(),
                        segmenter.segment(c.image(), m.segmentation().inference())));
            }
        }
        SegmentationEvaluation evaluation = SegmentationEvaluation.of(pairs, List.copyOf(m.labelNames().keySet()));
        Map<String, Double> figures = CaseIntervals.figures(evaluation, 42);
        String data = source.folder + " with labels " + labels;
        if (json) {
            ObjectNode out = JSON.createObjectNode();
            out.put("model", m.name());
            out.put("version", m.version());
            out.put("data", data);
            ObjectNode metrics = (ObjectNode) JSON.readTree(evaluation.toJson());
            out.set("n", metrics.remove("n"));
            out.set("dice", metrics.remove("dice"));
            putNumber(out, "dice_ci_low", figures.get("dice_ci_low"));
            putNumber(out, "dice_ci_high", figures.get("dice_ci_high"));
            out.setAll(metrics);
            ObjectNode names = out.putObject("label_names");
            m.labelNames().forEach((k, name) -> names.put(String.valueOf(k), name));
            System.out.println(JSON.writeValueAsString(out));
            return 0;
        }
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%s %s on %s: %d cases (%s)%n", m.name(), m.version(),
                data, evaluation.n(), m.segmentation().inferenceInWords()));
        s.append(String.format(Locale.ROOT, "  %-24s %s%n", "mean Dice", withCi(figures, "dice")));
        m.labelNames().forEach((k, name) -> s.append(String.format(Locale.ROOT, "  %-24s Dice %s, HD95 %s mm%n",
                k + " " + name, withCi(figures, "dice_" + k), withCi(figures, "hd95_mm_" + k))));
        System.out.print(s);
        return 0;
    }

    private static void putNumber(ObjectNode out, String key, Double value) {
        if (value == null || value.isNaN()) {
            out.putNull(key);
        } else {
            out.put(key, value);
        }
    }

    private static String withCi(Map<String, Double> figures, String key) {
        Double value = figures.get(key);
        if (value == null) {
            return "undefined";
        }
        Double low = figures.get(key + "_ci_low");
        Double high = figures.get(key + "_ci_high");
        return String.format(Locale.ROOT, "%.4f", value) + (low == null || high == null ? ""
                : String.format(Locale.ROOT, " (95%% CI %.4f-%.4f, bootstrap over cases)", low, high));
    }

    private LabelledImages read(ModelManifest m) throws Exception {
        Preprocessing p = m.input().preprocessing();
        List<String> classes = m.output().classes();
        if (source.npz != null) {
            if (!Files.isRegularFile(source.npz)) {
                throw new BadInputException("no such file: " + source.npz);
            }
            LabelledImages raw;
            try {
                raw = NpzReader.read(source.npz, split, classes);
            } catch (NpzException | IllegalArgumentException e) {
                throw new BadInputException(source.npz + ": " + e.getMessage(), e);
            }
            if (raw.spatialDimensions() != m.input().dimensions()) {
                throw new BadInputException(source.npz + " holds " + raw.spatialDimensions() + "D images but " + m.name()
                        + " takes " + m.input().dimensions() + "D");
            }
            return ImagePreparer.prepare(raw, p);
        }
        LabelledImages read = ImageFolderReader.read(source.folder, p);
        return relabel(read, classes);
    }

    /** Folder classes are sorted subfolder names; map them onto the model's classes by name. */
    private LabelledImages relabel(LabelledImages read, List<String> modelClasses) {
        int[] map = new int[read.classes().size()];
        for (int c = 0; c < map.length; c++) {
            String name = read.classes().get(c);
            map[c] = -1;
            for (int k = 0; k < modelClasses.size(); k++) {
                if (modelClasses.get(k).equalsIgnoreCase(name)) {
                    map[c] = k;
                }
            }
            if (map[c] < 0) {
                throw new BadInputException(source.folder + ": the class folder \"" + name + "\" is not one of the model's"
                        + " classes " + modelClasses);
            }
        }
        int[] labels = read.labels();
        for (int i = 0; i < labels.length; i++) {
            labels[i] = map[labels[i]];
        }
        return new LabelledImages(read.shape(), read.images(), labels, modelClasses);
    }

    private String describeSource() {
        return source.npz != null ? source.npz + " (" + split + ")" : source.folder.toString();
    }

    private void writePlots(ModelManifest m, ModelEvaluation evaluation) throws Exception {
        Files.createDirectories(plots);
        String title = m.name() + " " + m.version() + " on " + describeSource();
        MulticlassEvaluation mc = evaluation.multiclass();
        if (mc != null) {
            System.err.println("lumen: reliability.png only: ROC curves are drawn for two-class models");
            Charts.reliability(mc.reliability(), mc.ece(), title + " (largest probability)", plots.resolve("reliability.png"));
            return;
        }
        Charts.roc(evaluation.binary(), title, plots.resolve("roc.png"));
        Charts.reliability(evaluation.binary(), title, plots.resolve("reliability.png"));
    }

    private String table(ModelManifest m, ModelEvaluation evaluation) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%s %s on %s: %d images%n", m.name(), m.version(), describeSource(), evaluation.n()));
        BinaryEvaluation b = evaluation.binary();
        if (b != null) {
            String positive = m.output().classes().get(b.positiveClass());
            s.append(String.format(Locale.ROOT, "  %-22s %d %s, %d other%n", "cases", b.positives(), positive, b.negatives()));
            s.append(String.format(Locale.ROOT, "  %-22s %.4f  (95%% CI %.4f-%.4f, %s)%n", "AUC", b.auc(), b.aucCiLow(),
                    b.aucCiHigh(), b.aucCiMethod()));
            s.append(String.format(Locale.ROOT, "  at threshold %.3f:%n", b.threshold()));
            s.append(line("accuracy", b.accuracy())).append(line("sensitivity", b.sensitivity()))
                    .append(line("specificity", b.specificity())).append(line("PPV", b.ppv())).append(line("NPV", b.npv()));
            var c = b.confusion();
            s.append(String.format(Locale.ROOT, "  %-22s TP %d  FN %d  FP %d  TN %d%n", "confusion", c.truePositives(),
                    c.falseNegatives(), c.falsePositives(), c.trueNegatives()));
            s.append(line("ECE (10 bins)", b.ece()));
        } else {
            s.append(multiclassTable(evaluation.multiclass()));
        }
        return s.toString();
    }

    private static String multiclassTable(MulticlassEvaluation mc) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "  %-22s %.4f  (95%% CI %.4f-%.4f, %s)%n", "macro AUC", mc.auc(), mc.aucCiLow(),
                mc.aucCiHigh(), mc.ciMethod()));
        s.append(String.format(Locale.ROOT, "  %-22s %.4f  (95%% CI %.4f-%.4f, %s)%n", "accuracy", mc.accuracy(),
                mc.accuracyCiLow(), mc.accuracyCiHigh(), mc.ciMethod()));
        s.append(line("ECE (largest prob.)", mc.ece()));
        s.append(String.format(Locale.ROOT, "  %-14s %6s %11s %11s %8s%n", "class", "cases", "sensitivity", "specificity",
                "AUC"));
        int[][] confusion = mc.confusion();
        for (int k = 0; k < mc.classes().size(); k++) {
            s.append(String.format(Locale.ROOT, "  %-14s %6d %11s %11s %8s%n", mc.classes().get(k),
                    Arrays.stream(confusion[k]).sum(), number(mc.sensitivity().get(k)),
                    number(mc.specificity().get(k)), number(mc.classAucs().get(k))));
        }
        s.append("  confusion (rows true, columns predicted, in the order above):\n");
        for (int[] row : confusion) {
            List<String> cells = new ArrayList<>();
            for (int count : row) {
                cells.add(String.format(Locale.ROOT, "%6d", count));
            }
            s.append("  ").append(String.join(" ", cells)).append('\n');
        }
        return s.toString();
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "undefined" : String.format(Locale.ROOT, "%.4f", value);
    }

    private static String line(String name, double value) {
        return String.format(Locale.ROOT, "  %-22s %s%n", name, Double.isNaN(value) ? "undefined" : String.format(Locale.ROOT, "%.4f", value));
    }
}
