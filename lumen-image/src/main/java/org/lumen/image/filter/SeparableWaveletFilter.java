package org.lumen.image.filter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lumen.image.Volume;

/**
 * IBSI 2 undecimated (stationary, "a trous") separable wavelet filter. {@code bands} names the low (L) or high (H)
 * pass per axis, x first: {@code "LLH"} in 3D, {@code "LH"} in 2D. Level 1 filters the image with those kernels; level
 * j first applies the all-low-pass kernel of levels 1..j-1 (each level's kernels dilated by 2 against the previous one)
 * and then the named kernels dilated by {@code 2^(j-1)}. With rotation invariance the whole cascade is repeated for each
 * right-angle rotation of the kernels and the maps are pooled.
 */
public record SeparableWaveletFilter(Wavelet wavelet, String bands, int level, FilterMode mode, Boundary boundary,
        boolean rotationInvariant, Pooling pooling) implements ImageFilter {

    public SeparableWaveletFilter {
        if (bands == null || bands.length() != mode.dimensions() || !bands.toUpperCase(Locale.ROOT).matches("[LH]+")) {
            throw new IllegalArgumentException("wavelet bands in " + mode + " must be " + mode.dimensions()
                    + " letters L or H (x first), got " + bands);
        }
        if (level < 1) {
            throw new IllegalArgumentException("wavelet decomposition level must be at least 1, got " + level);
        }
    }

    @Override
    public Volume apply(Volume image) {
        Grid grid = Grid.of(image);
        List<SeparableKernel[]> cascades = cascades();
        double[] pooled = new double[grid.v().length];
        for (int c = 0; c < cascades.size(); c++) {
            pooling.accumulate(pooled, run(grid, cascades.get(c)), c == 0);
        }
        pooling.finish(pooled, cascades.size());
        return grid.withValues(pooled).toVolume(image);
    }

    /** Filters the grid with the low-pass kernel at levels below {@code level}, then with the band kernel. */
    private double[] run(Grid grid, SeparableKernel[] lowAndBand) {
        Grid current = grid;
        for (int l = 1; l < level; l++) {
            current = dilate(lowAndBand[0], 1 << (l - 1)).apply(current, boundary);
        }
        return dilate(lowAndBand[1], 1 << (level - 1)).apply(current, boundary).v();
    }

    private static SeparableKernel dilate(SeparableKernel kernel, int factor) {
        if (factor == 1) {
            return kernel;
        }
        return new SeparableKernel(kernel.x().dilated(factor), kernel.y().dilated(factor),
                kernel.z() == null ? null : kernel.z().dilated(factor));
    }

    /** The (low-pass, band) kernel pairs to run: one, or one per distinct right-angle rotation. */
    private List<SeparableKernel[]> cascades() {
        Kernel1D[] low = new Kernel1D[3];
        Kernel1D[] band = new Kernel1D[3];
        String upper = bands.toUpperCase(Locale.ROOT);
        for (int a = 0; a < mode.dimensions(); a++) {
            low[a] = wavelet.lowPass();
            band[a] = upper.charAt(a) == 'L' ? wavelet.lowPass() : wavelet.highPass();
        }
        SeparableKernel lowKernel = new SeparableKernel(low[0], low[1], low[2]);
        SeparableKernel bandKernel = new SeparableKernel(band[0], band[1], band[2]);
        if (!rotationInvariant) {
            return List.<SeparableKernel[]>of(new SeparableKernel[] {lowKernel, bandKernel});
        }
        // Rotations that give the same pair of kernels give the same map: keep one of each.
        Map<List<SeparableKernel>, SeparableKernel[]> distinct = new LinkedHashMap<>();
        for (int[] rotation : SeparableKernel.rightAngleRotations(mode.dimensions())) {
            SeparableKernel rotatedLow = lowKernel.rotated(rotation);
            SeparableKernel rotatedBand = bandKernel.rotated(rotation);
            List<SeparableKernel> key = level == 1 ? List.of(rotatedBand) : List.of(rotatedLow, rotatedBand);
            distinct.putIfAbsent(key, new SeparableKernel[] {rotatedLow, rotatedBand});
        }
        return new ArrayList<>(distinct.values());
    }
}
