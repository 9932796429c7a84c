package org.lumen.image.roi;

import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.lumen.image.Volume;

/**
 * A label map with the name of each label.
 *
 * @param labels each voxel holds its label, 0 for background
 * @param names label -> name (SEG Segment Label; "label N" for a NIfTI, which has no names); every label that occurs, and
 *     for a SEG also segments with no voxel
 */
public record LabelMap(Volume labels, SortedMap<Integer, String> names) {
    public LabelMap {
        Objects.requireNonNull(labels, "labels");
        names = Collections.unmodifiableSortedMap(new TreeMap<>(names));
    }
}
