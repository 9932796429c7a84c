package org.lumen.ai.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lumen.ai.data.Preprocessing;
import org.lumen.ai.eval.MulticlassEvaluation;

/**
 * The model card ({@code model-card.md}) of a package, made from its manifest: intended use, the input and output
 * contract, training data with licence and citation, validation figures with their 95% confidence intervals, plots,
 * limitations and subgroup caveats, and the command that reproduces the weights. Figures come from
 * {@link ModelManifest#validation()}: a metric {@code m} is shown with its interval when {@code m_ci_low} and
 * {@code m_ci_high} are there too.
 */
public final class ModelCard {
    /** The plots a trained package carries, linked from the card by relative path. */
    /** Grad-CAM examples are {@code gradcam-CLASS.png}. */
    public static final String GRAD_CAM_PREFIX = "gradcam-";
    public static final List<String> STANDARD_PLOTS =
            List.of(ModelPackage.TRAINING_CURVES, ModelPackage.ROC, ModelPackage.RELIABILITY);

    private ModelCard() {
    }

    /** The card with the standard plots and no notes. */
    public static String markdown(ModelManifest manifest) {
        return markdown(manifest, null, STANDARD_PLOTS);
    }

    /**
     * @param manifest the package's manifest
     * @param notes    Markdown for "Results and what was tried" (e.g. where validation suggests a target is out of
     *                 reach); null for none
     * @param plots    plot files in the package to link (relative names)
     */
    public static String markdown(ModelManifest manifest, String notes, List<String> plots) {
        return markdown(manifest, notes, plots, null);
    }

