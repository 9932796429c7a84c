package org.lumen.image.radiomics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lumen.image.radiomics.texture.TextureFamily;

/** Every family the pipeline knows is either loaded or named as missing, texture families in IBSI order. */
class FeatureFamiliesTest {
    @Test
    void eachFamilyIsLoadedOrListedAsUnavailable() {
        List<String> loaded = new ArrayList<>();
        for (TextureFamily family : FeatureFamilies.textures()) {
            loaded.add(family.getClass().getName());
        }
        List<String> expectedLoaded = FeatureFamilies.TEXTURE_CLASSES.stream()
                .filter(name -> !FeatureFamilies.unavailable().contains(name.substring(name.lastIndexOf('.') + 1)))
                .toList();
        assertThat(loaded).isEqualTo(expectedLoaded); // present ones in IBSI order, none twice
        assertThat(loaded.size() + FeatureFamilies.unavailable().size()
                - (FeatureFamilies.unavailable().contains("Morphology") ? 1 : 0)).isEqualTo(6);
    }

    @Test
    void theDigitalPhantomRunsWhateverFamiliesThisBuildHas() {
        IbsiPhantoms.ImageAndMask phantom = IbsiPhantoms.digital();
        FeatureTable features = RadiomicsPipeline.run(phantom.image(), phantom.mask(), RadiomicsConfig.named("digital-phantom"));
        assertThat(features.contains("morph_volume")).isEqualTo(!FeatureFamilies.unavailable().contains("Morphology"));
        assertThat(features.contains("cm_joint_max_3D_avg")).isEqualTo(!FeatureFamilies.unavailable().contains("GlcmFamily"));
        assertThat(features.contains("ivh_v10")).isTrue();
    }
}
