package org.lumen.image.radiomics.texture;

import java.util.Arrays;

/**
 * Splits the intensity mask into zones: groups of linked voxels with the same grey level (IBSI 1 GLSZM/GLDZM). Linkage
 * is 26-connected in 3D and 8-connected within the slice in 2D, so a planar labelling never links voxels across slices.
 * Labelling is a two-pass union-find without recursion, so zones of any size are safe.
 */
final class ZoneLabeller {
    private ZoneLabeller() {
    }

    /**
     * Labels every voxel of {@code grid} (grey levels, padded by at least 1).
     *
     * @param planar true for 2D zones (8-connected, per slice), false for 3D zones (26-connected)
     */
    static Zones label(ZoneGrid grid, boolean planar) {
        int[] levels = grid.values;
        int[] earlier = earlierNeighbours(grid.offsets(ZoneNeighbourhood.chebyshev(1, planar)));
        int[] parent = new int[levels.length];
        int[] roiVoxels = grid.positiveVoxels();
        // Pass 1: link each voxel with its already visited neighbours of the same level (union-find, the root of a
        // set being its first voxel in grid order).
        for (int voxel : roiVoxels) {
            int level = levels[voxel];
            parent[voxel] = voxel;
            for (int offset : earlier) {
                int neighbour = voxel + offset;
                if (levels[neighbour] == level) {
                    union(parent, voxel, neighbour);
                }
            }
        }
        // Pass 2: number the zones in the order of their first voxel and count their voxels.
        int[] zoneOf = new int[levels.length];
        Arrays.fill(zoneOf, -1);
        IntList zoneLevel = new IntList();
        IntList zoneSize = new IntList();
        IntList zoneSlice = new IntList();
        for (int voxel : roiVoxels) {
            int root = find(parent, voxel);
            int zone;
            if (root == voxel) {
                zone = zoneLevel.size();
                zoneLevel.add(levels[voxel]);
                zoneSize.add(0);
                zoneSlice.add(grid.sliceOf(voxel));
            } else {
                zone = zoneOf[root];
            }
            zoneOf[voxel] = zone;
            zoneSize.increment(zone);
        }
        return new Zones(zoneLevel.toArray(), zoneSize.toArray(), zoneSlice.toArray(), zoneOf);
    }

    /** The neighbour offsets that point to voxels visited earlier in grid order (half of a symmetric set). */
    private static int[] earlierNeighbours(int[] offsets) {
        IntList earlier = new IntList();
        for (int offset : offsets) {
            if (offset < 0) {
                earlier.add(offset);
            }
        }
        return earlier.toArray();
    }

    /** Joins the sets of a and b; the smaller root index (the earlier voxel) stays the root. */
    private static void union(int[] parent, int a, int b) {
        int rootA = find(parent, a);
        int rootB = find(parent, b);
        if (rootA < rootB) {
            parent[rootB] = rootA;
        } else if (rootB < rootA) {
            parent[rootA] = rootB;
        }
    }

    /** The root of x's set, halving the path on the way (iterative, no recursion). */
    private static int find(int[] parent, int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }

    /**
     * The zones found: grey level, voxel count and slice (z of the first voxel; the only slice of a planar zone) per
     * zone, and the zone of every padded grid voxel (-1 outside the intensity mask).
     */
    record Zones(int[] level, int[] size, int[] slice, int[] zoneOfVoxel) {
        int count() {
            return level.length;
        }
    }

    /** A growable int array, to avoid boxing one Integer per zone. */
    static final class IntList {
        private int[] values = new int[16];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        void increment(int index) {
            values[index]++;
        }

        int size() {
            return size;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
