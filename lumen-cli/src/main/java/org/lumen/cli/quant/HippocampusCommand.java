package org.lumen.cli.quant;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.lumen.image.Volume;
import org.lumen.image.atlas.BrainAtlas;
import org.lumen.image.atlas.HippocampusVolumetry;
import org.lumen.image.registration.RegistrationResult;
import org.lumen.image.resample.AffineTransform;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lumen volumetry hippocampus T1_IMAGE [--json]}: left and right hippocampal volumes by registering the Colin27
 * template to the T1 image and warping the AAL atlas onto it (see {@link HippocampusVolumetry}).
 */
@Command(name = "hippocampus", mixinStandardHelpOptions = true,
        description = {"Left and right hippocampal volumes (mm^3) of a T1-weighted brain MRI by atlas registration:"
                + " the Colin27 template is registered (affine, mutual information) to the image and the AAL labels"
                + " 37 Hippocampus_L and 38 Hippocampus_R are warped onto it.",
                "The atlas is read from $LUMEN_ATLAS_DIR or /usr/share/mricron/templates (apt-get install -y mricron-data)."})
public final class HippocampusCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(index = "0", paramLabel = "T1_IMAGE", description = "A NIfTI file or a DICOM series folder.")
    Path image;

    @Option(names = "--json", description = "Print one JSON object (snake_case) and nothing else on stdout.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Volume subject = ScanFiles.read(image, "T1 image");
        BrainAtlas atlas = BrainAtlas.load(System.getenv());
        long start = System.nanoTime();
        HippocampusVolumetry.Result result = HippocampusVolumetry.measure(subject, atlas);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (json) {
            System.out.println(JSON.writeValueAsString(toJson(result, atlas, seconds)));
        } else {
            System.out.print(text(result, atlas, seconds));
        }
        return 0;
    }

    private ObjectNode toJson(HippocampusVolumetry.Result result, BrainAtlas atlas, double seconds) {
        ObjectNode out = JSON.createObjectNode();
        out.put("image", image.toString());
        out.put("atlas_dir", atlas.folder().toString());
        out.put("left_mm3", result.leftMm3());
        out.put("right_mm3", result.rightMm3());
        out.put("left_voxels", result.leftVoxels());
        out.put("right_voxels", result.rightVoxels());
        out.put("voxel_volume_mm3", result.voxelVolumeMm3());
        out.set("registration", registrationJson(result.registration(), seconds));
        return out;
    }

    static ObjectNode registrationJson(RegistrationResult registration, double seconds) {
        ObjectNode r = JSON.createObjectNode();
        r.put("metric", registration.metricKind().name().toLowerCase(Locale.ROOT));
        r.put("value", registration.metric());
        r.put("iterations", registration.iterations());
        r.put("seconds", seconds);
        ArrayNode matrix = r.putArray("fixed_to_moving");
        AffineTransform t = registration.transform();
        for (int row = 0; row < 3; row++) {
            ArrayNode line = matrix.addArray();
            for (int col = 0; col < 3; col++) {
                line.add(t.linear().get(row, col));
            }
            line.add(t.translation().get(row));
        }
        return r;
    }

    private String text(HippocampusVolumetry.Result result, BrainAtlas atlas, double seconds) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Hippocampal volumes of %s (AAL atlas on Colin27 from %s)%n", image,
                atlas.folder()));
        out.append(String.format(Locale.ROOT, "  left   %10.1f mm^3  (%d voxels)%n", result.leftMm3(), result.leftVoxels()));
        out.append(String.format(Locale.ROOT, "  right  %10.1f mm^3  (%d voxels)%n", result.rightMm3(), result.rightVoxels()));
        out.append(String.format(Locale.ROOT, "  registration: affine, mutual information %.3f nats, %d steps, %.1f s%n",
                result.registration().metric(), result.registration().iterations(), seconds));
        return out.toString();
    }
}
