package org.lumen.image.radiomics;

/**
 * IBSI intensity discretisation of the voxels in an intensity mask into grey levels 1, 2, ...: fixed bin number
 * {@code floor(Ng (x - min) / (max - min)) + 1} (the maximum in bin Ng) over the ROI's own range; fixed bin size
 * {@code floor((x - lower) / w) + 1} from a given lower bound (the re-segmentation range's, as the IBSI recommends); or
 * none, where the intensities are the grey levels already.
 */
public final class Discretiser {
    private Discretiser() {
    }

    /**
     * Grey levels and how many there are.
     *
     * @param levels grey level of each voxel, 0 outside the mask
     * @param levelCount the number of bins for a fixed bin number, else the highest grey level present
     */
    public record Levels(int[] levels, int levelCount) {
    }

    /**
     * @param values intensities; only those inside {@code mask} are read
     * @param lowerBound the first bin's lower edge for a fixed bin size; ignored otherwise
     * @throws IllegalArgumentException when the mask is empty, or with NONE when an intensity is not a whole number from 1
     */
    public static Levels discretise(float[] values, boolean[] mask, Discretisation discretisation, double lowerBound) {
        double[] range = minMax(values, mask);
        int[] levels = new int[values.length];
        int highest = 0;
        for (int i = 0; i < values.length; i++) {
            if (mask[i]) {
                levels[i] = level(values[i], discretisation, range[0], range[1], lowerBound);
                highest = Math.max(highest, levels[i]);
            }
        }
        int count = discretisation.method() == Discretisation.Method.FIXED_BIN_NUMBER ? (int) discretisation.value() : highest;
        return new Levels(levels, count);
    }

    /** The grey level of one intensity, given the ROI's minimum and maximum. */
    public static int level(double value, Discretisation discretisation, double min, double max, double lowerBound) {
        switch (discretisation.method()) {
            case FIXED_BIN_NUMBER -> {
                int bins = (int) discretisation.value();
                if (value >= max) {
                    return bins;
                }
                return Math.min(bins, (int) Math.floor(bins * (value - min) / (max - min)) + 1);
            }
            case FIXED_BIN_SIZE -> {
                if (value < lowerBound) {
                    throw new IllegalArgumentException("intensity " + value + " lies below the fixed bin size lower bound "
                            + lowerBound + "; re-segment to that range first");
                }
                return (int) Math.floor((value - lowerBound) / discretisation.value()) + 1;
            }
            default -> {
                if (value != Math.rint(value) || value < 1) {
                    throw new IllegalArgumentException("without discretisation the intensities must be whole numbers from 1,"
                            + " but the ROI holds " + value + "; use FBN or FBS discretisation");
                }
                return (int) value;
            }
        }
    }

    /** Lowest and highest intensity inside the mask. */
    static double[] minMax(float[] values, boolean[] mask) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < values.length; i++) {
            if (mask[i]) {
                min = Math.min(min, values[i]);
                max = Math.max(max, values[i]);
            }
        }
        if (min > max) {
            throw new IllegalArgumentException("the intensity mask is empty: nothing to discretise");
        }
        return new double[] {min, max};
    }
}
