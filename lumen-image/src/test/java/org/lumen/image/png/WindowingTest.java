package org.lumen.image.png;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WindowingTest {
    private static int[] levels(byte[] bytes) {
        int[] levels = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            levels[i] = bytes[i] & 0xFF;
        }
        return levels;
    }

    @Test
    void softTissueWindowFollowsTheDicomLinearFunction() {
        // c = 40, w = 400: black up to 40 - 0.5 - 199.5 = -160, white above 40 - 0.5 + 199.5 = 239.
        float[] hu = {-1000, -160, -159, 39.5f, 40, 238, 239, 239.5f, 3000, Float.NaN};
        // In between: ((x - 39.5) / 399 + 0.5) * 255, e.g. -159 -> 0.639 -> 1, 238 -> 254.36 -> 254.
        assertThat(levels(Windowing.apply(hu, 40, 400))).containsExactly(0, 0, 1, 128, 128, 254, 255, 255, 255, 0);
    }

    @Test
    void widthOneIsAThreshold() {
        float[] values = {99, 99.5f, 99.6f, 100, 101};
        assertThat(levels(Windowing.apply(values, 100, 1))).containsExactly(0, 0, 255, 255, 255);
        assertThatThrownBy(() -> Windowing.apply(values, 100, 0.5)).hasMessageContaining("width of at least 1");
    }

    @Test
    void rangeWindowMapsLowToBlackAndHighToWhite() {
        Window window = Window.ofRange(-5, 10);
        assertThat(window.center()).isEqualTo(3);
        assertThat(window.width()).isEqualTo(16);
        assertThat(window.low()).isEqualTo(-5);
        assertThat(window.high()).isEqualTo(10);
        assertThat(levels(Windowing.apply(new float[] {-5, 2.5f, 10}, window))).containsExactly(0, 128, 255);
    }

    @Test
    void autoUsesMinAndMaxOfFiniteValues() {
        Window window = Windowing.auto(new float[] {Float.NaN, 7, -3, Float.POSITIVE_INFINITY, 12});
        assertThat(window.low()).isEqualTo(-3);
        assertThat(window.high()).isEqualTo(12);
        assertThatThrownBy(() -> Windowing.auto(new float[] {Float.NaN})).hasMessageContaining("no finite values");
    }

    @Test
    void percentileWindowIgnoresOutliers() {
        float[] values = new float[102];
        for (int i = 0; i <= 100; i++) {
            values[i] = i;
        }
        values[101] = 1e6f;
        // 102 values: the 1st percentile sits at rank 1.01, the 99th at rank 99.99 (linear between order statistics).
        Window window = Windowing.auto(values, 1, 99);
        assertThat(window.low()).isCloseTo(1.01, within(1e-9));
        assertThat(window.high()).isCloseTo(99.99, within(1e-9));
        assertThat(Windowing.auto(values, 0, 100).high()).isEqualTo(1e6);
    }
}
