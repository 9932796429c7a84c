package org.lumen.ai.infer;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.lumen.ai.model.Finding;

/**
 * One model's answer for one image: a classifier's probabilities and finding, or a segmentation model's volumes.
 *
 * @param model         the model name
 * @param version       its version
 * @param probabilities class name to probability, in the model's class order (empty for a segmentation)
 * @param scoreClass    the class whose probability is the score (the positive class of a binary model, else the most
 *                      probable class); null for a segmentation
 * @param score         that probability; NaN (left out of JSON) for a segmentation
 * @param threshold     the model's operating threshold (binary models; null for several classes, which report the most
 *                      probable class, and for segmentations)
 * @param finding       the coded finding reported (score at or above the threshold, for a class that has one), or null
 * @param heatmaps      Grad-CAM files written for this answer (empty when none were asked for)
 * @param note          anything the user should know about this answer (e.g. why no heat map), or null
 * @param volumesMm3    a segmentation's volume of each label in mm^3 by label name, in label order (0 for a label
 *                      found nowhere); null for a classifier
 * @param labelMap      the NIfTI label map written for a segmentation, or null
 * @param dicomSeg      the DICOM SEG written for a segmentation of a DICOM series, or null
 */
public record ModelResult(String model, String version, Map<String, Double> probabilities, String scoreClass,
                          @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = NaN.class) double score,
                          Double threshold, Finding finding, List<String> heatmaps, String note,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Double> volumesMm3,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String labelMap,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String dicomSeg) {

    public ModelResult {
        probabilities = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(probabilities));
        heatmaps = List.copyOf(heatmaps);
        volumesMm3 = volumesMm3 == null ? null : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(volumesMm3));
    }

    /** A classifier's answer. */
    public ModelResult(String model, String version, Map<String, Double> probabilities, String scoreClass, double score,
                       Double threshold, Finding finding, List<String> heatmaps, String note) {
        this(model, version, probabilities, scoreClass, score, threshold, finding, heatmaps, note, null, null, null);
    }

    /** A segmentation model's answer: the volume of each label, and the label map and SEG when they were written. */
    public static ModelResult segmentation(String model, String version, Map<String, Double> volumesMm3, String labelMap,
                                           String dicomSeg, String note) {
        return new ModelResult(model, version, Map.of(), null, Double.NaN, null, null, List.of(), note, volumesMm3,
                labelMap, dicomSeg);
    }

    public boolean positive() {
        return finding != null;
    }

    public boolean segmentation() {
        return volumesMm3 != null;
    }

    /** Jackson's filter that leaves a NaN score out of JSON (JSON has no NaN). */
    static final class NaN {
        @Override
        public boolean equals(Object value) {
            return value instanceof Double d && d.isNaN();
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }
}
