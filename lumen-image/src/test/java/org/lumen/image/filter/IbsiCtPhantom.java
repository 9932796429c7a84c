package org.lumen.image.filter;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import org.lumen.dicom.testing.TestData;
import org.lumen.image.Volume;
import org.lumen.image.nifti.NiftiException;
import org.lumen.image.nifti.NiftiReader;
import org.lumen.image.radiomics.BoundingBox;
import org.lumen.image.radiomics.GridInterpolation;
import org.lumen.image.radiomics.RadiomicsConfig;
import org.lumen.image.radiomics.RadiomicsPipeline;
import org.lumen.image.radiomics.Resegmenter;
import org.lumen.image.radiomics.RoiImage;

/**
 * The IBSI 1 CT radiomics phantom prepared as IBSI 2 phase 2 prescribes, by the radiomics pipeline's own steps, then
 * cropped to the GTV's bounding box plus a margin that covers the filter's reach, so that filtering the crop gives the
 * same values inside the ROI as filtering the whole image (a margin larger than the image keeps all of it).
 *
 * <ul>
 *   <li>Configuration A (2D): the image as acquired (0.977 x 0.977 x 3 mm), filters slice by slice.</li>
 *   <li>Configuration B (3D): {@link RadiomicsPipeline#interpolate} to 1 mm isotropic (IBSI's centre-aligned grid), the
 *       image by cubic B-spline and rounded to integers, the mask linearly and kept at 0.5.</li>
 * </ul>
 * In both the ROI is then re-segmented to [-1000, 400] HU (of the unfiltered image) by the pipeline's {@link Resegmenter}.
 */
final class IbsiCtPhantom {
    private static final RadiomicsConfig.IntensityRange RESEGMENTATION = new RadiomicsConfig.IntensityRange(-1000, 400);
    private static final RadiomicsConfig.Resampling CONFIG_B_GRID = new RadiomicsConfig.Resampling(1.0, false,
            GridInterpolation.CUBIC_SPLINE, GridInterpolation.LINEAR, 0.5, true);

    private static Phantom phantom;
    private static RadiomicsPipeline.Interpolated original;
    private static RadiomicsPipeline.Interpolated isotropic;
    private static final Map<Integer, Crop> CONFIG_B = new ConcurrentHashMap<>();

    /** The cropped image and, on the same grid, the ROI intensity mask. */
    record Crop(Volume image, boolean[] intensityMask) {
        float[] roiValues(Volume response) {
            return new RoiImage(response, intensityMask, intensityMask).intensityMaskValues();
        }
    }

    private IbsiCtPhantom() {
    }

    /** The phantom as acquired: image and GTV mask. */
    private record Phantom(Volume image, Volume mask) {
    }

    private static synchronized Phantom phantom() {
        if (phantom == null) {
            String root = "ibsi/ibsi_1_ct_radiomics_phantom/nifti";
            try {
                phantom = new Phantom(NiftiReader.read(TestData.data(root + "/image/phantom.nii.gz")),
                        NiftiReader.read(TestData.data(root + "/mask/mask.nii.gz")));
            } catch (NiftiException e) {
                throw new IllegalStateException("cannot read the IBSI CT phantom", e);
            }
        }
        return phantom;
    }

    private static synchronized RadiomicsPipeline.Interpolated original() {
        if (original == null) {
            Volume mask = phantom().mask();
            boolean[] roi = new boolean[mask.voxelCount()];
            for (int n = 0; n < roi.length; n++) {
                roi[n] = mask.get(n) >= 0.5f;
            }
            original = new RadiomicsPipeline.Interpolated(phantom().image(), roi);
        }
        return original;
    }

    private static synchronized RadiomicsPipeline.Interpolated isotropic() {
        if (isotropic == null) {
            isotropic = RadiomicsPipeline.interpolate(phantom().image(), phantom().mask(), CONFIG_B_GRID);
        }
        return isotropic;
    }

    /** Configuration A: original grid; margin in-plane only (2D filters). */
    static Crop configA(int margin) {
        return crop(original(), margin, 0);
    }

    /** Configuration B: 1 mm isotropic, spline image rounded to integers, linear mask at 0.5. */
    static Crop configB(int margin) {
        return CONFIG_B.computeIfAbsent(margin, m -> crop(isotropic(), m, m));
    }

    private static Crop crop(RadiomicsPipeline.Interpolated prepared, int inPlaneMargin, int axialMargin) {
        Volume image = prepared.image();
        BoundingBox box = BoundingBox.of(prepared.roi(), image.nx(), image.ny(), image.nz())
                .orElseThrow(() -> new IllegalStateException("the phantom's mask is empty"))
                .grow(inPlaneMargin, inPlaneMargin, axialMargin, image.nx(), image.ny(), image.nz());
        Volume cropped = box.crop(image);
        boolean[] roi = box.crop(prepared.roi(), image.nx(), image.ny());
        return new Crop(cropped, Resegmenter.intensityMask(cropped.data(), roi, Optional.of(RESEGMENTATION),
                OptionalDouble.empty()));
    }
}
