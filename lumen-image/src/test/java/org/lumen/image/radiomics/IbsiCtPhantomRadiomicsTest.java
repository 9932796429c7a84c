package org.lumen.image.radiomics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The pipeline on the IBSI 1 CT radiomics phantom (NIfTI image and GTV mask) in configurations A to E against every
 * reference value of the IBSI, diagnostics included. The image is read once; each configuration runs once.
 */
class IbsiCtPhantomRadiomicsTest {
    private static final Map<String, FeatureTable> FEATURES = new ConcurrentHashMap<>();

    private static FeatureTable features(String config, IbsiReference reference) {
        return FEATURES.computeIfAbsent(config, c -> {
            IbsiPhantoms.ImageAndMask ct = IbsiPhantoms.ct();
            FeatureTable table = RadiomicsPipeline.run(ct.image(), ct.mask(), RadiomicsConfig.named(c));
            reference.writeSummary(table);
            return table;
        });
    }

    @ParameterizedTest(name = "configuration {0}")
    @ValueSource(strings = {"A", "B", "C", "D", "E"})
    void pipelineFamiliesMatchEveryReferenceValue(String config) {
        IbsiReference reference = IbsiReference.load("config_" + config);
        reference.assertMatches(features(config, reference), IbsiReference::isPipelineFamily,
                "the pipeline's own families (diagnostics, local intensity, statistics, intensity and intensity-volume"
                        + " histograms)");
    }

    @ParameterizedTest(name = "configuration {0}")
    @ValueSource(strings = {"A", "B", "C", "D", "E"})
    void everyReferenceValueMatches(String config) {
        IbsiReference reference = IbsiReference.load("config_" + config);
        reference.assertMatches(features(config, reference), "all families");
    }
}
