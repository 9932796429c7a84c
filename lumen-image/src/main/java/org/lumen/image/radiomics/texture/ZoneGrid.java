package org.lumen.image.radiomics.texture;

import org.lumen.image.radiomics.DiscretisedRoi;

/**
 * A copy of an ROI grid padded with {@code pad} layers of 0 on every side, so that neighbour loops of the zone-like
 * families reach a neighbour by adding a fixed linear offset, without a bounds check per neighbour: the padding reads
 * as "outside the ROI", which is how IBSI treats everything beyond the grid.
 */
final class ZoneGrid {
    final int nx;
    final int ny;
    final int nz;
    final int pad;
    final int px;
    final int py;
    /** Padded values, x fastest; 0 in the padding. */
    final int[] values;

    private ZoneGrid(int nx, int ny, int nz, int pad) {
        this.nx = nx;
        this.ny = ny;
        this.nz = nz;
        this.pad = pad;
        this.px = nx + 2 * pad;
        this.py = ny + 2 * pad;
        this.values = new int[Math.multiplyExact(Math.multiplyExact(px, py), nz + 2 * pad)];
    }

    /** The ROI's grey levels (0 outside the intensity mask). */
    static ZoneGrid levels(DiscretisedRoi roi, int pad) {
        ZoneGrid grid = new ZoneGrid(roi.nx(), roi.ny(), roi.nz(), pad);
        int[] levels = roi.levels();
        for (int n = 0; n < levels.length; n++) {
            if (levels[n] < 0 || levels[n] > roi.levelCount()) {
                throw new IllegalArgumentException("grey level " + levels[n] + " at voxel " + n + " is outside 0.."
                        + roi.levelCount() + "; discretise to levels 1..levelCount (0 outside the ROI)");
            }
        }
        int n = 0;
        for (int z = 0; z < roi.nz(); z++) {
            for (int y = 0; y < roi.ny(); y++) {
                System.arraycopy(levels, n, grid.values, grid.index(0, y, z), roi.nx());
                n += roi.nx();
            }
        }
        return grid;
    }

    /** A mask as 1 inside and 0 outside. */
    static ZoneGrid mask(DiscretisedRoi roi, boolean[] mask, int pad) {
        ZoneGrid grid = new ZoneGrid(roi.nx(), roi.ny(), roi.nz(), pad);
        int n = 0;
        for (int z = 0; z < roi.nz(); z++) {
            for (int y = 0; y < roi.ny(); y++) {
                int row = grid.index(0, y, z);
                for (int x = 0; x < roi.nx(); x++) {
                    grid.values[row + x] = mask[n++] ? 1 : 0;
                }
            }
        }
        return grid;
    }

    /** Padded indices of the voxels with a positive value (the intensity mask of a level grid), in grid order. */
    int[] positiveVoxels() {
        int count = 0;
        for (int value : values) {
            count += value > 0 ? 1 : 0;
        }
        int[] voxels = new int[count];
        int n = 0;
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                int row = index(0, y, z);
                for (int voxel = row; voxel < row + nx; voxel++) {
                    if (values[voxel] > 0) {
                        voxels[n++] = voxel;
                    }
                }
            }
        }
        return voxels;
    }

    /** The unpadded slice (z) of padded index {@code voxel}. */
    int sliceOf(int voxel) {
        return voxel / (px * py) - pad;
    }

    /** Padded index of unpadded voxel (x, y, z). */
    int index(int x, int y, int z) {
        return (x + pad) + px * ((y + pad) + py * (z + pad));
    }

    /** Linear offsets of the given neighbour steps; every step must lie within the padding. */
    int[] offsets(int[] dx, int[] dy, int[] dz) {
        int[] offsets = new int[dx.length];
        for (int k = 0; k < dx.length; k++) {
            if (Math.max(Math.abs(dx[k]), Math.max(Math.abs(dy[k]), Math.abs(dz[k]))) > pad) {
                throw new IllegalArgumentException("step reaches beyond the padding of " + pad);
            }
            offsets[k] = dx[k] + px * (dy[k] + py * dz[k]);
        }
        return offsets;
    }

    int[] offsets(ZoneNeighbourhood neighbourhood) {
        return offsets(neighbourhood.dx(), neighbourhood.dy(), neighbourhood.dz());
    }
}
