package org.lumen.image.radiomics.texture;

import java.util.List;

/**
 * A direction vector between neighbouring voxels, in grid steps along x, y and z. IBSI 1 counts each direction once
 * (its opposite is folded in by the families: GLCMs are made symmetric, runs are read in one sense), so Chebyshev
 * distance 1 gives 13 directions in 3D and 4 in the axial plane.
 */
record Offset(int dx, int dy, int dz) {

    /** The 13 unique 3D directions at Chebyshev distance 1 (IBSI 1, GLCM section). */
    static final List<Offset> THREE_D = List.of(
            new Offset(0, 0, 1), new Offset(0, 1, 0), new Offset(1, 0, 0),
            new Offset(0, 1, 1), new Offset(0, 1, -1), new Offset(1, 0, 1), new Offset(1, 0, -1),
            new Offset(1, 1, 0), new Offset(1, -1, 0),
            new Offset(1, 1, 1), new Offset(1, 1, -1), new Offset(1, -1, 1), new Offset(1, -1, -1));

    /** The 4 unique in-slice directions at Chebyshev distance 1: 0, 45, 90 and 135 degrees. */
    static final List<Offset> TWO_D = List.of(
            new Offset(1, 0, 0), new Offset(1, 1, 0), new Offset(0, 1, 0), new Offset(-1, 1, 0));

    /** This direction reaching {@code distance} voxels away, as IBSI scales the neighbourhood for larger distances. */
    Offset times(int distance) {
        return new Offset(dx * distance, dy * distance, dz * distance);
    }

    static List<Offset> scaled(List<Offset> directions, int distance) {
        return directions.stream().map(d -> d.times(distance)).toList();
    }
}
