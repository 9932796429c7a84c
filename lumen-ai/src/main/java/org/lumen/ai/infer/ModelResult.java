package org.lumen.ai.infer;

import java.util.List;
import java.util.Map;
import org.lumen.ai.model.Finding;

/**
 * One model's answer for one image.
 *
 * @param model         the model name
 * @param version       its version
 * @param probabilities class name to probability, in the model's class order
 * @param scoreClass    the class whose probability is the score (the positive class of a binary model, else the most
 *                      probable class)
 * @param score         that probability
 * @param threshold     the model's operating threshold (binary models; null for several classes, which report the most
 *                      probable class)
 * @param finding       the coded finding reported (score at or above the threshold, for a class that has one), or null
 * @param heatmaps      Grad-CAM files written for this answer (empty when none were asked for)
 * @param note          anything the user should know about this answer (e.g. why no heat map), or null
 */
public record ModelResult(String model, String version, Map<String, Double> probabilities, String scoreClass, double score,
                          Double threshold, Finding finding, List<String> heatmaps, String note) {

    public ModelResult {
        probabilities = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(probabilities));
        heatmaps = List.copyOf(heatmaps);
    }

    public boolean positive() {
        return finding != null;
    }
}
