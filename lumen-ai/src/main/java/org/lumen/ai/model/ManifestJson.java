package org.lumen.ai.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.lumen.ai.data.Preprocessing;
import org.lumen.ai.net.NetworkSpec;

/**
 * {@code manifest.json}: the one place that turns a {@link ModelManifest} into JSON and back, and checks that what was
 * read is complete and consistent (so a package fails when it is opened, with a message that names the field, not later
 * at the first image).
 */
public final class ManifestJson {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private ManifestJson() {
    }

    /** Pretty-printed JSON of the manifest. */
    public static String write(ModelManifest manifest) {
        try {
            return JSON.writeValueAsString(manifest) + "\n";
        } catch (JsonProcessingException e) {
            throw new ModelPackageException("cannot write the manifest of " + manifest.name() + ": " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads and checks a manifest.
     *
     * @param in           the JSON
     * @param source       what to call it in messages, e.g. "manifest.json of package /models/x"
     * @param requireHash  whether the weights file and its SHA-256 must be given (a package's manifest; not a manifest
     *                     about to be written or imported)
     */
    public static ModelManifest read(InputStream in, String source, boolean requireHash) {
        ModelManifest manifest;
        try {
            manifest = JSON.readValue(in, ModelManifest.class);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            Throwable cause = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause() : e;
            String message = cause == e ? e.getOriginalMessage() : cause.getMessage();
            throw new ModelPackageException(source + " is not a valid manifest" + where + ": " + message, e);
        } catch (IOException e) {
            throw new ModelPackageException("cannot read " + source + ": " + e.getMessage(), e);
        }
        if (manifest == null) {
            throw new ModelPackageException(source + " is empty");
        }
        List<String> problems = problems(manifest, requireHash);
        if (!problems.isEmpty()) {
            throw new ModelPackageException(source + " is incomplete or inconsistent: " + String.join("; ", problems));
        }
        return manifest;
    }

    /** What is missing or inconsistent in a manifest; empty when it can be used. */
    public static List<String> problems(ModelManifest m, boolean requireHash) {
        List<String> p = new ArrayList<>();
        if (blank(m.name())) {
            p.add("missing field \"name\"");
        } else if (!NAME.matcher(m.name()).matches()) {
            p.add("name \"" + m.name() + "\" must be lower case letters, digits, '.', '_' or '-' (it names a folder)");
        }
        requireText(p, "version", m.version());
        requireText(p, "task", m.task());
        if (!ModelManifest.FORMAT_DJL.equals(m.format()) && !ModelManifest.FORMAT_ONNX.equals(m.format())) {
            p.add(m.format() == null ? "missing field \"format\" (\"djl\" or \"onnx\")"
                    : "format must be \"djl\" or \"onnx\", not \"" + m.format() + "\"");
        }
        if (requireHash) {
            requireText(p, "weightsFile", m.weightsFile());
            if (blank(m.weightsSha256())) {
                p.add("missing field \"weightsSha256\"");
            } else if (!SHA256.matcher(m.weightsSha256()).matches()) {
                p.add("weightsSha256 must be 64 lower-case hex digits");
            }
        }
        if (m.weightsFile() != null && (m.weightsFile().contains("/") || m.weightsFile().contains("\\")
                || m.weightsFile().startsWith("."))) {
            p.add("weightsFile must be a plain file name in the package folder, not \"" + m.weightsFile() + "\"");
        }
        Preprocessing pre = null;
        if (m.input() == null) {
            p.add("missing field \"input\"");
        } else {
            pre = m.input().preprocessing();
            if (pre == null && !m.segments()) {
                p.add("missing field \"input.preprocessing\"");
            } else if (pre != null && m.segments()) {
                p.add("input.preprocessing is a classifier's resize; a segmentation model's preprocessing is in"
                        + " \"segmentation\"");
            }
            if (m.input().dimensions() != 2 && m.input().dimensions() != 3) {
                p.add("input.dimensions must be 2 or 3, not " + m.input().dimensions());
            } else if (pre != null && pre.size().length != m.input().dimensions()) {
                p.add("input.preprocessing.size has " + pre.size().length + " numbers but input.dimensions is "
                        + m.input().dimensions());
            }
        }
        int classes = 0;
        if (m.output() == null) {
            p.add("missing field \"output\"");
        } else if (m.output().classes() == null || m.output().classes().size() < 2) {
            p.add("output.classes must name at least two classes");
        } else {
            classes = m.output().classes().size();
            if (m.output().positiveClass() < 0 || m.output().positiveClass() >= classes) {
                p.add("output.positiveClass " + m.output().positiveClass() + " is not a class index (0.." + (classes - 1) + ")");
            }
            if (!(m.output().threshold() >= 0 && m.output().threshold() <= 1)) {
                p.add("output.threshold must be between 0 and 1, not " + m.output().threshold());
            }
            for (Finding f : m.output().findings() == null ? List.<Finding>of() : m.output().findings()) {
                if (f == null || !m.output().classes().contains(f.className())) {
                    p.add("output.findings names class " + (f == null ? null : "\"" + f.className() + "\"")
                            + " that is not in output.classes " + m.output().classes());
                }
            }
        }
        if (m.segments()) {
            segmentationProblems(p, m, classes);
        } else if (m.segmentation() != null) {
            p.add("a \"segmentation\" section needs task \"segmentation\", not \"" + m.task() + "\"");
        } else if (ModelManifest.FORMAT_DJL.equals(m.format())) {
            NetworkSpec net = m.network();
            if (net == null) {
                p.add("missing field \"network\" (a \"djl\" package is rebuilt from it)");
            } else {
                if (m.input() != null && net.dimensions() != m.input().dimensions()) {
                    p.add("network.dimensions " + net.dimensions() + " differs from input.dimensions " + m.input().dimensions());
                }
                if (pre != null && net.inChannels() != pre.channels()) {
                    p.add("network.inChannels " + net.inChannels() + " differs from input.preprocessing.channels " + pre.channels());
                }
                if (classes > 0 && net.classes() != classes) {
                    p.add("network.classes " + net.classes() + " differs from the " + classes + " output.classes");
                }
            }
            if (m.output() != null && !m.output().outputsLogits()) {
                p.add("a \"djl\" network outputs logits; output.scores must be \"logits\"");
            }
        }
        if (m.training() == null) {
            p.add("missing field \"training\" (where the training data came from and its licence; \"unknown\" is allowed)");
        } else {
            requireText(p, "training.dataset", m.training().dataset());
            requireText(p, "training.licence", m.training().licence());
        }
        return p;
    }

    /** A segmentation model: a DJL U-Net whose classes are the output classes (background first), on grey volumes. */
    private static void segmentationProblems(List<String> p, ModelManifest m, int classes) {
        SegmentationContract seg = m.segmentation();
        if (!ModelManifest.FORMAT_DJL.equals(m.format())) {
            p.add("a segmentation model must be format \"djl\" (ONNX U-Nets are not supported yet)");
        }
        if (m.network() != null) {
            p.add("a segmentation model's network is segmentation.network; \"network\" must be absent");
        }
        if (seg == null || seg.network() == null) {
            p.add("missing field \"segmentation\"" + (seg == null ? "" : ".network") + " (task \"segmentation\")");
            return;
        }
        var net = seg.network();
        if (m.input() != null && net.dimensions() != m.input().dimensions()) {
            p.add("segmentation.network.dimensions " + net.dimensions() + " differs from input.dimensions "
                    + m.input().dimensions());
        }
        if (net.inChannels() != 1) {
            p.add("segmentation.network.inChannels must be 1 (grey volumes), not " + net.inChannels());
        }
        if (classes > 0 && net.classes() != classes) {
            p.add("segmentation.network.classes " + net.classes() + " differs from the " + classes
                    + " output.classes (background and one name per label)");
        }
        if (!SegmentationContract.Z_SCORE_PER_VOLUME.equals(seg.normalisation())) {
            p.add("segmentation.normalisation must be \"" + SegmentationContract.Z_SCORE_PER_VOLUME + "\", not "
                    + (seg.normalisation() == null ? "missing" : "\"" + seg.normalisation() + "\""));
        }
        if (seg.padToMultipleOf() != net.sizeMultiple()) {
            p.add("segmentation.padToMultipleOf " + seg.padToMultipleOf() + " differs from the network's size step "
                    + net.sizeMultiple() + " (2^(depth-1))");
        }
        if (seg.inference() == null || seg.inference().postProcessing() == null) {
            p.add("missing field \"segmentation.inference\" (flipX, postProcessing)");
        }
    }

    static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    private static void requireText(List<String> problems, String field, String value) {
        if (blank(value)) {
            problems.add("missing field \"" + field + "\"");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
