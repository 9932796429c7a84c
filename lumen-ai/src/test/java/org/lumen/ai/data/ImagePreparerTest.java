package org.lumen.ai.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import org.lumen.ai.data.npz.NpzReader;
import org.lumen.dicom.testing.TestData;
import org.junit.jupiter.api.Test;

class ImagePreparerTest {
    private static final Preprocessing NONE_2D = new Preprocessing(new int[] {1, 4}, 1, 0f, 1f, null);

    @Test
    void growingInterpolatesBetweenPixelCentres() {
        // Source centres at 0.5 and 1.5 (values 0, 4); targets at 0.25, 0.75, 1.25, 1.75 in source units.
        // 0.25 and 1.75 lie beyond the outer centres (edge value holds); 0.75 = 0.75*0 + 0.25*4; 1.25 = 0.25*0 + 0.75*4.
        float[] out = ImagePreparer.prepare(new float[] {0, 4}, new int[] {1, 1, 2}, NONE_2D);
        assertThat(out).containsExactly(0f, 1f, 3f, 4f);
    }

    @Test
    void shrinkingAveragesEverySourcePixelWithAWidenedTriangle() {
        // 4 -> 2: kernel radius 2 source pixels. Output 0 centred at 1.0: pixels 0,1,2 (centres 0.5,1.5,2.5) weigh
        // 1-0.25, 1-0.25, 1-0.75 = .75,.75,.25 (sum 1.75): (0*.75 + 4*.75 + 8*.25)/1.75 = 5/1.75. Output 1 by symmetry
        // (4*.25 + 8*.75 + 12*.75)/1.75 = 16/1.75.
        Preprocessing p = new Preprocessing(new int[] {1, 2}, 1, 0f, 1f, null);
        float[] out = ImagePreparer.prepare(new float[] {0, 4, 8, 12}, new int[] {1, 1, 4}, p);
        assertThat(out[0]).isCloseTo(5f / 1.75f, within(1e-5f));
        assertThat(out[1]).isCloseTo(16f / 1.75f, within(1e-5f));
    }

    @Test
    void resizesRowsAndColumnsSeparably() {
        // 2x2 [[0, 4], [8, 12]] -> 4x4: each axis as in the 1D case, so row 1 (y centre 0.75) = 0.75*row0 + 0.25*row1.
        Preprocessing p = new Preprocessing(new int[] {4, 4}, 1, 0f, 1f, null);
        float[] out = ImagePreparer.prepare(new float[] {0, 4, 8, 12}, new int[] {1, 2, 2}, p);
        assertThat(java.util.Arrays.copyOfRange(out, 0, 4)).containsExactly(0f, 1f, 3f, 4f);
        assertThat(java.util.Arrays.copyOfRange(out, 4, 8)).containsExactly(2f, 3f, 5f, 6f);
        assertThat(java.util.Arrays.copyOfRange(out, 12, 16)).containsExactly(8f, 9f, 11f, 12f);
    }

    @Test
    void resizesDepthTrilinearly() {
        // {1,2,1,1} with slices 0 and 8 -> depth 4: 0, 2, 6, 8; height and width 1 -> 2 repeat the value.
        Preprocessing p = new Preprocessing(new int[] {4, 2, 2}, 1, 0f, 1f, null);
        float[] out = ImagePreparer.prepare(new float[] {0, 8}, new int[] {1, 2, 1, 1}, p);
        assertThat(out).containsExactly(0, 0, 0, 0, 2, 2, 2, 2, 6, 6, 6, 6, 8, 8, 8, 8);
    }

    @Test
    void keepsAConstantImageConstantAtAnySize() {
        float[] grey = new float[37 * 53];
        java.util.Arrays.fill(grey, 100f);
        for (int[] size : new int[][] {{7, 9}, {64, 64}, {37, 53}, {100, 3}}) {
            float[] out = ImagePreparer.prepare(grey, new int[] {1, 37, 53}, new Preprocessing(size, 1, 0f, 1f, null));
            assertThat(out).hasSize(size[0] * size[1]);
            for (float v : out) {
                assertThat(v).isCloseTo(100f, within(1e-3f));
            }
        }
    }

    @Test
    void repeatsGreyAndAveragesColour() {
        Preprocessing rgb = new Preprocessing(new int[] {1, 2}, 3, 0f, 1f, null);
        assertThat(ImagePreparer.prepare(new float[] {1, 2}, new int[] {1, 1, 2}, rgb)).containsExactly(1, 2, 1, 2, 1, 2);
        Preprocessing grey = new Preprocessing(new int[] {1, 2}, 1, 0f, 1f, null);
        // channel planes R = {30, 0}, G = {60, 3}, B = {90, 6}: the mean of each pixel is 60 and 3
        assertThat(ImagePreparer.prepare(new float[] {30, 0, 60, 3, 90, 6}, new int[] {3, 1, 2}, grey))
                .containsExactly(60f, 3f);
    }

    @Test
    void normalisesAfterResizing() {
        Preprocessing p = new Preprocessing(new int[] {1, 4}, 1, 2f, 0.5f, null);
        // resized 0,1,3,4 then (v - 2) / 0.5
        assertThat(ImagePreparer.prepare(new float[] {0, 4}, new int[] {1, 1, 2}, p)).containsExactly(-4f, -2f, 2f, 4f);
    }

    @Test
    void neverChangesTheRawArray() {
        float[] raw = {10, 20};
        float[] out = ImagePreparer.prepare(raw, new int[] {1, 1, 2}, new Preprocessing(new int[] {1, 2}, 1, 5f, 5f, null));
        assertThat(out).containsExactly(1f, 3f);
        assertThat(raw).containsExactly(10f, 20f);
    }

    @Test
    void refusesMismatchedDimensionsAndChannels() {
        assertThatThrownBy(() -> ImagePreparer.prepare(new float[8], new int[] {1, 2, 2, 2}, NONE_2D))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3D").hasMessageContaining("2D");
        Preprocessing three = new Preprocessing(new int[] {1, 4}, 3, 0f, 1f, null);
        assertThatThrownBy(() -> ImagePreparer.prepare(new float[8], new int[] {4, 1, 2}, three))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 channels from an image with 4");
        assertThatThrownBy(() -> ImagePreparer.prepare(new float[3], new int[] {1, 1, 2}, NONE_2D))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs 2 values, got 3");
    }

    @Test
    void preparesARealDatasetKeepingLabelsAndScalingAtItsOwnSize() throws IOException {
        LabelledImages raw = NpzReader.read(TestData.data("medmnist/pneumoniamnist.npz"), "val");
        LabelledImages unit = ImagePreparer.prepare(raw, Preprocessing.unitScale(new int[] {28, 28}, 1));
        assertThat(unit.size()).isEqualTo(raw.size());
        assertThat(unit.labels()).isEqualTo(raw.labels());
        assertThat(unit.classes()).isEqualTo(raw.classes());
        for (int i = 0; i < raw.size(); i += 97) {
            float[] r = raw.image(i);
            float[] u = unit.image(i);
            for (int k = 0; k < r.length; k++) {
                assertThat(u[k]).isCloseTo(r[k] / 255f, within(1e-6f));
            }
        }
        LabelledImages big = ImagePreparer.prepare(raw.subset(new int[] {0, 1, 2}), Preprocessing.unitScale(new int[] {64, 64}, 3));
        assertThat(big.shape()).containsExactly(3, 64, 64);
        // resizing keeps the mean brightness close (interpolation weights sum to one)
        assertThat(mean(big.image(0))).isCloseTo(mean(unit.image(0)), within(0.01));
    }

    private static double mean(float[] values) {
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
