package org.lumen.image.radiomics.texture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lumen.dicom.testing.TestData;
import org.lumen.image.Volume;
import org.lumen.image.nifti.NiftiReader;
import org.lumen.image.radiomics.Dimensionality;
import org.lumen.image.radiomics.DiscretisedRoi;
import org.lumen.image.radiomics.FeatureTable;

/**
 * GLCM and GLRLM on the IBSI 1 CT phantom in configuration A (manual 05), an early end-to-end check on real data with
 * the processing done here: no interpolation, re-segmentation to [-500, 400] HU, fixed bin size 25 HU from -500, 2D
 * and 2.5D aggregation. The level count is the highest grey level present, as for any fixed bin size discretisation.
 */
class GlcmGlrlmCtPhantomConfigATest {

    @Test
    void everyConfigurationAGlcmAndGlrlmValueMatches() throws Exception {
        DiscretisedRoi roi = configurationA();
        List<GlcmGlrlmReference.Value> reference = GlcmGlrlmReference.values("ibsi_1_reference_values_config_A.csv",
                "cm_", "rlm_");
        EnumSet<Dimensionality> slicewise = EnumSet.of(Dimensionality.TWO_D, Dimensionality.TWO_AND_HALF_D);
        FeatureTable ours = new FeatureTable()
                .putAll(new GlcmFamily().compute(roi, slicewise))
                .putAll(new GlrlmFamily().compute(roi, slicewise));

        assertThat(reference).hasSize(4 * 25 + 4 * 16);
        List<String> misses = GlcmGlrlmReference.misses(ours, reference);
        assertThat(misses).as("%d of %d configuration A cm_/rlm_ values miss:%n%s", misses.size(), reference.size(),
                String.join("\n", misses)).isEmpty();
    }

    private static DiscretisedRoi configurationA() throws Exception {
        Volume image = NiftiReader.read(TestData.data("ibsi/ibsi_1_ct_radiomics_phantom/nifti/image/phantom.nii.gz"));
        Volume mask = NiftiReader.read(TestData.data("ibsi/ibsi_1_ct_radiomics_phantom/nifti/mask/mask.nii.gz"));
        assertThat(mask.sameGeometry(image, 1e-3)).isTrue();
        int[] levels = new int[image.voxelCount()];
        boolean[] morphological = new boolean[levels.length];
        int levelCount = 1;
        for (int i = 0; i < levels.length; i++) {
            morphological[i] = mask.get(i) > 0;
            double hu = image.get(i);
            if (morphological[i] && hu >= -500 && hu <= 400) {
                levels[i] = (int) Math.floor((hu + 500) / 25) + 1;
                levelCount = Math.max(levelCount, levels[i]);
            }
        }
        var spacing = image.geometry().spacing();
        return new DiscretisedRoi(image.nx(), image.ny(), image.nz(), spacing.x(), spacing.y(), spacing.z(), levels,
                levelCount, morphological);
    }
}
