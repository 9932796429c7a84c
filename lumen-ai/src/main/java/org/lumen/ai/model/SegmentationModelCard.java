package org.lumen.ai.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The model card of a segmentation package: intended use (volumetry), the input and output contract (preprocessing,
 * labels, the inference options chosen on validation), training data, the validation table (Dice and HD95 per label with
 * bootstrap 95% intervals over cases, from {@link ModelManifest#validation()}: keys {@code dice}, {@code dice_L},
 * {@code hd95_mm_L} and their {@code _ci_low}/{@code _ci_high}), limitations and the reproducing command.
 */
public final class SegmentationModelCard {
    private SegmentationModelCard() {
    }

    /**
     * @param notes Markdown for "Results and what was tried" (e.g. the Dice of every inference option, the epochs);
     *              null for none
     * @param taskLimitations what is particular to the task's data (e.g. that the model takes crops), listed first
     */
    public static String markdown(ModelManifest manifest, String notes, List<String> taskLimitations) {
        if (!manifest.segments()) {
            throw new IllegalArgumentException(manifest.name() + " is not a segmentation model");
        }
        SegmentationContract seg = manifest.segmentation();
        ModelManifest.InputContract in = manifest.input();
        Map<Integer, String> labels = manifest.labelNames();
        StringBuilder md = new StringBuilder();
        md.append("# Model card: ").append(manifest.name()).append(' ').append(manifest.version()).append("\n\n");
        if (manifest.description() != null && !manifest.description().isBlank()) {
            md.append(manifest.description()).append("\n\n");
        }
        md.append("## Intended use\n\n");
        md.append("Research volumetry: labels every voxel of a ").append(in.dimensions()).append("D volume as ")
                .append(String.join(", ", labels.values())).append(" or background, and reports each label's volume in ")
                .append("mm^3 (`lumen analyze`).\n\n");
        md.append("**Not for clinical use without local validation.** Before any use in patient care, check the ")
                .append("segmentations and volumes against expert tracings on the site's own scans and population. ")
                .append("The model does not replace a clinician's reading.\n\n");

        md.append("## Input and output contract\n\n");
        md.append("- Input: one ").append(in.dimensions()).append("D grey volume; modalities ").append(anyOr(in.modalities()))
                .append(", body parts ").append(anyOr(in.bodyParts()));
        if (in.formats() != null && !in.formats().isEmpty()) {
            md.append(", files ").append(String.join(", ", in.formats()));
        }
        md.append(".\n");
        md.append("- Preprocessing: ").append(seg.normalisation()).append(" (mean 0, standard deviation 1 over all voxels), ")
                .append("then padded with 0 about the centre to a multiple of ").append(seg.padToMultipleOf())
                .append(" voxels per axis; the whole volume goes through the network at once (trained on ")
                .append(joinSize(seg.trainingSize())).append(" patches).\n");
        md.append("- Inference: ").append(seg.inferenceInWords()).append(" (chosen on the validation cases).\n");
        md.append("- Output: a label map on the input's grid (same size, spacing and orientation), written as NIfTI, and as a"
                + " DICOM Segmentation on the series when the input is a DICOM series (`lumen analyze --labels-out`):\n\n")
                .append("| label | structure |\n|---|---|\n| 0 | background |\n");
        labels.forEach((k, name) -> md.append("| ").append(k).append(" | ").append(name).append(" |\n"));
        md.append("\n- Network: ").append(in.dimensions()).append("D U-Net, base width ").append(seg.network().baseWidth())
                .append(", depth ").append(seg.network().depth()).append(", ").append(seg.network().classes())
                .append(" classes; format ").append(manifest.format())
                .append(". The weights' SHA-256 is in manifest.json and is checked at every load.\n\n");

        ModelManifest.Training t = manifest.training();
        ModelCard.appendTrainingSource(md, t);
        md.append("- Cases: ").append(t.trainCount()).append(" for training, ").append(t.valCount())
                .append(" for validation (a seeded split by case, `split.json`); ").append(t.epochs())
                .append(t.epochs() == 1 ? " epoch, seed " : " epochs, seed ").append(t.seed()).append(".\n\n");

        md.append("## Validation\n\n").append(validationTable(manifest.validation(), labels));

        if (notes != null && !notes.isBlank()) {
            md.append("## Results and what was tried\n\n").append(notes.strip()).append("\n\n");
        }
        md.append("## Limitations\n\n");
        for (String limitation : limitations(manifest, taskLimitations)) {
            md.append("- ").append(limitation).append("\n");
        }
        md.append("\n## How to reproduce\n\n");
        if (t.command() != null && !t.command().isBlank()) {
            md.append("```\n").append(t.command()).append("\n```\n\n");
            md.append("Training is seeded (seed ").append(t.seed()).append("); on CPU the result matches closely, not ")
                    .append("bit for bit, across machines and thread counts.\n");
        }
        return md.toString();
    }

    private static String validationTable(Map<String, Double> v, Map<Integer, String> labels) {
        if (v == null || v.isEmpty()) {
            return "No validation figures are recorded for this model; validate it locally before use.\n\n";
        }
        StringBuilder md = new StringBuilder("Validation cases")
                .append(v.containsKey("n") ? " (n = " + fmt(v.get("n")) + ")" : "")
                .append("; 95% intervals by bootstrap over cases. HD95 is the 95th-percentile symmetric surface distance ")
                .append("in mm (MedPy's definition).\n\n| label | structure | Dice (95% CI) | HD95 mm (95% CI) |\n")
                .append("|---|---|---|---|\n");
        labels.forEach((k, name) -> md.append("| ").append(k).append(" | ").append(name).append(" | ")
                .append(withCi(v, "dice_" + k)).append(" | ").append(withCi(v, "hd95_mm_" + k)).append(" |\n"));
        md.append("| mean | | ").append(withCi(v, "dice")).append(" | |\n\n");
        return md.toString();
    }

    private static List<String> limitations(ModelManifest manifest, List<String> taskLimitations) {
        List<String> list = new java.util.ArrayList<>(taskLimitations == null ? List.of() : taskLimitations);
        list.add("Trained and validated only on " + manifest.training().dataset() + "; scans from other scanners, sites,"
                + " sequences or populations may give worse label maps.");
        list.add("The inference options were chosen on the same validation cases that give the figures above, so those"
                + " figures are slightly optimistic; evaluate on independent cases with `lumen evaluate --model "
                + manifest.name() + " --images DIR --labels DIR`.");
        list.add("Subgroup performance (age, sex, diagnosis, equipment) has not been assessed.");
        list.add("The network sees only intensities normalised per volume: another sequence or strong artefacts may give"
                + " wrong label maps without warning; look at the written label map before trusting a volume.");
        return list;
    }

    private static String withCi(Map<String, Double> v, String key) {
        Double value = v.get(key);
        if (value == null) {
            return "-";
        }
        Double low = v.get(key + "_ci_low");
        Double high = v.get(key + "_ci_high");
        return fmt(value) + (low != null && high != null ? " (" + fmt(low) + " - " + fmt(high) + ")" : "");
    }

    private static String anyOr(List<String> values) {
        return values == null || values.isEmpty() ? "any" : String.join(", ", values);
    }

    private static String joinSize(int[] size) {
        return size == null ? "?" : String.join("x", Arrays.stream(size).mapToObj(Integer::toString).toList());
    }

    private static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
