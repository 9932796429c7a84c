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
     * @param mask   the ROI as 1/0 (IBSI uses the morphological mask here), padded by at least 1
     * @param planar true to measure within each slice (2D), false in the volume (3D)
     * @return the distance of every padded grid voxel
     */
    static int[] map(ZoneGrid mask, boolean planar, Norm norm) {
        int[] inside = mask.values;
        int[] steps = steps(mask, planar, norm);
        int[] distance = new int[inside.length];
        int[] queue = new int[inside.length];
        int tail = 0;
        for (int z = 0; z < mask.nz; z++) {
            for (int y = 0; y < mask.ny; y++) {
                int row = mask.index(0, y, z);
                for (int voxel = row; voxel < row + mask.nx; voxel++) {
                    if (inside[voxel] != 0 && touchesOutside(voxel, inside, steps)) {
                        distance[voxel] = 1;
                        queue[tail++] = voxel;
                    }
                }
            }
        }
        for (int head = 0; head < tail; head++) {
            int voxel = queue[head];
            for (int step : steps) {
                int neighbour = voxel + step;
                if (inside[neighbour] != 0 && distance[neighbour] == 0) {
                    distance[neighbour] = distance[voxel] + 1;
                    queue[tail++] = neighbour;
                }
            }
        }
        return distance;
    }

    private static boolean touchesOutside(int voxel, int[] inside, int[] steps) {
        for (int step : steps) {
            if (inside[voxel + step] == 0) {
                return true;
            }
        }
        return false;
    }

    /** The structuring element as linear offsets from the centre voxel. */
    private static int[] steps(ZoneGrid grid, boolean planar, Norm norm) {
        ZoneNeighbourhood cube = ZoneNeighbourhood.chebyshev(1, planar);
        if (norm == Norm.CHEBYSHEV) {
            return grid.offsets(cube);
        }
        ZoneLabeller.IntList faces = new ZoneLabeller.IntList();
        int[] all = grid.offsets(cube);
        for (int k = 0; k < cube.size(); k++) {
            if (Math.abs(cube.dx()[k]) + Math.abs(cube.dy()[k]) + Math.abs(cube.dz()[k]) == 1) {
                faces.add(all[k]);
            }
        }
        return faces.toArray();
    }
}
