package org.lumen.ai.seg;

/** What is kept of a predicted label map. */
public enum PostProcessing {
    /** Everything the network labelled. */
    NONE,
    /** For each label, its largest connected component; other islands of that label become background. */
    LARGEST_COMPONENT_PER_LABEL,
    /** The largest connected component of the foreground (all labels together), labels kept inside it. */
    LARGEST_COMPONENT_OF_UNION
}
