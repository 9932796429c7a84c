package org.lumen.cli.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumen.ai.testing.HippocampusSubsets;
import org.lumen.cli.testing.Cli;
import org.lumen.cli.testing.VolumeAsDicomSeries;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.testing.Peers;
import org.lumen.dicom.testing.TestData;
import org.lumen.image.Volume;
import org.lumen.image.nifti.NiftiReader;
import org.lumen.image.resample.Interpolation;
import org.lumen.image.resample.Resampler;
import org.lumen.image.roi.LabelMaps;
import org.lumen.image.series.SeriesInput;
import org.lumen.image.series.SeriesVolumeBuilder;
import org.lumen.image.volumetry.LabelVolumes;

/**
 * The shipped {@code hippocampus-seg} model on a DICOM series: a real decathlon case written as an MR series is analysed by
 * {@code analyze DIR --labels-out OUT}, which writes the label map as NIfTI and as a DICOM SEG on the series. The SEG
 * passes dicom3tools' {@code dciodvfy} with no error, reads back into the NIfTI label map voxel for voxel, and the volumes
 * reported are those of the label map and of the same case given as NIfTI.
 */
class HippocampusSegDicomTest {
    @TempDir
    static Path tmp;
    private static Path nifti;
    private static Path seriesDir;
    private static JsonNode result;

    @BeforeAll
    static void analyseTheCaseAsADicomSeries() throws Exception {
        String name = HippocampusSubsets.names(0, 1).get(0);
        nifti = TestData.data("hippocampus/imagesTr").resolve(name);
        seriesDir = tmp.resolve("series");
        VolumeAsDicomSeries.write(NiftiReader.read(nifti), seriesDir);
        Cli.Result run = Cli.run("analyze", seriesDir.toString(), "--model", "hippocampus-seg", "--labels-out",
                tmp.resolve("out").toString(), "--json");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode files = new ObjectMapper().readTree(run.stdout()).get("files");
        assertThat(files).as("a named 3D model lists the series, not its slices").hasSize(1);
        assertThat(files.get(0).get("status").asText()).as(files.toString()).isEqualTo("ANALYSED");
        result = files.get(0).get("results").get(0);
    }

    @Test
    void theSeriesIsTheNiftiCaseVoxelForVoxel() throws Exception {
        Volume fromSeries = new SeriesVolumeBuilder().build(SeriesInput.ofPaths(files(seriesDir))).volume();
        Volume original = NiftiReader.read(nifti);
        assertThat(fromSeries.sameGeometry(original, 1e-3)).as("%s vs %s", fromSeries, original).isTrue();
        assertThat(fromSeries.data()).containsExactly(original.data());
    }

    @Test
    void theSegReadsBackIntoTheNiftiLabelMap() throws Exception {
        Volume labelMap = NiftiReader.read(Path.of(result.get("label_map").asText()));
        Path seg = Path.of(result.get("dicom_seg").asText());
        assertThat(seg.getFileName().toString()).endsWith(".hippocampus-seg.seg.dcm");
        Volume fromSeg = Resampler.resampleOnto(LabelMaps.read(seg), labelMap, Interpolation.NEAREST, 0f);
        assertThat(fromSeg.data()).containsExactly(labelMap.data());
        Map<Integer, Double> volumes = LabelVolumes.mm3(labelMap);
        assertThat(volumes).containsOnlyKeys(1, 2);
        assertThat(result.get("volumes_mm3").get("anterior hippocampus").asDouble()).isCloseTo(volumes.get(1), within(1e-9));
        assertThat(result.get("volumes_mm3").get("posterior hippocampus").asDouble()).isCloseTo(volumes.get(2), within(1e-9));

        Attributes dataset = DicomReader.read(seg).dataset();
        assertThat(dataset.getString(Tag.Modality)).isEqualTo("SEG");
        assertThat(dataset.getString(Tag.PatientID)).isEqualTo("TEST-1");
        assertThat(dataset.getString(Tag.ContentLabel)).isEqualTo("HIPPOCAMPUS_SEG");
        Iterable<Attributes> segments = dataset.getSequence(Tag.SegmentSequence);
        assertThat(segments).extracting(s -> s.getString(Tag.SegmentLabel))
                .containsExactly("anterior hippocampus", "posterior hippocampus");
        assertThat(segments).extracting(s -> s.getString(Tag.SegmentAlgorithmName)).containsOnly("hippocampus-seg");
    }

    @Test
    void theVolumesAreThoseOfTheSameCaseGivenAsNifti() throws Exception {
        Cli.Result run = Cli.run("analyze", nifti.toString(), "--model", "hippocampus-seg", "--json");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode asNifti = new ObjectMapper().readTree(run.stdout()).get("files").get(0).get("results").get(0);
        for (String label : List.of("anterior hippocampus", "posterior hippocampus")) {
            assertThat(result.get("volumes_mm3").get(label).asDouble()).as(label)
                    .isCloseTo(asNifti.get("volumes_mm3").get(label).asDouble(), within(1e-6));
        }
    }

    @Test
    void dciodvfyFindsNoErrorInTheSeg() {
        Peers.Result check = Peers.run(120, "dciodvfy", result.get("dicom_seg").asText());
        List<String> lines = (check.stdout() + "\n" + check.stderr()).lines().map(String::strip).toList();
        List<String> errors = lines.stream().filter(line -> line.startsWith("Error")).toList();
        assertThat(errors).as("dciodvfy errors (all %d lines:\n%s)", lines.size(), String.join("\n", lines)).isEmpty();
        assertThat(lines).as("dciodvfy names the IOD it checked").contains("Segmentation");
    }

    private static List<Path> files(Path dir) throws java.io.IOException {
        try (var stream = java.nio.file.Files.list(dir)) {
            return stream.sorted().toList();
        }
    }
}
