package org.lumen.image.volumetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.lumen.dicom.testing.TestData;
import org.lumen.image.Geometry;
import org.lumen.image.Matrix3;
import org.lumen.image.Vec3;
import org.lumen.image.Volume;
import org.lumen.image.VoxelType;
import org.lumen.image.nifti.NiftiReader;

class LabelVolumetryTest {
    /** An oblique, anisotropic, left-handed grid away from the origin: nothing may assume identity geometry. */
    private static final Geometry OBLIQUE = new Geometry(new Vec3(-120, 35, 410),
            Matrix3.ofColumns(new Vec3(Math.cos(0.4), Math.sin(0.4), 0), new Vec3(-Math.sin(0.4), Math.cos(0.4), 0),
                    new Vec3(0, 0, -1)),
            new Vec3(0.7, 0.8, 1.25));

    @Test
    void aSphereAndAnEllipsoidMeetTheirAnalyticMeasures() {
        Vec3 sphereCentre = OBLIQUE.indexToPatient(20.3, 22.6, 14.2);
        Vec3 ellipsoidCentre = OBLIQUE.indexToPatient(62.1, 40.4, 20.7);
        double radius = 11;
        double[] semiAxes = {16, 10, 7}; // along patient x, y, z
        Volume map = labelMap(84, 64, 36, OBLIQUE, position -> {
            if (position.minus(sphereCentre).norm() <= radius) {
                return 1;
            }
            Vec3 d = position.minus(ellipsoidCentre);
            return sq(d.x() / semiAxes[0]) + sq(d.y() / semiAxes[1]) + sq(d.z() / semiAxes[2]) <= 1 ? 2 : 0;
        });
        List<LabelMeasurement> measured = LabelVolumetry.measure(map);
        assertThat(measured).extracting(LabelMeasurement::label).containsExactly(1, 2);

        LabelMeasurement sphere = measured.get(0);
        double sphereVolume = 4.0 / 3 * Math.PI * radius * radius * radius;
        assertThat(sphere.voxelVolumeMm3() / sphereVolume).isCloseTo(1, within(0.01));
        assertThat(sphere.meshVolumeMm3() / sphereVolume).isCloseTo(1, within(0.02));
        // The mesh of a voxel mask follows the staircase: 5-10% more area than the smooth sphere (IBSI accepts this).
        assertThat(sphere.surfaceAreaMm2() / (4 * Math.PI * radius * radius)).isBetween(1.02, 1.12);
        // Surface vertices sit half-way to the first outside voxel, up to half the largest spacing beyond the sphere.
        assertThat(sphere.maximumDiameterMm()).isBetween(2 * radius, 2 * radius + 1.25);
        assertThat(sphere.centroid().minus(sphereCentre).norm()).isLessThan(0.05);
        assertThat(sphere.voxelVolumeMm3()).isEqualTo(sphere.voxelCount() * 0.7 * 0.8 * 1.25, within(1e-6));

        LabelMeasurement ellipsoid = measured.get(1);
        double ellipsoidVolume = 4.0 / 3 * Math.PI * semiAxes[0] * semiAxes[1] * semiAxes[2];
        assertThat(ellipsoid.voxelVolumeMm3() / ellipsoidVolume).isCloseTo(1, within(0.01));
        assertThat(ellipsoid.meshVolumeMm3() / ellipsoidVolume).isCloseTo(1, within(0.02));
        // Thinner than the sphere against 1.25 mm slices, so more staircase; Thomsen's formula adds up to 1%.
        assertThat(ellipsoid.surfaceAreaMm2() / ellipsoidArea(semiAxes)).isBetween(1.02, 1.14);
        assertThat(ellipsoid.maximumDiameterMm()).isBetween(2 * semiAxes[0], 2 * semiAxes[0] + 1.25);
        assertThat(ellipsoid.centroid().minus(ellipsoidCentre).norm()).isLessThan(0.05);
    }

