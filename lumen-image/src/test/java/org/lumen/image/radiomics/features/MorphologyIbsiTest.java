package org.lumen.image.radiomics.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lumen.image.Volume;
import org.lumen.image.radiomics.FeatureTable;
import org.lumen.image.radiomics.IbsiPhantoms;
import org.lumen.image.radiomics.IbsiReference;
import org.lumen.image.radiomics.RoiImage;

/** Every morph_* reference value of the IBSI 1 digital phantom and of the CT phantom in configuration A. */
class MorphologyIbsiTest {

    @Test
    void digitalPhantomMeetsEveryMorphologyReferenceValue() {
        Volume image = IbsiPhantoms.digital().image();
        Volume mask = IbsiPhantoms.digital().mask();
        boolean[] roi = inside(mask);
        FeatureTable features = Morphology.compute(new RoiImage(image, roi, roi));
        assertMatches(features, "digital_phantom", 25);
    }

    @Test
    void ctPhantomConfigurationAMeetsEveryMorphologyReferenceValue() {
        // Configuration A: no interpolation; re-segmentation to [-500, 400] HU gives the intensity mask.
        Volume image = IbsiPhantoms.ct().image();
        Volume mask = IbsiPhantoms.ct().mask();
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
        assertMatches(features, "config_A", 25);
    }

    private static boolean[] inside(Volume mask) {
        boolean[] inside = new boolean[mask.voxelCount()];
        for (int n = 0; n < inside.length; n++) {
            inside[n] = mask.get(n) > 0.5f;
        }
        return inside;
    }

    /** Checks every morph_* tag with a reference value and lists every miss. */
    private static void assertMatches(FeatureTable features, String dataSet, int expectedReferences) {
        IbsiReference reference = IbsiReference.load(dataSet).inFamily("Morphology");
        assertThat(reference.rows()).hasSize(expectedReferences);
        reference.assertMatches(features, "morphology");
        for (String tag : List.of("morph_vol_dens_ombb", "morph_area_dens_ombb", "morph_vol_dens_mvee",
                "morph_area_dens_mvee")) {
            assertThat(features.get(tag)).as(tag).isBetween(0.0, 2.0); // no reference; a density still makes sense
        }
    }
}
