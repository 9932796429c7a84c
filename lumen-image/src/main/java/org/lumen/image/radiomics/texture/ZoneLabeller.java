package org.lumen.image.radiomics.texture;

import org.lumen.image.radiomics.DiscretisedRoi;

/**
 * Splits the intensity mask of a {@link DiscretisedRoi} into zones: groups of linked voxels with the same grey level
 * (IBSI 1 GLSZM/GLDZM). Linkage is 26-connected in 3D and 8-connected within the slice in 2D, so a planar labelling
 * never links voxels across slices. Flood fill uses an explicit stack, so zones of any size are safe.
 */
final class ZoneLabeller {
    private ZoneLabeller() {
    }

    /**
     * Labels every intensity-mask voxel.
     *
     * @param planar true for 2D zones (8-connected, per slice), false for 3D zones (26-connected)
     */
    static Zones label(DiscretisedRoi roi, boolean planar) {
        int nx = roi.nx();
        int ny = roi.ny();
        int nz = roi.nz();
        int[] levels = roi.levels();
        int[] zoneOf = new int[levels.length];
        java.util.Arrays.fill(zoneOf, -1);
        int[] stack = new int[Math.max(1, levels.length)];
        IntList zoneLevel = new IntList();
        IntList zoneSize = new IntList();
        IntList zoneSlice = new IntList();
        int dzMax = planar ? 0 : 1;
        for (int seed = 0; seed < levels.length; seed++) {
            int level = levels[seed];
            if (level <= 0 || zoneOf[seed] >= 0) {
                continue;
            }
            int zone = zoneLevel.size();
            int size = 0;
            int top = 0;
            stack[top++] = seed;
            zoneOf[seed] = zone;
            while (top > 0) {
                int voxel = stack[--top];
                size++;
                int x = voxel % nx;
                int y = (voxel / nx) % ny;
                int z = voxel / (nx * ny);
                for (int dz = -dzMax; dz <= dzMax; dz++) {
                    int zz = z + dz;
                    if (zz < 0 || zz >= nz) {
                        continue;
                    }
                    for (int dy = -1; dy <= 1; dy++) {
                        int yy = y + dy;
                        if (yy < 0 || yy >= ny) {
                            continue;
                        }
                        for (int dx = -1; dx <= 1; dx++) {
                            int xx = x + dx;
                            if (xx < 0 || xx >= nx) {
                                continue;
                            }
                            int neighbour = xx + nx * (yy + ny * zz);
                            if (zoneOf[neighbour] < 0 && levels[neighbour] == level) {
                                zoneOf[neighbour] = zone;
                                stack[top++] = neighbour;
                            }
                        }
                    }
                }
            }
            zoneLevel.add(level);
            zoneSize.add(size);
            zoneSlice.add(seed / (nx * ny));
        }
        return new Zones(zoneLevel.toArray(), zoneSize.toArray(), zoneSlice.toArray(), zoneOf);
    }

    /**
     * The zones found: grey level, voxel count and slice (z of the first voxel; the only slice of a planar zone) per
     * zone, and the zone of every voxel (-1 outside the intensity mask).
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
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int size() {
            return size;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }
}
