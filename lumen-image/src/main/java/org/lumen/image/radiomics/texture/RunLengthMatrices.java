package org.lumen.image.radiomics.texture;

import java.util.List;

/** GLRLM counting and features for {@link DirectionalAggregation}: the matrix side of {@link GlrlmFamily}. */
final class RunLengthMatrices implements MatrixFeatures {
    @Override
    public String tagPrefix() {
        return "rlm";
    }

    @Override
    public List<String> featureNames() {
        return GlrlmFeatures.NAMES;
    }

    @Override
    public CountMatrix count(TextureRoi roi, Offset direction, int z) {
        return runs(roi, direction, z);
    }

    @Override
    public double[] features(CountMatrix matrix) {
        return GlrlmFeatures.of(matrix);
    }

    /**
     * The run length matrix of one direction over box slice {@code slice}, or over the whole ROI when it is negative:
     * row = grey level, column = run length - 1. A run starts at a voxel whose predecessor along the direction has
     * another level (level 0, outside the intensity mask or the box, ends every run) and is followed to its end, so
     * each voxel is read about twice per direction. A direction and its opposite give the same runs, hence one sense
     * per direction. Columns run to the longest line of the box, so all matrices of one ROI have the same shape and
     * can be merged.
     */
    static CountMatrix runs(TextureRoi roi, Offset d, int slice) {
        int[] slices = roi.sliceRange(d, slice);
        if (Math.max(Math.abs(d.dx()), Math.max(Math.abs(d.dy()), Math.abs(d.dz()))) != 1) {
            throw new IllegalArgumentException("runs follow neighbouring voxels; direction " + d + " skips voxels");
        }
        int columns = roi.longestLine();
        CountMatrix matrix = new CountMatrix(roi.levelCount(), columns);
        matrix.voxels = roi.voxelsIn(slice);
        double[] counts = matrix.counts;
        int[] levels = roi.levels();
        int step = roi.step(d);
        for (int z = slices[0]; z <= slices[1]; z++) {
            for (int y = 0; y < roi.ny(); y++) {
                for (int i = roi.index(0, y, z), end = i + roi.nx(); i < end; i++) {
                    int level = levels[i];
                    if (level == 0 || levels[i - step] == level) {
                        continue;
                    }
                    int length = 1;
                    for (int j = i + step; levels[j] == level; j += step) {
                        length++;
                    }
                    counts[(level - 1) * columns + length - 1]++;
                }
            }
        }
        return matrix;
    }
}
