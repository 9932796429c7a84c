package org.lumen.image.radiomics.texture;

import java.util.List;
import org.lumen.image.radiomics.DiscretisedRoi;

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
     * The run length matrix of one direction over axial slice {@code slice}, or over the whole ROI when it is negative:
     * row = grey level, column = run length - 1. A run starts at a voxel whose predecessor along the direction has
     * another level (or lies outside the intensity mask) and is followed to its end, so every voxel is visited once per
     * direction. A direction and its opposite give the same runs, hence one sense per direction. Columns run to the
     * longest line of the ROI's box, so all matrices of one ROI have the same shape and can be merged.
     */
    static CountMatrix runs(TextureRoi texture, Offset d, int slice) {
        DiscretisedRoi roi = texture.roi();
        RoiBox box = texture.box();
        if (slice >= 0 && d.dz() != 0) {
            throw new IllegalStateException("direction " + d + " leaves axial slice " + slice);
        }
        int columns = box.longestLine();
        CountMatrix matrix = new CountMatrix(roi.levelCount(), columns);
        matrix.voxels = texture.voxelsIn(slice);
        double[] counts = matrix.counts;
        int[] levels = roi.levels();
        int step = d.dx() + roi.nx() * (d.dy() + roi.ny() * d.dz());
        int z0 = slice >= 0 ? slice : box.z0();
        int z1 = slice >= 0 ? slice : box.z1();
        for (int z = z0; z <= z1; z++) {
            for (int y = box.y0(); y <= box.y1(); y++) {
                for (int x = box.x0(), i = roi.index(x, y, z); x <= box.x1(); x++, i++) {
                    int level = levels[i];
                    if (level == 0 || box.contains(x - d.dx(), y - d.dy(), z - d.dz()) && levels[i - step] == level) {
                        continue;
                    }
                    int length = 1;
                    int qx = x + d.dx();
                    int qy = y + d.dy();
                    int qz = z + d.dz();
                    for (int j = i + step; box.contains(qx, qy, qz) && levels[j] == level; j += step) {
                        length++;
                        qx += d.dx();
                        qy += d.dy();
                        qz += d.dz();
                    }
                    counts[(level - 1) * columns + length - 1]++;
                }
            }
        }
        return matrix;
    }
}
