package org.lumen.ai.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DeLongTest {

    @Test
    void aucCountsTiesAsOneHalf() {
        // positives 0.4, 0.8; negatives 0.1, 0.4. Pairs (pos, neg): (0.4,0.1)=1, (0.4,0.4)=1/2, (0.8,0.1)=1, (0.8,0.4)=1
        // -> 3.5 / 4 = 0.875.
        double[] scores = {0.1, 0.4, 0.4, 0.8};
        boolean[] positive = {false, false, true, true};
        assertThat(Auc.of(scores, positive)).isEqualTo(0.875);
        assertThat(DeLong.of(scores, positive).auc()).isEqualTo(0.875);
    }

    @Test
    void varianceFromStructuralComponentsOfAHandCase() {
        // positives X = 0.9, 0.6, 0.4 (m = 3); negatives Y = 0.6, 0.3, 0.1 (n = 3); psi = 1 if X > Y, 1/2 if equal.
        //            Y=0.6  Y=0.3  Y=0.1   V10 (row mean)
        //   X=0.9      1      1      1     1
        //   X=0.6     1/2     1      1     5/6
        //   X=0.4      0      1      1     2/3
        //   V01:      1/2     1      1     (column means)
        // AUC = mean V10 = 5/6. S10 = ((1/6)^2 + 0 + (1/6)^2) / 2 = 1/36; S01 = ((1/3)^2 + (1/6)^2 + (1/6)^2) / 2 = 1/12.
        // var = S10/m + S01/n = 1/108 + 1/36 = 1/27.
        double[] scores = {0.9, 0.6, 0.6, 0.4, 0.3, 0.1};
        boolean[] positive = {true, true, false, true, false, false};
        DeLong d = DeLong.of(scores, positive);
        assertThat(d.auc()).isCloseTo(5.0 / 6, within(1e-12));
        assertThat(d.v10()).containsExactly(new double[] {1, 5.0 / 6, 2.0 / 3}, within(1e-12));
        assertThat(d.v01()).containsExactly(new double[] {0.5, 1, 1}, within(1e-12));
        assertThat(d.variance()).isCloseTo(1.0 / 27, within(1e-12));
        // 95% interval 5/6 -+ 1.96 sqrt(1/27) = 5/6 -+ 0.3772; the upper end is clipped to 1
        double[] ci = d.ci95();
        assertThat(ci[0]).isCloseTo(5.0 / 6 - 1.959963984540054 * Math.sqrt(1.0 / 27), within(1e-12));
        assertThat(ci[0]).isCloseTo(0.4561, within(1e-4));
        assertThat(ci[1]).isEqualTo(1.0);
    }

    @Test
    void rankComponentsEqualThePairwiseDefinitionOnTiedData() {
        Random random = new Random(7);
        int size = 300;
        double[] scores = new double[size];
        boolean[] positive = new boolean[size];
        for (int i = 0; i < size; i++) {
            positive[i] = random.nextDouble() < 0.3;
            // scores on a coarse grid so that many ties fall across the classes
            scores[i] = Math.round((random.nextGaussian() + (positive[i] ? 1 : 0)) * 4) / 4.0;
        }
        DeLong d = DeLong.of(scores, positive);
        double[] v10 = d.v10();
        double[] v01 = d.v01();
        int m = v10.length;
        int n = v01.length;
        double[] pos = new double[m];
        double[] neg = new double[n];
        for (int i = 0, a = 0, b = 0; i < size; i++) {
            if (positive[i]) {
                pos[a++] = scores[i];
            } else {
                neg[b++] = scores[i];
            }
        }
        for (int i = 0; i < m; i++) {
            double sum = 0;
            for (double y : neg) {
                sum += psi(pos[i], y);
            }
            assertThat(v10[i]).isCloseTo(sum / n, within(1e-12));
        }
        for (int j = 0; j < n; j++) {
            double sum = 0;
            for (double x : pos) {
                sum += psi(x, neg[j]);
            }
            assertThat(v01[j]).isCloseTo(sum / m, within(1e-12));
        }
        assertThat(d.auc()).isCloseTo(Auc.of(scores, positive), within(1e-12));
        assertThat(d.variance()).isBetween(1e-4, 1e-2);
    }

    @Test
    void undefinedWithOneClassOrASingleCase() {
        assertThatThrownBy(() -> DeLong.of(new double[] {0.2, 0.7}, new boolean[] {true, true}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 positive and 0 negative");
        DeLong single = DeLong.of(new double[] {0.9, 0.1, 0.2}, new boolean[] {true, false, false});
        assertThat(single.auc()).isEqualTo(1.0);
        assertThat(single.variance()).isNaN();
        assertThat(single.ci95()[0]).isNaN();
    }

    private static double psi(double x, double y) {
        return x > y ? 1 : x == y ? 0.5 : 0;
    }
}
