package org.lumen.image.mesh;

import java.util.Arrays;
import org.lumen.image.Matrix3;
import org.lumen.image.Vec3;

/**
 * Marching cubes on a scalar grid (x fastest), as IBSI draws the ROI surface: the grid is treated as padded with values
 * below the iso-level, so a region touching the grid border is still closed; vertices lie on grid edges where the values
 * cross the iso-level (linear interpolation; the edge midpoint for a 0/1 mask at level 0.5) and are mapped to mm by the
 * index-to-mm matrix. The mesh is closed and consistently oriented with outward normals (see {@link MarchingCubesTable}).
 * Only the bounding box of the voxels above the level is visited, so a small region of a large label map is cheap.
 */
public final class MarchingCubes {
    private MarchingCubes() {
    }

    /** The surface of a mask at level 0.5, in mm: {@code position = origin + indexToMm * (i, j, k)}. */
    public static TriangleMesh ofMask(boolean[] mask, int nx, int ny, int nz, Matrix3 indexToMm, Vec3 origin) {
        float[] values = new float[mask.length];
        for (int n = 0; n < mask.length; n++) {
            values[n] = mask[n] ? 1f : 0f;
        }
        return ofField(values, nx, ny, nz, 0.5, indexToMm, origin);
    }

    /** The iso-surface {@code value = level} of a scalar grid; values above the level are inside. */
    public static TriangleMesh ofField(float[] values, int nx, int ny, int nz, double level, Matrix3 indexToMm, Vec3 origin) {
        if ((long) nx * ny * nz != values.length) {
            throw new IllegalArgumentException(values.length + " values do not fill a " + nx + "x" + ny + "x" + nz + " grid");
        }
        int[] box = insideBoundingBox(values, nx, ny, nz, level);
        if (box == null) {
            return new TriangleMesh(new double[0], new int[0]);
        }
        return new Builder(values, nx, ny, nz, level, box, indexToMm, origin).build();
    }

