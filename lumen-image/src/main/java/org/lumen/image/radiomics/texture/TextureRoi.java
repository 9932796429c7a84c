package org.lumen.image.radiomics.texture;

import org.lumen.image.radiomics.DiscretisedRoi;

/**
 * A discretised ROI prepared for counting texture matrices: its bounding box and its voxel count per axial slice and
 * in all, computed once and shared by every direction and slice.
 */
record TextureRoi(DiscretisedRoi roi, RoiBox box, int[] voxelsPerSlice, int voxels) {

    /** The prepared ROI, or null when its intensity mask holds no voxel. */
    static TextureRoi of(DiscretisedRoi roi) {
        RoiBox box = RoiBox.of(roi);
        if (box == null) {
            return null;
        }
        int[] perSlice = new int[roi.nz()];
        int total = 0;
        int[] levels = roi.levels();
        int sliceSize = roi.nx() * roi.ny();
        for (int z = box.z0(); z <= box.z1(); z++) {
            int count = 0;
            for (int i = z * sliceSize, end = i + sliceSize; i < end; i++) {
                if (levels[i] != 0) {
                    count++;
                }
            }
            perSlice[z] = count;
            total += count;
        }
        return new TextureRoi(roi, box, perSlice, total);
    }

    /** ROI voxels in axial slice z, or in the whole ROI when z is negative. */
    int voxelsIn(int z) {
        return z < 0 ? voxels : voxelsPerSlice[z];
    }

    int levelCount() {
        return roi.levelCount();
    }
}
