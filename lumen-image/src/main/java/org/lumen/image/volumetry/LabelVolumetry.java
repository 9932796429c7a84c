package org.lumen.image.volumetry;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.lumen.image.Geometry;
import org.lumen.image.Matrix3;
import org.lumen.image.Volume;
import org.lumen.image.mesh.ConvexHull;
import org.lumen.image.mesh.MarchingCubes;
import org.lumen.image.mesh.TriangleMesh;

/**
 * Per-label measurements of a label map (any {@link Volume} whose nonzero voxels hold integer labels): voxel count and
 * volume, marching-cubes volume and surface area, maximum diameter and centroid. Everything is in patient coordinates
 * through the map's geometry, so a sheared or left-handed grid measures right; each label is meshed within its own
 * bounding box, so small structures in a large map are cheap.
 */
public final class LabelVolumetry {
    private LabelVolumetry() {
    }

    /** One measurement per distinct nonzero label, in increasing label order; empty when the map has no label. */
    public static List<LabelMeasurement> measure(Volume labelMap) {
        TreeMap<Integer, LabelExtent> extents = scan(labelMap);
        Geometry geometry = labelMap.geometry();
        Matrix3 indexToMm = geometry.indexToPatientMatrix();
        double voxelVolume = Math.abs(indexToMm.determinant());
        List<LabelMeasurement> measurements = new ArrayList<>(extents.size());
        for (LabelExtent extent : extents.values()) {
            TriangleMesh mesh = MarchingCubes.ofMask(extent.cropMask(labelMap), extent.sizeI(), extent.sizeJ(),
                    extent.sizeK(), indexToMm, geometry.indexToPatient(extent.minI, extent.minJ, extent.minK));
            TriangleMesh hull = ConvexHull.of(mesh.vertices());
            measurements.add(new LabelMeasurement(extent.label, extent.count, extent.count * voxelVolume, mesh.volume(),
                    mesh.area(), hull.maximumVertexDistance(), geometry.indexToPatient(extent.sumI / extent.count,
                            extent.sumJ / extent.count, extent.sumK / extent.count)));
        }
        return measurements;
    }

    /** One pass over the map: per label its count, index sums and bounding box. */
    private static TreeMap<Integer, LabelExtent> scan(Volume labelMap) {
        TreeMap<Integer, LabelExtent> extents = new TreeMap<>();
        LabelExtent last = null;
        int n = 0;
        for (int k = 0; k < labelMap.nz(); k++) {
            for (int j = 0; j < labelMap.ny(); j++) {
                for (int i = 0; i < labelMap.nx(); i++, n++) {
                    float value = labelMap.get(n);
                    if (value == 0) {
                        continue;
                    }
                    int label = toLabel(value, i, j, k);
                    if (last == null || last.label != label) {
                        last = extents.computeIfAbsent(label, LabelExtent::new);
                    }
                    last.add(i, j, k);
                }
            }
        }
        return extents;
    }

    private static int toLabel(float value, int i, int j, int k) {
        if (value != Math.rint(value) || Math.abs(value) > 1 << 24) {
            throw new IllegalArgumentException("voxel (" + i + ", " + j + ", " + k + ") holds " + value
                    + ", not an integer label: pass a label map (a mask or segmentation), not an image");
        }
        return (int) value;
    }

    private static final class LabelExtent {
        final int label;
        long count;
        double sumI;
        double sumJ;
        double sumK;
        int minI = Integer.MAX_VALUE;
        int minJ = Integer.MAX_VALUE;
        int minK = Integer.MAX_VALUE;
        int maxI = -1;
        int maxJ = -1;
        int maxK = -1;

        LabelExtent(int label) {
            this.label = label;
        }

        void add(int i, int j, int k) {
            count++;
            sumI += i;
            sumJ += j;
            sumK += k;
            minI = Math.min(minI, i);
            minJ = Math.min(minJ, j);
            minK = Math.min(minK, k);
            maxI = Math.max(maxI, i);
            maxJ = Math.max(maxJ, j);
            maxK = Math.max(maxK, k);
        }

        int sizeI() {
            return maxI - minI + 1;
        }

        int sizeJ() {
            return maxJ - minJ + 1;
        }

        int sizeK() {
            return maxK - minK + 1;
        }

        /** The label's voxels within its bounding box, x fastest. */
        boolean[] cropMask(Volume labelMap) {
            boolean[] mask = new boolean[sizeI() * sizeJ() * sizeK()];
            int n = 0;
            for (int k = minK; k <= maxK; k++) {
                for (int j = minJ; j <= maxJ; j++) {
                    int row = labelMap.index(minI, j, k);
                    for (int i = 0; i < sizeI(); i++) {
                        mask[n++] = labelMap.get(row + i) == label;
                    }
                }
            }
            return mask;
        }
    }
}
