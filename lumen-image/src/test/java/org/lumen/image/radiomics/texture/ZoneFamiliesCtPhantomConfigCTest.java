package org.lumen.image.radiomics.texture;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The IBSI 1 CT radiomics phantom in configuration C (manual 05: trilinear interpolation to 2 mm isotropic with grid
 * centres aligned and boundary padding, intensities rounded to integers, ROI interpolated trilinearly and kept at 0.5,
 * re-segmentation to [-1000, 400] HU, fixed bin size 25 HU from -1000, 3D), processed here without the pipeline, against
 * every szm/dzm/ngt/ngl 3D reference value of configuration C: the families' 3D path on real data. Lists every miss.
 */
class ZoneFamiliesCtPhantomConfigCTest {
    private static final String CSV = "ibsi_1_reference_values_config_C.csv";
    private static final double SPACING_MM = 2;
    private static final double RANGE_LOW = -1000;
    private static final double RANGE_HIGH = 400;
    private static final double BIN_WIDTH = 25;

    private static DiscretisedRoi roi;

    @BeforeAll
    static void process() throws Exception {
        roi = configC(NiftiReader.read(TestData.data("ibsi/ibsi_1_ct_radiomics_phantom/nifti/image/phantom.nii.gz")),
                NiftiReader.read(TestData.data("ibsi/ibsi_1_ct_radiomics_phantom/nifti/mask/mask.nii.gz")));
    }

    @Test
    void glszm() throws Exception {
        assertFamilyMatches(new GlszmFamily(), "szm_", 16);
    }

    @Test
    void gldzm() throws Exception {
        assertFamilyMatches(new GldzmFamily(), "dzm_", 16);
    }

    @Test
    void ngtdm() throws Exception {
        assertFamilyMatches(new NgtdmFamily(), "ngt_", 5);
    }

    @Test
    void ngldm() throws Exception {
        assertFamilyMatches(new NgldmFamily(), "ngl_", 17);
    }

    private static void assertFamilyMatches(TextureFamily family, String prefix, int expectedReferences)
            throws Exception {
        List<ZoneFamilyReference.Reference> references = ZoneFamilyReference.references(CSV, prefix);
        FeatureTable ours = family.compute(roi, EnumSet.of(Dimensionality.THREE_D));

        assertThat(references).hasSize(expectedReferences);
        assertThat(ours.size()).isEqualTo(expectedReferences);
        List<String> misses = ZoneFamilyReference.misses(ours, references);
        assertThat(misses).as("%d of %d %s configuration C reference values missed", misses.size(), references.size(),
                prefix).isEmpty();
    }

    private static DiscretisedRoi configC(Volume image, Volume mask) {
        double[] spacing = {image.geometry().spacing().x(), image.geometry().spacing().y(),
            image.geometry().spacing().z()};
        int[] source = {image.nx(), image.ny(), image.nz()};
        int[] target = new int[3];
        double[] origin = new double[3];
        double[] step = new double[3];
        for (int a = 0; a < 3; a++) {
            // IBSI "align grid centres": n_b = ceil(n_a s_a / s_b), first point at (n_a - 1 - s_b/s_a (n_b - 1)) / 2.
            target[a] = (int) Math.ceil(source[a] * spacing[a] / SPACING_MM);
            step[a] = SPACING_MM / spacing[a];
            origin[a] = 0.5 * (source[a] - 1 - step[a] * (target[a] - 1));
        }
        int voxels = target[0] * target[1] * target[2];
        int[] levels = new int[voxels];
        boolean[] morphological = new boolean[voxels];
        int n = 0;
        for (int k = 0; k < target[2]; k++) {
            for (int j = 0; j < target[1]; j++) {
                for (int i = 0; i < target[0]; i++, n++) {
                    double x = origin[0] + step[0] * i;
                    double y = origin[1] + step[1] * j;
                    double z = origin[2] + step[2] * k;
                    morphological[n] = trilinear(mask, x, y, z) >= 0.5;
                    double hu = Math.rint(trilinear(image, x, y, z));
                    if (morphological[n] && hu >= RANGE_LOW && hu <= RANGE_HIGH) {
                        levels[n] = (int) Math.floor((hu - RANGE_LOW) / BIN_WIDTH) + 1;
                    }
                }
            }
        }
        int levelCount = (int) Math.floor((RANGE_HIGH - RANGE_LOW) / BIN_WIDTH) + 1;
        return new DiscretisedRoi(target[0], target[1], target[2], SPACING_MM, SPACING_MM, SPACING_MM, levels,
                levelCount, morphological);
    }

    /** Trilinear interpolation at grid coordinates, padding the grid with its boundary values as IBSI recommends. */
    private static double trilinear(Volume v, double x, double y, double z) {
        x = Math.min(Math.max(x, 0), v.nx() - 1);
        y = Math.min(Math.max(y, 0), v.ny() - 1);
        z = Math.min(Math.max(z, 0), v.nz() - 1);
        int i0 = Math.min((int) x, v.nx() - 2);
        int j0 = Math.min((int) y, v.ny() - 2);
        int k0 = Math.min((int) z, v.nz() - 2);
        double fx = x - i0;
        double fy = y - j0;
        double fz = z - k0;
        double c00 = v.get(i0, j0, k0) * (1 - fx) + v.get(i0 + 1, j0, k0) * fx;
        double c10 = v.get(i0, j0 + 1, k0) * (1 - fx) + v.get(i0 + 1, j0 + 1, k0) * fx;
        double c01 = v.get(i0, j0, k0 + 1) * (1 - fx) + v.get(i0 + 1, j0, k0 + 1) * fx;
        double c11 = v.get(i0, j0 + 1, k0 + 1) * (1 - fx) + v.get(i0 + 1, j0 + 1, k0 + 1) * fx;
        return (c00 * (1 - fy) + c10 * fy) * (1 - fz) + (c01 * (1 - fy) + c11 * fy) * fz;
    }
}
