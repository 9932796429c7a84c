package org.lumen.image.radiomics.texture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.lumen.image.radiomics.DiscretisedRoi;
import org.lumen.image.radiomics.Dimensionality;
import org.lumen.image.radiomics.FeatureTable;
import org.lumen.image.radiomics.IbsiPhantoms;
import org.lumen.image.radiomics.IbsiReference;

/**
 * Every IBSI 1 digital phantom reference value of the GLSZM, GLDZM, NGTDM and NGLDM, in 2D, 2.5D and 3D. A failure
 * lists every miss.
 */
class ZoneFamiliesDigitalPhantomTest {
    @Test
    void glszm() throws Exception {
        assertFamilyMatches(new GlszmFamily(), "szm_", 48);
    }

    @Test
    void gldzm() throws Exception {
        assertFamilyMatches(new GldzmFamily(), "dzm_", 48);
    }

    @Test
    void ngtdm() throws Exception {
        assertFamilyMatches(new NgtdmFamily(), "ngt_", 15);
    }

    @Test
    void ngldm() throws Exception {
        assertFamilyMatches(new NgldmFamily(), "ngl_", 51);
    }

    private static void assertFamilyMatches(TextureFamily family, String prefix, int expectedReferences)
            throws Exception {
        DiscretisedRoi phantom = IbsiPhantoms.digitalGreyLevels();
        FeatureTable ours = family.compute(phantom, EnumSet.allOf(Dimensionality.class));
        IbsiReference reference = IbsiReference.load("digital_phantom").withTagPrefixes(prefix);

        assertThat(reference.rows()).hasSize(expectedReferences);
        assertThat(ours.size()).isEqualTo(expectedReferences); // every tag we compute has a reference, and vice versa
        reference.assertMatches(ours, prefix + " features");
    }
}
