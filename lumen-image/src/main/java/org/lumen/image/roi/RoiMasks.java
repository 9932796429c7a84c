package org.lumen.image.roi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.lumen.image.Volume;
import org.lumen.image.nifti.NiftiException;
import org.lumen.image.nifti.NiftiReader;
import org.lumen.image.resample.Interpolation;
import org.lumen.image.resample.Resampler;

/**
 * Loads a region of interest as a mask on an image's grid: the one entry point the radiomics and volumetry commands use
 * for "--mask". A NIfTI mask on another grid is resampled (nearest neighbour) onto the image. Voxels with a value other
 * than 0 are inside; with {@code roiName} given, only that ROI (RTSTRUCT ROI name, SEG segment label) is taken.
 */
public final class RoiMasks {
    private RoiMasks() {
    }

    public static Volume load(Path mask, Volume image, Optional<String> roiName) throws IOException, NiftiException {
        if (!Files.exists(mask)) {
            throw new IOException("mask " + mask + " does not exist");
        }
        String name = mask.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".nii") || name.endsWith(".nii.gz") || name.endsWith(".hdr")) {
            Volume volume = NiftiReader.read(mask);
            return volume.sameGeometry(image, 1e-3) ? volume
                    : Resampler.resampleOnto(volume, image, Interpolation.NEAREST, 0f);
        }
        throw new IOException("mask " + mask + " is not a NIfTI file (.nii, .nii.gz, .hdr)");
    }
}
