package org.lumen.image.mesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lumen.image.Matrix3;
import org.lumen.image.Vec3;

class MarchingCubesTest {

    @Test
    void everyTableCaseClosesIntoAWatertightConsistentlyOrientedMesh() {
        // One cube's worth of corners in a 2x2x2 grid, all 254 mixed cases: the padded mesh must close and enclose
        // a positive volume no larger than the 2x2x2 box.
        for (int cubeCase = 1; cubeCase < 255; cubeCase++) {
            boolean[] mask = new boolean[8];
            for (int q = 0; q < 8; q++) {
                mask[q] = (cubeCase & (1 << q)) != 0;
            }
            TriangleMesh mesh = MarchingCubes.ofMask(mask, 2, 2, 2, Matrix3.identity(), Vec3.ZERO);
            assertThat(mesh.isClosedAndConsistentlyOriented()).as("case %d", cubeCase).isTrue();
            assertThat(mesh.signedVolume()).as("case %d", cubeCase).isPositive().isLessThan(8);
        }
    }

    @Test
    void aSingleVoxelIsAnOctahedronThroughTheFaceCentres() {
        TriangleMesh mesh = MarchingCubes.ofMask(new boolean[] {true}, 1, 1, 1, Matrix3.diagonal(2, 3, 4), Vec3.ZERO);
        assertThat(mesh.vertexCount()).isEqualTo(6);
        assertThat(mesh.triangleCount()).isEqualTo(8);
        // Octahedron with semi-axes 1, 1.5, 2 mm: volume 4/3 * a * b * c.
        assertThat(mesh.signedVolume()).isCloseTo(4.0 / 3 * 1 * 1.5 * 2, within(1e-12));
        // Each face has vertices (a,0,0), (0,b,0), (0,0,c): area = sqrt(b²c² + a²c² + a²b²) / 2.
        assertThat(mesh.area()).isCloseTo(8 * Math.sqrt(1.5 * 1.5 * 4 + 4 + 1.5 * 1.5) / 2, within(1e-12));
    }

    @Test
    void randomMasksGiveClosedOutwardMeshes() {
        Random random = new Random(6);
        for (int trial = 0; trial < 20; trial++) {
            int nx = 3 + random.nextInt(6);
            int ny = 3 + random.nextInt(6);
            int nz = 3 + random.nextInt(6);
            boolean[] mask = new boolean[nx * ny * nz];
            double fill = random.nextDouble();
            int count = 0;
            for (int n = 0; n < mask.length; n++) {
                mask[n] = random.nextDouble() < fill;
                count += mask[n] ? 1 : 0;
            }
            TriangleMesh mesh = MarchingCubes.ofMask(mask, nx, ny, nz, Matrix3.diagonal(1, 1, 1), Vec3.ZERO);
            assertThat(mesh.isClosedAndConsistentlyOriented()).as("trial %d", trial).isTrue();
            if (count > 0) {
                // Each voxel's mesh share lies within its own voxel and the midpoint mesh only cuts corners off.
                assertThat(mesh.signedVolume()).as("trial %d", trial).isPositive().isLessThanOrEqualTo(count);
            }
        }
    }

    @Test
    void aSmoothSphereFieldMeetsTheAnalyticVolumeAndArea() {
        double radius = 20;
        int n = 48;
        float[] field = new float[n * n * n];
        double centre = (n - 1) / 2.0 + 0.3;
        for (int k = 0, at = 0; k < n; k++) {
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++, at++) {
                    double r = Math.sqrt(sq(i - centre) + sq(j - centre) + sq(k - centre));
                    field[at] = (float) (radius - r);
                }
            }
        }
        // 0.5 mm voxels: a 10 mm sphere.
        TriangleMesh mesh = MarchingCubes.ofField(field, n, n, n, 0, Matrix3.diagonal(0.5, 0.5, 0.5), new Vec3(-100, 7, 3));
        double r = radius * 0.5;
        assertThat(mesh.isClosedAndConsistentlyOriented()).isTrue();
        assertThat(mesh.signedVolume() / (4.0 / 3 * Math.PI * r * r * r)).isCloseTo(1, within(0.005));
        assertThat(mesh.area() / (4 * Math.PI * r * r)).isCloseTo(1, within(0.005));
    }

    @Test
    void aVoxelisedSphereHasTheAnalyticVolumeAndTheKnownStaircaseExcessArea() {
        double radius = 15;
        int n = 34;
        boolean[] mask = new boolean[n * n * n];
        double centre = (n - 1) / 2.0;
        for (int k = 0, at = 0; k < n; k++) {
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++, at++) {
                    mask[at] = sq(i - centre) + sq(j - centre) + sq(k - centre) <= radius * radius;
                }
            }
        }
        TriangleMesh mesh = MarchingCubes.ofMask(mask, n, n, n, Matrix3.identity(), Vec3.ZERO);
        assertThat(mesh.isClosedAndConsistentlyOriented()).isTrue();
        assertThat(mesh.signedVolume() / (4.0 / 3 * Math.PI * radius * radius * radius)).isCloseTo(1, within(0.02));
        // Marching cubes on a 0/1 mask follows the voxel staircase, which adds several percent of area (IBSI notes it).
        assertThat(mesh.area() / (4 * Math.PI * radius * radius)).isBetween(1.0, 1.1);
    }

    private static double sq(double v) {
        return v * v;
    }
}
