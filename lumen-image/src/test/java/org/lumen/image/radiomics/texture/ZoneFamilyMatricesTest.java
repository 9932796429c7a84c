package org.lumen.image.radiomics.texture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lumen.image.radiomics.DiscretisedRoi;
import org.lumen.image.radiomics.IbsiPhantoms;

/**
 * The digital phantom's texture matrices against the tables of IBSI 1 manual 06 ("Digital phantom texture matrices"),
 * slice by slice (z = 0 to 3) and volumetrically, plus small hand-worked cases for what the phantom cannot show.
 */
class ZoneFamilyMatricesTest {

    @Test
    void sizeZoneMatricesMatchManual06() throws Exception {
        DiscretisedRoi phantom = IbsiPhantoms.digitalGreyLevels();
        GlszmFamily glszm = new GlszmFamily();
        // {grey level, zone size, zone count}
        assertCounts(glszm.volumeMatrix(phantom), new int[][] {{1, 50, 1}, {3, 1, 1}, {4, 2, 1}, {4, 14, 1}, {6, 7, 1}});
        List<ZoneCountMatrix> slices = glszm.sliceMatrices(phantom);
        assertThat(slices).hasSize(4);
        assertCounts(slices.get(0), new int[][] {{1, 3, 1}, {1, 6, 1}, {4, 2, 1}, {4, 6, 1}, {6, 3, 1}});
        assertCounts(slices.get(1), new int[][] {{1, 4, 1}, {1, 8, 1}, {3, 1, 1}, {4, 2, 2}, {6, 1, 2}});
        assertCounts(slices.get(2), new int[][] {{1, 14, 1}, {4, 2, 1}, {6, 1, 1}});
        assertCounts(slices.get(3), new int[][] {{1, 15, 1}, {4, 2, 1}, {6, 1, 1}});
    }

    @Test
    void distanceZoneMatricesMatchManual06() throws Exception {
        DiscretisedRoi phantom = IbsiPhantoms.digitalGreyLevels();
        GldzmFamily gldzm = new GldzmFamily();
        // {grey level, distance to the edge, zone count}
        assertCounts(gldzm.volumeMatrix(phantom), new int[][] {{1, 1, 1}, {3, 1, 1}, {4, 1, 2}, {6, 1, 1}});
        List<ZoneCountMatrix> slices = gldzm.sliceMatrices(phantom);
        assertThat(slices).hasSize(4);
        assertCounts(slices.get(0), new int[][] {{1, 1, 2}, {4, 1, 2}, {6, 1, 1}});
        assertCounts(slices.get(1), new int[][] {{1, 1, 2}, {3, 2, 1}, {4, 1, 2}, {6, 1, 1}, {6, 2, 1}});
        assertCounts(slices.get(2), new int[][] {{1, 1, 1}, {4, 1, 1}, {6, 1, 1}});
        assertCounts(slices.get(3), new int[][] {{1, 1, 1}, {4, 1, 1}, {6, 1, 1}});
    }

    @Test
    void greyToneDifferenceMatricesMatchManual06() throws Exception {
        DiscretisedRoi phantom = IbsiPhantoms.digitalGreyLevels();
        NgtdmFamily ngtdm = new NgtdmFamily();
        // {grey level, s_i, n_i}
        assertNgtdm(ngtdm.volumeMatrix(phantom),
                new double[][] {{1, 39.946954, 50}, {3, 0.2, 1}, {4, 20.825401, 16}, {6, 24.127005, 7}});
        List<NgtdmMatrix> slices = ngtdm.sliceMatrices(phantom);
        assertThat(slices).hasSize(4);
        assertNgtdm(slices.get(0), new double[][] {{1, 14.575, 9}, {4, 5.775, 8}, {6, 7.325, 3}});
        assertNgtdm(slices.get(1), new double[][] {{1, 11.928571, 12}, {3, 0.375, 1}, {4, 4.8, 4}, {6, 8, 2}});
        assertNgtdm(slices.get(2), new double[][] {{1, 7.985714, 14}, {4, 4.65, 2}, {6, 5, 1}});
        assertNgtdm(slices.get(3), new double[][] {{1, 7.582143, 15}, {4, 4.65, 2}, {6, 5, 1}});
    }

