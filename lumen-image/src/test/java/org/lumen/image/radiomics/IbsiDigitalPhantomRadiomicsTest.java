package org.lumen.image.radiomics;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The pipeline on the IBSI 1 digital phantom against every reference value of the IBSI (configuration digital-phantom). */
class IbsiDigitalPhantomRadiomicsTest {
    private static IbsiReferenceValues reference;
    private static FeatureTable features;

    @BeforeAll
    static void run() {
        reference = IbsiReferenceValues.load("digital_phantom");
        IbsiPhantoms.ImageAndMask phantom = IbsiPhantoms.digital();
        features = RadiomicsPipeline.run(phantom.image(), phantom.mask(), RadiomicsConfig.named("digital-phantom"));
        IbsiReferenceTests.writeSummary(reference, features);
    }

    @Test
    void pipelineFamiliesMatchEveryReferenceValue() {
        IbsiReferenceTests.assertAllMatch(reference, features, IbsiReferenceTests::isPipelineFamily,
                "the pipeline's own families (local intensity, statistics, intensity and intensity-volume histograms)");
    }

    @Test
    void everyReferenceValueMatches() {
        IbsiReferenceTests.assertAllMatch(reference, features, family -> true, "all families");
    }
}
