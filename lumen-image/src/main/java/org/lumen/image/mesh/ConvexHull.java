package org.lumen.image.mesh;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The 3D convex hull of a point set by quickhull (Barber, Dobkin and Huhdanpaa 1996): start from a tetrahedron of extreme
 * points, then repeatedly take the point farthest outside a face, remove the faces it sees and close the hole with a
 * cone of new faces from that point to the horizon. Points within a small distance of a face plane count as inside, so
 * the many coplanar points of a marching-cubes vertex set (all on the voxel lattice) do not produce degenerate faces.
 */
public final class ConvexHull {
    private final double[] p;
    private final double tolerance;
    private final List<Face> faces = new ArrayList<>();
    private int visitStamp;

    private ConvexHull(double[] points) {
        this.p = points;
        double extent = 0;
        for (double coordinate : points) {
            extent = Math.max(extent, Math.abs(coordinate));
        }
        // Far above the rounding error of a plane distance, far below any geometric detail.
        this.tolerance = 1e-10 * Math.max(extent, 1);
    }

    /**
     * The hull of points given as x, y, z triples: a closed mesh of the hull vertices only, triangles wound
     * counter-clockwise from outside.
     *
     * @throws IllegalArgumentException when the points are fewer than four or all lie in one plane
     */
    public static TriangleMesh of(double[] points) {
        if (points.length % 3 != 0) {
            throw new IllegalArgumentException("coordinates must come in threes, got " + points.length);
        }
        ConvexHull hull = new ConvexHull(points);
        hull.build();
        return hull.toMesh();
    }

    private static final class Face {
        final int[] v;
        final Face[] neighbour = new Face[3]; // across edge v[i] -> v[(i + 1) % 3]
        final double nx;
        final double ny;
        final double nz;
        final double offset;
        int[] outside = new int[0];
        int outsideCount;
        boolean alive = true;
        int stamp;

        Face(int a, int b, int c, double[] p) {
            v = new int[] {a, b, c};
            double abx = p[3 * b] - p[3 * a];
            double aby = p[3 * b + 1] - p[3 * a + 1];
            double abz = p[3 * b + 2] - p[3 * a + 2];
            double acx = p[3 * c] - p[3 * a];
            double acy = p[3 * c + 1] - p[3 * a + 1];
            double acz = p[3 * c + 2] - p[3 * a + 2];
            double x = aby * acz - abz * acy;
            double y = abz * acx - abx * acz;
            double z = abx * acy - aby * acx;
            double length = Math.sqrt(x * x + y * y + z * z);
            nx = x / length;
            ny = y / length;
            nz = z / length;
            offset = nx * p[3 * a] + ny * p[3 * a + 1] + nz * p[3 * a + 2];
        }

        double distance(int point, double[] p) {
            return nx * p[3 * point] + ny * p[3 * point + 1] + nz * p[3 * point + 2] - offset;
        }

        void addOutside(int point) {
            if (outsideCount == outside.length) {
                outside = Arrays.copyOf(outside, Math.max(4, 2 * outside.length));
            }
            outside[outsideCount++] = point;
        }
    }

    private void build() {
        int n = p.length / 3;
        if (n < 4) {
            throw new IllegalArgumentException("a convex hull in 3D needs at least 4 points, got " + n);
        }
        int[] tetrahedron = initialTetrahedron(n);
        int[] t = tetrahedron;
        Face[] initial = {
            orientedFace(t[0], t[1], t[2], t[3]), orientedFace(t[0], t[1], t[3], t[2]),
            orientedFace(t[0], t[2], t[3], t[1]), orientedFace(t[1], t[2], t[3], t[0])};
        faces.addAll(Arrays.asList(initial));
        linkNeighbours(Arrays.asList(initial));
        List<Integer> tetrahedronPoints = Arrays.asList(t[0], t[1], t[2], t[3]);
        for (int point = 0; point < n; point++) {
            if (!tetrahedronPoints.contains(point)) {
                assignToFirstFaceAbove(point, Arrays.asList(initial));
            }
        }
        Deque<Face> pending = new ArrayDeque<>(Arrays.asList(initial));
        while (!pending.isEmpty()) {
            Face face = pending.pop();
            if (!face.alive || face.outsideCount == 0) {
                continue;
            }
            List<Face> created = addPoint(farthestOutside(face), face);
            for (Face newFace : created) {
                pending.push(newFace);
            }
        }
    }

