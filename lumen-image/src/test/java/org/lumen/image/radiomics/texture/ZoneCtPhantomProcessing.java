package org.lumen.image.radiomics.texture;

import org.lumen.image.Volume;
import org.lumen.image.radiomics.DiscretisedRoi;

/**
 * Just enough of IBSI 1 image processing (manual 02) to turn the CT radiomics phantom into the {@link DiscretisedRoi}
 * of configurations A to D, so the zone-like families can be checked on real data independently of the pipeline:
 * trilinear interpolation with aligned grid centres and boundary padding, intensity rounding, ROI partial-volume
 * threshold 0.5, re-segmentation by range or 3 sigma outliers, fixed bin size or fixed bin number discretisation.
 */
final class ZoneCtPhantomProcessing {
    private ZoneCtPhantomProcessing() {
    }

    /** The image and its ROI on one grid, before re-segmentation; spacing in mm. */
    record Grid(int nx, int ny, int nz, double[] spacing, double[] intensities, boolean[] roi) {
    }

    /** No interpolation. */
    static Grid original(Volume image, Volume mask) {
        double[] intensities = new double[image.voxelCount()];
        boolean[] roi = new boolean[image.voxelCount()];
        for (int n = 0; n < intensities.length; n++) {
            intensities[n] = image.get(n);
            roi[n] = mask.get(n) > 0;
        }
        return new Grid(image.nx(), image.ny(), image.nz(), spacing(image), intensities, roi);
    }

    /**
     * IBSI "align grid centres" interpolation: n_b = ceil(n_a s_a / s_b) points per axis, the first at grid coordinate
     * (n_a - 1 - s_b/s_a (n_b - 1)) / 2. An axis whose target spacing is NaN keeps its grid (2D interpolation).
     * Intensities are rounded to integers; the ROI is interpolated the same way and kept where it reaches 0.5.
     */
    static Grid interpolated(Volume image, Volume mask, double[] targetSpacing) {
        double[] spacing = spacing(image);
        int[] source = {image.nx(), image.ny(), image.nz()};
        int[] target = new int[3];
        double[] origin = new double[3];
        double[] step = new double[3];
        double[] outSpacing = new double[3];
        for (int a = 0; a < 3; a++) {
            outSpacing[a] = Double.isNaN(targetSpacing[a]) ? spacing[a] : targetSpacing[a];
            target[a] = (int) Math.ceil(source[a] * spacing[a] / outSpacing[a] - 1e-9);
            step[a] = outSpacing[a] / spacing[a];
            origin[a] = 0.5 * (source[a] - 1 - step[a] * (target[a] - 1));
        }
        int voxels = target[0] * target[1] * target[2];
        double[] intensities = new double[voxels];
        boolean[] roi = new boolean[voxels];
        int n = 0;
        for (int k = 0; k < target[2]; k++) {
            for (int j = 0; j < target[1]; j++) {
                for (int i = 0; i < target[0]; i++, n++) {
                    double x = origin[0] + step[0] * i;
                    double y = origin[1] + step[1] * j;
                    double z = origin[2] + step[2] * k;
                    roi[n] = trilinear(mask, x, y, z) >= 0.5;
                    intensities[n] = Math.rint(trilinear(image, x, y, z));
                }
            }
        }
        return new Grid(target[0], target[1], target[2], outSpacing, intensities, roi);
    }

    /** Re-segmentation to [low, high] and fixed bin size discretisation with bins starting at {@code low}. */
    static DiscretisedRoi rangeAndFixedBinSize(Grid grid, double low, double high, double binWidth) {
        int[] levels = new int[grid.intensities().length];
        for (int n = 0; n < levels.length; n++) {
            double value = grid.intensities()[n];
            if (grid.roi()[n] && value >= low && value <= high) {
                levels[n] = (int) Math.floor((value - low) / binWidth) + 1;
            }
        }
        return roi(grid, levels, (int) Math.floor((high - low) / binWidth) + 1);
    }

    /** Re-segmentation to [low, high] (infinite bounds for none) and fixed bin number discretisation. */
    static DiscretisedRoi rangeAndFixedBinNumber(Grid grid, double low, double high, int bins) {
        boolean[] kept = new boolean[grid.roi().length];
        for (int n = 0; n < kept.length; n++) {
            double value = grid.intensities()[n];
            kept[n] = grid.roi()[n] && value >= low && value <= high;
        }
        return fixedBinNumber(grid, kept, bins);
    }

    /** Re-segmentation to mean +/- 3 sigma of the ROI (population sigma), then fixed bin number discretisation. */
    static DiscretisedRoi outliersAndFixedBinNumber(Grid grid, int bins) {
        double sum = 0;
        double squares = 0;
        int count = 0;
        for (int n = 0; n < grid.roi().length; n++) {
            if (grid.roi()[n]) {
                sum += grid.intensities()[n];
                squares += grid.intensities()[n] * grid.intensities()[n];
                count++;
            }
        }
        double mean = sum / count;
        double sigma = Math.sqrt(squares / count - mean * mean);
        return rangeAndFixedBinNumber(grid, mean - 3 * sigma, mean + 3 * sigma, bins);
    }

    private static DiscretisedRoi fixedBinNumber(Grid grid, boolean[] kept, int bins) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int n = 0; n < kept.length; n++) {
            if (kept[n]) {
                min = Math.min(min, grid.intensities()[n]);
                max = Math.max(max, grid.intensities()[n]);
            }
        }
        int[] levels = new int[kept.length];
        for (int n = 0; n < kept.length; n++) {
            if (kept[n]) {
                double value = grid.intensities()[n];
                levels[n] = value >= max ? bins : (int) Math.floor(bins * (value - min) / (max - min)) + 1;
            }
        }
        return roi(grid, levels, bins);
    }

    private static DiscretisedRoi roi(Grid grid, int[] levels, int levelCount) {
        return new DiscretisedRoi(grid.nx(), grid.ny(), grid.nz(), grid.spacing()[0], grid.spacing()[1],
                grid.spacing()[2], levels, levelCount, grid.roi());
    }

    private static double[] spacing(Volume image) {
        return new double[] {image.geometry().spacing().x(), image.geometry().spacing().y(),
            image.geometry().spacing().z()};
    }

    /** Trilinear interpolation at grid coordinates, padding the grid with its boundary values as IBSI recommends. */
    private static double trilinear(Volume v, double x, double y, double z) {
        x = Math.min(Math.max(x, 0), v.nx() - 1);
        y = Math.min(Math.max(y, 0), v.ny() - 1);
        z = Math.min(Math.max(z, 0), v.nz() - 1);
        int i0 = Math.min((int) x, v.nx() - 2);
        int j0 = Math.min((int) y, v.ny() - 2);
        int k0 = Math.min((int) z, v.nz() - 2);
        double fx = x - i0;
        double fy = y - j0;
        double fz = z - k0;
        double c00 = v.get(i0, j0, k0) * (1 - fx) + v.get(i0 + 1, j0, k0) * fx;
        double c10 = v.get(i0, j0 + 1, k0) * (1 - fx) + v.get(i0 + 1, j0 + 1, k0) * fx;
        double c01 = v.get(i0, j0, k0 + 1) * (1 - fx) + v.get(i0 + 1, j0, k0 + 1) * fx;
        double c11 = v.get(i0, j0 + 1, k0 + 1) * (1 - fx) + v.get(i0 + 1, j0 + 1, k0 + 1) * fx;
        return (c00 * (1 - fy) + c10 * fy) * (1 - fz) + (c01 * (1 - fy) + c11 * fy) * fz;
    }
}
