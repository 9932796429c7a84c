package org.lumen.image.radiomics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.lumen.image.Volume;
import org.lumen.image.VoxelType;
import org.lumen.image.radiomics.features.IntensityHistogram;
import org.lumen.image.radiomics.features.IntensityStatistics;
import org.lumen.image.radiomics.features.IntensityVolumeHistogram;
import org.lumen.image.radiomics.features.LocalIntensity;
import org.lumen.image.radiomics.texture.TextureFamily;

/**
 * IBSI 1 radiomics of one image and ROI: interpolation, intensity rounding, re-segmentation, ROI extraction and
 * discretisation as the configuration says, then the feature families in the IBSI's order (diagnostics, morphology,
 * local intensity, statistics, intensity histogram, intensity-volume histogram, GLCM, GLRLM, GLSZM, GLDZM, NGTDM,
 * NGLDM). Families not in this build are skipped ({@link FeatureFamilies#unavailable()}).
 *
 * <p>After interpolation everything works on the ROI's bounding box, grown by the local intensity sphere's radius, so
 * the cost follows the ROI rather than the image. Single-threaded unless given an executor.
 */
public final class RadiomicsPipeline {
    private RadiomicsPipeline() {
    }

    /** {@link #run(Volume, Volume, RadiomicsConfig, Executor)} on the calling thread alone. */
    public static FeatureTable run(Volume image, Volume mask, RadiomicsConfig config) {
        return run(image, mask, config, Runnable::run);
    }

    /**
     * @param image the image in its own units (CT: Hounsfield units)
     * @param mask the ROI on the image's grid: voxels of value 0.5 or more (in magnitude) are inside
     * @param executor runs the image and mask interpolation side by side and then the feature families side by side
     *     (their results are merged in IBSI order whatever order they finish in); {@code Runnable::run} for one thread
     * @throws IllegalArgumentException when the mask is on another grid, or the ROI is empty before or after a step
     */
    public static FeatureTable run(Volume image, Volume mask, RadiomicsConfig config, Executor executor) {
        checkSameGrid(image, mask);
        boolean[] roi = binarise(mask);
        BoundingBox roiBox = roiBox(roi, mask);
        FeatureTable features = new FeatureTable();
        FeatureTable initialImage = Diagnostics.image(image, "init_img");
        features.putAll(initialImage);
        features.putAll(roiDiagnostics(image, roi, roiBox, "init_roi"));

        Prepared prepared = prepare(image, roi, roiBox, config, executor);
        Volume interpolated = prepared.interpolated().image();
        if (config.resampling().isPresent()) {
            features.putAll(Diagnostics.image(interpolated, "interp_img"));
        } else {
            initialImage.asMap().forEach((tag, value) -> features.put(tag.replace("_init_img", "_interp_img"), value));
        }
        int[] grid = {interpolated.nx(), interpolated.ny(), interpolated.nz()};
        RoiImage roiImage = prepared.roi();
        Volume image0 = roiImage.image();
        boolean[] morphological = roiImage.morphologicalMask();
        boolean[] intensity = roiImage.intensityMask();
        features.putAll(Diagnostics.roi(grid, image0, morphological, morphological, "interp_roi"));
        features.putAll(Diagnostics.roi(grid, image0, intensity, morphological, "reseg_roi"));
        float[] roiValues = roiImage.intensityMaskValues();
        // Sorted once here, the sorts inside the statistics and the histograms find them in order and take linear time.
        Arrays.sort(roiValues);
        Discretiser.Levels levels = prepared.levels();
        DiscretisedRoi discretised = prepared.discretised();

        List<Supplier<FeatureTable>> families = new ArrayList<>();
        families.add(() -> FeatureFamilies.morphology(roiImage).orElseGet(FeatureTable::new));
        families.add(() -> LocalIntensity.compute(image0, intensity));
        families.add(() -> IntensityStatistics.compute(roiValues));
        families.add(() -> IntensityHistogram.compute(sortedLevelsInMask(levels, intensity, roiValues.length),
                levels.levelCount()));
        families.add(() -> IntensityVolumeHistogram.compute(roiValues, config.ivhDiscretisation(), config.range()));
        for (TextureFamily family : FeatureFamilies.textures()) {
            families.add(() -> family.compute(discretised, config.textureDimensionalities()));
        }
        List<CompletableFuture<FeatureTable>> results = families.stream()
                .map(family -> CompletableFuture.supplyAsync(family, executor)).toList();
        results.forEach(result -> features.putAll(join(result)));
        return features;
    }