    /** Four points spanning space: the farthest pair among the axis extremes, then farthest from their line and plane. */
    private int[] initialTetrahedron(int n) {
        int[] extremes = new int[6];
        for (int point = 0; point < n; point++) {
            for (int axis = 0; axis < 3; axis++) {
                if (p[3 * point + axis] < p[3 * extremes[2 * axis] + axis]) {
                    extremes[2 * axis] = point;
                }
                if (p[3 * point + axis] > p[3 * extremes[2 * axis + 1] + axis]) {
                    extremes[2 * axis + 1] = point;
                }
            }
        }
        int a = 0;
        int b = 0;
        double best = -1;
        for (int i = 0; i < 6; i++) {
            for (int j = i + 1; j < 6; j++) {
                double d = squaredDistance(extremes[i], extremes[j]);
                if (d > best) {
                    best = d;
                    a = extremes[i];
                    b = extremes[j];
                }
            }
        }
        if (best <= tolerance * tolerance) {
            throw new IllegalArgumentException("all points coincide; they have no convex hull volume");
        }
        int c = -1;
        best = tolerance * tolerance;
        for (int point = 0; point < n; point++) {
            double d = squaredDistanceFromLine(point, a, b);
            if (d > best) {
                best = d;
                c = point;
            }
        }
        if (c < 0) {
            throw new IllegalArgumentException("all points lie on one line; they have no convex hull volume");
        }
        Face plane = new Face(a, b, c, p);
        int d = -1;
        best = tolerance;
        for (int point = 0; point < n; point++) {
            double distance = Math.abs(plane.distance(point, p));
            if (distance > best) {
                best = distance;
                d = point;
            }
        }
        if (d < 0) {
            throw new IllegalArgumentException("all points lie in one plane; they have no convex hull volume");
        }
        return new int[] {a, b, c, d};
    }

    /** The face a, b, c wound so that {@code inner} lies behind it. */
    private Face orientedFace(int a, int b, int c, int inner) {
        Face face = new Face(a, b, c, p);
        return face.distance(inner, p) > 0 ? new Face(a, c, b, p) : face;
    }

    private void assignToFirstFaceAbove(int point, List<Face> candidates) {
        for (Face face : candidates) {
            if (face.distance(point, p) > tolerance) {
                face.addOutside(point);
                return;
            }
        }
    }

    private int farthestOutside(Face face) {
        int farthest = face.outside[0];
        double best = face.distance(farthest, p);
        for (int i = 1; i < face.outsideCount; i++) {
            double d = face.distance(face.outside[i], p);
            if (d > best) {
                best = d;
                farthest = face.outside[i];
            }
        }
        return farthest;
    }

