package org.lumen.report.seg;

import java.util.Objects;
import org.lumen.report.Code;

/**
 * What one label of a label map is, as a SEG's Segment Sequence item says it.
 *
 * @param label Segment Label (0062,0005): the name a viewer shows, e.g. "GTV" or "anterior hippocampus" (at most 64
 *     characters)
 * @param category Segmented Property Category Code Sequence (0062,0003), from CID 7150, e.g. (49755003, SCT, "Morphologically
 *     Abnormal Structure") or (123037004, SCT, "Anatomical Structure")
 * @param type Segmented Property Type Code Sequence (0062,000F), e.g. (108369006, SCT, "Neoplasm") or (5366008, SCT,
 *     "Hippocampus")
 */
public record SegmentDescription(String label, Code category, Code type) {
    private static final int LONG_STRING = 64;

    public SegmentDescription {
        Objects.requireNonNull(label, "label");
        label = label.strip();
        if (label.isEmpty() || label.length() > LONG_STRING || label.contains("\\")) {
            throw new IllegalArgumentException("segment label '" + label + "' must be 1 to " + LONG_STRING
                    + " characters without a backslash (DICOM LO)");
        }
        Objects.requireNonNull(category, "category (Segmented Property Category)");
        Objects.requireNonNull(type, "type (Segmented Property Type)");
    }
}
