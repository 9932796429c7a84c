package org.lumen.image.mesh;

import java.util.HashMap;
import java.util.Map;
import org.lumen.image.Vec3;

/**
 * A triangle mesh: vertex coordinates (x, y, z per vertex, mm) and triangles as three vertex indices each. Triangles of a
 * closed mesh from {@link MarchingCubes} or {@link ConvexHull} are wound counter-clockwise seen from outside, so their
 * right-hand normals point out of the enclosed region and the signed volume is positive.
 */
public record TriangleMesh(double[] vertices, int[] triangles) {
    public TriangleMesh {
        if (vertices.length % 3 != 0 || triangles.length % 3 != 0) {
            throw new IllegalArgumentException("vertices and triangles must come in threes, got " + vertices.length
                    + " coordinates and " + triangles.length + " indices");
        }
        int vertexCount = vertices.length / 3;
        for (int index : triangles) {
            if (index < 0 || index >= vertexCount) {
                throw new IllegalArgumentException("triangle refers to vertex " + index + " of " + vertexCount);
            }
        }
    }

    public int vertexCount() {
        return vertices.length / 3;
    }

    public int triangleCount() {
        return triangles.length / 3;
    }

    public Vec3 vertex(int index) {
        return new Vec3(vertices[3 * index], vertices[3 * index + 1], vertices[3 * index + 2]);
    }

    /**
     * The enclosed volume by the divergence theorem: the sum of the signed volumes a . (b x c) / 6 of the tetrahedra each
     * triangle forms with the origin. Positive for outward normals; only meaningful for a closed mesh. The vertices are
     * taken relative to the first one so that a mesh far from the origin loses no precision.
     */
    public double signedVolume() {
        if (triangles.length == 0) {
            return 0;
        }
        double ox = vertices[0];
        double oy = vertices[1];
        double oz = vertices[2];
        double sum = 0;
        for (int t = 0; t < triangles.length; t += 3) {
            int a = 3 * triangles[t];
            int b = 3 * triangles[t + 1];
            int c = 3 * triangles[t + 2];
            double ax = vertices[a] - ox;
            double ay = vertices[a + 1] - oy;
            double az = vertices[a + 2] - oz;
            double bx = vertices[b] - ox;
            double by = vertices[b + 1] - oy;
            double bz = vertices[b + 2] - oz;
            double cx = vertices[c] - ox;
            double cy = vertices[c + 1] - oy;
            double cz = vertices[c + 2] - oz;
            sum += ax * (by * cz - bz * cy) + ay * (bz * cx - bx * cz) + az * (bx * cy - by * cx);
        }
        return sum / 6;
    }

    /** The enclosed volume, |signed volume| (IBSI morph_volume). */
    public double volume() {
        return Math.abs(signedVolume());
    }

    /** The sum of the triangle areas |ab x ac| / 2. */
    public double area() {
        double sum = 0;
        for (int t = 0; t < triangles.length; t += 3) {
            int a = 3 * triangles[t];
            int b = 3 * triangles[t + 1];
            int c = 3 * triangles[t + 2];
            double abx = vertices[b] - vertices[a];
            double aby = vertices[b + 1] - vertices[a + 1];
            double abz = vertices[b + 2] - vertices[a + 2];
            double acx = vertices[c] - vertices[a];
            double acy = vertices[c + 1] - vertices[a + 1];
            double acz = vertices[c + 2] - vertices[a + 2];
            double nx = aby * acz - abz * acy;
            double ny = abz * acx - abx * acz;
            double nz = abx * acy - aby * acx;
            sum += Math.sqrt(nx * nx + ny * ny + nz * nz);
        }
        return sum / 2;
    }

    /**
     * The largest distance between two vertices, O(n^2): call it on a convex hull, whose vertices include the two most
     * distant points of the set it encloses (IBSI maximum 3D diameter).
     */
    public double maximumVertexDistance() {
        double largest = 0;
        for (int a = 0; a < vertices.length; a += 3) {
            for (int b = a + 3; b < vertices.length; b += 3) {
                double dx = vertices[a] - vertices[b];
                double dy = vertices[a + 1] - vertices[b + 1];
                double dz = vertices[a + 2] - vertices[b + 2];
                largest = Math.max(largest, dx * dx + dy * dy + dz * dz);
            }
        }
        return Math.sqrt(largest);
    }

    /**
     * True when the mesh is closed and consistently oriented: every directed edge a-&gt;b occurs in exactly one triangle
     * and its reverse b-&gt;a in exactly one other (the IBSI check for a mesh whose signed volume can be trusted).
     */
    public boolean isClosedAndConsistentlyOriented() {
        Map<Long, Integer> directedEdges = new HashMap<>();
        for (int t = 0; t < triangles.length; t += 3) {
            for (int e = 0; e < 3; e++) {
                long key = edgeKey(triangles[t + e], triangles[t + (e + 1) % 3]);
                if (directedEdges.merge(key, 1, Integer::sum) > 1) {
                    return false;
                }
            }
        }
        for (long key : directedEdges.keySet()) {
            long reverse = edgeKey((int) (key & 0xffffffffL), (int) (key >>> 32));
            if (!directedEdges.containsKey(reverse)) {
                return false;
            }
        }
        return true;
    }

    private static long edgeKey(int from, int to) {
        return ((long) from << 32) | (to & 0xffffffffL);
    }
}
