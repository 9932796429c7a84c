package org.lumen.image.radiomics.texture;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lumen.image.radiomics.DiscretisedRoi;
import org.lumen.image.radiomics.FeatureTable;
import org.lumen.image.radiomics.IbsiPhantoms;
import org.lumen.image.radiomics.IbsiReference;
import org.lumen.image.radiomics.RadiomicsConfig;
import org.lumen.image.radiomics.RadiomicsPipeline;

/**
 * GLCM and GLRLM on the IBSI 1 CT phantom in configuration A (manual 05: no interpolation, re-segmentation to
 * [-500, 400] HU, fixed bin size 25 HU from -500, 2D and 2.5D aggregation), the grey levels prepared by the pipeline's
 * image processing ({@link RadiomicsPipeline#discretise}); the two families alone against every cm_/rlm_ reference.
 */
class GlcmGlrlmCtPhantomConfigATest {

    @Test
    void everyConfigurationAGlcmAndGlrlmValueMatches() {
        RadiomicsConfig config = RadiomicsConfig.named("A");
        IbsiPhantoms.ImageAndMask ct = IbsiPhantoms.ct();
        DiscretisedRoi roi = RadiomicsPipeline.discretise(ct.image(), ct.mask(), config);
        IbsiReference reference = IbsiReference.load("config_A").withTagPrefixes("cm_", "rlm_");
        FeatureTable ours = new FeatureTable()
                .putAll(new GlcmFamily().compute(roi, config.textureDimensionalities()))
                .putAll(new GlrlmFamily().compute(roi, config.textureDimensionalities()));

        assertThat(reference.rows()).hasSize(4 * 25 + 4 * 16);
        reference.assertMatches(ours, "GLCM and GLRLM, configuration A");
    }
}
