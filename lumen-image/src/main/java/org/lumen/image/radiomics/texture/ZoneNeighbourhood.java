package org.lumen.image.radiomics.texture;

/**
 * The voxels within Chebyshev distance delta of a centre voxel, centre excluded, as the NGTDM and NGLDM use them: a
 * (2 delta + 1)^3 - 1 cube in 3D, a (2 delta + 1)^2 - 1 square within the slice in 2D.
 */
record ZoneNeighbourhood(int[] dx, int[] dy, int[] dz) {
    static ZoneNeighbourhood chebyshev(int delta, boolean planar) {
        if (delta < 1) {
            throw new IllegalArgumentException("neighbourhood distance must be at least 1, was " + delta);
        }
        int dzMax = planar ? 0 : delta;
        int size = (2 * delta + 1) * (2 * delta + 1) * (2 * dzMax + 1) - 1;
        int[] dx = new int[size];
        int[] dy = new int[size];
        int[] dz = new int[size];
        int n = 0;
        for (int z = -dzMax; z <= dzMax; z++) {
            for (int y = -delta; y <= delta; y++) {
                for (int x = -delta; x <= delta; x++) {
                    if (x != 0 || y != 0 || z != 0) {
                        dx[n] = x;
                        dy[n] = y;
                        dz[n] = z;
                        n++;
                    }
                }
            }
        }
        return new ZoneNeighbourhood(dx, dy, dz);
    }

    int size() {
        return dx.length;
    }
}
