package org.lumen.ai.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lumen.image.Geometry;
import org.lumen.image.Matrix3;
import org.lumen.image.Vec3;
import org.lumen.image.Volume;
import org.lumen.image.VoxelType;

/** Dice and Hausdorff distances on hand-made label maps whose answers are worked out in the comments. */
class SegmentationMetricsTest {
    private static final int N = 24;

    /** An N^3 map of label 0 with spacing (sx, sy, sz) mm. */
    private static float[] empty() {
        return new float[N * N * N];
    }

    private static Volume map(float[] data, double sx, double sy, double sz) {
        return new Volume(N, N, N, data, VoxelType.UINT8,
                new Geometry(new Vec3(0, 0, 0), Matrix3.identity(), new Vec3(sx, sy, sz)));
    }

    private static void box(float[] data, int label, int x0, int y0, int z0, int sx, int sy, int sz) {
        for (int k = z0; k < z0 + sz; k++) {
            for (int j = y0; j < y0 + sy; j++) {
                for (int i = x0; i < x0 + sx; i++) {
                    data[i + N * (j + N * k)] = label;
                }
            }
        }
    }

    @Test
    void twoCubesTwoVoxelsApartAlongAnAnisotropicAxis() {
        // 10^3 cubes, B shifted 2 voxels along x where a voxel is 2 mm wide: overlap 8 x 10 x 10 -> Dice 2*800/2000 = 0.8.
        // The farthest surface voxels are A's x-min face and B's x-max face, 2 voxels = 4 mm from the other's nearest
        // face voxel; everything else is nearer (the y and z spacings of 1 and 3 mm never give a shorter way out).
        float[] a = empty();
        float[] b = empty();
        box(a, 1, 5, 5, 5, 10, 10, 10);
        box(b, 1, 7, 5, 5, 10, 10, 10);
        Volume truth = map(a, 2, 1, 3);
        Volume predicted = map(b, 2, 1, 3);
        assertThat(SegmentationMetrics.dice(truth, predicted, 1)).isCloseTo(0.8, within(1e-12));
        SegmentationMetrics.Hausdorff h = SegmentationMetrics.hausdorff(truth, predicted, 1);
        assertThat(h.maxMm()).isCloseTo(4.0, within(1e-9));
        assertThat(h).isEqualTo(SegmentationMetrics.hausdorff(predicted, truth, 1));
        assertThat(h.hd95Mm()).isCloseTo(bruteForce(truth, predicted, 1)[0], within(1e-9));
        // the same shift along z (3 mm voxels) is 6 mm
        float[] c = empty();
        box(c, 1, 5, 5, 7, 10, 10, 10);
        assertThat(SegmentationMetrics.hausdorff(truth, map(c, 2, 1, 3), 1).maxMm()).isCloseTo(6.0, within(1e-9));
    }

    @Test
    void parallelSheetsAreEverywhereTheirGapApart() {
        // one-voxel sheets 10 x 10 at z = 4 and z = 6, 3 mm slices: every voxel is surface and 6 mm from the other sheet
        float[] a = empty();
        float[] b = empty();
        box(a, 2, 3, 3, 4, 10, 10, 1);
        box(b, 2, 3, 3, 6, 10, 10, 1);
        SegmentationMetrics.Hausdorff h = SegmentationMetrics.hausdorff(map(a, 0.7, 0.9, 3), map(b, 0.7, 0.9, 3), 2);
        assertThat(h.hd95Mm()).isCloseTo(6.0, within(1e-9));
        assertThat(h.maxMm()).isCloseTo(6.0, within(1e-9));
        assertThat(SegmentationMetrics.dice(map(a, 1, 1, 1), map(b, 1, 1, 1), 2)).isZero();
    }

    @Test
    void oneStrayVoxelSetsTheMaximumButNotThe95thPercentile() {
        // B = A plus one voxel (3, 2, 1) voxels from A's corner (18,18,18) -> sqrt((3*1.5)^2 + (2*1)^2 + (1*2)^2) mm.
        // Every other surface voxel lies on the other map's surface (distance 0) and there are hundreds of them.
        float[] a = empty();
        box(a, 1, 9, 9, 9, 10, 10, 10);
        float[] b = a.clone();
        b[21 + N * (20 + N * 19)] = 1;
        SegmentationMetrics.Hausdorff h = SegmentationMetrics.hausdorff(map(a, 1.5, 1, 2), map(b, 1.5, 1, 2), 1);
        assertThat(h.maxMm()).isCloseTo(Math.sqrt(4.5 * 4.5 + 4 + 4), within(1e-9));
        assertThat(h.hd95Mm()).isZero();
        assertThat(SegmentationMetrics.dice(map(a, 1, 1, 1), map(b, 1, 1, 1), 1)).isCloseTo(2000.0 / 2001, within(1e-12));
    }

