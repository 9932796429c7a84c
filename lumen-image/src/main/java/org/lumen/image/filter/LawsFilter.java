package org.lumen.image.filter;

import java.util.List;
import java.util.Locale;
import org.lumen.image.Volume;

/**
 * IBSI 2 Laws kernels: a product of 1D Laws kernels named like {@code "L5E5E5"} (x, y, z; two names for a 2D filter),
 * each scaled to unit norm. With rotation invariance the responses of the kernel's right-angle rotations are pooled;
 * with an energy distance the (pooled) response becomes its energy map, the mean absolute response over a cube (or
 * square) of {@code 2 * energyDistance + 1} voxels a side.
 */
public record LawsFilter(String kernels, FilterMode mode, Boundary boundary, boolean rotationInvariant, Pooling pooling,
        int energyDistance) implements ImageFilter {

    /** No energy map. */
    public static final int NO_ENERGY = -1;

    public LawsFilter {
        int expected = 2 * mode.dimensions();
        if (kernels == null || kernels.length() != expected) {
            throw new IllegalArgumentException("Laws filter in " + mode + " needs " + mode.dimensions()
                    + " kernel names such as \"L5E5\" or \"L5E5E5\", got " + kernels);
        }
        for (int a = 0; a < mode.dimensions(); a++) {
            kernel(kernels.substring(2 * a, 2 * a + 2));
        }
    }

    /** The 1D Laws kernel of a name (L3, E3, S3, L5, E5, S5, W5, R5), not normalised. */
    public static Kernel1D kernel(String name) {
        double[] taps = switch (name.toUpperCase(Locale.ROOT)) {
            case "L3" -> new double[] {1, 2, 1};
            case "E3" -> new double[] {-1, 0, 1};
            case "S3" -> new double[] {-1, 2, -1};
            case "L5" -> new double[] {1, 4, 6, 4, 1};
            case "E5" -> new double[] {-1, -2, 0, 2, 1};
            case "S5" -> new double[] {-1, 0, 2, 0, -1};
            case "W5" -> new double[] {-1, 2, 0, -2, 1};
            case "R5" -> new double[] {1, -4, 6, -4, 1};
            default -> throw new IllegalArgumentException("unknown Laws kernel " + name
                    + "; use L3, E3, S3, L5, E5, S5, W5 or R5");
        };
        return Kernel1D.centred(taps);
    }

    @Override
    public Volume apply(Volume image) {
        Kernel1D[] parts = new Kernel1D[3];
        for (int a = 0; a < mode.dimensions(); a++) {
            parts[a] = kernel(kernels.substring(2 * a, 2 * a + 2)).normalisedL2();
        }
        SeparableKernel kernel = new SeparableKernel(parts[0], parts[1], parts[2]);
        List<SeparableKernel> copies = rotationInvariant ? kernel.rotations() : List.of(kernel);
        Grid grid = Grid.of(image);
        double[] pooled = new double[grid.v().length];
        for (int c = 0; c < copies.size(); c++) {
            pooling.accumulate(pooled, copies.get(c).apply(grid, boundary).v(), c == 0);
        }
        pooling.finish(pooled, copies.size());
        Grid response = grid.withValues(pooled);
        if (energyDistance >= 0) {
            response = energy(response);
        }
        return response.toVolume(image);
    }

    private Grid energy(Grid response) {
        double[] absolute = new double[response.v().length];
        for (int i = 0; i < absolute.length; i++) {
            absolute[i] = Math.abs(response.v()[i]);
        }
        return MeanFilter.box(2 * energyDistance + 1, mode).apply(response.withValues(absolute), boundary);
    }
}
