package org.lumen.image.radiomics;

import org.lumen.image.Volume;

/**
 * IBSI 1 diagnostic features (reference manual chapter 5, "Diagnostic features"): how the image and the ROI look at each
 * processing step, tagged as in the IBSI compliance sheet ({@code img_dim_x_init_img}, {@code int_mask_vox_count_reseg_roi}
 * ...). Stages: {@code init_img}, {@code interp_img} for the image; {@code init_roi}, {@code interp_roi},
 * {@code reseg_roi} for the ROI.
 */
public final class Diagnostics {
    private static final String[] AXES = {"x", "y", "z"};

    private Diagnostics() {
    }

    /** Dimensions, voxel spacing and the mean, minimum and maximum intensity of the whole image. */
    public static FeatureTable image(Volume image, String stage) {
        FeatureTable table = new FeatureTable();
        int[] size = {image.nx(), image.ny(), image.nz()};
        for (int axis = 0; axis < 3; axis++) {
            table.put("img_dim_" + AXES[axis] + "_" + stage, size[axis]);
        }
        for (int axis = 0; axis < 3; axis++) {
            table.put("vox_dim_" + AXES[axis] + "_" + stage, image.geometry().spacing().get(axis));
        }
        double sum = 0;
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (int n = 0; n < image.voxelCount(); n++) {
            float v = image.get(n);
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return table.put("mean_int_" + stage, sum / image.voxelCount()).put("min_int_" + stage, min)
                .put("max_int_" + stage, max);
    }

    /**
     * The masks' grid and bounding boxes, voxel counts and the intensities in the intensity mask.
     *
     * @param gridSize the dimensions of the whole grid the masks lie on (x, y, z)
     * @param image intensities, on the grid of the two masks (possibly a crop of the whole grid)
     */
    public static FeatureTable roi(int[] gridSize, Volume image, boolean[] intensityMask, boolean[] morphologicalMask,
                                   String stage) {
        FeatureTable table = new FeatureTable();
        for (int axis = 0; axis < 3; axis++) {
            table.put("int_mask_dim_" + AXES[axis] + "_" + stage, gridSize[axis]);
        }
        putBoundingBox(table, "int_mask_bb_dim_", stage, intensityMask, image);
        putBoundingBox(table, "morph_mask_bb_dim_", stage, morphologicalMask, image);
        long intensityCount = 0;
        long morphologicalCount = 0;
        double sum = 0;
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (int n = 0; n < intensityMask.length; n++) {
            if (morphologicalMask[n]) {
                morphologicalCount++;
            }
            if (intensityMask[n]) {
                float v = image.get(n);
                intensityCount++;
                sum += v;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        table.put("int_mask_vox_count_" + stage, intensityCount).put("morph_mask_vox_count_" + stage, morphologicalCount);
        return table.put("int_mask_mean_int_" + stage, intensityCount == 0 ? Double.NaN : sum / intensityCount)
                .put("int_mask_min_int_" + stage, intensityCount == 0 ? Double.NaN : min)
                .put("int_mask_max_int_" + stage, intensityCount == 0 ? Double.NaN : max);
    }

    private static void putBoundingBox(FeatureTable table, String prefix, String stage, boolean[] mask, Volume grid) {
        var box = BoundingBox.of(mask, grid.nx(), grid.ny(), grid.nz());
        int[] size = box.map(b -> new int[] {b.nx(), b.ny(), b.nz()}).orElse(new int[3]);
        for (int axis = 0; axis < 3; axis++) {
            table.put(prefix + AXES[axis] + "_" + stage, size[axis]);
        }
    }
}
