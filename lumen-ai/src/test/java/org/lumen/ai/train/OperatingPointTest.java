package org.lumen.ai.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class OperatingPointTest {
    @Test
    void choosesTheThresholdOfLargestYoudenJMidwayBetweenScores() {
        // Negatives 0.1 0.2 0.3 0.6; positives 0.4 0.7 0.8 0.9. Cut between 0.3 and 0.4: sensitivity 1, specificity 3/4
        // (J 0.75); cut between 0.6 and 0.7: sensitivity 3/4, specificity 1 (J 0.75, found second, so not taken).
        double[] scores = {0.1, 0.2, 0.3, 0.6, 0.4, 0.7, 0.8, 0.9};
        boolean[] positive = {false, false, false, false, true, true, true, true};
        OperatingPoint point = OperatingPoint.youden(scores, positive);
        assertThat(point.threshold()).isCloseTo(0.35, within(1e-12));
        assertThat(point.sensitivity()).isEqualTo(1.0);
        assertThat(point.specificity()).isEqualTo(0.75);
        assertThat(point.accuracy()).isEqualTo(7 / 8.0);
    }

    @Test
    void separableScoresGetAPerfectThreshold() {
        OperatingPoint point = OperatingPoint.youden(new double[] {0.9, 0.2, 0.8, 0.1},
                new boolean[] {true, false, true, false});
        assertThat(point.threshold()).isCloseTo(0.5, within(1e-12));
        assertThat(point.accuracy()).isEqualTo(1.0);
    }

    @Test
    void theAccuracyRuleTradesSensitivityForAccuracyWhenPositivesAreRare() {
        // 8 negatives 0.1..0.8, positives 0.45 and 0.9. Youden: J = 0.5 both at 0.425 (sensitivity 1, specificity 1/2,
        // accuracy 6/10) and at 0.85 (1/2, 1, 9/10); the first is kept. Accuracy: 0.85 (9/10).
        double[] scores = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.45, 0.9};
        boolean[] positive = {false, false, false, false, false, false, false, false, true, true};
        OperatingPoint youden = OperatingPoint.choose(OperatingPoint.Rule.YOUDEN, scores, positive);
        assertThat(youden.threshold()).isCloseTo(0.425, within(1e-12));
        assertThat(youden.accuracy()).isCloseTo(0.6, within(1e-12));
        OperatingPoint accurate = OperatingPoint.choose(OperatingPoint.Rule.ACCURACY, scores, positive);
        assertThat(accurate.threshold()).isCloseTo(0.85, within(1e-12));
        assertThat(accurate.accuracy()).isCloseTo(0.9, within(1e-12));
        assertThat(accurate.sensitivity()).isEqualTo(0.5);
    }

    @Test
    void needsBothClasses() {
        assertThatThrownBy(() -> OperatingPoint.youden(new double[] {0.1, 0.2}, new boolean[] {true, true}))
                .hasMessageContaining("both classes");
    }
}
