package org.lumen.report.seg;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The segments a label map holds: label number (the voxel value, which becomes the Segment Number) to its description, and
 * the algorithm that made them all.
 *
 * @param byLabel label number to description, numbered 1, 2, ... n without a gap (PS3.3 C.8.20.2 has Segment Numbers start
 *     at 1 and increase by 1; relabel a label map whose labels have gaps); every label that occurs in the label map must be
 *     here, and a label described but absent from the label map becomes a segment without frames
 * @param algorithm how the labels were made
 */
public record SegmentDescriptions(SortedMap<Integer, SegmentDescription> byLabel, SegmentAlgorithm algorithm) {
    /** Segment Number (0062,0004) is an unsigned 16-bit number starting at 1. */
    static final int MAX_LABEL = 0xFFFF;

    public SegmentDescriptions {
        Objects.requireNonNull(byLabel, "byLabel");
        Objects.requireNonNull(algorithm, "algorithm");
        if (byLabel.isEmpty()) {
            throw new IllegalArgumentException("no segment is described; a SEG needs at least one segment");
        }
        for (Map.Entry<Integer, SegmentDescription> entry : byLabel.entrySet()) {
            int label = Objects.requireNonNull(entry.getKey(), "label number");
            if (label < 1 || label > MAX_LABEL) {
                throw new IllegalArgumentException("label " + label + " cannot be a Segment Number: segments are numbered 1"
                        + " to " + MAX_LABEL + " (0 is the background)");
            }
            Objects.requireNonNull(entry.getValue(), "description of label " + label);
        }
        if (byLabel.lastKey() != byLabel.size()) {
            throw new IllegalArgumentException("labels " + byLabel.keySet() + " are not numbered 1 to " + byLabel.size()
                    + " without a gap, as SEG Segment Numbers must be (PS3.3 C.8.20.2); relabel the label map, or describe"
                    + " the labels in between");
        }
        byLabel = Collections.unmodifiableSortedMap(new TreeMap<>(byLabel));
    }

    /** Descriptions of {@code byLabel}'s labels, made by {@code algorithm}. */
    public static SegmentDescriptions of(SegmentAlgorithm algorithm, Map<Integer, SegmentDescription> byLabel) {
        return new SegmentDescriptions(new TreeMap<>(byLabel), algorithm);
    }
}
