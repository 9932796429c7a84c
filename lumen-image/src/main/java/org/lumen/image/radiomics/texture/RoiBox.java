package org.lumen.image.radiomics.texture;

import org.lumen.image.radiomics.DiscretisedRoi;

/**
 * The bounding box (inclusive) of the voxels with a grey level, the part of the grid the texture families copy and
 * read. {@link #of} also checks every level against the ROI's level count once, up front.
 */
record RoiBox(int x0, int x1, int y0, int y1, int z0, int z1) {

    /** The box of the grey-level voxels, or null when the intensity mask is empty. */
    static RoiBox of(DiscretisedRoi roi) {
        int x0 = Integer.MAX_VALUE, y0 = Integer.MAX_VALUE, z0 = Integer.MAX_VALUE;
        int x1 = -1, y1 = -1, z1 = -1;
        int[] levels = roi.levels();
        int i = 0;
        for (int z = 0; z < roi.nz(); z++) {
            for (int y = 0; y < roi.ny(); y++) {
                for (int x = 0; x < roi.nx(); x++, i++) {
                    int level = levels[i];
                    if (level == 0) {
                        continue;
                    }
                    if (level < 0 || level > roi.levelCount()) {
                        throw new IllegalArgumentException("grey level " + level + " at voxel (" + x + ", " + y + ", "
                                + z + ") is outside 1.." + roi.levelCount() + " (0 marks voxels outside the ROI)");
                    }
                    x0 = Math.min(x0, x);
                    x1 = Math.max(x1, x);
                    y0 = Math.min(y0, y);
                    y1 = Math.max(y1, y);
                    z0 = Math.min(z0, z);
                    z1 = Math.max(z1, z);
                }
            }
        }
        return x1 < 0 ? null : new RoiBox(x0, x1, y0, y1, z0, z1);
    }
}
