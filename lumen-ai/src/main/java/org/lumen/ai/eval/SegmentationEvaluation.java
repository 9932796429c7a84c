package org.lumen.ai.eval;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lumen.image.Volume;

/**
 * Segmentation metrics over cases: per label the mean over cases of Dice, HD95 and the Hausdorff distance (cases where a
 * distance is undefined are left out of its mean), and {@code dice} = the mean of the per-label Dice means. {@link #toJson()}
 * is what {@code lumen evaluate --json} prints for a segmentation model (snake_case, NaN as null).
 */
public record SegmentationEvaluation(int n, List<Integer> labels, double dice,
                                     @JsonProperty("dice_per_label") Map<String, Double> dicePerLabel,
                                     @JsonProperty("hd95_mm_per_label") Map<String, Double> hd95MmPerLabel,
                                     @JsonProperty("hausdorff_mm_per_label") Map<String, Double> hausdorffMmPerLabel,
                                     @JsonProperty("cases") List<CaseMetrics> cases) {

    /** One case's figures, label (as text, for JSON) to value. */
    public record CaseMetrics(String name, Map<String, Double> dice, @JsonProperty("hd95_mm") Map<String, Double> hd95Mm,
                              @JsonProperty("hausdorff_mm") Map<String, Double> hausdorffMm) {
    }

    /** One case to evaluate: the reference and the prediction on the same grid. */
    public record Pair(String name, Volume truth, Volume predicted) {
    }

    public static SegmentationEvaluation of(List<Pair> pairs, List<Integer> labels) {
        if (pairs.isEmpty() || labels.isEmpty()) {
            throw new IllegalArgumentException("need at least one case and one label, got " + pairs.size() + " cases and "
                    + labels.size() + " labels");
        }
        List<CaseMetrics> cases = new ArrayList<>();
        for (Pair pair : pairs) {
            Map<String, Double> dice = new LinkedHashMap<>();
            Map<String, Double> hd95 = new LinkedHashMap<>();
            Map<String, Double> hd = new LinkedHashMap<>();
            for (int label : labels) {
                dice.put(String.valueOf(label), SegmentationMetrics.dice(pair.truth(), pair.predicted(), label));
                SegmentationMetrics.Hausdorff h = SegmentationMetrics.hausdorff(pair.truth(), pair.predicted(), label);
                hd95.put(String.valueOf(label), h.hd95Mm());
                hd.put(String.valueOf(label), h.maxMm());
            }
            cases.add(new CaseMetrics(pair.name(), dice, hd95, hd));
        }
        Map<String, Double> dice = means(cases, labels, CaseMetrics::dice);
        double meanDice = dice.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        return new SegmentationEvaluation(pairs.size(), List.copyOf(labels), meanDice, dice,
                means(cases, labels, CaseMetrics::hd95Mm), means(cases, labels, CaseMetrics::hausdorffMm), List.copyOf(cases));
    }

    public String toJson() {
        return EvalJson.write(this);
    }

    private static Map<String, Double> means(List<CaseMetrics> cases, List<Integer> labels,
                                             java.util.function.Function<CaseMetrics, Map<String, Double>> metric) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int label : labels) {
            out.put(String.valueOf(label), cases.stream().map(c -> metric.apply(c).get(String.valueOf(label)))
                    .filter(v -> !v.isNaN()).mapToDouble(Double::doubleValue).average().orElse(Double.NaN));
        }
        return out;
    }
}