    @Test
    void dependenceMatricesMatchManual06() throws Exception {
        DiscretisedRoi phantom = IbsiPhantoms.digitalGreyLevels();
        NgldmFamily ngldm = new NgldmFamily();
        // {grey level, dependence count, neighbourhoods}
        assertCounts(ngldm.volumeMatrix(phantom), new int[][] {{1, 5, 2}, {1, 6, 2}, {1, 7, 1}, {1, 8, 6}, {1, 9, 4},
            {1, 10, 6}, {1, 11, 5}, {1, 12, 5}, {1, 13, 3}, {1, 14, 2}, {1, 15, 5}, {1, 16, 3}, {1, 17, 3},
            {1, 18, 2}, {1, 21, 1}, {3, 1, 1}, {4, 2, 2}, {4, 4, 2}, {4, 5, 6}, {4, 6, 4}, {4, 7, 2}, {6, 2, 1},
            {6, 3, 4}, {6, 4, 1}, {6, 5, 1}});
        List<ZoneCountMatrix> slices = ngldm.sliceMatrices(phantom);
        assertThat(slices).hasSize(4);
        assertCounts(slices.get(0), new int[][] {{1, 2, 3}, {1, 3, 1}, {1, 4, 3}, {1, 5, 2}, {4, 2, 2}, {4, 3, 4},
            {4, 4, 2}, {6, 2, 2}, {6, 3, 1}});
        assertCounts(slices.get(1), new int[][] {{1, 3, 2}, {1, 4, 6}, {1, 6, 4}, {3, 1, 1}, {4, 2, 4}, {6, 1, 2}});
        assertCounts(slices.get(2), new int[][] {{1, 3, 1}, {1, 4, 5}, {1, 5, 3}, {1, 6, 3}, {1, 7, 2}, {4, 2, 2},
            {6, 1, 1}});
        assertCounts(slices.get(3), new int[][] {{1, 3, 1}, {1, 4, 3}, {1, 5, 3}, {1, 6, 4}, {1, 7, 1}, {1, 8, 3},
            {4, 2, 2}, {6, 1, 1}});
    }

    /**
     * The GLDZM measures distance in the morphological mask, not the intensity mask: a 5 x 5 slice whose outer ring was
     * removed by re-segmentation still puts its 3 x 3 core two erosions from the ROI edge (the intensity mask alone would
     * say 1), and the core's centre voxel of another level three erosions in. In 3D the same single slice is all edge
     * (the grid ends above and below it), so every zone is at distance 1.
     */
    @Test
    void edgeDistanceComesFromTheMorphologicalMask() {
        int[] levels = new int[25];
        boolean[] morphological = new boolean[25];
        java.util.Arrays.fill(morphological, true);
        for (int y = 1; y <= 3; y++) {
            for (int x = 1; x <= 3; x++) {
                levels[x + 5 * y] = 1;
            }
        }
        levels[2 + 5 * 2] = 2;
        DiscretisedRoi roi = new DiscretisedRoi(5, 5, 1, 1, 1, 1, levels, 2, morphological);

        assertCounts(new GldzmFamily().sliceMatrices(roi).get(0), new int[][] {{1, 2, 1}, {2, 3, 1}});
        assertCounts(new GldzmFamily().volumeMatrix(roi), new int[][] {{1, 1, 1}, {2, 1, 1}});
        assertThat(new GldzmFamily().volumeMatrix(roi).voxelCount()).isEqualTo(9); // N_v counts the intensity mask
    }

