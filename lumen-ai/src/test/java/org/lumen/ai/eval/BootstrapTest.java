package org.lumen.ai.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BootstrapTest {

    @Test
    void seededPercentileIntervalIsReproducibleAndAgreesWithDeLong() {
        Random random = new Random(11);
        int size = 600;
        double[] scores = new double[size];
        boolean[] positive = new boolean[size];
        for (int i = 0; i < size; i++) {
            positive[i] = random.nextDouble() < 0.25;
            scores[i] = 1 / (1 + Math.exp(-(random.nextGaussian() + (positive[i] ? 1.5 : 0))));
        }
        Bootstrap bootstrap = new Bootstrap(1000, 42, 0.95);
        Bootstrap.Interval a = bootstrap.aucInterval(scores, positive);
        Bootstrap.Interval b = bootstrap.aucInterval(scores, positive);
        assertThat(a).isEqualTo(b);
        assertThat(new Bootstrap(1000, 43, 0.95).aucInterval(scores, positive)).isNotEqualTo(a);

        double auc = Auc.of(scores, positive);
        assertThat(a.low()).isLessThan(auc);
        assertThat(a.high()).isGreaterThan(auc);
        double[] delong = DeLong.of(scores, positive).ci95();
        // both estimate the same sampling spread: the widths agree within 20%
        double ratio = (a.high() - a.low()) / (delong[1] - delong[0]);
        assertThat(ratio).isBetween(0.8, 1.2);

        BinaryEvaluation e = BinaryEvaluation.of(scores, labels(positive), 1, 0.5, bootstrap);
        assertThat(e.aucCiMethod()).isEqualTo("bootstrap");
        assertThat(e.aucCiLow()).isEqualTo(a.low());
        assertThat(e.auc()).isEqualTo(auc);
    }

    @Test
    void refusesTooFewResamplesAndOneClass() {
        assertThatThrownBy(() -> new Bootstrap(10, 1, 0.95)).hasMessageContaining("at least 100");
        assertThatThrownBy(() -> Bootstrap.standard(1).aucInterval(new double[] {0.1, 0.2}, new boolean[] {false, false}))
                .hasMessageContaining("0 positive and 2 negative");
    }

    private static int[] labels(boolean[] positive) {
        int[] labels = new int[positive.length];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = positive[i] ? 1 : 0;
        }
        return labels;
    }
}
