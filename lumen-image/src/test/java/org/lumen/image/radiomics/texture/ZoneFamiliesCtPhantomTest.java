package org.lumen.image.radiomics.texture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lumen.image.radiomics.DiscretisedRoi;
import org.lumen.image.radiomics.FeatureTable;
import org.lumen.image.radiomics.IbsiPhantoms;
import org.lumen.image.radiomics.IbsiReference;
import org.lumen.image.radiomics.RadiomicsConfig;
import org.lumen.image.radiomics.RadiomicsPipeline;

/**
 * The zone-like families (GLSZM, GLDZM, NGTDM, NGLDM) alone on the IBSI 1 CT radiomics phantom in configurations A to
 * E (manual 05), the grey levels prepared by the pipeline's image processing ({@link RadiomicsPipeline#discretise}),
 * against every szm/dzm/ngt/ngl reference value of each configuration. A failure lists every miss.
 */
class ZoneFamiliesCtPhantomTest {

    /** A and B aggregate slice-wise (2D, 2.5D: 108 references), C to E in 3D (54). */
    @ParameterizedTest(name = "configuration {0}")
    @CsvSource({"A, 108", "B, 108", "C, 54", "D, 54", "E, 54"})
    void everyZoneFamilyValueMatches(String configuration, int expectedReferences) {
        RadiomicsConfig config = RadiomicsConfig.named(configuration);
        IbsiPhantoms.ImageAndMask ct = IbsiPhantoms.ct();
        DiscretisedRoi roi = RadiomicsPipeline.discretise(ct.image(), ct.mask(), config);
        IbsiReference reference = IbsiReference.load("config_" + configuration)
                .withTagPrefixes("szm_", "dzm_", "ngt_", "ngl_");
        FeatureTable ours = new FeatureTable();
        for (TextureFamily family : List.of(new GlszmFamily(), new GldzmFamily(), new NgtdmFamily(),
                new NgldmFamily())) {
            ours.putAll(family.compute(roi, config.textureDimensionalities()));
        }

        assertThat(reference.rows()).hasSize(expectedReferences);
        assertThat(ours.size()).isEqualTo(expectedReferences);
        reference.assertMatches(ours, "GLSZM, GLDZM, NGTDM and NGLDM, configuration " + configuration);
    }
}