    /**
     * Manhattan and Chebyshev edge distances differ on a diamond: in a 5 x 5 slice holding the diamond |x-2| + |y-2| <=
     * 2, the centre is 3 Manhattan erosions deep but only 2 Chebyshev (8-connected) erosions deep (2D, within the slice).
     */
    @Test
    void edgeDistanceNormIsSelectable() {
        int[] levels = new int[25];
        boolean[] mask = new boolean[25];
        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 5; x++) {
                if (Math.abs(x - 2) + Math.abs(y - 2) <= 2) {
                    mask[x + 5 * y] = true;
                    levels[x + 5 * y] = 1;
                }
            }
        }
        levels[2 + 5 * 2] = 2;
        DiscretisedRoi roi = new DiscretisedRoi(5, 5, 1, 1, 1, 1, levels, 2, mask);

        assertCounts(new GldzmFamily().sliceMatrices(roi).get(0), new int[][] {{1, 1, 1}, {2, 3, 1}});
        assertCounts(new GldzmFamily(GldzmFamily.EdgeDistance.CHEBYSHEV).sliceMatrices(roi).get(0),
                new int[][] {{1, 1, 1}, {2, 2, 1}});
    }

    /** NGLDM coarseness alpha = 1 lets grey levels one apart depend on each other; distance 2 widens the window. */
    @Test
    void dependenceHonoursCoarsenessAndDistance() {
        // One row of five voxels: levels 1 2 3 2 1.
        DiscretisedRoi row = new DiscretisedRoi(5, 1, 1, 1, 1, 1, new int[] {1, 2, 3, 2, 1}, 3,
                new boolean[] {true, true, true, true, true});
        assertCounts(new NgldmFamily().volumeMatrix(row), new int[][] {{1, 1, 2}, {2, 1, 2}, {3, 1, 1}});
        assertCounts(new NgldmFamily(1, 1).volumeMatrix(row), new int[][] {{1, 2, 2}, {2, 3, 2}, {3, 3, 1}});
        assertCounts(new NgldmFamily(2, 0).volumeMatrix(row), new int[][] {{1, 1, 2}, {2, 2, 2}, {3, 1, 1}});
    }

    /** One 1,000,000-voxel zone: labelling is iterative (union-find), so the size is no risk. */
    @Test
    void largeZoneIsLabelledWithoutRecursion() {
        int n = 100;
        int[] levels = new int[n * n * n];
        boolean[] mask = new boolean[levels.length];
        java.util.Arrays.fill(levels, 1);
        java.util.Arrays.fill(mask, true);
        DiscretisedRoi cube = new DiscretisedRoi(n, n, n, 1, 1, 1, levels, 1, mask);

        assertCounts(new GlszmFamily().volumeMatrix(cube), new int[][] {{1, n * n * n, 1}});
        assertCounts(new GldzmFamily().volumeMatrix(cube), new int[][] {{1, 1, 1}});
    }

    /** An ROI emptied by re-segmentation gives undefined (NaN) features rather than an exception or a made-up 0. */
    @Test
    void emptyRoiGivesNaN() {
        DiscretisedRoi empty = new DiscretisedRoi(3, 3, 2, 1, 1, 1, new int[18], 4, new boolean[18]);
        for (TextureFamily family : List.of(new GlszmFamily(), new GldzmFamily(), new NgtdmFamily(),
                new NgldmFamily())) {
            org.lumen.image.radiomics.FeatureTable table = family.compute(empty,
                    java.util.EnumSet.allOf(org.lumen.image.radiomics.Dimensionality.class));
            assertThat(table.size()).isPositive();
            assertThat(table.asMap().values()).allMatch(value -> value.isNaN(), "all NaN");
        }
    }

    @Test
    void invalidOptionsAreRefused() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> new NgtdmFamily(0))
                .withMessageContaining("distance");
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> new NgldmFamily(1, -1))
                .withMessageContaining("coarseness");
        DiscretisedRoi levelAboveCount = new DiscretisedRoi(2, 1, 1, 1, 1, 1, new int[] {1, 7}, 6,
                new boolean[] {true, true});
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new NgtdmFamily().compute(levelAboveCount, java.util.EnumSet.allOf(
                        org.lumen.image.radiomics.Dimensionality.class)))
                .withMessageContaining("grey level 7");
    }

    private static void assertCounts(ZoneCountMatrix matrix, int[][] expected) {
        double total = 0;
        for (int[] element : expected) {
            assertThat(matrix.count(element[0], element[1])).as("count of (%d, %d)", element[0], element[1])
                    .isEqualTo(element[2]);
            total += element[2];
        }
        assertThat(matrix.total()).as("no other elements").isEqualTo(total);
    }

    private static void assertNgtdm(NgtdmMatrix matrix, double[][] expected) {
        double counted = 0;
        for (double[] level : expected) {
            int i = (int) level[0];
            assertThat(matrix.s()[i]).as("s_%d", i).isCloseTo(level[1], within(1e-6));
            assertThat(matrix.n()[i]).as("n_%d", i).isEqualTo(level[2]);
            counted += level[2];
        }
        assertThat(matrix.counted()).as("no other grey levels").isEqualTo(counted);
    }
}
