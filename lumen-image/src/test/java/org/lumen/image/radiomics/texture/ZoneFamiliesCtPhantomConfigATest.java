package org.lumen.image.radiomics.texture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lumen.dicom.testing.TestData;
import org.lumen.image.Volume;
import org.lumen.image.nifti.NiftiReader;
import org.lumen.image.radiomics.DiscretisedRoi;
import org.lumen.image.radiomics.Dimensionality;
import org.lumen.image.radiomics.FeatureTable;

/**
 * The IBSI 1 CT radiomics phantom in configuration A (manual 05: no interpolation, re-segmentation to [-500, 400] HU,
 * fixed bin size 25 HU from -500, 2D and 2.5D), discretised here without the pipeline, against every szm/dzm/ngt/ngl
 * reference value of configuration A. A failure lists every miss.
 */
class ZoneFamiliesCtPhantomConfigATest {
    private static final String CSV = "ibsi_1_reference_values_config_A.csv";
    private static final double RANGE_LOW = -500;
    private static final double RANGE_HIGH = 400;
    private static final double BIN_WIDTH = 25;
    private static final EnumSet<Dimensionality> CONFIG_A = EnumSet.of(Dimensionality.TWO_D,
            Dimensionality.TWO_AND_HALF_D);

    private static DiscretisedRoi roi;

    @BeforeAll
    static void discretise() throws Exception {
        roi = configA(NiftiReader.read(TestData.data("ibsi/ibsi_1_ct_radiomics_phantom/nifti/image/phantom.nii.gz")),
                NiftiReader.read(TestData.data("ibsi/ibsi_1_ct_radiomics_phantom/nifti/mask/mask.nii.gz")));
    }

    @Test
    void glszm() throws Exception {
        assertFamilyMatches(new GlszmFamily(), "szm_", 32);
    }

    @Test
    void gldzm() throws Exception {
        assertFamilyMatches(new GldzmFamily(), "dzm_", 32);
    }

    @Test
    void ngtdm() throws Exception {
        assertFamilyMatches(new NgtdmFamily(), "ngt_", 10);
    }

    @Test
    void ngldm() throws Exception {
        assertFamilyMatches(new NgldmFamily(), "ngl_", 34);
    }

    private static void assertFamilyMatches(TextureFamily family, String prefix, int expectedReferences)
            throws Exception {
        List<ZoneFamilyReference.Reference> references = ZoneFamilyReference.references(CSV, prefix);
        FeatureTable ours = family.compute(roi, CONFIG_A);

        assertThat(references).hasSize(expectedReferences);
        assertThat(ours.size()).isEqualTo(expectedReferences);
        List<String> misses = ZoneFamilyReference.misses(ours, references);
        assertThat(misses).as("%d of %d %s configuration A reference values missed", misses.size(), references.size(),
                prefix).isEmpty();
    }

    /**
     * Crops to the mask's bounding box (outside it nothing is in the ROI, and the families treat the grid's end as
     * outside), keeps the mask as the morphological mask, and bins the voxels within the re-segmentation range.
     */
    static DiscretisedRoi configA(Volume image, Volume mask) {
        int[] low = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE};
        int[] high = {-1, -1, -1};
        for (int z = 0; z < mask.nz(); z++) {
            for (int y = 0; y < mask.ny(); y++) {
                for (int x = 0; x < mask.nx(); x++) {
                    if (mask.get(x, y, z) > 0) {
                        int[] at = {x, y, z};
                        for (int a = 0; a < 3; a++) {
                            low[a] = Math.min(low[a], at[a]);
                            high[a] = Math.max(high[a], at[a]);
                        }
                    }
                }
            }
        }
        int nx = high[0] - low[0] + 1;
        int ny = high[1] - low[1] + 1;
        int nz = high[2] - low[2] + 1;
        int[] levels = new int[nx * ny * nz];
        boolean[] morphological = new boolean[levels.length];
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    int n = x + nx * (y + ny * z);
                    morphological[n] = mask.get(x + low[0], y + low[1], z + low[2]) > 0;
                    double hu = image.get(x + low[0], y + low[1], z + low[2]);
                    if (morphological[n] && hu >= RANGE_LOW && hu <= RANGE_HIGH) {
                        levels[n] = (int) Math.floor((hu - RANGE_LOW) / BIN_WIDTH) + 1;
                    }
                }
            }
        }
        int levelCount = (int) Math.floor((RANGE_HIGH - RANGE_LOW) / BIN_WIDTH) + 1;
        return new DiscretisedRoi(nx, ny, nz, image.geometry().spacing().x(), image.geometry().spacing().y(),
                image.geometry().spacing().z(), levels, levelCount, morphological);
    }
}
