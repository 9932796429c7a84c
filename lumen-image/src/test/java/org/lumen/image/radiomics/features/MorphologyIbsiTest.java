package org.lumen.image.radiomics.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lumen.dicom.testing.TestData;
import org.lumen.image.Volume;
import org.lumen.image.nifti.NiftiReader;
import org.lumen.image.radiomics.FeatureTable;
import org.lumen.image.radiomics.RoiImage;

/** Every morph_* reference value of the IBSI 1 digital phantom and of the CT phantom in configuration A. */
class MorphologyIbsiTest {

    @Test
    void digitalPhantomMeetsEveryMorphologyReferenceValue() throws Exception {
        Volume image = NiftiReader.read(TestData.data("ibsi/ibsi_1_digital_phantom/nifti/image/phantom.nii.gz"));
        Volume mask = NiftiReader.read(TestData.data("ibsi/ibsi_1_digital_phantom/nifti/mask/mask.nii.gz"));
        boolean[] roi = inside(mask);
        FeatureTable features = Morphology.compute(new RoiImage(image, roi, roi));
        assertMatches(features, "digital phantom", "ibsi_1_reference_values_digital_phantom.csv", 25);
    }

    @Test
    void ctPhantomConfigurationAMeetsEveryMorphologyReferenceValue() throws Exception {
        // Configuration A: no interpolation; re-segmentation to [-500, 400] HU gives the intensity mask.
        Volume image = NiftiReader.read(TestData.data("ibsi/ibsi_1_ct_radiomics_phantom/nifti/image/phantom.nii.gz"));
        Volume mask = NiftiReader.read(TestData.data("ibsi/ibsi_1_ct_radiomics_phantom/nifti/mask/mask.nii.gz"));
        boolean[] morphological = inside(mask);
        boolean[] intensity = new boolean[morphological.length];
        for (int n = 0; n < intensity.length; n++) {
            float value = image.get(n);
            intensity[n] = morphological[n] && value >= -500 && value <= 400;
        }
        RoiImage roi = new RoiImage(image, intensity, morphological);
        long start = System.nanoTime();
        FeatureTable features = Morphology.compute(roi);
        System.out.printf("morphology of the CT phantom ROI (config A, cold JVM): %.3f s%n", (System.nanoTime() - start) / 1e9);
        assertMatches(features, "configuration A", "ibsi_1_reference_values_config_A.csv", 25);
    }

    private static boolean[] inside(Volume mask) {
        boolean[] inside = new boolean[mask.voxelCount()];
        for (int n = 0; n < inside.length; n++) {
            inside[n] = mask.get(n) > 0.5f;
        }
        return inside;
    }

    /** Checks every morph_* tag with a reference value (Morphology family) and lists every miss. */
    private static void assertMatches(FeatureTable features, String dataset, String file, int expectedReferences)
            throws IOException {
        Map<String, double[]> reference = morphologyReferences(dataset, file);
        List<String> misses = new ArrayList<>();
        for (Map.Entry<String, double[]> entry : reference.entrySet()) {
            double ours = features.get(entry.getKey());
            double expected = entry.getValue()[0];
            double tolerance = entry.getValue()[1];
            if (!(Math.abs(ours - expected) <= tolerance)) {
                misses.add(entry.getKey() + ": ours " + ours + ", reference " + expected + " +/- " + tolerance);
            }
        }
        assertThat(reference).hasSize(expectedReferences);
        assertThat(misses).as("%d of %d morphology tags outside tolerance", misses.size(), reference.size()).isEmpty();
        for (String tag : List.of("morph_vol_dens_ombb", "morph_area_dens_ombb", "morph_vol_dens_mvee",
                "morph_area_dens_mvee")) {
            assertThat(features.get(tag)).as(tag).isBetween(0.0, 2.0); // no reference; a density still makes sense
        }
    }

    /** tag -&gt; {reference value, tolerance} of the Morphology family rows that have a reference value. */
    private static Map<String, double[]> morphologyReferences(String dataset, String file) throws IOException {
        Map<String, double[]> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(TestData.data("ibsi/reference_values/" + file), StandardCharsets.UTF_8)) {
            // dataset, family, feature, consensus, reference value, tolerance, your result, difference, check, tag;
            // a feature name may hold a quoted comma, so count from the end.
            String[] cells = line.strip().split(",", -1);
            int valueColumn = cells.length - 6;
            if (cells[0].equals(dataset) && cells[1].equals("Morphology") && !cells[valueColumn].isBlank()) {
                values.put(cells[cells.length - 1], new double[] {Double.parseDouble(cells[valueColumn]),
                    Double.parseDouble(cells[valueColumn + 1])});
            }
        }
        return values;
    }
}
