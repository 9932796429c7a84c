package org.lumen.image.radiomics.texture;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.lumen.image.radiomics.Dimensionality;
import org.lumen.image.radiomics.DiscretisedRoi;
import org.lumen.image.radiomics.FeatureTable;

/**
 * IBSI 1's six ways to aggregate directional texture matrices (GLCM and GLRLM sections, "Aggregating features") into
 * one value per feature, named by the tag suffixes of the reference values:
 * <ul>
 * <li>{@code _2D_avg} (BTW3): features of each slice's matrix per direction, averaged over directions and slices;</li>
 * <li>{@code _2D_comb} (SUJT): the directions merged per slice, features averaged over slices;</li>
 * <li>{@code _2_5D_avg} (JJUI): the slices merged per direction, features averaged over directions;</li>
 * <li>{@code _2_5D_comb} (ZW7Z): all slice matrices merged into one;</li>
 * <li>{@code _3D_avg} (ITBB): features of each volumetric direction's matrix, averaged over directions;</li>
 * <li>{@code _3D_comb} (IAZD): all volumetric directions merged into one.</li>
 * </ul>
 * Merging sums counts (and the voxels a matrix covers). A matrix without counts (a slice with a single voxel has no
 * neighbour pairs) takes no part in an average, and neither does a feature that is undefined (NaN) for one matrix:
 * averages are over the matrices where the feature exists; with none, the feature is NaN.
 */
final class DirectionalAggregation {
    private DirectionalAggregation() {
    }

    static FeatureTable compute(MatrixFeatures family, DiscretisedRoi roi, Set<Dimensionality> dimensionalities,
                                List<Offset> inPlane, List<Offset> volumetric) {
        Objects.requireNonNull(roi, "roi");
        Objects.requireNonNull(dimensionalities, "dimensionalities");
        FeatureTable table = new FeatureTable();
        TextureRoi texture = TextureRoi.of(roi, reach(inPlane, volumetric));
        List<CountMatrix[]> slices = null; // shared by 2D and 2.5D, counted once
        for (Dimensionality dimensionality : Dimensionality.values()) {
            if (!dimensionalities.contains(dimensionality)) {
                continue;
            }
            double[][] averagedAndMerged;
            if (texture == null) {
                averagedAndMerged = undefined(family);
            } else if (dimensionality == Dimensionality.THREE_D) {
                averagedAndMerged = volumetric(family, texture, volumetric);
            } else {
                if (slices == null) {
                    slices = sliceMatrices(family, texture, inPlane);
                }
                averagedAndMerged = dimensionality == Dimensionality.TWO_D ? sliceWise(family, slices)
                        : directionWise(family, slices, inPlane.size());
            }
            put(table, family, dimensionality, "avg", averagedAndMerged[0]);
            put(table, family, dimensionality, "comb", averagedAndMerged[1]);
        }
        return table;
    }

    /** Matrices per slice that holds ROI voxels, one per in-plane direction. */
    private static List<CountMatrix[]> sliceMatrices(MatrixFeatures family, TextureRoi texture, List<Offset> inPlane) {
        List<CountMatrix[]> slices = new ArrayList<>();
        for (int z = 0; z < texture.nz(); z++) {
            if (texture.voxelsPerSlice()[z] == 0) {
                continue;
            }
            CountMatrix[] perDirection = new CountMatrix[inPlane.size()];
            for (int d = 0; d < perDirection.length; d++) {
                perDirection[d] = family.count(texture, inPlane.get(d), z);
            }
            slices.add(perDirection);
        }
        return slices;
    }

    /** 2D: {averaged over every slice and direction, merged per slice then averaged over slices}. */
    private static double[][] sliceWise(MatrixFeatures family, List<CountMatrix[]> slices) {
        FeatureMean averaged = new FeatureMean(family);
        FeatureMean sliceMerged = new FeatureMean(family);
        for (CountMatrix[] perDirection : slices) {
            for (CountMatrix matrix : perDirection) {
                averaged.add(matrix);
            }
            sliceMerged.add(merge(Arrays.asList(perDirection)));
        }
        return new double[][] {averaged.mean(), sliceMerged.mean()};
    }

