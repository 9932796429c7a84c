package org.lumen.ai.model;

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
 * @param task        "classification"
 * @param description one line for listings
 * @param input       what the model accepts
 * @param output      what it says
 * @param network     the architecture (null for an imported ONNX model)
 * @param format      "djl" (weights {@code weights.params} for {@link #network}) or "onnx" ({@code model.onnx})
 * @param weightsFile the weights file in the package folder
 * @param weightsSha256 hex SHA-256 of the weights file, checked at load
 * @param training    provenance: data, licence, command, seed, epochs
 * @param validation  metrics on the validation split (e.g. auc, auc_ci_low, auc_ci_high, accuracy, sensitivity, ...)
 */
public record ModelManifest(String name, String version, String task, String description, InputContract input,
                            OutputContract output, NetworkSpec network, String format, String weightsFile,
                            String weightsSha256, Training training, Map<String, Double> validation) {

    public static final String FORMAT_DJL = "djl";
    public static final String FORMAT_ONNX = "onnx";

    /** This manifest with the weights file and its hash filled in (what {@link ModelPackage#write} does). */
    public ModelManifest withWeights(String file, String sha256) {
        return new ModelManifest(name, version, task, description, input, output, network, format, file, sha256, training,
                validation);
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
     * @param preprocessing resize, channels, normalisation
     */
    public record InputContract(List<String> modalities, List<String> bodyParts, int dimensions, Preprocessing preprocessing) {
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
