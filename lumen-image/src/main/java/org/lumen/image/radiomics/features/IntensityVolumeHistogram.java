package org.lumen.image.radiomics.features;

import java.util.Arrays;
import java.util.Optional;
import org.lumen.image.radiomics.Discretisation;
import org.lumen.image.radiomics.Discretiser;
import org.lumen.image.radiomics.FeatureTable;
import org.lumen.image.radiomics.RadiomicsConfig.IntensityRange;

/**
 * IBSI 1 intensity-volume histogram features ({@code ivh_v10}, {@code ivh_v90}, {@code ivh_i10}, {@code ivh_i90} and
 * their differences). The IVH is evaluated at intensities min(G), min(G) + w, ..., max(G) of the total range G, with
 * the IBSI's three cases for the intensities and G:
 * <ul>
 *   <li>no discretisation (calibrated discrete intensities, CT): the intensities as they are, w = 1, G the
 *       re-segmentation range (an infinite bound replaced by the ROI's minimum or maximum), else the ROI's range;</li>
 *   <li>fixed bin size (calibrated continuous): bin centres {@code lower + (bin - 0.5) w} from the re-segmentation
 *       range's lower bound, G = [lower + w/2, upper - w/2];</li>
 *   <li>fixed bin number (arbitrary units): the bins 1..Ng themselves, w = 1, G = [1, Ng].</li>
 * </ul>
 * The area under the IVH ({@code ivh_auc}) has no IBSI reference value and the IBSI advises against it, so it is left out.
 */
public final class IntensityVolumeHistogram {
    private IntensityVolumeHistogram() {
    }

    /**
     * @param roiValues intensities of the voxels in the ROI intensity mask
     * @param range the re-segmentation range, if any
     */
    public static FeatureTable compute(float[] roiValues, Discretisation discretisation, Optional<IntensityRange> range) {
        if (roiValues.length == 0) {
            throw new IllegalArgumentException("the ROI holds no voxel inside the intensity mask");
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float v : roiValues) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double[] values = new double[roiValues.length];
        double gMin;
        double gMax;
        double step;
        switch (discretisation.method()) {
            case NONE -> {
                for (int i = 0; i < values.length; i++) {
                    values[i] = roiValues[i];
                }
                gMin = range.map(IntensityRange::lower).filter(Double::isFinite).orElse(min);
                gMax = range.map(IntensityRange::upper).filter(Double::isFinite).orElse(max);
                step = 1;
            }
            case FIXED_BIN_SIZE -> {
                IntensityRange r = range.orElseThrow(() -> new IllegalArgumentException(
                        "a fixed bin size intensity-volume histogram needs a re-segmentation range"));
                double w = discretisation.value();
                for (int i = 0; i < values.length; i++) {
                    values[i] = r.lower() + (Discretiser.level(roiValues[i], discretisation, min, max, r.lower()) - 0.5) * w;
                }
                double upper = Double.isFinite(r.upper()) ? r.upper() : max;
                gMin = r.lower() + 0.5 * w;
                gMax = upper - 0.5 * w;
                step = w;
            }
            default -> {
                for (int i = 0; i < values.length; i++) {
                    values[i] = Discretiser.level(roiValues[i], discretisation, min, max, 0);
                }
                gMin = 1;
                gMax = discretisation.value();
                step = 1;
            }
        }
        return features(values, gMin, gMax, step);
    }

    private static FeatureTable features(double[] values, double gMin, double gMax, double step) {
        Arrays.sort(values);
        int points = (int) Math.round((gMax - gMin) / step) + 1;
        double[] intensity = new double[points];
        double[] volumeFraction = new double[points];
        int below = 0;
        for (int k = 0; k < points; k++) {
            intensity[k] = gMin + k * step;
            while (below < values.length && values[below] < intensity[k]) {
                below++;
            }
            volumeFraction[k] = 1 - (double) below / values.length;
        }
        double v10 = volumeAtIntensityFraction(intensity, volumeFraction, gMin, gMax, 0.10);
        double v90 = volumeAtIntensityFraction(intensity, volumeFraction, gMin, gMax, 0.90);
        double i10 = intensityAtVolumeFraction(intensity, volumeFraction, 0.10, gMax + step);
        double i90 = intensityAtVolumeFraction(intensity, volumeFraction, 0.90, gMax + step);
        return new FeatureTable().put("ivh_v10", v10).put("ivh_v90", v90).put("ivh_i10", i10).put("ivh_i90", i90)
                .put("ivh_diff_v10_v90", v10 - v90).put("ivh_diff_i10_i90", i10 - i90);
    }

    /** The largest volume fraction at an intensity fraction of at least x: at the first such intensity. */
    private static double volumeAtIntensityFraction(double[] intensity, double[] volumeFraction, double gMin, double gMax,
                                                    double x) {
        for (int k = 0; k < intensity.length; k++) {
            double fraction = gMax == gMin ? 1 : (intensity[k] - gMin) / (gMax - gMin);
            if (fraction >= x - 1e-12) {
                return volumeFraction[k];
            }
        }
        return 0;
    }

    /**
     * The lowest intensity at which at most a fraction x of the volume remains; {@code beyond} (the first intensity past
     * the range, where none remains) when even the highest one leaves more.
     */
    private static double intensityAtVolumeFraction(double[] intensity, double[] volumeFraction, double x, double beyond) {
        for (int k = 0; k < intensity.length; k++) {
            if (volumeFraction[k] <= x) {
                return intensity[k];
            }
        }
        return beyond;
    }
}
