package org.lumen.image.radiomics.texture;

import java.util.Set;
import org.lumen.image.radiomics.DiscretisedRoi;
import org.lumen.image.radiomics.Dimensionality;
import org.lumen.image.radiomics.FeatureTable;

/**
 * One IBSI texture family (GLCM, GLRLM, GLSZM, GLDZM, NGTDM, NGLDM). It computes every feature of the family for each
 * asked dimensionality and every aggregation IBSI defines for it (suffix _avg or _comb where IBSI has them), named by the exact IBSI tags (for example
 * {@code cm_joint_max_2_5D_comb}, {@code szm_sze_3D}).
 */
public interface TextureFamily {
    FeatureTable compute(DiscretisedRoi roi, Set<Dimensionality> dimensionalities);
}
