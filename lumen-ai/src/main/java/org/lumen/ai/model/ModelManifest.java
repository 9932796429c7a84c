package org.lumen.ai.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.lumen.ai.data.Preprocessing;
import org.lumen.ai.net.NetworkSpec;

/**
 * The machine-readable description of a model package ({@code manifest.json}). Everything needed to decide whether a
 * model applies to an input, to prepare the input as in training, to rebuild the network and check its weights, and to
 * say where it came from and how well it did.
 *
 * @param name        unique name, e.g. {@code pneumonia-cxr}
 * @param version     semantic version of this package
 * @param task        {@value #CLASSIFICATION} or {@value #SEGMENTATION}
 * @param description one line for listings
 * @param input       what the model accepts
 * @param output      what it says
 * @param network     the architecture (null for an imported ONNX model)
 * @param format      "djl" (weights {@code weights.params} for {@link #network}) or "onnx" ({@code model.onnx})
 * @param weightsFile the weights file in the package folder
 * @param weightsSha256 hex SHA-256 of the weights file, checked at load
 * @param training    provenance: data, licence, command, seed, epochs
 * @param validation  metrics on the validation split (e.g. auc, auc_ci_low, auc_ci_high, accuracy, sensitivity, ...;
 *                    dice, dice_1, hd95_mm_1, ... for a segmentation model)
 * @param segmentation the U-Net and how it is applied, for a {@value #SEGMENTATION} model (then {@link #network} is null
 *                     and {@code output.classes} names each label value, 0 = background); absent for classifiers
 */
public record ModelManifest(String name, String version, String task, String description, InputContract input,
                            OutputContract output, NetworkSpec network, String format, String weightsFile,
                            String weightsSha256, Training training, Map<String, Double> validation,
                            @JsonInclude(JsonInclude.Include.NON_NULL) SegmentationContract segmentation) {

    public static final String FORMAT_DJL = "djl";
    public static final String FORMAT_ONNX = "onnx";
    public static final String CLASSIFICATION = "classification";
    public static final String SEGMENTATION = "segmentation";

    /** A classifier's manifest (no segmentation section). */
    public ModelManifest(String name, String version, String task, String description, InputContract input,
                         OutputContract output, NetworkSpec network, String format, String weightsFile,
                         String weightsSha256, Training training, Map<String, Double> validation) {
        this(name, version, task, description, input, output, network, format, weightsFile, weightsSha256, training,
                validation, null);
    }

    /** This manifest with the weights file and its hash filled in (what {@link ModelPackage#write} does). */
    public ModelManifest withWeights(String file, String sha256) {
        return new ModelManifest(name, version, task, description, input, output, network, format, file, sha256, training,
                validation, segmentation);
    }

    /** Whether this is a segmentation model (task {@value #SEGMENTATION}): it labels voxels instead of classifying. */
    public boolean segments() {
        return SEGMENTATION.equals(task);
    }

    /** Label value to name for the foreground labels 1..K-1 of a segmentation model ({@code output.classes}). */
    public Map<Integer, String> labelNames() {
        Map<Integer, String> names = new java.util.LinkedHashMap<>();
        for (int k = 1; output != null && output.classes() != null && k < output.classes().size(); k++) {
            names.put(k, output.classes().get(k));
        }
        return names;
    }

    /** The weights file name: {@link #weightsFile} when given, else the format's usual name. */
    public String weightsFileOrDefault() {
        if (weightsFile != null && !weightsFile.isBlank()) {
            return weightsFile;
        }
        return FORMAT_ONNX.equals(format) ? "model.onnx" : "weights.params";
    }

    /**
     * @param modalities    DICOM modalities accepted (e.g. CR, DX); empty = any
     * @param bodyParts     DICOM Body Part Examined values accepted (e.g. CHEST); empty = any
     * @param dimensions    2 for images, 3 for volumes
     * @param preprocessing resize, channels, normalisation (classifiers; a segmentation model's preprocessing is in
     *                      {@link SegmentationContract})
     * @param formats       file formats the model is meant for ({@code "nifti"}, {@code "dicom"}, ...), or absent. A file of
     *                      a listed format that states no modality or body part (NIfTI states neither) is taken as meant
     *                      for the model without naming it; absent: only DICOM's own attributes speak for an image
     */
    public record InputContract(List<String> modalities, List<String> bodyParts, int dimensions,
                                @JsonInclude(JsonInclude.Include.NON_NULL) Preprocessing preprocessing,
                                @JsonInclude(JsonInclude.Include.NON_NULL) List<String> formats) {

        public InputContract(List<String> modalities, List<String> bodyParts, int dimensions, Preprocessing preprocessing) {
            this(modalities, bodyParts, dimensions, preprocessing, null);
        }
    }

    /**
     * @param classes       class names, index = output position
     * @param findings      the coded finding of each class that is reported (normally the positive class)
     * @param positiveClass index of the class whose probability is the score (binary models)
     * @param threshold     operating threshold on that probability
     * @param scores        what the network's raw output is: {@link #LOGITS} (softmax is applied to get probabilities; all
     *                      DJL networks) or {@link #PROBABILITIES} (an imported ONNX model that ends in a softmax); null
     *                      reads as logits
     */
    public record OutputContract(List<String> classes, List<Finding> findings, int positiveClass, double threshold,
                                 String scores) {
        public static final String LOGITS = "logits";
        public static final String PROBABILITIES = "probabilities";

        public OutputContract {
            scores = scores == null ? LOGITS : scores;
            if (!LOGITS.equals(scores) && !PROBABILITIES.equals(scores)) {
                throw new IllegalArgumentException("output scores must be \"logits\" or \"probabilities\", not \"" + scores + "\"");
            }
        }

        /** A network that outputs logits (every DJL network). */
        public OutputContract(List<String> classes, List<Finding> findings, int positiveClass, double threshold) {
            this(classes, findings, positiveClass, threshold, LOGITS);
        }

        public boolean outputsLogits() {
            return LOGITS.equals(scores);
        }
    }

    /**
     * @param dataset  e.g. "PneumoniaMNIST (MedMNIST v2)"
     * @param licence  e.g. "CC BY 4.0"
     * @param citation the source to cite
     * @param command  the one command that reproduces the weights
     * @param seed     the random seed
     * @param epochs   epochs trained (best epoch kept)
     * @param trainCount images trained on
     * @param valCount   images validated on
     */
    public record Training(String dataset, String licence, String citation, String command, long seed, int epochs,
                           int trainCount, int valCount) {
    }
}
