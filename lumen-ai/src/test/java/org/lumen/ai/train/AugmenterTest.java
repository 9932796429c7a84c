package org.lumen.ai.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class AugmenterTest {
    private static final int[] SHAPE_2D = {1, 4, 5};

    /** Every pixel a different value: its index. */
    private static float[] ramp(int[] shape) {
        int n = 1;
        for (int s : shape) {
            n *= s;
        }
        float[] image = new float[n];
        for (int i = 0; i < n; i++) {
            image[i] = i;
        }
        return image;
    }

    @Test
    void sameSeedGivesTheSameImages() {
        Augmentation strong = new Augmentation(true, true, false, 15, 0.1, 0.15, 0.2);
        Augmenter augmenter = new Augmenter(strong, new int[] {1, 28, 28});
        float[] image = ramp(new int[] {1, 28, 28});
        Random a = new Random(7);
        Random b = new Random(7);
        for (int i = 0; i < 5; i++) {
            assertThat(augmenter.apply(image, a)).containsExactly(augmenter.apply(image, b));
        }
        assertThat(augmenter.apply(image, new Random(8))).isNotEqualTo(augmenter.apply(image, new Random(7)));
        assertThat(image).containsExactly(ramp(new int[] {1, 28, 28}));
    }

    @Test
    void leftRightFlipMirrorsEachRowAndHappensAboutHalfTheTime() {
        Augmenter augmenter = new Augmenter(new Augmentation(true, false, false, 0, 0, 0, 0), SHAPE_2D);
        float[] image = ramp(SHAPE_2D);
        float[] mirrored = new float[image.length];
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 5; x++) {
                mirrored[y * 5 + x] = image[y * 5 + (4 - x)];
            }
        }
        Random random = new Random(1);
        int flipped = 0;
        for (int i = 0; i < 200; i++) {
            float[] out = augmenter.apply(image, random);
            if (java.util.Arrays.equals(out, mirrored)) {
                flipped++;
            } else {
                assertThat(out).containsExactly(image);
            }
        }
        assertThat(flipped).isBetween(70, 130);
    }

    @Test
    void depthFlipReversesTheSlicesOfAVolume() {
        int[] shape = {1, 3, 2, 2};
        Augmenter augmenter = new Augmenter(new Augmentation(false, false, true, 0, 0, 0, 0), shape);
        float[] volume = ramp(shape);
        float[] reversed = new float[volume.length];
        for (int z = 0; z < 3; z++) {
            System.arraycopy(volume, (2 - z) * 4, reversed, z * 4, 4);
        }
        Random random = new Random(3);
        boolean seen = false;
        for (int i = 0; i < 20; i++) {
            float[] out = augmenter.apply(volume, random);
            seen |= java.util.Arrays.equals(out, reversed);
        }
        assertThat(seen).isTrue();
    }

    @Test
    void noAugmentationLeavesTheImageAsItIs() {
        Augmenter augmenter = new Augmenter(Augmentation.none(), SHAPE_2D);
        assertThat(augmenter.apply(ramp(SHAPE_2D), new Random(5))).containsExactly(ramp(SHAPE_2D));
    }

    @Test
    void rotationByAQuarterTurnMovesTheCornersRound() {
        // Only rotation, of exactly 90 degrees: rotationDegrees = 90 and a Random whose first double is 1 - tiny.
        Augmenter augmenter = new Augmenter(new Augmentation(false, false, false, 90, 0, 0, 0), new int[] {1, 3, 3});
        float[] image = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        Random maximal = new Random() {
            @Override
            public double nextDouble() {
                return 1.0;
            }
        };
        float[] out = augmenter.apply(image, maximal);
        // Output (x, y) reads the input at centre + R^-1 (p - centre): the grid turns a quarter about its centre.
        assertThat(out).usingComparatorWithPrecision(1e-4f).containsExactly(7, 4, 1, 8, 5, 2, 9, 6, 3);
    }

    @Test
    void intensityJitterScalesAndShiftsValues() {
        Augmenter augmenter = new Augmenter(new Augmentation(false, false, false, 0, 0, 0, 0.5), SHAPE_2D);
        float[] out = augmenter.apply(ramp(SHAPE_2D), new Random(11));
        float contrast = out[1] - out[0];
        float brightness = out[0];
        assertThat(contrast).isBetween(0.5f, 1.5f).isNotEqualTo(1f);
        assertThat(brightness).isBetween(-0.5f, 0.5f);
        for (int i = 0; i < out.length; i++) {
            assertThat(out[i]).isCloseTo(i * contrast + brightness, org.assertj.core.api.Assertions.within(1e-4f));
        }
    }

}
