package org.lumen.ai.seg;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumen.ai.train.Augmentation;
import org.lumen.image.Geometry;
import org.lumen.image.Matrix3;
import org.lumen.image.Vec3;
import org.lumen.image.Volume;
import org.lumen.image.VoxelType;
import org.lumen.image.nifti.NiftiWriter;

/** The one-call entry point on a small made-up decathlon folder: what it writes, and that the weights segment again. */
class SegmentationTrainingRunTest {
    @TempDir
    Path tmp;

    @Test
    void runWritesSplitWeightsHistoryAndValidationAndTheWeightsLoad() throws Exception {
        Path data = tmp.resolve("data");
        Files.createDirectories(data.resolve("imagesTr"));
        Files.createDirectories(data.resolve("labelsTr"));
        Random random = new Random(3);
        Geometry geometry = new Geometry(new Vec3(-10, 5, 2), Matrix3.identity(), new Vec3(1, 1.2, 1.5));
        for (int c = 0; c < 6; c++) {
            float[] image = new float[16 * 16 * 16];
            float[] mask = new float[image.length];
            int shift = random.nextInt(4);
            for (int i = 0; i < image.length; i++) {
                int x = i % 16;
                int y = i / 16 % 16;
                int z = i / 256;
                boolean inside = x >= 4 + shift && x < 11 + shift && y >= 3 && y < 13 && z >= 5 && z < 11;
                mask[i] = inside ? (y < 8 ? 1 : 2) : 0;
                image[i] = (float) (100 + 50 * mask[i] + 10 * random.nextGaussian());
            }
            NiftiWriter.write(new Volume(16, 16, 16, image, VoxelType.FLOAT32, geometry),
                    data.resolve("imagesTr/case_" + c + "_0000.nii.gz"));
            NiftiWriter.write(new Volume(16, 16, 16, mask, VoxelType.UINT8, geometry),
                    data.resolve("labelsTr/case_" + c + ".nii.gz"));
        }
        SegmentationConfig config = new SegmentationConfig(new UNetSpec(3, 1, 3, 4, 2),
                SegmentationConfig.Sampling.WHOLE_VOLUME, new int[] {16, 16, 16}, 0, 1, 2, 2, 1e-2, 1e-4, 0.5, 0,
                new Augmentation(true, false, false, 0, 0, 0, 0.1), 1, 1, null,
                new Segmenter.Options(false, PostProcessing.NONE));
        Path out = tmp.resolve("model");
        SegmentationTraining.Run run = SegmentationTraining.run(data, config, 0.2, out, SegmentationListener.SILENT);

        assertThat(run.split().validation()).hasSize(1);
        assertThat(run.split().train()).hasSize(5);
        assertThat(SegmentationSplit.read(out.resolve("split.json"))).isEqualTo(run.split());
        assertThat(run.training().history()).hasSize(2);
        assertThat(run.validationByOptions()).hasSize(6);
        assertThat(tmp.resolve("model.checkpoints/best.params")).isRegularFile();
        JsonNode validation = new ObjectMapper().readTree(out.resolve("validation.json").toFile());
        assertThat(validation.get("dice_by_inference_options")).hasSize(6);
        assertThat(validation.at("/evaluation/n").asInt()).isEqualTo(1);
        assertThat(validation.at("/evaluation/dice").asDouble()).isEqualTo(run.validation().dice());
        JsonNode model = new ObjectMapper().readTree(out.resolve("segmentation.json").toFile());
        assertThat(model.at("/network/baseWidth").asInt()).isEqualTo(4);

        try (Segmenter segmenter = Segmenter.load(config.network(), Files.readAllBytes(out.resolve("weights.params")))) {
            Volume image = org.lumen.image.nifti.NiftiReader.read(data.resolve("imagesTr/case_0_0000.nii.gz"));
            Volume labels = segmenter.segment(image, run.chosen());
            assertThat(labels.sameGeometry(image, 1e-6)).isTrue();
            assertThat(labels.nx()).isEqualTo(16);
        }
    }
}
