package org.lumen.image.filter;

import org.lumen.image.Volume;

/**
 * IBSI 2 Laplacian of Gaussian: the sum over the axes of the second derivative of a Gaussian of width {@code sigmaMm}
 * along that axis times the Gaussian along the others, sampled at voxel centres in voxel units (sigma divided by the
 * spacing) and cut off at {@code truncation} sigma: {@code 2 floor(truncation * sigma + 0.5) + 1} voxels a side.
 */
public record LaplacianOfGaussianFilter(double sigmaMm, double truncation, FilterMode mode, Boundary boundary)
        implements ImageFilter {
    public LaplacianOfGaussianFilter {
        if (!(sigmaMm > 0) || !(truncation > 0)) {
            throw new IllegalArgumentException("LoG sigma and truncation must be positive, got sigma " + sigmaMm
                    + " mm and truncation " + truncation);
        }
    }

    @Override
    public Volume apply(Volume image) {
        int dimensions = mode.dimensions();
        Kernel1D[] gaussian = new Kernel1D[dimensions];
        Kernel1D[] second = new Kernel1D[dimensions];
        for (int axis = 0; axis < dimensions; axis++) {
            double sigma = sigmaMm / image.geometry().spacing().get(axis);
            int radius = (int) Math.floor(truncation * sigma + 0.5);
            double[] g = new double[2 * radius + 1];
            double[] d2 = new double[2 * radius + 1];
            for (int t = -radius; t <= radius; t++) {
                double value = Math.exp(-t * t / (2 * sigma * sigma)) / (Math.sqrt(2 * Math.PI) * sigma);
                g[t + radius] = value;
                d2[t + radius] = value * (t * t / (sigma * sigma * sigma * sigma) - 1 / (sigma * sigma));
            }
            gaussian[axis] = Kernel1D.centred(g);
            second[axis] = Kernel1D.centred(d2);
        }
        Grid grid = Grid.of(image);
        double[] sum = new double[grid.v().length];
        for (int derivative = 0; derivative < dimensions; derivative++) {
            Kernel1D[] parts = new Kernel1D[3];
            for (int axis = 0; axis < dimensions; axis++) {
                parts[axis] = axis == derivative ? second[axis] : gaussian[axis];
            }
            double[] term = new SeparableKernel(parts[0], parts[1], parts[2]).apply(grid, boundary).v();
            for (int i = 0; i < sum.length; i++) {
                sum[i] += term[i];
            }
        }
        return grid.withValues(sum).toVolume(image);
    }
}