    @Test
    void theDistanceTransformAgreesWithBruteForceOnRandomBlobs() {
        Random random = new Random(7);
        List<String> misses = new ArrayList<>();
        for (int trial = 0; trial < 5; trial++) {
            float[] a = empty();
            float[] b = empty();
            for (int blob = 0; blob < 3; blob++) {
                box(a, 1, random.nextInt(16), random.nextInt(16), random.nextInt(16), 2 + random.nextInt(7),
                        2 + random.nextInt(7), 2 + random.nextInt(7));
                box(b, 1, random.nextInt(16), random.nextInt(16), random.nextInt(16), 2 + random.nextInt(7),
                        2 + random.nextInt(7), 2 + random.nextInt(7));
            }
            Volume truth = map(a, 0.8, 1.3, 2.5);
            Volume predicted = map(b, 0.8, 1.3, 2.5);
            double[] expected = bruteForce(truth, predicted, 1);
            SegmentationMetrics.Hausdorff h = SegmentationMetrics.hausdorff(truth, predicted, 1);
            if (Math.abs(h.hd95Mm() - expected[0]) > 1e-9 || Math.abs(h.maxMm() - expected[1]) > 1e-9) {
                misses.add("trial " + trial + ": ours " + h + ", brute force hd95 " + expected[0] + " max " + expected[1]);
            }
        }
        assertThat(misses).as("tolerance 1e-9 mm").isEmpty();
    }

    @Test
    void undefinedAndRefusedCases() {
        float[] a = empty();
        box(a, 1, 2, 2, 2, 3, 3, 3);
        Volume truth = map(a, 1, 1, 1);
        Volume none = map(empty(), 1, 1, 1);
        assertThat(SegmentationMetrics.dice(truth, none, 1)).isZero();
        assertThat(SegmentationMetrics.dice(none, none, 1)).isEqualTo(1.0);
        assertThat(SegmentationMetrics.hausdorff(truth, none, 1).maxMm()).isNaN();
        Volume small = new Volume(2, 2, 2, new float[8], VoxelType.UINT8, Geometry.identity());
        assertThatThrownBy(() -> SegmentationMetrics.dice(truth, small, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("different sizes");
    }

    @Test
    void theEvaluationAveragesPerLabelAndWritesTheCliKeys() {
        float[] a = empty();
        float[] b = empty();
        box(a, 1, 5, 5, 5, 10, 10, 10);
        box(b, 1, 7, 5, 5, 10, 10, 10);
        box(a, 2, 2, 2, 18, 4, 4, 4);
        box(b, 2, 2, 2, 18, 4, 4, 4);
        SegmentationEvaluation e = SegmentationEvaluation.of(List.of(
                new SegmentationEvaluation.Pair("x", map(a, 2, 1, 3), map(b, 2, 1, 3))), List.of(1, 2));
        assertThat(e.dicePerLabel()).containsEntry("1", 0.8).containsEntry("2", 1.0);
        assertThat(e.dice()).isCloseTo(0.9, within(1e-12));
        assertThat(e.toJson()).contains("\"dice\":0.9", "\"dice_per_label\":{\"1\":0.8,\"2\":1.0}", "\"n\":1",
                "\"hd95_mm_per_label\"");
    }

    /** {hd95, max} by comparing every pair of surface voxels. */
    private static double[] bruteForce(Volume truth, Volume predicted, int label) {
        double[] ab = bruteDirected(truth, predicted, label);
        double[] ba = bruteDirected(predicted, truth, label);
        return new double[] {Math.max(SegmentationMetrics.percentile(ab, 95), SegmentationMetrics.percentile(ba, 95)),
                Math.max(ab[ab.length - 1], ba[ba.length - 1])};
    }

    private static double[] bruteDirected(Volume from, Volume to, int label) {
        boolean[] sf = SegmentationMetrics.surface(from, label);
        boolean[] st = SegmentationMetrics.surface(to, label);
        Vec3 s = from.geometry().spacing();
        List<Double> out = new ArrayList<>();
        for (int p = 0; p < sf.length; p++) {
            if (!sf[p]) {
                continue;
            }
            double best = Double.POSITIVE_INFINITY;
            for (int q = 0; q < st.length; q++) {
                if (st[q]) {
                    double dx = (p % N - q % N) * s.x();
                    double dy = (p / N % N - q / N % N) * s.y();
                    double dz = (p / (N * N) - q / (N * N)) * s.z();
                    best = Math.min(best, dx * dx + dy * dy + dz * dz);
                }
            }
            out.add(Math.sqrt(best));
        }
        return out.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }
}