    /**
     * The IBSI image processing alone (interpolation, ROI extraction, re-segmentation, discretisation) as {@link #run}
     * does it: the grey levels every texture family reads, on the ROI's bounding box.
     *
     * @param mask the ROI on the image's grid: voxels of value 0.5 or more (in magnitude) are inside
     * @throws IllegalArgumentException when the mask is on another grid, or the ROI is empty before or after a step
     */
    public static DiscretisedRoi discretise(Volume image, Volume mask, RadiomicsConfig config) {
        checkSameGrid(image, mask);
        boolean[] roi = binarise(mask);
        return prepare(image, roi, roiBox(roi, mask), config, Runnable::run).discretised();
    }

    /**
     * The image after processing: the interpolated image, the ROI image on its crop (the ROI's box plus the local
     * intensity sphere's reach), its grey levels, and where the ROI's own box lies in the crop.
     */
    private record Prepared(Interpolated interpolated, RoiImage roi, Discretiser.Levels levels, BoundingBox roiInCrop) {
        DiscretisedRoi discretised() {
            return discretisedRoi(roi, levels, roiInCrop);
        }
    }

    private static Prepared prepare(Volume image, boolean[] roi, BoundingBox roiBox, RadiomicsConfig config,
                                    Executor executor) {
        Interpolated interpolated = config.resampling().isPresent()
                ? interpolate(image, roi, roiBox, config.resampling().get(), executor) : new Interpolated(image, roi);
        Volume grid = interpolated.image();
        BoundingBox interpolatedBox = BoundingBox.of(interpolated.roi(), grid.nx(), grid.ny(), grid.nz()).orElseThrow(
                () -> new IllegalArgumentException("the ROI vanished on interpolation: no voxel of the interpolated mask"
                        + " reaches the partial volume threshold"));
        // ROI extraction: from here on only the ROI's box plus the local intensity sphere's reach.
        int[] margin = LocalIntensity.margin(grid);
        BoundingBox crop = interpolatedBox.grow(margin[0], margin[1], margin[2], grid.nx(), grid.ny(), grid.nz());
        Volume image0 = crop.crop(grid);
        boolean[] morphological = crop.crop(interpolated.roi(), grid.nx(), grid.ny());
        float[] values = image0.data();
        boolean[] intensity = Resegmenter.intensityMask(values, morphological, config.range(), config.outlierSigma());
        if (!anyInside(intensity)) {
            throw new IllegalArgumentException("no ROI voxel is left after re-segmentation (" + config.range()
                    .map(r -> "range [" + r.lower() + ", " + r.upper() + "]").orElse("no range")
                    + (config.outlierSigma().isPresent() ? ", outliers" : "") + ")");
        }
        double lowerBound = config.range().map(RadiomicsConfig.IntensityRange::lower).orElse(Double.NaN);
        Discretiser.Levels levels = Discretiser.discretise(values, intensity, config.discretisation(), lowerBound);
        return new Prepared(interpolated, new RoiImage(image0, intensity, morphological), levels,
                interpolatedBox.relativeTo(crop));
    }

    private static boolean anyInside(boolean[] mask) {
        for (boolean inside : mask) {
            if (inside) {
                return true;
            }
        }
        return false;
    }

    private static void checkSameGrid(Volume image, Volume mask) {
        if (!mask.sameGeometry(image, 1e-3)) {
            throw new IllegalArgumentException("the mask grid " + mask.nx() + "x" + mask.ny() + "x" + mask.nz() + " "
                    + mask.geometry() + " does not match the image grid " + image.nx() + "x" + image.ny() + "x" + image.nz()
                    + " " + image.geometry());
        }
    }

    private static BoundingBox roiBox(boolean[] roi, Volume mask) {
        return BoundingBox.of(roi, mask.nx(), mask.ny(), mask.nz()).orElseThrow(
                () -> new IllegalArgumentException("the ROI mask is empty: no voxel of the mask on the image grid is inside"
                        + " (0.5 or more)"));
    }

    /**
     * The IBSI interpolation step alone: the image and its ROI on the grid {@code resampling} describes, as {@link #run}
     * computes them before ROI extraction (grid centres aligned, intensities rounded if asked, the mask interpolated and
     * kept where it reaches the partial volume threshold). For other analyses of the same prepared image, such as the
     * IBSI 2 filter responses.
     *
     * @param mask the ROI on the image's grid: voxels of value 0.5 or more (in magnitude) are inside
     * @throws IllegalArgumentException when the mask is on another grid or empty
     */
    public static Interpolated interpolate(Volume image, Volume mask, RadiomicsConfig.Resampling resampling) {
        checkSameGrid(image, mask);
        boolean[] roi = binarise(mask);
        return interpolate(image, roi, roiBox(roi, mask), resampling, Runnable::run);
    }