    /** {min i, min j, min k, max i, max j, max k} of the values above the level, or null when there are none. */
    private static int[] insideBoundingBox(float[] values, int nx, int ny, int nz, double level) {
        int[] box = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1, -1};
        int n = 0;
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++, n++) {
                    if (values[n] > level) {
                        box[0] = Math.min(box[0], i);
                        box[1] = Math.min(box[1], j);
                        box[2] = Math.min(box[2], k);
                        box[3] = Math.max(box[3], i);
                        box[4] = Math.max(box[4], j);
                        box[5] = Math.max(box[5], k);
                    }
                }
            }
        }
        return box[3] < 0 ? null : box;
    }

    private static final class Builder {
        private final float[] values;
        private final int nx;
        private final int ny;
        private final int nz;
        private final double level;
        private final int i0;
        private final int j0;
        private final int k0;
        /** Size of the visited corner lattice: the box grown by one on each side. */
        private final int lx;
        private final int ly;
        private final int lz;
        private final double[] m;
        private final Vec3 origin;
        private final boolean flipWinding;
        /** 1 where a lattice point is above the level, 0 elsewhere (also outside the grid): a cube's case in 8 reads. */
        private final byte[] inside;
        /** Vertex id of each lattice edge (3 per lattice point, one per axis), -1 while not yet made. */
        private final int[] edgeVertex;
        private double[] vertices = new double[3 * 1024];
        private int vertexCount;
        private int[] triangles = new int[3 * 2048];
        private int triangleIndexCount;

        Builder(float[] values, int nx, int ny, int nz, double level, int[] box, Matrix3 indexToMm, Vec3 origin) {
            this.values = values;
            this.nx = nx;
            this.ny = ny;
            this.nz = nz;
            this.level = level;
            this.i0 = box[0] - 1;
            this.j0 = box[1] - 1;
            this.k0 = box[2] - 1;
            this.lx = box[3] - box[0] + 3;
            this.ly = box[4] - box[1] + 3;
            this.lz = box[5] - box[2] + 3;
            this.m = indexToMm.toRowMajor();
            this.origin = origin;
            // A left-handed index-to-mm map mirrors the mesh, which would turn the normals inwards; undo that.
            this.flipWinding = indexToMm.determinant() < 0;
            long edges = 3L * lx * ly * lz;
            if (edges > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("region of " + lx + "x" + ly + "x" + lz + " voxels is too large to mesh");
            }
            this.edgeVertex = new int[(int) edges];
            Arrays.fill(edgeVertex, -1);
            this.inside = new byte[lx * ly * lz];
            for (int c = 0; c < lz; c++) {
                for (int b = 0; b < ly; b++) {
                    for (int a = 0; a < lx; a++) {
                        inside[a + lx * (b + ly * c)] = sample(a, b, c) > level ? (byte) 1 : 0;
                    }
                }
            }
        }

        TriangleMesh build() {
            float[] corner = new float[8];
            int[] cornerOffset = new int[8];
            for (int q = 0; q < 8; q++) {
                cornerOffset[q] = (q & 1) + lx * (((q >> 1) & 1) + ly * ((q >> 2) & 1));
            }
            // Cubes have their lower corner at lattice points 0 .. l-2 along each axis.
            for (int c = 0; c < lz - 1; c++) {
                for (int b = 0; b < ly - 1; b++) {
                    int row = lx * (b + ly * c);
                    for (int a = 0; a < lx - 1; a++) {
                        int cubeCase = 0;
                        for (int q = 0; q < 8; q++) {
                            cubeCase |= inside[row + a + cornerOffset[q]] << q;
                        }
                        if (cubeCase == 0 || cubeCase == 255) {
                            continue; // most cubes: wholly outside or inside, no surface
                        }
                        for (int q = 0; q < 8; q++) {
                            corner[q] = sample(a + (q & 1), b + ((q >> 1) & 1), c + ((q >> 2) & 1));
                        }
                        emit(cubeCase, a, b, c, corner);
                    }
                }
            }
            return new TriangleMesh(Arrays.copyOf(vertices, 3 * vertexCount), Arrays.copyOf(triangles, triangleIndexCount));
        }

        /** The value at a lattice point; below the level outside the grid (the padding). */
        private float sample(int a, int b, int c) {
            int i = a + i0;
            int j = b + j0;
            int k = c + k0;
            if (i < 0 || j < 0 || k < 0 || i >= nx || j >= ny || k >= nz) {
                return Float.NEGATIVE_INFINITY;
            }
            return values[i + nx * (j + ny * k)];
        }

        private void emit(int cubeCase, int a, int b, int c, float[] corner) {
            int[] edges = MarchingCubesTable.TRIANGLES[cubeCase];
            for (int t = 0; t < edges.length; t += 3) {
                int va = vertexOn(edges[t], a, b, c, corner);
                int vb = vertexOn(edges[t + 1], a, b, c, corner);
                int vc = vertexOn(edges[t + 2], a, b, c, corner);
                if (triangleIndexCount + 3 > triangles.length) {
                    triangles = Arrays.copyOf(triangles, 2 * triangles.length);
                }
                triangles[triangleIndexCount++] = va;
                triangles[triangleIndexCount++] = flipWinding ? vc : vb;
                triangles[triangleIndexCount++] = flipWinding ? vb : vc;
            }
        }

        private int addVertex(double x, double y, double z) {
            if (3 * vertexCount + 3 > vertices.length) {
                vertices = Arrays.copyOf(vertices, 2 * vertices.length);
            }
            int at = 3 * vertexCount;
            vertices[at] = x;
            vertices[at + 1] = y;
            vertices[at + 2] = z;
            return vertexCount++;
        }

        private int vertexOn(int edge, int a, int b, int c, float[] corner) {
            int[] ends = MarchingCubesTable.EDGE_CORNERS[edge];
            int low = ends[0];
            int axis = edge / 4;
            int pa = a + (low & 1);
            int pb = b + ((low >> 1) & 1);
            int pc = c + ((low >> 2) & 1);
            int key = 3 * (pa + lx * (pb + ly * pc)) + axis;
            if (edgeVertex[key] >= 0) {
                return edgeVertex[key];
            }
            double t = crossing(corner[low], corner[ends[1]]);
            double i = pa + i0 + (axis == 0 ? t : 0);
            double j = pb + j0 + (axis == 1 ? t : 0);
            double k = pc + k0 + (axis == 2 ? t : 0);
            int vertex = addVertex(origin.x() + m[0] * i + m[1] * j + m[2] * k,
                    origin.y() + m[3] * i + m[4] * j + m[5] * k,
                    origin.z() + m[6] * i + m[7] * j + m[8] * k);
            edgeVertex[key] = vertex;
            return vertex;
        }

        /** Where along the edge (0 at the low corner, 1 at the high one) the values cross the level. */
        private double crossing(float low, float high) {
            if (Float.isInfinite(low) || Float.isInfinite(high)) {
                return 0.5; // the padding: as if the outside value were 0 next to a 0/1 mask
            }
            double t = (level - low) / ((double) high - low);
            return Math.max(0, Math.min(1, t));
        }
    }
}
