package org.lumen.image.radiomics;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * IBSI re-segmentation: the intensity mask is the ROI less the voxels outside the re-segmentation range and, with outlier
 * filtering, outside mean +/- k standard deviations of the ROI's intensities. With both, the intensity mask keeps what
 * lies in both intervals (their intersection, as the IBSI says); the outlier interval is taken from the whole ROI.
 */
public final class Resegmenter {
    private Resegmenter() {
    }

    /**
     * @param image intensities on the ROI's grid
     * @param roi the morphological mask; not changed
     * @return the intensity mask, a new array
     */
    public static boolean[] intensityMask(float[] image, boolean[] roi, Optional<RadiomicsConfig.IntensityRange> range,
                                          OptionalDouble outlierSigma) {
        double lower = range.map(RadiomicsConfig.IntensityRange::lower).orElse(Double.NEGATIVE_INFINITY);
        double upper = range.map(RadiomicsConfig.IntensityRange::upper).orElse(Double.POSITIVE_INFINITY);
        if (outlierSigma.isPresent()) {
            double[] meanAndSd = meanAndStandardDeviation(image, roi);
            double k = outlierSigma.getAsDouble();
            lower = Math.max(lower, meanAndSd[0] - k * meanAndSd[1]);
            upper = Math.min(upper, meanAndSd[0] + k * meanAndSd[1]);
        }
        boolean[] mask = new boolean[roi.length];
        for (int i = 0; i < roi.length; i++) {
            mask[i] = roi[i] && image[i] >= lower && image[i] <= upper;
        }
        return mask;
    }

    /** Mean and population standard deviation of the intensities inside {@code mask}. */
    static double[] meanAndStandardDeviation(float[] image, boolean[] mask) {
        double sum = 0;
        long count = 0;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i]) {
                sum += image[i];
                count++;
            }
        }
        double mean = sum / count;
        double squares = 0;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i]) {
                double d = image[i] - mean;
                squares += d * d;
            }
        }
        return new double[] {mean, Math.sqrt(squares / count)};
    }
}