    /**
     * The card of a model of several classes: as {@link #markdown(ModelManifest, String, List)}, plus the per-class
     * sensitivity, specificity and AUC, the confusion matrix and the calibration of the most probable class, all on the
     * validation split.
     *
     * @param validation the validation evaluation (null for none)
     */
    public static String markdown(ModelManifest manifest, String notes, List<String> plots,
                                  MulticlassEvaluation validation) {
        StringBuilder md = new StringBuilder();
        ModelManifest.OutputContract out = manifest.output();
        ModelManifest.InputContract in = manifest.input();
        md.append("# Model card: ").append(manifest.name()).append(' ').append(manifest.version()).append("\n\n");
        if (manifest.description() != null && !manifest.description().isBlank()) {
            md.append(manifest.description()).append("\n\n");
        }

        md.append("## Intended use\n\n");
        md.append("Decision support and research: ").append(manifest.task()).append(" of ")
                .append(in.dimensions() == 3 ? "3D volumes" : "2D images").append(" into ")
                .append(String.join(", ", out.classes()));
        if (out.classes().size() == 2) {
            md.append(". The score is the probability of \"").append(out.classes().get(out.positiveClass()))
                    .append("\"; at or above the operating threshold ").append(fmt(out.threshold()))
                    .append(" the finding is reported.\n\n");
        } else {
            md.append(". The most probable class is reported (arg-max) with its probability, and its coded finding when ")
                    .append("the class has one.\n\n");
        }
        md.append("**Not for clinical use without local validation.** Before any use in patient care, validate the model on ")
                .append("the site's own images, equipment and population, and ")
                .append(out.classes().size() == 2 ? "choose the operating threshold there. "
                        : "check each class's sensitivity and specificity there. ")
                .append("The model does not replace a clinician's reading.\n\n");

        md.append("## Input and output contract\n\n");
        Preprocessing p = in.preprocessing();
        md.append("- Input: ").append(in.dimensions()).append("D, ")
                .append("modalities ").append(anyOr(in.modalities())).append(", body parts ").append(anyOr(in.bodyParts()))
                .append(".\n");
        md.append("- Preprocessing: resized to ").append(joinSize(p.size())).append(", ").append(p.channels())
                .append(p.channels() == 1 ? " channel" : " channels").append(", normalised as (value - ").append(fmt(p.mean()))
                .append(") / ").append(fmt(p.std()));
        if (p.window() != null) {
            md.append(", DICOM window centre ").append(fmt(p.window()[0])).append(" width ").append(fmt(p.window()[1]));
        }
        md.append("; network input shape ").append(Arrays.toString(p.inputShape())).append(" (channels first).\n");
        md.append("- Output: one probability per class ").append(out.classes()).append(" (softmax");
        md.append(out.outputsLogits() ? " of the network's logits" : ", computed in the model").append(").\n");
        if (out.findings() != null) {
            for (Finding f : out.findings()) {
                md.append("- Finding for class \"").append(f.className()).append("\": ").append(f.codeMeaning()).append(" (")
                        .append(f.codeScheme()).append(' ').append(f.codeValue()).append(").\n");
            }
        }
        md.append("- Format: ").append(manifest.format());
        if (manifest.network() != null) {
            md.append(", ResNet-style network: stem width ").append(manifest.network().stemWidth()).append(", stage widths ")
                    .append(Arrays.toString(manifest.network().widths())).append(", blocks ")
                    .append(Arrays.toString(manifest.network().blocks()));
        }
        md.append(". The weights' SHA-256 is in manifest.json and is checked at every load.\n\n");

        ModelManifest.Training t = manifest.training();
        appendTrainingSource(md, t);
        md.append("- Images: ").append(t.trainCount()).append(" for training, ").append(t.valCount())
                .append(" for validation; ").append(t.epochs()).append(" epochs, seed ").append(t.seed()).append(".\n\n");

        md.append("## Validation\n\n");
        md.append(validationTable(manifest.validation(), validation == null ? List.of() : validation.classes()));
        if (validation != null) {
            md.append(perClassTable(validation)).append(confusionTable(validation));
            md.append("Calibration of the most probable class: expected calibration error ").append(fmt(validation.ece()))
                    .append(" (10 equal-width bins of the largest probability against whether that class was right).\n\n");
        }

        if (plots != null && !plots.isEmpty()) {
            md.append("## Plots\n\n");
            for (String plot : plots) {
                md.append("![").append(plotTitle(plot)).append("](").append(plot).append(")\n\n");
            }
        }

        if (notes != null && !notes.isBlank()) {
            md.append("## Results and what was tried\n\n").append(notes.strip()).append("\n\n");
        }

        md.append("## Limitations\n\n");
        for (String limitation : limitations(manifest)) {
            md.append("- ").append(limitation).append("\n");
        }
        md.append("\n## How to reproduce\n\n");
        if (t.command() != null && !t.command().isBlank()) {
            md.append("```\n").append(t.command()).append("\n```\n\n");
            md.append("Training is seeded (seed ").append(t.seed()).append("); on CPU the result matches closely, not ")
                    .append("bit for bit, across machines.\n");
        } else {
            md.append("This model was made outside Lumen and imported; see its source for how it was trained.\n");
        }
        return md.toString();
    }

    private static String perClassTable(MulticlassEvaluation e) {
        StringBuilder md = new StringBuilder("Per class, one against the rest (validation):\n\n")
                .append("| class | cases | sensitivity | specificity | AUC |\n|---|---|---|---|---|\n");
        int[][] confusion = e.confusion();
        for (int c = 0; c < e.classes().size(); c++) {
            md.append("| ").append(e.classes().get(c)).append(" | ").append(Arrays.stream(confusion[c]).sum()).append(" | ")
                    .append(fmt(e.sensitivity().get(c))).append(" | ").append(fmt(e.specificity().get(c))).append(" | ")
                    .append(fmt(e.classAucs().get(c))).append(" |\n");
        }
        return md.append("\n").toString();
    }

