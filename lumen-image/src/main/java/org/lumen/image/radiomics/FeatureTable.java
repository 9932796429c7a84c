package org.lumen.image.radiomics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Feature values named by their IBSI tags (for example {@code cm_joint_max_3D_avg}), in the order they were computed.
 * The one result type of every feature family, the pipeline and the {@code radiomics} command; NaN is kept when a
 * feature is undefined for the ROI (IBSI leaves some of them undefined, e.g. a correlation of a single grey level).
 */
public final class FeatureTable {
    private final Map<String, Double> values = new LinkedHashMap<>();

    /** Adds one feature; a tag may be given only once, so two families can never silently overwrite each other. */
    public FeatureTable put(String tag, double value) {
        Objects.requireNonNull(tag, "tag");
        if (values.putIfAbsent(tag, value) != null) {
            throw new IllegalStateException("feature " + tag + " computed twice");
        }
        return this;
    }

    public FeatureTable putAll(FeatureTable other) {
        other.values.forEach(this::put);
        return this;
    }

    /** The value, or NaN when the tag was not computed. */
    public double get(String tag) {
        Double value = values.get(tag);
        return value == null ? Double.NaN : value;
    }

    public boolean contains(String tag) {
        return values.containsKey(tag);
    }

    public int size() {
        return values.size();
    }

    /** Read-only view in computation order. */
    public Map<String, Double> asMap() {
        return Collections.unmodifiableMap(values);
    }

    @Override
    public String toString() {
        return "FeatureTable" + values;
    }
}
