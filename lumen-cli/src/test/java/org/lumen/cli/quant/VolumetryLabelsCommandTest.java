package org.lumen.cli.quant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumen.cli.testing.Cli;
import org.lumen.dicom.testing.TestData;
import org.lumen.image.Volume;
import org.lumen.image.nifti.NiftiReader;
import org.lumen.image.nifti.NiftiWriter;

class VolumetryLabelsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String hippocampus(String number) {
        return TestData.data("hippocampus/labelsTr/hippocampus_" + number + ".nii.gz").toString();
    }

    @Test
    void oneLabelMapPrintsATableOfItsLabels() {
        Cli.Result result = Cli.run("volumetry", "labels", hippocampus("001"));
        assertThat(result.exitCode()).as(result.toString()).isZero();
        // Voxel counts of labels 1 and 2 as counted from the raw file with Python (gzip + the NIfTI-1 header); 1 mm voxels.
        assertThat(result.stdout()).contains("2 labels")
                .containsPattern("(?m)^\\s+1\\s+1324\\s+1324\\.0\\s")
                .containsPattern("(?m)^\\s+2\\s+1624\\s+1624\\.0\\s");
    }

    @Test
    void jsonHoldsEveryMeasurementInSnakeCase() throws Exception {
        Cli.Result result = Cli.run("volumetry", "labels", hippocampus("001"), "--json");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode labels = JSON.readTree(result.stdout()).get("labels");
        assertThat(labels).hasSize(2);
        JsonNode first = labels.get(0);
        assertThat(first.get("label").asInt()).isEqualTo(1);
        assertThat(first.get("voxel_count").asLong()).isEqualTo(1324);
        assertThat(first.get("voxel_volume_mm3").asDouble()).isEqualTo(1324.0);
        assertThat(first.get("mesh_volume_mm3").asDouble()).isBetween(0.8 * 1324, 1324.0);
        assertThat(first.get("surface_area_mm2").asDouble()).isPositive();
        assertThat(first.get("maximum_diameter_mm").asDouble()).isBetween(20.0, 60.0);
        assertThat(first.get("centroid_lps_mm")).hasSize(3);
        assertThat(labels.get(1).get("voxel_count").asLong()).isEqualTo(1624);
    }

    @Test
    void severalLabelMapsAreATimeSeriesWithEjectionFraction() throws Exception {
        String[] frames = {hippocampus("001"), hippocampus("003"), hippocampus("004")};
        double[] label1 = new double[3];
        for (int f = 0; f < 3; f++) {
            Cli.Result single = Cli.run("volumetry", "labels", frames[f], "--json");
            label1[f] = JSON.readTree(single.stdout()).get("labels").get(0).get("voxel_volume_mm3").asDouble();
        }
        Cli.Result result = Cli.run("volumetry", "labels", frames[0], frames[1], frames[2], "--json");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode series = JSON.readTree(result.stdout()).get("labels").get(0);
        assertThat(series.get("label").asInt()).isEqualTo(1);
        assertThat(series.get("voxel_volumes_mm3")).hasSize(3);
        int largest = argExtreme(label1, true);
        int smallest = argExtreme(label1, false);
        assertThat(series.get("end_diastolic_frame").asInt()).isEqualTo(largest + 1);
        assertThat(series.get("end_systolic_frame").asInt()).isEqualTo(smallest + 1);
        assertThat(series.get("ejection_fraction").asDouble())
                .isCloseTo((label1[largest] - label1[smallest]) / label1[largest], within(1e-12));

        Cli.Result table = Cli.run("volumetry", "labels", frames[0], frames[1], frames[2]);
        assertThat(table.exitCode()).as(table.toString()).isZero();
        assertThat(table.stdout()).contains("label 1", "label 2", "end-diastole: frame " + (largest + 1),
                "ejection fraction");
    }

    @Test
    void aFileThatIsNotALabelMapIsBadInput(@TempDir Path tmp) throws Exception {
        Path text = Files.writeString(tmp.resolve("notes.txt"), "not an image");
        Cli.Result result = Cli.run("volumetry", "labels", text.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains("not a NIfTI file");
        Cli.Result missing = Cli.run("volumetry", "labels", tmp.resolve("absent.nii.gz").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.stderr()).contains("absent.nii.gz");
    }

    @Test
    void aDicomSegIsALabelMapOfItsSegments() throws Exception {
        // pydicom's liver SEG: one segment (number 1, "Liver") on 3 frames of 512 x 512, 0.810547 mm pixels, 1 mm apart;
        // 36 233 + 35 645 + 35 220 pixels set (the counts DicomSegmentationTest checks frame by frame).
        Cli.Result result = Cli.run("volumetry", "labels", TestData.data("dicom/pydicom-data/liver.dcm").toString(),
                "--json");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode labels = JSON.readTree(result.stdout()).get("labels");
        assertThat(labels).hasSize(1);
        assertThat(labels.get(0).get("label").asInt()).isEqualTo(1);
        assertThat(labels.get(0).get("voxel_count").asLong()).isEqualTo(36_233 + 35_645 + 35_220);
        assertThat(labels.get(0).get("voxel_volume_mm3").asDouble())
                .isCloseTo((36_233 + 35_645 + 35_220) * 0.810547 * 0.810547 * 1.0, within(1.0));
    }

    @Test
    void anRtStructIsRefusedAsALabelMap() {
        Cli.Result result = Cli.run("volumetry", "labels",
                TestData.data("ibsi/ibsi_1_ct_radiomics_phantom/dicom/mask/DCM_RS_00060.dcm").toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains("RTSTRUCT");
    }

    @Test
    void aSingleFourDimensionalNiftiIsATimeSeries(@TempDir Path tmp) throws Exception {
        // Frames: hippocampus 001's labels, the same with every other label-1 voxel cleared, and the labels again.
        Volume labels = NiftiReader.read(Path.of(hippocampus("001")));
        float[] shrunk = labels.data().clone();
        int cleared = 0;
        for (int v = 0; v < shrunk.length; v++) {
            if (shrunk[v] == 1 && v % 2 == 0) {
                shrunk[v] = 0;
                cleared++;
            }
        }
        Path[] frames = {tmp.resolve("f1.nii"), tmp.resolve("f2.nii"), tmp.resolve("f3.nii")};
        NiftiWriter.write(labels, frames[0]);
        NiftiWriter.write(new Volume(labels.nx(), labels.ny(), labels.nz(), shrunk, labels.voxelType(),
                labels.geometry()), frames[1]);
        NiftiWriter.write(labels, frames[2]);
        Path cine = fourDimensional(tmp.resolve("cine.nii"), frames);

        Cli.Result result = Cli.run("volumetry", "labels", cine.toString(), "--json");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode json = JSON.readTree(result.stdout());
        assertThat(json.get("frames")).hasSize(3);
        JsonNode label1 = json.get("labels").get(0);
        assertThat(label1.get("label").asInt()).isEqualTo(1);
        // 1 mm voxels: volumes are voxel counts.
        assertThat(label1.get("voxel_volumes_mm3").get(0).asDouble()).isEqualTo(1324.0);
        assertThat(label1.get("voxel_volumes_mm3").get(1).asDouble()).isEqualTo(1324.0 - cleared);
        assertThat(label1.get("voxel_volumes_mm3").get(2).asDouble()).isEqualTo(1324.0);
        assertThat(label1.get("end_systolic_frame").asInt()).isEqualTo(2);
        assertThat(label1.get("ejection_fraction").asDouble()).isCloseTo(cleared / 1324.0, within(1e-12));
        // The same as the three frames given as three files.
        Cli.Result separate = Cli.run("volumetry", "labels", frames[0].toString(), frames[1].toString(),
                frames[2].toString(), "--json");
        assertThat(JSON.readTree(separate.stdout()).get("labels")).isEqualTo(json.get("labels"));

        Cli.Result mixed = Cli.run("volumetry", "labels", cine.toString(), frames[0].toString());
        assertThat(mixed.exitCode()).isEqualTo(2);
        assertThat(mixed.stderr()).contains("time series of 3 frames");
    }

    /** One 4D NIfTI of the 3D files' frames: the first file's header with dim[0] = 4 and dim[4] = frames. */
    private static Path fourDimensional(Path file, Path... frames) throws Exception {
        byte[] first = Files.readAllBytes(frames[0]);
        ByteBuffer header = ByteBuffer.wrap(first).order(NiftiWriter.Options.DEFAULTS.byteOrder());
        int offset = (int) header.getFloat(108);
        header.putShort(40, (short) 4).putShort(48, (short) frames.length);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(first, 0, offset);
        for (Path frame : frames) {
            byte[] all = Files.readAllBytes(frame);
            bytes.write(all, offset, all.length - offset);
        }
        return Files.write(file, bytes.toByteArray());
    }

    private static int argExtreme(double[] values, boolean largest) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (largest ? values[i] > values[best] : values[i] < values[best]) {
                best = i;
            }
        }
        return best;
    }
}
