package org.lumen.cli.ai;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lumen.ai.model.Finding;
import org.lumen.ai.model.ManifestJson;
import org.lumen.ai.model.ModelManifest;
import org.lumen.ai.model.ModelPackage;
import org.lumen.ai.model.ModelRegistry;
import org.lumen.ai.onnx.OnnxExporter;
import org.lumen.ai.onnx.OnnxImporter;
import org.lumen.cli.BadInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lumen models list|show|import|export}: the model packages Lumen knows (bundled, and folders under
 * {@code $LUMEN_MODELS} or {@code lumen-data/models}). A package that cannot be found, read or converted throws
 * {@link org.lumen.ai.model.ModelPackageException}, which {@link org.lumen.cli.ExitCodes} reports as bad input (exit
 * code 2, the package's own message).
 */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "List and show model packages (bundled and under $LUMEN_MODELS or ./lumen-data/models); import and export ONNX.",
        subcommands = {ModelsCommand.ListModels.class, ModelsCommand.Show.class, ModelsCommand.Import.class,
                ModelsCommand.Export.class})
public final class ModelsCommand implements Runnable {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "One line per usable package (name, version, format, dimensions, classes, where). Packages that"
                    + " cannot be used are named on stderr.")
    static final class ListModels implements Callable<Integer> {
        @Option(names = "--json", description = "Print a JSON array of {name, version, task, description, format, dimensions,"
                + " modalities, bodyParts, classes, location, bundled}.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            ModelRegistry.Scan scan = ModelRegistry.standard().scan();
            scan.problems().forEach(p -> System.err.println("lumen: skipped: " + p));
            if (json) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (ModelPackage p : scan.packages()) {
                    ModelManifest m = p.manifest();
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("name", m.name());
                    row.put("version", m.version());
                    row.put("task", m.task());
                    row.put("description", m.description());
                    row.put("format", m.format());
                    row.put("dimensions", m.input().dimensions());
                    row.put("modalities", m.input().modalities());
                    row.put("bodyParts", m.input().bodyParts());
                    row.put("classes", m.output().classes());
                    if (m.segments()) {
                        row.put("labels", labelsJson(m));
                    }
                    row.put("location", p.location());
                    row.put("bundled", p.bundled());
                    rows.add(row);
                }
                System.out.println(JSON.writeValueAsString(rows));
                return 0;
            }
            if (scan.packages().isEmpty()) {
                System.out.println("no model packages (bundled, or under " + ModelRegistry.standard().userDirs() + ")");
            }
            for (ModelPackage p : scan.packages()) {
                ModelManifest m = p.manifest();
                String what = m.segments() ? "labels " + String.join("/", m.labelNames().values())
                        : String.join("/", m.output().classes());
                System.out.printf("%-16s %-8s %-4s %dD  %-28s %s%n", m.name(), m.version(), m.format(), m.input().dimensions(),
                        what, p.bundled() ? "bundled" : p.location());
            }
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Summary of one package's manifest and where its model card is; --json prints the full manifest.")
    static final class Show implements Callable<Integer> {
        @Parameters(paramLabel = "NAME", description = "Package name, or the path of a package folder.")
        String name;

        @Option(names = "--json", description = "Print manifest.json as stored.")
        boolean json;

        @Override
        public Integer call() {
            ModelPackage p = ModelRegistry.standard().find(name);
            if (json) {
                System.out.print(ManifestJson.write(p.manifest()));
                return 0;
            }
            System.out.print(summary(p));
            return 0;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Make an \"onnx\" package from an ONNX model made elsewhere and a manifest.json written for it"
                    + " (format \"onnx\"; output.scores \"logits\" or \"probabilities\"). The model is loaded and run once"
                    + " before anything is written.")
    static final class Import implements Callable<Integer> {
        @Option(names = "--onnx", required = true, paramLabel = "FILE", description = "The .onnx model.")
        Path onnx;

        @Option(names = "--manifest", required = true, paramLabel = "FILE", description = "Its manifest (see lumen-ai/README.md).")
        Path manifest;

        @Option(names = "--out", paramLabel = "DIR",
                description = "Package folder to write (default: NAME under the first models folder, $LUMEN_MODELS or ./lumen-data/models).")
        Path out;

        @Override
        public Integer call() throws Exception {
            Path target = out;
            if (target == null) {
                ModelManifest m;
                try (InputStream in = Files.newInputStream(manifest)) {
                    m = ManifestJson.read(in, "manifest " + manifest, false);
                } catch (NoSuchFileException e) {
                    throw new BadInputException("no such manifest: " + manifest);
                }
                target = ModelRegistry.standard().userDirs().get(0).resolve(m.name());
            }
            ModelPackage p = OnnxImporter.importModel(onnx, manifest, target);
            System.out.println("imported " + p.name() + " " + p.manifest().version() + " into " + p.location());
            return 0;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write a \"djl\" package's network as an ONNX model (opset 17; input [batch, C, H, W] or"
                    + " [batch, C, D, H, W] named \"input\", output \"logits\"). ONNX Runtime gives the same scores within 1e-4.")
    static final class Export implements Callable<Integer> {
        @Parameters(paramLabel = "NAME", description = "Package name, or the path of a package folder.")
        String name;

        @Option(names = "--onnx", required = true, paramLabel = "FILE", description = "The .onnx file to write.")
        Path onnx;

        @Override
        public Integer call() {
            ModelPackage p = ModelRegistry.standard().find(name);
            OnnxExporter.export(p, onnx);
            System.out.println("exported " + p.name() + " " + p.manifest().version() + " to " + onnx
                    + " (output \"logits\"; import it with a manifest saying \"scores\": \"logits\")");
            return 0;
        }
    }

    static String summary(ModelPackage p) {
        ModelManifest m = p.manifest();
        StringBuilder s = new StringBuilder();
        s.append(m.name()).append(' ').append(m.version()).append(" (").append(m.format()).append(")");
        if (m.description() != null && !m.description().isBlank()) {
            s.append(": ").append(m.description());
        }
        s.append('\n');
        line(s, "location", p.location() + (p.bundled() ? " (bundled)" : ""));
        line(s, "task", m.task() + ", " + m.input().dimensions() + "D, modalities " + anyOr(m.input().modalities())
                + ", body parts " + anyOr(m.input().bodyParts()));
        if (m.segments()) {
            segmentationLines(s, m);
        } else {
            var pre = m.input().preprocessing();
            line(s, "input", Arrays.toString(pre.inputShape()) + " channels first, (value - " + pre.mean() + ") / "
                    + pre.std() + (pre.window() == null ? "" : ", window " + Arrays.toString(pre.window())));
            line(s, "classes", String.join(", ", m.output().classes()) + "; score = P("
                    + m.output().classes().get(m.output().positiveClass()) + "), threshold " + m.output().threshold());
        }
        for (Finding f : m.output().findings() == null ? List.<Finding>of() : m.output().findings()) {
            line(s, "finding", f.className() + " -> " + f.codeMeaning() + " (" + f.codeScheme() + " " + f.codeValue() + ")");
        }
        if (m.network() != null) {
            line(s, "network", "stem " + m.network().stemWidth() + ", widths " + Arrays.toString(m.network().widths())
                    + ", blocks " + Arrays.toString(m.network().blocks()));
        }
        if (m.validation() != null && !m.validation().isEmpty()) {
            List<String> figures = new ArrayList<>();
            m.validation().forEach((k, v) -> {
                if (!k.endsWith("_ci_low") && !k.endsWith("_ci_high")) {
                    Double low = m.validation().get(k + "_ci_low");
                    Double high = m.validation().get(k + "_ci_high");
                    figures.add(k + " " + fmt(v) + (low != null && high != null ? " (95% CI " + fmt(low) + "-" + fmt(high) + ")" : ""));
                }
            });
            line(s, "validation", String.join(", ", figures));
        }
        line(s, "training", m.training().dataset() + ", licence " + m.training().licence());
        if (m.training().command() != null) {
            line(s, "reproduce", m.training().command());
        }
        line(s, "weights", m.weightsFile() + " sha256 " + m.weightsSha256());
        line(s, "model card", p.modelCardLocation());
        return s.toString();
    }

    private static void segmentationLines(StringBuilder s, ModelManifest m) {
        var seg = m.segmentation();
        var net = seg.network();
        line(s, "input", "one grey " + m.input().dimensions() + "D volume"
                + (m.input().formats() == null ? "" : " (" + String.join(", ", m.input().formats()) + ")") + ", "
                + seg.normalisation() + ", padded to a multiple of " + seg.padToMultipleOf());
        List<String> labels = new ArrayList<>();
        m.labelNames().forEach((k, name) -> labels.add(k + " " + name));
        line(s, "labels", String.join(", ", labels) + " (0 background); volumes in mm^3");
        line(s, "network", net.dimensions() + "D U-Net, base width " + net.baseWidth() + ", depth " + net.depth());
        line(s, "inference", seg.inferenceInWords());
    }

    private static Map<String, String> labelsJson(ModelManifest m) {
        Map<String, String> labels = new LinkedHashMap<>();
        m.labelNames().forEach((k, name) -> labels.put(String.valueOf(k), name));
        return labels;
    }

    private static void line(StringBuilder s, String label, String value) {
        s.append(String.format(Locale.ROOT, "  %-11s %s%n", label + ":", value));
    }

    private static String anyOr(List<String> values) {
        return values == null || values.isEmpty() ? "any" : String.join(", ", values);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
