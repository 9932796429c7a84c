package org.lumen.image.radiomics.texture;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A grey level by count matrix as IBSI 1 uses it for the GLSZM (zone size), the GLDZM (zone distance) and the NGLDM
 * (dependence count): element (i, j) counts the zones or neighbourhoods with grey level i and second index j. Stored
 * sparsely (only non-zero elements), because zone sizes can run into the tens of thousands while few of them occur.
 * Also carries N_v, the voxel count the matrix was built from, which the percentage features divide by.
 */
final class ZoneCountMatrix {
    /** Indices into {@link #features()}, in the order every zone-like family reports them. */
    static final int SMALL_J = 0;
    static final int LARGE_J = 1;
    static final int LOW_GREY = 2;
    static final int HIGH_GREY = 3;
    static final int SMALL_J_LOW_GREY = 4;
    static final int SMALL_J_HIGH_GREY = 5;
    static final int LARGE_J_LOW_GREY = 6;
    static final int LARGE_J_HIGH_GREY = 7;
    static final int GREY_NON_UNIFORMITY = 8;
    static final int GREY_NON_UNIFORMITY_NORM = 9;
    static final int J_NON_UNIFORMITY = 10;
    static final int J_NON_UNIFORMITY_NORM = 11;
    static final int PERCENTAGE = 12;
    static final int GREY_VARIANCE = 13;
    static final int J_VARIANCE = 14;
    static final int ENTROPY = 15;
    static final int ENERGY = 16;
    static final int FEATURE_COUNT = 17;

    private final int[] level;
    private final int[] column;
    private final double[] count;
    private final double voxelCount;

    private ZoneCountMatrix(int[] level, int[] column, double[] count, double voxelCount) {
        this.level = level;
        this.column = column;
        this.count = count;
        this.voxelCount = voxelCount;
    }

    /** Counts each (levels[n], columns[n]) pair for n below {@code pairs} once. */
    static ZoneCountMatrix of(int[] levels, int[] columns, int pairs, double voxelCount) {
        int maxLevel = 0;
        int maxColumn = 0;
        for (int n = 0; n < pairs; n++) {
            maxLevel = Math.max(maxLevel, levels[n]);
            maxColumn = Math.max(maxColumn, columns[n]);
        }
        long cells = (long) (maxLevel + 1) * (maxColumn + 1);
        // Dependence counts (at most 27 for delta 1) and small zones fit a dense table; large zone sizes are sorted.
        return cells <= 4L * pairs + 4096 ? countDense(levels, columns, pairs, maxColumn + 1, (int) cells, voxelCount)
                : countSorted(levels, columns, pairs, voxelCount);
    }

    private static ZoneCountMatrix countDense(int[] levels, int[] columns, int pairs, int width, int cells,
                                              double voxelCount) {
        int[] table = new int[cells];
        for (int n = 0; n < pairs; n++) {
            table[levels[n] * width + columns[n]]++;
        }
        ZoneLabeller.IntList distinctLevel = new ZoneLabeller.IntList();
        ZoneLabeller.IntList distinctColumn = new ZoneLabeller.IntList();
        ZoneLabeller.IntList distinctCount = new ZoneLabeller.IntList();
        for (int cell = 0; cell < cells; cell++) {
            if (table[cell] > 0) {
                distinctLevel.add(cell / width);
                distinctColumn.add(cell % width);
                distinctCount.add(table[cell]);
            }
        }
        int[] counts = distinctCount.toArray();
        double[] asDouble = new double[counts.length];
        for (int n = 0; n < counts.length; n++) {
            asDouble[n] = counts[n];
        }
        return new ZoneCountMatrix(distinctLevel.toArray(), distinctColumn.toArray(), asDouble, voxelCount);
    }

    private static ZoneCountMatrix countSorted(int[] levels, int[] columns, int pairs, double voxelCount) {
        long[] keys = new long[pairs];
        for (int n = 0; n < pairs; n++) {
            keys[n] = ((long) levels[n] << 32) | columns[n];
        }
        Arrays.sort(keys);
        ZoneLabeller.IntList distinctLevel = new ZoneLabeller.IntList();
        ZoneLabeller.IntList distinctColumn = new ZoneLabeller.IntList();
        double[] counts = new double[pairs];
        int distinct = 0;
        for (int n = 0; n < pairs; n++) {
            if (n == 0 || keys[n] != keys[n - 1]) {
                distinctLevel.add((int) (keys[n] >>> 32));
                distinctColumn.add((int) keys[n]);
                distinct++;
            }
            counts[distinct - 1]++;
        }
        return new ZoneCountMatrix(distinctLevel.toArray(), distinctColumn.toArray(), Arrays.copyOf(counts, distinct),
                voxelCount);
    }