    /** Adds the eye point: removes the faces it sees, cones the horizon to it, hands their outside points on. */
    private List<Face> addPoint(int eye, Face seen) {
        visitStamp++;
        List<Face> visible = new ArrayList<>();
        List<Face> horizonFaces = new ArrayList<>();
        List<int[]> horizonEdges = new ArrayList<>();
        Deque<Face> stack = new ArrayDeque<>();
        seen.stamp = visitStamp;
        stack.push(seen);
        while (!stack.isEmpty()) {
            Face face = stack.pop();
            visible.add(face);
            for (int e = 0; e < 3; e++) {
                Face other = face.neighbour[e];
                if (other.stamp == visitStamp) {
                    continue;
                }
                if (other.distance(eye, p) > tolerance) {
                    other.stamp = visitStamp;
                    stack.push(other);
                } else {
                    horizonEdges.add(new int[] {face.v[e], face.v[(e + 1) % 3]});
                    horizonFaces.add(other);
                }
            }
        }
        // A face is visible only once it was pushed; horizon entries seen before a face turned visible are stale.
        List<Face> created = new ArrayList<>(horizonEdges.size());
        Map<Integer, Face> byStart = new HashMap<>();
        Map<Integer, Face> byEnd = new HashMap<>();
        for (int h = 0; h < horizonEdges.size(); h++) {
            Face beyond = horizonFaces.get(h);
            if (beyond.stamp == visitStamp) {
                continue;
            }
            int[] edge = horizonEdges.get(h);
            Face face = new Face(edge[0], edge[1], eye, p);
            face.neighbour[0] = beyond;
            beyond.neighbour[edgeIndex(beyond, edge[1], edge[0])] = face;
            if (byStart.put(edge[0], face) != null || byEnd.put(edge[1], face) != null) {
                throw new IllegalStateException("convex hull horizon is not a simple loop (numerically degenerate input)");
            }
            created.add(face);
        }
        for (Face face : created) {
            face.neighbour[1] = byStart.get(face.v[1]); // edge v1 -> eye is shared with the face starting at v1
            face.neighbour[2] = byEnd.get(face.v[0]); // edge eye -> v0 is shared with the face ending at v0
            if (face.neighbour[1] == null || face.neighbour[2] == null) {
                throw new IllegalStateException("convex hull horizon is not closed (numerically degenerate input)");
            }
        }
        for (Face face : visible) {
            face.alive = false;
            for (int i = 0; i < face.outsideCount; i++) {
                if (face.outside[i] != eye) {
                    assignToFirstFaceAbove(face.outside[i], created);
                }
            }
        }
        faces.addAll(created);
        return created;
    }

    private static int edgeIndex(Face face, int from, int to) {
        for (int e = 0; e < 3; e++) {
            if (face.v[e] == from && face.v[(e + 1) % 3] == to) {
                return e;
            }
        }
        throw new IllegalStateException("face does not hold edge " + from + " -> " + to);
    }

    private static void linkNeighbours(List<Face> group) {
        for (Face face : group) {
            for (int e = 0; e < 3; e++) {
                for (Face other : group) {
                    if (other != face) {
                        for (int f = 0; f < 3; f++) {
                            if (other.v[f] == face.v[(e + 1) % 3] && other.v[(f + 1) % 3] == face.v[e]) {
                                face.neighbour[e] = other;
                            }
                        }
                    }
                }
            }
        }
    }

    private TriangleMesh toMesh() {
        int[] newIndex = new int[p.length / 3];
        Arrays.fill(newIndex, -1);
        double[] vertices = new double[p.length];
        int vertexCount = 0;
        int[] triangles = new int[3 * faces.size()];
        int at = 0;
        for (Face face : faces) {
            if (!face.alive) {
                continue;
            }
            for (int point : face.v) {
                if (newIndex[point] < 0) {
                    newIndex[point] = vertexCount;
                    System.arraycopy(p, 3 * point, vertices, 3 * vertexCount, 3);
                    vertexCount++;
                }
                triangles[at++] = newIndex[point];
            }
        }
        return new TriangleMesh(Arrays.copyOf(vertices, 3 * vertexCount), Arrays.copyOf(triangles, at));
    }

    private double squaredDistance(int a, int b) {
        double dx = p[3 * a] - p[3 * b];
        double dy = p[3 * a + 1] - p[3 * b + 1];
        double dz = p[3 * a + 2] - p[3 * b + 2];
        return dx * dx + dy * dy + dz * dz;
    }

    private double squaredDistanceFromLine(int point, int a, int b) {
        double ux = p[3 * b] - p[3 * a];
        double uy = p[3 * b + 1] - p[3 * a + 1];
        double uz = p[3 * b + 2] - p[3 * a + 2];
        double wx = p[3 * point] - p[3 * a];
        double wy = p[3 * point + 1] - p[3 * a + 1];
        double wz = p[3 * point + 2] - p[3 * a + 2];
        double cx = uy * wz - uz * wy;
        double cy = uz * wx - ux * wz;
        double cz = ux * wy - uy * wx;
        return (cx * cx + cy * cy + cz * cz) / (ux * ux + uy * uy + uz * uz);
    }
}
