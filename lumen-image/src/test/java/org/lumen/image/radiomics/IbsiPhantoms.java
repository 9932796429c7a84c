package org.lumen.image.radiomics;

import org.lumen.dicom.testing.TestData;
import org.lumen.image.Volume;
import org.lumen.image.nifti.NiftiException;
import org.lumen.image.nifti.NiftiReader;

/** The IBSI 1 phantoms as NIfTI, each read once per test run and shared by the tests that use it. */
public final class IbsiPhantoms {
    public record ImageAndMask(Volume image, Volume mask) {
    }

    private static ImageAndMask digital;
    private static ImageAndMask ct;

    private IbsiPhantoms() {
    }

    public static synchronized ImageAndMask digital() {
        if (digital == null) {
            digital = read("ibsi/ibsi_1_digital_phantom/nifti");
        }
        return digital;
    }

    public static synchronized ImageAndMask ct() {
        if (ct == null) {
            ct = read("ibsi/ibsi_1_ct_radiomics_phantom/nifti");
        }
        return ct;
    }

    /**
     * The IBSI 1 digital phantom as IBSI computes its texture (manual 05): no processing, its intensities 1..6 are the
     * grey levels, and the morphological mask equals the intensity mask. On the phantom's whole grid, so the texture
     * matrices' hand-checked positions hold.
     */
    public static DiscretisedRoi digitalGreyLevels() {
        Volume image = digital().image();
        Volume mask = digital().mask();
        int[] levels = new int[image.voxelCount()];
        boolean[] roi = new boolean[image.voxelCount()];
        for (int n = 0; n < levels.length; n++) {
            roi[n] = mask.get(n) > 0;
            levels[n] = roi[n] ? Math.round(image.get(n)) : 0;
        }
        var spacing = image.geometry().spacing();
        return new DiscretisedRoi(image.nx(), image.ny(), image.nz(), spacing.x(), spacing.y(), spacing.z(), levels, 6,
                roi);
    }

    private static ImageAndMask read(String folder) {
        try {
            return new ImageAndMask(NiftiReader.read(TestData.data(folder + "/image/phantom.nii.gz")),
                    NiftiReader.read(TestData.data(folder + "/mask/mask.nii.gz")));
        } catch (NiftiException e) {
            throw new IllegalStateException(e);
        }
    }
}
