package org.lumen.image.radiomics;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The pipeline on the IBSI 1 digital phantom against every reference value of the IBSI (configuration digital-phantom). */
class IbsiDigitalPhantomRadiomicsTest {
    private static IbsiReference reference;
    private static FeatureTable features;

    @BeforeAll
    static void run() {
        reference = IbsiReference.load("digital_phantom");
        IbsiPhantoms.ImageAndMask phantom = IbsiPhantoms.digital();
        features = RadiomicsPipeline.run(phantom.image(), phantom.mask(), RadiomicsConfig.named("digital-phantom"));
        reference.writeSummary(features);
    }

    @Test
    void pipelineFamiliesMatchEveryReferenceValue() {
        reference.assertMatches(features, IbsiReference::isPipelineFamily,
                "the pipeline's own families (local intensity, statistics, intensity and intensity-volume histograms)");
    }

    @Test
    void everyReferenceValueMatches() {
        reference.assertMatches(features, "all families");
    }
}
