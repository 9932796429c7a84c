package org.lumen.image.radiomics.texture;

import org.lumen.image.radiomics.BoundingBox;
import org.lumen.image.radiomics.DiscretisedRoi;

/**
 * A discretised ROI prepared for counting texture matrices: the grey levels of its bounding box copied into a compact
 * grid (x fastest, then y, then z) with {@code padding} voxels of level 0 on every side, so that the counting loops
 * read neighbours up to {@code padding} voxels away without testing the grid's edge, and stay in cache. Slices are the
 * box's axial slices 0..{@code nz - 1}; the voxel counts are per slice and in all.
 */
record TextureRoi(int levelCount, int nx, int ny, int nz, int padding, int[] levels, int[] voxelsPerSlice, int voxels) {

    /** The prepared ROI, or null when its intensity mask holds no voxel. */
    static TextureRoi of(DiscretisedRoi roi, int padding) {
        BoundingBox box = BoundingBox.of(greyLevelVoxels(roi), roi.nx(), roi.ny(), roi.nz()).orElse(null);
        if (box == null) {
            return null;
        }
        int nx = box.nx();
        int ny = box.ny();
        int nz = box.nz();
        int px = nx + 2 * padding;
        int py = ny + 2 * padding;
        int[] levels = new int[px * py * (nz + 2 * padding)];
        int[] perSlice = new int[nz];
        int total = 0;
        int[] source = roi.levels();
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                int from = roi.index(box.x0(), box.y0() + y, box.z0() + z);
                int to = padding + px * (y + padding + py * (z + padding));
                System.arraycopy(source, from, levels, to, nx);
                for (int x = 0; x < nx; x++) {
                    if (source[from + x] != 0) {
                        perSlice[z]++;
                    }
                }
            }
            total += perSlice[z];
        }
        return new TextureRoi(roi.levelCount(), nx, ny, nz, padding, levels, perSlice, total);
    }

    /** The voxels with a grey level, each level checked against the ROI's level count once, up front. */
    private static boolean[] greyLevelVoxels(DiscretisedRoi roi) {
        int[] levels = roi.levels();
        boolean[] inside = new boolean[levels.length];
        for (int i = 0; i < levels.length; i++) {
            int level = levels[i];
            if (level < 0 || level > roi.levelCount()) {
                int x = i % roi.nx();
                int y = i / roi.nx() % roi.ny();
                int z = i / (roi.nx() * roi.ny());
                throw new IllegalArgumentException("grey level " + level + " at voxel (" + x + ", " + y + ", " + z
                        + ") is outside 1.." + roi.levelCount() + " (0 marks voxels outside the ROI)");
            }
            inside[i] = level != 0;
        }
        return inside;
    }

    /** Index in {@link #levels} of box voxel (x, y, z), 0-based inside the box. */
    int index(int x, int y, int z) {
        int px = nx + 2 * padding;
        int py = ny + 2 * padding;
        return x + padding + px * (y + padding + py * (z + padding));
    }

    /** Index step of a direction in {@link #levels}. */
    int step(Offset d) {
        int px = nx + 2 * padding;
        return d.dx() + px * (d.dy() + (ny + 2 * padding) * d.dz());
    }

    /**
     * The box slices a matrix of {@code direction} over {@code slice} counts: that slice, or all when it is negative
     * (a 3D matrix). A direction with a z step cannot count within one slice.
     */
    int[] sliceRange(Offset direction, int slice) {
        if (slice >= 0 && direction.dz() != 0) {
            throw new IllegalStateException("direction " + direction + " leaves axial slice " + slice);
        }
        return slice >= 0 ? new int[] {slice, slice} : new int[] {0, nz - 1};
    }

    /** ROI voxels in box slice z, or in the whole ROI when z is negative. */
    int voxelsIn(int z) {
        return z < 0 ? voxels : voxelsPerSlice[z];
    }

    /** The longest line of voxels the box holds along an axis or a diagonal: the most a run can be. */
    int longestLine() {
        return Math.max(nx, Math.max(ny, nz));
    }
}