    private static String confusionTable(MulticlassEvaluation e) {
        StringBuilder md = new StringBuilder("Confusion matrix (validation; rows: true class, columns: predicted class):\n\n| |");
        StringBuilder rule = new StringBuilder("|---|");
        for (String c : e.classes()) {
            md.append(' ').append(c).append(" |");
            rule.append("---|");
        }
        md.append('\n').append(rule).append('\n');
        int[][] confusion = e.confusion();
        for (int t = 0; t < confusion.length; t++) {
            md.append("| ").append(e.classes().get(t)).append(" |");
            for (int count : confusion[t]) {
                md.append(' ').append(count).append(" |");
            }
            md.append('\n');
        }
        return md.append('\n').toString();
    }

    /** Figures whose key starts with a class name ({@code glioma_sensitivity}) are left to the per-class table. */
    private static String validationTable(Map<String, Double> validation, List<String> classes) {
        if (validation == null || validation.isEmpty()) {
            return "No validation figures are recorded for this model; validate it locally before use.\n\n";
        }
        StringBuilder md = new StringBuilder("Figures on the validation split (the official test split is evaluated separately ")
                .append("with `lumen evaluate`).\n\n| metric | value | 95% CI |\n|---|---|---|\n");
        for (Map.Entry<String, Double> e : validation.entrySet()) {
            String key = e.getKey();
            if (key.endsWith("_ci_low") || key.endsWith("_ci_high")
                    || classes.stream().anyMatch(c -> key.startsWith(c + "_"))) {
                continue;
            }
            Double low = validation.get(key + "_ci_low");
            Double high = validation.get(key + "_ci_high");
            md.append("| ").append(key).append(" | ").append(fmt(e.getValue())).append(" | ")
                    .append(low != null && high != null ? fmt(low) + " - " + fmt(high) : "").append(" |\n");
        }
        return md.append("\n").toString();
    }

    private static List<String> limitations(ModelManifest manifest) {
        List<String> list = new ArrayList<>();
        Preprocessing p = manifest.input().preprocessing();
        String dataset = manifest.training().dataset();
        list.add("Trained and validated only on " + dataset + ", at " + joinSize(p.size())
                + "; images from other scanners, sites, populations, views or resolutions may give worse results.");
        if (dataset != null && dataset.toLowerCase(Locale.ROOT).contains("medmnist")) {
            list.add("MedMNIST carries no demographic data (age, sex, ethnicity), so performance in subgroups is unknown "
                    + "and was not assessed; bias across groups cannot be ruled out.");
            list.add("MedMNIST images are small, centred and pre-cropped; a full-resolution clinical image is resized to "
                    + joinSize(p.size()) + ", losing fine detail.");
        } else {
            list.add("Subgroup performance (age, sex, ethnicity, equipment) has not been assessed.");
        }
        list.add("Probabilities are calibrated only as far as the validation figures show (see ECE if listed); a changed "
                + "prevalence shifts positive and negative predictive values.");
        list.add("The model sees only the image: no history, priors or other views.");
        return list;
    }

    private static String plotTitle(String file) {
        return switch (file) {
            case ModelPackage.TRAINING_CURVES -> "Training curves";
            case ModelPackage.ROC -> "ROC curve (validation)";
            case ModelPackage.RELIABILITY -> "Reliability diagram (validation)";
            default -> file.startsWith(GRAD_CAM_PREFIX) ? "Grad-CAM, " + file.substring(GRAD_CAM_PREFIX.length(),
                    file.length() - ".png".length()) + " (validation image)" : file;
        };
    }

    private static String anyOr(List<String> values) {
        return values == null || values.isEmpty() ? "any" : String.join(", ", values);
    }

    private static String joinSize(int[] size) {
        return String.join("x", Arrays.stream(size).mapToObj(Integer::toString).toList());
    }

    private static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }

    /** The card's "Training data" heading with the data set, its licence and what to cite: the same for every kind of model. */
    static void appendTrainingSource(StringBuilder md, ModelManifest.Training t) {
        md.append("## Training data\n\n");
        md.append("- Dataset: ").append(t.dataset()).append("\n");
        md.append("- Licence: ").append(t.licence()).append("\n");
        if (t.citation() != null && !t.citation().isBlank()) {
            md.append("- Cite: ").append(t.citation()).append("\n");
        }
    }
}
