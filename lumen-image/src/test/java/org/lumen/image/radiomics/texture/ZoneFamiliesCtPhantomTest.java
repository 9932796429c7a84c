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
 * The IBSI 1 CT radiomics phantom in configurations A to D (manual 05), processed by {@link ZoneCtPhantomProcessing}
 * rather than the pipeline, against every szm/dzm/ngt/ngl reference value of each configuration. A failure lists every
 * miss of the configuration. (E needs tricubic spline interpolation, which only the pipeline has.)
 */
class ZoneFamiliesCtPhantomTest {
    private static final EnumSet<Dimensionality> SLICE_WISE = EnumSet.of(Dimensionality.TWO_D,
            Dimensionality.TWO_AND_HALF_D);
    private static final EnumSet<Dimensionality> VOLUMETRIC = EnumSet.of(Dimensionality.THREE_D);
    private static final double[] TWO_MM_AXIAL = {2, 2, Double.NaN};
    private static final double[] TWO_MM = {2, 2, 2};

    private static Volume image;
    private static Volume mask;
    private static ZoneCtPhantomProcessing.Grid isotropic; // C and D share it

    private static ZoneCtPhantomProcessing.Grid isotropic() {
        if (isotropic == null) {
            isotropic = ZoneCtPhantomProcessing.interpolated(image, mask, TWO_MM);
        }
        return isotropic;
    }

    @BeforeAll
    static void read() throws Exception {
        image = NiftiReader.read(TestData.data("ibsi/ibsi_1_ct_radiomics_phantom/nifti/image/phantom.nii.gz"));
        mask = NiftiReader.read(TestData.data("ibsi/ibsi_1_ct_radiomics_phantom/nifti/mask/mask.nii.gz"));
    }

    /** No interpolation, [-500, 400] HU, bins of 25 HU from -500, 2D and 2.5D. */
    @Test
    void configurationA() throws Exception {
        DiscretisedRoi roi = ZoneCtPhantomProcessing.rangeAndFixedBinSize(
                ZoneCtPhantomProcessing.original(image, mask), -500, 400, 25);
        assertConfigurationMatches("A", roi, SLICE_WISE, 108);
    }

    /** Bilinear interpolation to 2 x 2 mm in plane, [-500, 400] HU, 32 bins, 2D and 2.5D. */
    @Test
    void configurationB() throws Exception {
        DiscretisedRoi roi = ZoneCtPhantomProcessing.rangeAndFixedBinNumber(
                ZoneCtPhantomProcessing.interpolated(image, mask, TWO_MM_AXIAL), -500, 400, 32);
        assertConfigurationMatches("B", roi, SLICE_WISE, 108);
    }

    /** Trilinear interpolation to 2 mm isotropic, [-1000, 400] HU, bins of 25 HU from -1000, 3D. */
    @Test
    void configurationC() throws Exception {
        DiscretisedRoi roi = ZoneCtPhantomProcessing.rangeAndFixedBinSize(
                isotropic(), -1000, 400, 25);
        assertConfigurationMatches("C", roi, VOLUMETRIC, 54);
    }

    /** Trilinear interpolation to 2 mm isotropic, 3 sigma outlier removal, 32 bins, 3D. */
    @Test
    void configurationD() throws Exception {
        DiscretisedRoi roi = ZoneCtPhantomProcessing.outliersAndFixedBinNumber(
                isotropic(), 32);
        assertConfigurationMatches("D", roi, VOLUMETRIC, 54);
    }

    private static void assertConfigurationMatches(String configuration, DiscretisedRoi roi,
                                                   EnumSet<Dimensionality> dimensionalities, int expectedReferences)
            throws Exception {
        List<ZoneFamilyReference.Reference> references = ZoneFamilyReference.references(
                "ibsi_1_reference_values_config_" + configuration + ".csv", "szm_", "dzm_", "ngt_", "ngl_");
        FeatureTable ours = new FeatureTable();
        for (TextureFamily family : List.of(new GlszmFamily(), new GldzmFamily(), new NgtdmFamily(),
                new NgldmFamily())) {
            ours.putAll(family.compute(roi, dimensionalities));
        }

        assertThat(references).hasSize(expectedReferences);
        assertThat(ours.size()).isEqualTo(expectedReferences);
        List<String> misses = new ArrayList<>(ZoneFamilyReference.misses(ours, references));
        assertThat(misses).as("%d of %d configuration %s reference values missed", misses.size(), references.size(),
                configuration).isEmpty();
    }
}
