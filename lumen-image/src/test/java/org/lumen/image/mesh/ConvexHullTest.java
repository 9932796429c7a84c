package org.lumen.image.mesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lumen.image.Matrix3;
import org.lumen.image.Vec3;

class ConvexHullTest {

    @Test
    void aLatticeCubeFullOfCoplanarPointsGivesTheCube() {
        double[] points = new double[3 * 125];
        int n = 0;
        for (int k = 0; k < 5; k++) {
            for (int j = 0; j < 5; j++) {
                for (int i = 0; i < 5; i++) {
                    points[n++] = i;
                    points[n++] = j;
                    points[n++] = k;
                }
            }
        }
        TriangleMesh hull = ConvexHull.of(points);
        assertThat(hull.isClosedAndConsistentlyOriented()).isTrue();
        assertThat(hull.signedVolume()).isCloseTo(64, within(1e-9));
        assertThat(hull.area()).isCloseTo(96, within(1e-9));
        assertEnclosesAll(hull, points);
    }

    @Test
    void pointsOnASphereGiveANearlySphericalPolytope() {
        Random random = new Random(3);
        double[] points = new double[3 * 1500];
        for (int i = 0; i < points.length; i += 3) {
            double z = 2 * random.nextDouble() - 1;
            double phi = 2 * Math.PI * random.nextDouble();
            double s = Math.sqrt(1 - z * z);
            points[i] = 10 + 5 * s * Math.cos(phi);
            points[i + 1] = -20 + 5 * s * Math.sin(phi);
            points[i + 2] = 300 + 5 * z;
        }
        TriangleMesh hull = ConvexHull.of(points);
        assertThat(hull.isClosedAndConsistentlyOriented()).isTrue();
        assertThat(hull.vertexCount()).isEqualTo(1500); // every point on a sphere is extreme
        assertThat(hull.signedVolume() / (4.0 / 3 * Math.PI * 125)).isCloseTo(1, within(0.02));
        assertEnclosesAll(hull, points);
    }

    @Test
    void marchingCubesVertexSetsOfRandomMasksAreEnclosedByAClosedHull() {
        Random random = new Random(11);
        for (int trial = 0; trial < 30; trial++) {
            int nx = 2 + random.nextInt(12);
            int ny = 2 + random.nextInt(12);
            int nz = 1 + random.nextInt(8);
            boolean[] mask = new boolean[nx * ny * nz];
            double fill = 0.2 + 0.8 * random.nextDouble();
            for (int n = 0; n < mask.length; n++) {
                mask[n] = random.nextDouble() < fill;
            }
            mask[0] = true;
            TriangleMesh mesh = MarchingCubes.ofMask(mask, nx, ny, nz, Matrix3.diagonal(0.8, 0.8, 3), new Vec3(-50, 20, 7));
            TriangleMesh hull = ConvexHull.of(mesh.vertices());
            assertThat(hull.isClosedAndConsistentlyOriented()).as("trial %d", trial).isTrue();
            assertThat(hull.signedVolume()).as("trial %d", trial).isGreaterThanOrEqualTo(mesh.volume() - 1e-9);
            assertEnclosesAll(hull, mesh.vertices());
        }
    }

    @Test
    void flatPointSetsAreRefused() {
        assertThatThrownBy(() -> ConvexHull.of(new double[] {0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 1, 0, 0.5, 0.5, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one plane");
    }

    /** Every point lies behind (or on) every hull face plane; the first offender fails the test. */
    private static void assertEnclosesAll(TriangleMesh hull, double[] points) {
        int[] t = hull.triangles();
        for (int f = 0; f < t.length; f += 3) {
            Vec3 a = hull.vertex(t[f]);
            Vec3 normal = hull.vertex(t[f + 1]).minus(a).cross(hull.vertex(t[f + 2]).minus(a)).normalized();
            double offset = normal.dot(a);
            for (int i = 0; i < points.length; i += 3) {
                double distance = normal.x() * points[i] + normal.y() * points[i + 1] + normal.z() * points[i + 2] - offset;
                if (distance > 1e-6) {
                    assertThat(distance).as("point %d above face %d", i / 3, f / 3).isLessThan(1e-6);
                }
            }
        }
    }
}
