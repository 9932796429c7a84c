package org.lumen.image.nifti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.lumen.dicom.testing.TestData;
import org.lumen.image.Vec3;
import org.lumen.image.Volume;

/**
 * The IBSI 1 digital phantom against the IBSI reference manual's description (5 x 4 x 4 voxels of 2 mm, grey levels 1 to 6
 * in the ROI with 2 and 5 absent) and its consensus reference values for the simplest features.
 */
class IbsiDigitalPhantomTest {

    @Test
    void phantomMatchesTheManualAndTheReferenceValues() throws Exception {
        Volume image = NiftiReader.read(TestData.data("ibsi/ibsi_1_digital_phantom/nifti/image/phantom.nii.gz"));
        Volume mask = NiftiReader.read(TestData.data("ibsi/ibsi_1_digital_phantom/nifti/mask/mask.nii.gz"));
        assertThat(new int[] {image.nx(), image.ny(), image.nz()}).containsExactly(5, 4, 4);
        assertThat(image.geometry().spacing()).isEqualTo(new Vec3(2, 2, 2));
        assertThat(mask.sameGeometry(image, 0)).isTrue();

        TreeMap<Float, Integer> roiHistogram = new TreeMap<>();
        double roiSum = 0;
        double roiEnergy = 0;
        double imageSum = 0;
        for (int n = 0; n < image.voxelCount(); n++) {
            float value = image.get(n);
            imageSum += value;
            if (mask.get(n) > 0) {
                roiHistogram.merge(value, 1, Integer::sum);
                roiSum += value;
                roiEnergy += value * value;
            }
        }
        int roiVoxels = roiHistogram.values().stream().mapToInt(Integer::intValue).sum();
        double voxelVolume = 2.0 * 2.0 * 2.0;
        Map<String, Double> reference = referenceValues();

        assertThat(imageSum).isEqualTo(173);
        assertThat(roiHistogram).containsOnlyKeys(1f, 3f, 4f, 6f); // 2 and 5 absent, as the manual says
        assertThat(roiHistogram.firstKey()).isEqualTo(reference.get("stat_min").floatValue());
        assertThat(roiHistogram.lastKey()).isEqualTo(reference.get("stat_max").floatValue());
        assertThat(roiVoxels * voxelVolume).isEqualTo(reference.get("morph_vol_approx"));
        assertThat(roiSum / roiVoxels).isCloseTo(reference.get("stat_mean"), within(0.005)); // reference given to 2 decimals
        assertThat(roiEnergy).isEqualTo(reference.get("stat_energy"));
    }

    private static Map<String, Double> referenceValues() throws Exception {
        Map<String, Double> values = new HashMap<>();
        for (String line : Files.readAllLines(TestData.data("ibsi/reference_values/ibsi_1_reference_values_digital_phantom.csv"),
                StandardCharsets.UTF_8)) {
            // dataset, family, feature, consensus, reference value, tolerance, your result, difference, check, tag;
            // a feature name may hold a quoted comma, so count from the end.
            String[] cells = line.strip().split(",", -1);
            int valueColumn = cells.length - 6;
            if (cells[0].equals("digital phantom") && valueColumn > 0 && !cells[valueColumn].isBlank()) {
                values.put(cells[cells.length - 1], Double.parseDouble(cells[valueColumn]));
            }
        }
        return values;
    }
}
