package org.lumen.image.radiomics;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Everything the IBSI 1 image processing and feature extraction needs to know: one of the IBSI reference configurations
 * (see {@link #named}) or one read from a settings file ({@link RadiomicsSettings}). Texture families always use IBSI's
 * distance 1 (GLCM, NGTDM, NGLDM, zone linkage) and NGLDM coarseness 0, as every IBSI reference configuration does.
 *
 * @param name what the configuration is called in output and messages
 * @param textureDimensionalities how texture matrices are built and aggregated (2D, 2.5D, 3D)
 * @param resampling interpolation to a new grid, or empty to keep the image grid
 * @param range re-segmentation range (closed; a bound may be infinite), or empty for none
 * @param outlierSigma re-segmentation of outliers beyond mean +/- this many standard deviations, or empty for none
 * @param discretisation grey levels of the texture families and the intensity histogram
 * @param ivhDiscretisation intensities of the intensity-volume histogram
 */
public record RadiomicsConfig(String name, Set<Dimensionality> textureDimensionalities, Optional<Resampling> resampling,
                              Optional<IntensityRange> range, OptionalDouble outlierSigma, Discretisation discretisation,
                              Discretisation ivhDiscretisation) {

    /** The IBSI configuration names {@link #named} knows, in the order the IBSI lists them. */
    public static final List<String> REFERENCE_NAMES = List.of("digital-phantom", "A", "B", "C", "D", "E");

    public RadiomicsConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(resampling, "resampling");
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(outlierSigma, "outlierSigma");
        Objects.requireNonNull(discretisation, "discretisation");
        Objects.requireNonNull(ivhDiscretisation, "ivhDiscretisation");
        if (textureDimensionalities == null || textureDimensionalities.isEmpty()) {
            throw new IllegalArgumentException("configuration " + name + " names no texture dimensionality (2D, 2.5D, 3D)");
        }
        textureDimensionalities = Set.copyOf(textureDimensionalities);
        if (outlierSigma.isPresent() && !(outlierSigma.getAsDouble() > 0)) {
            throw new IllegalArgumentException("outlier re-segmentation needs a positive number of standard deviations, was "
                    + outlierSigma.getAsDouble());
        }
        if (discretisation.method() == Discretisation.Method.FIXED_BIN_SIZE
                && range.map(r -> Double.isInfinite(r.lower())).orElse(true)) {
            throw new IllegalArgumentException("configuration " + name + ": fixed bin size discretisation needs a"
                    + " re-segmentation range with a finite lower bound (IBSI: the bins start there)");
        }
        if (ivhDiscretisation.method() == Discretisation.Method.FIXED_BIN_SIZE
                && range.map(r -> Double.isInfinite(r.lower())).orElse(true)) {
            throw new IllegalArgumentException("configuration " + name + ": a fixed bin size for the intensity-volume"
                    + " histogram needs a re-segmentation range with a finite lower bound");
        }
    }

    /**
     * Interpolation to a new grid (IBSI 1, "Interpolation"): grid centres aligned, size rounded up.
     *
     * @param spacing the new voxel spacing in mm along x, y and (unless {@code inPlaneOnly}) z
     * @param inPlaneOnly interpolate within each slice only (the 2D configurations); z keeps its spacing
     * @param image how the image is interpolated
     * @param mask how the ROI mask is interpolated
     * @param partialVolumeThreshold an interpolated mask value at least this is inside the ROI
     * @param roundIntensities round interpolated intensities to whole numbers (CT Hounsfield units are integers)
     */
    public record Resampling(double spacing, boolean inPlaneOnly, GridInterpolation image, GridInterpolation mask,
                             double partialVolumeThreshold, boolean roundIntensities) {
        public Resampling {
            if (!(spacing > 0) || !Double.isFinite(spacing)) {
                throw new IllegalArgumentException("resampled spacing must be a positive number of mm, was " + spacing);
            }
            Objects.requireNonNull(image, "image interpolation");
            Objects.requireNonNull(mask, "mask interpolation");
            if (mask == GridInterpolation.CUBIC_SPLINE) {
                throw new IllegalArgumentException("the ROI mask can be interpolated by nearest or linear only (IBSI: a spline"
                        + " does not give a meaningful mask)");
            }
            if (!(partialVolumeThreshold > 0 && partialVolumeThreshold <= 1)) {
                throw new IllegalArgumentException("partial volume threshold must lie in (0, 1], was " + partialVolumeThreshold);
            }
        }
    }

    /** A closed intensity interval [lower, upper]; either bound may be infinite (a half-open range). */
    public record IntensityRange(double lower, double upper) {
        public IntensityRange {
            if (Double.isNaN(lower) || Double.isNaN(upper) || lower > upper) {
                throw new IllegalArgumentException("re-segmentation range [" + lower + ", " + upper + "] is empty");
            }
        }

        public boolean contains(double value) {
            return value >= lower && value <= upper;
        }
    }

    /** One of the IBSI 1 reference configurations: digital-phantom, A, B, C, D or E (manual chapter 5). */
    public static RadiomicsConfig named(String name) {
        return RadiomicsSettings.reference(name);
    }

    public static Set<Dimensionality> dimensionalities(Dimensionality first, Dimensionality... rest) {
        return EnumSet.of(first, rest);
    }
}