    /** An image and its ROI mask (x fastest) on the image's grid. */
    public record Interpolated(Volume image, boolean[] roi) {
    }

    private static Interpolated interpolate(Volume image, boolean[] roi, BoundingBox roiBox,
                                            RadiomicsConfig.Resampling resampling, Executor executor) {
        InterpolationGrid grid = InterpolationGrid.of(image, resampling);
        CompletableFuture<Volume> newImage = CompletableFuture.supplyAsync(
                () -> interpolateImage(image, grid, resampling), executor);
        boolean[] newRoi = ImageInterpolator.interpolateMask(roi, image.nx(), image.ny(), image.nz(), roiBox, grid,
                resampling.mask(), resampling.partialVolumeThreshold());
        return new Interpolated(join(newImage), newRoi);
    }

    /** The result, or the family's own exception rather than a CompletionException around it. */
    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** The ROI diagnostics of the whole grid, computed on the ROI's bounding box (where all of the ROI lies). */
    private static FeatureTable roiDiagnostics(Volume image, boolean[] roi, BoundingBox box, String stage) {
        boolean[] cropped = box.crop(roi, image.nx(), image.ny());
        return Diagnostics.roi(new int[] {image.nx(), image.ny(), image.nz()}, box.crop(image), cropped, cropped, stage);
    }

    private static boolean[] binarise(Volume mask) {
        boolean[] inside = new boolean[mask.voxelCount()];
        for (int n = 0; n < inside.length; n++) {
            inside[n] = Math.abs(mask.get(n)) >= 0.5f;
        }
        return inside;
    }

    private static Volume interpolateImage(Volume image, InterpolationGrid grid, RadiomicsConfig.Resampling resampling) {
        double[] source = new double[image.voxelCount()];
        for (int n = 0; n < source.length; n++) {
            source[n] = image.get(n);
        }
        double[] result = ImageInterpolator.interpolate(source, image.nx(), image.ny(), image.nz(), grid, resampling.image());
        float[] values = new float[result.length];
        for (int n = 0; n < values.length; n++) {
            values[n] = (float) (resampling.roundIntensities() ? Math.rint(result[n]) : result[n]);
        }
        VoxelType type = resampling.roundIntensities() || resampling.image() == GridInterpolation.NEAREST
                ? image.voxelType() : VoxelType.FLOAT32;
        return new Volume(grid.nx(), grid.ny(), grid.nz(), values, type, grid.geometry());
    }

    /** The grey levels of the voxels in the mask, in ascending order (a counting sort: levels are small). */
    private static int[] sortedLevelsInMask(Discretiser.Levels levels, boolean[] mask, int count) {
        int[] histogram = new int[levels.levelCount() + 2];
        int[] all = levels.levels();
        for (int n = 0; n < mask.length; n++) {
            if (mask[n]) {
                histogram[all[n]]++;
            }
        }
        int[] sorted = new int[count];
        int k = 0;
        for (int level = 0; level < histogram.length; level++) {
            for (int c = 0; c < histogram[level]; c++) {
                sorted[k++] = level;
            }
        }
        return sorted;
    }

    /** The grey levels and masks on the ROI's own bounding box ({@code box}, relative to the crop). */
    private static DiscretisedRoi discretisedRoi(RoiImage roi, Discretiser.Levels levels, BoundingBox box) {
        Volume image = roi.image();
        int[] boxLevels = new int[box.voxelCount()];
        boolean[] boxMask = box.crop(roi.morphologicalMask(), image.nx(), image.ny());
        int n = 0;
        for (int z = box.z0(); z <= box.z1(); z++) {
            for (int y = box.y0(); y <= box.y1(); y++) {
                int from = box.x0() + image.nx() * (y + image.ny() * z);
                System.arraycopy(levels.levels(), from, boxLevels, n, box.nx());
                n += box.nx();
            }
        }
        var spacing = image.geometry().spacing();
        return new DiscretisedRoi(box.nx(), box.ny(), box.nz(), spacing.x(), spacing.y(), spacing.z(), boxLevels,
                levels.levelCount(), boxMask);
    }
}
