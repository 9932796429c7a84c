package org.lumen.image.radiomics.texture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lumen.image.radiomics.Dimensionality;
import org.lumen.image.radiomics.DiscretisedRoi;
import org.lumen.image.radiomics.FeatureTable;
import org.lumen.image.radiomics.IbsiPhantoms;
import org.lumen.image.radiomics.IbsiReference;

/**
 * GLCM and GLRLM on the IBSI 1 digital phantom: the matrices against those printed in manual chapter 06, and every
 * cm_* and rlm_* reference value (all six aggregation methods) against the consensus values.
 */
class GlcmGlrlmDigitalPhantomTest {
    private static DiscretisedRoi phantom;
    private static TextureRoi texture;
    private static Map<String, List<Map<String, Integer>>> manual;

    @BeforeAll
    static void load() throws Exception {
        phantom = IbsiPhantoms.digitalGreyLevels();
        texture = TextureRoi.of(phantom, 1);
        manual = TextureMatricesManual.sections();
    }

    @Test
    void everyGlcmAndGlrlmReferenceValueMatches() throws Exception {
        IbsiReference reference = IbsiReference.load("digital_phantom").withTagPrefixes("cm_", "rlm_");
        FeatureTable ours = new FeatureTable()
                .putAll(new GlcmFamily().compute(phantom, EnumSet.allOf(Dimensionality.class)))
                .putAll(new GlrlmFamily().compute(phantom, EnumSet.allOf(Dimensionality.class)));

        assertThat(reference.rows()).hasSize(6 * 25 + 6 * 16);
        assertThat(ours.size()).isEqualTo(reference.rows().size());
        reference.assertMatches(ours, "GLCM and GLRLM");
    }

    @Test
    void volumetricMatricesAreThoseOfTheManual() {
        List<CountMatrix> cooccurrences = new ArrayList<>();
        List<CountMatrix> runs = new ArrayList<>();
        for (Offset direction : Offset.THREE_D) {
            cooccurrences.add(CooccurrenceMatrices.cooccurrences(texture, direction, -1));
            runs.add(RunLengthMatrices.runs(texture, direction, -1));
        }
        // Per direction as a set: the manual's axis order and signs need not be the grid's, the set of 13 is the same.
        assertSameTables(cooccurrences, "Grey level co-occurrence matrix (3D)", 13);
        assertSameTables(runs, "Grey level run length matrix (3D)", 13);
        assertSameTables(List.of(merged(cooccurrences)), "Grey level co-occurrence matrix (3D, merged)", 1);
        assertSameTables(List.of(merged(runs)), "Grey level run length matrix (3D, merged)", 1);
    }

    @Test
    void sliceMatricesAreThoseOfTheManual() {
        List<CountMatrix> cooccurrences = new ArrayList<>();
        List<CountMatrix> runs = new ArrayList<>();
        List<CountMatrix> mergedCooccurrences = new ArrayList<>();
        List<CountMatrix> mergedRuns = new ArrayList<>();
        for (int z = 0; z < texture.nz(); z++) {
            List<CountMatrix> sliceCooccurrences = new ArrayList<>();
            List<CountMatrix> sliceRuns = new ArrayList<>();
            for (Offset direction : Offset.TWO_D) {
                sliceCooccurrences.add(CooccurrenceMatrices.cooccurrences(texture, direction, z));
                sliceRuns.add(RunLengthMatrices.runs(texture, direction, z));
            }
            cooccurrences.addAll(sliceCooccurrences);
            runs.addAll(sliceRuns);
            mergedCooccurrences.add(merged(sliceCooccurrences));
            mergedRuns.add(merged(sliceRuns));
        }
        assertSameTables(cooccurrences, "Grey level co-occurrence matrix (2D)", 16);
        assertSameTables(runs, "Grey level run length matrix (2D)", 16);
        assertSameTables(mergedCooccurrences, "Grey level co-occurrence matrix (2D, merged)", 4);
        assertSameTables(mergedRuns, "Grey level run length matrix (2D, merged)", 4);
    }

    private static void assertSameTables(List<CountMatrix> ours, String section, int expectedTables) {
        List<Map<String, Integer>> printed = manual.get(section);
        assertThat(printed).as(section).hasSize(expectedTables);
        Comparator<Map<String, Integer>> byText = Comparator.comparing(Map::toString);
        List<Map<String, Integer>> computed = ours.stream().map(TextureMatricesManual::asTable).sorted(byText).toList();
        assertThat(computed).as(section).containsExactlyElementsOf(printed.stream().sorted(byText).toList());
    }

    private static CountMatrix merged(List<CountMatrix> matrices) {
        CountMatrix merged = new CountMatrix(matrices.get(0).rows, matrices.get(0).columns);
        matrices.forEach(merged::add);
        return merged;
    }
}
