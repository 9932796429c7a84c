package org.lumen.image.radiomics.texture;

import java.util.List;
import org.lumen.image.radiomics.DiscretisedRoi;

/** GLCM counting and features for {@link DirectionalAggregation}: the matrix side of {@link GlcmFamily}. */
final class CooccurrenceMatrices implements MatrixFeatures {
    @Override
    public String tagPrefix() {
        return "cm";
    }

    @Override
    public List<String> featureNames() {
        return GlcmFeatures.NAMES;
    }

    @Override
    public CountMatrix count(TextureRoi roi, Offset direction, int z) {
        return cooccurrences(roi, direction, z);
    }

    @Override
    public double[] features(CountMatrix matrix) {
        return GlcmFeatures.of(matrix);
    }

    /**
     * The symmetric co-occurrence matrix of one direction over axial slice {@code slice}, or over the whole ROI when
     * it is negative. Counts each pair (voxel, voxel + direction) with both voxels in the intensity mask once as (a, b) and once as
     * (b, a): the matrices of the direction and of its opposite, summed.
     */
    static CountMatrix cooccurrences(TextureRoi texture, Offset d, int slice) {
        DiscretisedRoi roi = texture.roi();
        RoiBox box = texture.box();
        if (slice >= 0 && d.dz() != 0) {
            throw new IllegalStateException("direction " + d + " leaves axial slice " + slice);
        }
        int ng = roi.levelCount();
        CountMatrix matrix = new CountMatrix(ng, ng);
        matrix.voxels = texture.voxelsIn(slice);
        double[] counts = matrix.counts;
        int[] levels = roi.levels();
        // Only voxels whose neighbour lies inside the box can pair: outside it every level is 0.
        int x0 = Math.max(box.x0(), box.x0() - d.dx());
        int x1 = Math.min(box.x1(), box.x1() - d.dx());
        int y0 = Math.max(box.y0(), box.y0() - d.dy());
        int y1 = Math.min(box.y1(), box.y1() - d.dy());
        int z0 = slice >= 0 ? slice : Math.max(box.z0(), box.z0() - d.dz());
        int z1 = slice >= 0 ? slice : Math.min(box.z1(), box.z1() - d.dz());
        int step = d.dx() + roi.nx() * (d.dy() + roi.ny() * d.dz());
        for (int z = z0; z <= z1; z++) {
            for (int y = y0; y <= y1; y++) {
                for (int x = x0, i = roi.index(x0, y, z); x <= x1; x++, i++) {
                    int a = levels[i];
                    if (a == 0) {
                        continue;
                    }
                    int b = levels[i + step];
                    if (b == 0) {
                        continue;
                    }
                    counts[(a - 1) * ng + b - 1]++;
                    counts[(b - 1) * ng + a - 1]++;
                }
            }
        }
        return matrix;
    }
}
