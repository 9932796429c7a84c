package org.lumen.ai.seg;

import java.util.Map;
import java.util.TreeMap;
import org.lumen.image.Vec3;
import org.lumen.image.Volume;

/** The volume of each label of a label map in mm^3: voxel count times the voxel's volume (product of the spacings). */
public final class LabelVolumes {
    private LabelVolumes() {
    }

    /** Label (1 and up; background left out) to mm^3, for the labels present. */
    public static Map<Integer, Double> mm3(Volume labels) {
        Vec3 s = labels.geometry().spacing();
        double voxel = s.x() * s.y() * s.z();
        Map<Integer, Long> counts = new TreeMap<>();
        var v = labels.view();
        for (int i = 0; i < v.limit(); i++) {
            int label = Math.round(v.get(i));
            if (label > 0) {
                counts.merge(label, 1L, Long::sum);
            }
        }
        Map<Integer, Double> out = new TreeMap<>();
        counts.forEach((label, n) -> out.put(label, n * voxel));
        return out;
    }
}
