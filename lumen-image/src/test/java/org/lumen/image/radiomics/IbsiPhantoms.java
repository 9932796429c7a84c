package org.lumen.image.radiomics;

import org.lumen.dicom.testing.TestData;
import org.lumen.image.Volume;
import org.lumen.image.nifti.NiftiException;
import org.lumen.image.nifti.NiftiReader;

/** The IBSI 1 phantoms as NIfTI, each read once per test run and shared by the tests that use it. */
final class IbsiPhantoms {
    record ImageAndMask(Volume image, Volume mask) {
    }

    private static ImageAndMask digital;
    private static ImageAndMask ct;

    private IbsiPhantoms() {
    }

    static synchronized ImageAndMask digital() {
        if (digital == null) {
            digital = read("ibsi/ibsi_1_digital_phantom/nifti");
        }
        return digital;
    }

    static synchronized ImageAndMask ct() {
        if (ct == null) {
            ct = read("ibsi/ibsi_1_ct_radiomics_phantom/nifti");
        }
        return ct;
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
