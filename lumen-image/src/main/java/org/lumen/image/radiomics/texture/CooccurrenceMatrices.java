package org.lumen.image.radiomics.texture;

import java.util.List;

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
     * The symmetric co-occurrence matrix of one direction over box slice {@code slice}, or over the whole ROI when it is
     * negative. Counts each pair (voxel, voxel + direction) with both voxels in the intensity mask once as (a, b) and
     * once as (b, a): the matrices of the direction and of its opposite, summed. The ROI's padding must reach as far
     * as the direction.
     */
    static CountMatrix cooccurrences(TextureRoi roi, Offset d, int slice) {
        int[] slices = roi.sliceRange(d, slice);
        int ng = roi.levelCount();
        CountMatrix matrix = new CountMatrix(ng, ng);
        matrix.voxels = roi.voxelsIn(slice);
        double[] counts = matrix.counts;
        int[] levels = roi.levels();
        int step = roi.step(d);
        for (int z = slices[0]; z <= slices[1]; z++) {
            for (int y = 0; y < roi.ny(); y++) {
                for (int i = roi.index(0, y, z), end = i + roi.nx(); i < end; i++) {
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