    /** 2.5D: {merged per direction over the slices then averaged over directions, everything merged}. */
    private static double[][] directionWise(MatrixFeatures family, List<CountMatrix[]> slices, int directions) {
        FeatureMean directionMerged = new FeatureMean(family);
        List<CountMatrix> perDirection = new ArrayList<>();
        for (int d = 0; d < directions; d++) {
            List<CountMatrix> direction = new ArrayList<>();
            for (CountMatrix[] slice : slices) {
                direction.add(slice[d]);
            }
            CountMatrix merged = merge(direction);
            directionMerged.add(merged);
            perDirection.add(merged);
        }
        return new double[][] {directionMerged.mean(), featuresOrUndefined(family, merge(perDirection))};
    }

    /** 3D: {averaged over the volumetric directions, all directions merged}. */
    private static double[][] volumetric(MatrixFeatures family, TextureRoi texture, List<Offset> directions) {
        FeatureMean averaged = new FeatureMean(family);
        List<CountMatrix> matrices = new ArrayList<>();
        for (Offset direction : directions) {
            CountMatrix matrix = family.count(texture, direction, -1);
            averaged.add(matrix);
            matrices.add(matrix);
        }
        return new double[][] {averaged.mean(), featuresOrUndefined(family, merge(matrices))};
    }

    /** The farthest any direction reaches along an axis: the zero padding the counting loops need. */
    private static int reach(List<Offset> inPlane, List<Offset> volumetric) {
        int reach = 1;
        for (List<Offset> directions : List.of(inPlane, volumetric)) {
            for (Offset d : directions) {
                reach = Math.max(reach, Math.max(Math.abs(d.dx()), Math.max(Math.abs(d.dy()), Math.abs(d.dz()))));
            }
        }
        return reach;
    }

    private static CountMatrix merge(List<CountMatrix> matrices) {
        CountMatrix first = matrices.get(0);
        CountMatrix merged = new CountMatrix(first.rows, first.columns);
        for (CountMatrix matrix : matrices) {
            merged.add(matrix);
        }
        return merged;
    }

    private static double[] featuresOrUndefined(MatrixFeatures family, CountMatrix matrix) {
        return matrix.total() > 0 ? family.features(matrix) : undefined(family)[0];
    }

    private static double[][] undefined(MatrixFeatures family) {
        double[] nan = new double[family.featureNames().size()];
        Arrays.fill(nan, Double.NaN);
        return new double[][] {nan, nan};
    }

    private static void put(FeatureTable table, MatrixFeatures family, Dimensionality dimensionality, String method,
                            double[] values) {
        List<String> names = family.featureNames();
        for (int f = 0; f < names.size(); f++) {
            table.put(family.tagPrefix() + "_" + names.get(f) + "_" + dimensionality.tagSuffix() + "_" + method,
                    values[f]);
        }
    }

    /** Mean per feature over the matrices that have counts, skipping values that are undefined (NaN). */
    private static final class FeatureMean {
        private final MatrixFeatures family;
        private final double[] sum;
        private final int[] count;

        FeatureMean(MatrixFeatures family) {
            this.family = family;
            this.sum = new double[family.featureNames().size()];
            this.count = new int[sum.length];
        }

        void add(CountMatrix matrix) {
            if (matrix.total() == 0) {
                return;
            }
            double[] values = family.features(matrix);
            for (int f = 0; f < values.length; f++) {
                if (!Double.isNaN(values[f])) {
                    sum[f] += values[f];
                    count[f]++;
                }
            }
        }

        double[] mean() {
            double[] mean = new double[sum.length];
            for (int f = 0; f < mean.length; f++) {
                mean[f] = count[f] == 0 ? Double.NaN : sum[f] / count[f];
            }
            return mean;
        }
    }
}