    /** IBSI's merged (2.5D) matrix: element-wise sum of the slice matrices, and of their voxel counts. */
    static ZoneCountMatrix merge(List<ZoneCountMatrix> matrices) {
        Map<Long, Double> sum = new TreeMap<>();
        double voxels = 0;
        for (ZoneCountMatrix matrix : matrices) {
            voxels += matrix.voxelCount;
            for (int n = 0; n < matrix.count.length; n++) {
                sum.merge(((long) matrix.level[n] << 32) | matrix.column[n], matrix.count[n], Double::sum);
            }
        }
        int[] levels = new int[sum.size()];
        int[] columns = new int[sum.size()];
        double[] counts = new double[sum.size()];
        int n = 0;
        for (Map.Entry<Long, Double> entry : sum.entrySet()) {
            levels[n] = (int) (entry.getKey() >>> 32);
            columns[n] = (int) (long) entry.getKey();
            counts[n++] = entry.getValue();
        }
        return new ZoneCountMatrix(levels, columns, counts, voxels);
    }

    /** Element (grey level, j); 0 where nothing was counted. */
    double count(int greyLevel, int j) {
        for (int n = 0; n < count.length; n++) {
            if (level[n] == greyLevel && column[n] == j) {
                return count[n];
            }
        }
        return 0;
    }

    /** N_s, the number of zones or neighbourhoods counted. */
    double total() {
        double total = 0;
        for (double c : count) {
            total += c;
        }
        return total;
    }

    double voxelCount() {
        return voxelCount;
    }

    boolean isEmpty() {
        return count.length == 0;
    }

    /** The 17 features in the order of the index constants above; all NaN for an empty matrix. */
    double[] features() {
        double[] f = new double[FEATURE_COUNT];
        double total = total();
        if (total == 0) {
            Arrays.fill(f, Double.NaN);
            return f;
        }
        int maxLevel = 0;
        int maxColumn = 0;
        for (int n = 0; n < count.length; n++) {
            maxLevel = Math.max(maxLevel, level[n]);
            maxColumn = Math.max(maxColumn, column[n]);
        }
        double[] perLevel = new double[maxLevel + 1];
        double[] perColumn = new double[maxColumn + 1];
        double meanLevel = 0;
        double meanColumn = 0;
        for (int n = 0; n < count.length; n++) {
            double i = level[n];
            double j = column[n];
            double s = count[n];
            double p = s / total;
            perLevel[level[n]] += s;
            perColumn[column[n]] += s;
            f[SMALL_J] += s / (j * j);
            f[LARGE_J] += s * j * j;
            f[LOW_GREY] += s / (i * i);
            f[HIGH_GREY] += s * i * i;
            f[SMALL_J_LOW_GREY] += s / (i * i * j * j);
            f[SMALL_J_HIGH_GREY] += s * i * i / (j * j);
            f[LARGE_J_LOW_GREY] += s * j * j / (i * i);
            f[LARGE_J_HIGH_GREY] += s * i * i * j * j;
            f[ENTROPY] -= p * Math.log(p) / Math.log(2);
            f[ENERGY] += p * p;
            meanLevel += i * p;
            meanColumn += j * p;
        }
        for (int k = SMALL_J; k <= LARGE_J_HIGH_GREY; k++) {
            f[k] /= total;
        }
        for (int n = 0; n < count.length; n++) {
            double p = count[n] / total;
            f[GREY_VARIANCE] += (level[n] - meanLevel) * (level[n] - meanLevel) * p;
            f[J_VARIANCE] += (column[n] - meanColumn) * (column[n] - meanColumn) * p;
        }
        f[GREY_NON_UNIFORMITY] = sumOfSquares(perLevel) / total;
        f[GREY_NON_UNIFORMITY_NORM] = f[GREY_NON_UNIFORMITY] / total;
        f[J_NON_UNIFORMITY] = sumOfSquares(perColumn) / total;
        f[J_NON_UNIFORMITY_NORM] = f[J_NON_UNIFORMITY] / total;
        f[PERCENTAGE] = total / voxelCount;
        return f;
    }

    private static double sumOfSquares(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value * value;
        }
        return sum;
    }
}
