package org.lumen.image.radiomics.texture;

/**
 * Distance of each ROI voxel to the ROI edge for the GLDZM (IBSI 1): the number of times the voxel survives repeated
 * erosion of the mask, so a voxel on the edge has distance 1 and voxels outside the mask 0. Everything outside the grid
 * counts as outside the ROI. The default Manhattan norm erodes with the 6-connected (3D) or 4-connected (2D) element;
 * the Chebyshev norm with the 26- or 8-connected one. Computed as one breadth-first pass inward from the edge voxels,
 * which gives the same numbers as iterated erosion without repeating it.
 */
final class ZoneBorderDistance {
    private ZoneBorderDistance() {
    }

    /** The GLDZM distance norm; IBSI's default is {@link #MANHATTAN}. */
    enum Norm {
        MANHATTAN,
        CHEBYSHEV
    }

    /**
     * @param mask   the ROI (IBSI uses the morphological mask here), x fastest
     * @param planar true to measure within each slice (2D), false in the volume (3D)
     */
    static int[] map(int nx, int ny, int nz, boolean[] mask, boolean planar, Norm norm) {
        int[][] steps = steps(planar, norm);
        int[] distance = new int[mask.length];
        int[] queue = new int[mask.length];
        int tail = 0;
        for (int voxel = 0; voxel < mask.length; voxel++) {
            if (mask[voxel] && touchesOutside(voxel, nx, ny, nz, mask, steps)) {
                distance[voxel] = 1;
                queue[tail++] = voxel;
            }
        }
        for (int head = 0; head < tail; head++) {
            int voxel = queue[head];
            int x = voxel % nx;
            int y = (voxel / nx) % ny;
            int z = voxel / (nx * ny);
            for (int[] step : steps) {
                int xx = x + step[0];
                int yy = y + step[1];
                int zz = z + step[2];
                if (xx < 0 || yy < 0 || zz < 0 || xx >= nx || yy >= ny || zz >= nz) {
                    continue;
                }
                int neighbour = xx + nx * (yy + ny * zz);
                if (mask[neighbour] && distance[neighbour] == 0) {
                    distance[neighbour] = distance[voxel] + 1;
                    queue[tail++] = neighbour;
                }
            }
        }
        return distance;
    }

    private static boolean touchesOutside(int voxel, int nx, int ny, int nz, boolean[] mask, int[][] steps) {
        int x = voxel % nx;
        int y = (voxel / nx) % ny;
        int z = voxel / (nx * ny);
        for (int[] step : steps) {
            int xx = x + step[0];
            int yy = y + step[1];
            int zz = z + step[2];
            if (xx < 0 || yy < 0 || zz < 0 || xx >= nx || yy >= ny || zz >= nz || !mask[xx + nx * (yy + ny * zz)]) {
                return true;
            }
        }
        return false;
    }

    /** The structuring element as offsets from the centre voxel. */
    private static int[][] steps(boolean planar, Norm norm) {
        int dzMax = planar ? 0 : 1;
        java.util.List<int[]> steps = new java.util.ArrayList<>();
        for (int dz = -dzMax; dz <= dzMax; dz++) {
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    int manhattan = Math.abs(dx) + Math.abs(dy) + Math.abs(dz);
                    if (manhattan == 0 || (norm == Norm.MANHATTAN && manhattan > 1)) {
                        continue;
                    }
                    steps.add(new int[] {dx, dy, dz});
                }
            }
        }
        return steps.toArray(new int[0][]);
    }
}
