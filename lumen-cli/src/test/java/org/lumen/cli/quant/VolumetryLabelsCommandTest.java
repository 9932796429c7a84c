package org.lumen.cli.quant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumen.cli.testing.Cli;
import org.lumen.dicom.testing.TestData;

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