    @Test
    void aBeatingEllipsoidGivesItsEjectionFractionAndTheFramesOfEndDiastoleAndEndSystole() {
        // A chamber whose semi-axes scale by s(t) = 1 - 0.2 sin^2(pi t / T) over 10 frames: largest at frame 0, smallest
        // at frame 5 (s = 0.8), so EF = 1 - 0.8^3 = 0.488.
        Vec3 centre = OBLIQUE.indexToPatient(40.2, 30.7, 18.1);
        List<Volume> frames = new ArrayList<>();
        int frameCount = 10;
        for (int t = 0; t < frameCount; t++) {
            double scale = 1 - 0.2 * sq(Math.sin(Math.PI * t / frameCount));
            frames.add(labelMap(84, 64, 36, OBLIQUE, position -> {
                Vec3 d = position.minus(centre);
                return sq(d.x() / (20 * scale)) + sq(d.y() / (14 * scale)) + sq(d.z() / (11 * scale)) <= 1 ? 3 : 0;
            }));
        }
        List<LabelTimeSeries> series = TimeSeriesVolumetry.measure(frames);
        assertThat(series).hasSize(1);
        LabelTimeSeries chamber = series.get(0);
        assertThat(chamber.label()).isEqualTo(3);
        assertThat(chamber.endDiastolicFrame()).isEqualTo(0);
        assertThat(chamber.endSystolicFrame()).isEqualTo(5);
        assertThat(chamber.ejectionFraction()).isCloseTo(1 - 0.8 * 0.8 * 0.8, within(0.01));
        double endDiastolic = 4.0 / 3 * Math.PI * 20 * 14 * 11;
        assertThat(chamber.endDiastolicVolumeMm3() / endDiastolic).isCloseTo(1, within(0.01));
        assertThat(chamber.meshVolumesMm3()[5] / (endDiastolic * 0.512)).isCloseTo(1, within(0.02));
    }

    @Test
    void hippocampusLabelsCountLikeAnIndependentReadingOfTheFile() throws Exception {
        Path file = TestData.data("hippocampus/labelsTr/hippocampus_001.nii.gz");
        TreeMap<Integer, Long> independent = countUint8Labels(file);
        List<LabelMeasurement> measured = LabelVolumetry.measure(NiftiReader.read(file));
        assertThat(measured).extracting(LabelMeasurement::label).containsExactly(1, 2);
        for (LabelMeasurement label : measured) {
            assertThat(label.voxelCount()).as("label %d", label.label()).isEqualTo(independent.get(label.label()));
            // 1 mm voxels: volume by count equals the count; the mesh cuts the staircase corners, so it is smaller.
            assertThat(label.voxelVolumeMm3()).isEqualTo(label.voxelCount(), within(1e-6));
            assertThat(label.meshVolumeMm3()).isBetween(0.8 * label.voxelCount(), 1.0 * label.voxelCount());
            assertThat(label.maximumDiameterMm()).isBetween(20.0, 60.0); // a hippocampus head to tail
        }
    }

    @Test
    void imagesWithFractionalValuesAreRefused() {
        Volume image = new Volume(2, 1, 1, new float[] {0, 1.5f}, VoxelType.FLOAT32, Geometry.identity());
        assertThatThrownBy(() -> LabelVolumetry.measure(image)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an integer label");
    }

    /** Label counts read straight from a gzipped little-endian uint8 NIfTI-1 file, without NiftiReader. */
    private static TreeMap<Integer, Long> countUint8Labels(Path file) throws IOException {
        try (InputStream in = new DataInputStream(new GZIPInputStream(Files.newInputStream(file)))) {
            byte[] bytes = in.readAllBytes();
            ByteBuffer header = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            assertThat(header.getInt(0)).isEqualTo(348);
            assertThat(header.getShort(70)).as("datatype uint8").isEqualTo((short) 2);
            int voxels = header.getShort(42) * header.getShort(44) * header.getShort(46);
            int offset = (int) header.getFloat(108);
            TreeMap<Integer, Long> counts = new TreeMap<>();
            for (int n = offset; n < offset + voxels; n++) {
                int value = bytes[n] & 0xff;
                if (value != 0) {
                    counts.merge(value, 1L, Long::sum);
                }
            }
            return counts;
        }
    }

    private interface LabelAt {
        int label(Vec3 patientPosition);
    }

    private static Volume labelMap(int nx, int ny, int nz, Geometry geometry, LabelAt rule) {
        float[] data = new float[nx * ny * nz];
        int n = 0;
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    data[n++] = rule.label(geometry.indexToPatient(i, j, k));
                }
            }
        }
        return new Volume(nx, ny, nz, data, VoxelType.UINT8, geometry);
    }

    /** Thomsen's approximation of an ellipsoid's area (within about 1%). */
    private static double ellipsoidArea(double[] s) {
        double p = 1.6075;
        double ab = Math.pow(s[0] * s[1], p);
        double ac = Math.pow(s[0] * s[2], p);
        double bc = Math.pow(s[1] * s[2], p);
        return 4 * Math.PI * Math.pow((ab + ac + bc) / 3, 1 / p);
    }

    private static double sq(double v) {
        return v * v;
    }
}
