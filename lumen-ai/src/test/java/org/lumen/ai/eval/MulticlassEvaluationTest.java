package org.lumen.ai.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class MulticlassEvaluationTest {
    // class 0 vs rest: positive .7; negatives .3 .2 .5 -> 1
    // class 1 vs rest: positive .4; negatives .2 .3 .1 -> 1
    // class 2 vs rest: positives .5, .25; negatives .1, .3: (.5>.1) (.5>.3) (.25>.1) (.25<.3) -> 3/4
    // macro = (1 + 1 + 3/4) / 3 = 11/12. Most probable: 0, 1, 2, 0 -> 3 of 4 right; case 3 (class 2) called 0.
    private static final double[][] PROBS = {{0.7, 0.2, 0.1}, {0.3, 0.4, 0.3}, {0.2, 0.3, 0.5}, {0.5, 0.25, 0.25}};
    private static final int[] LABELS = {0, 1, 2, 2};

    @Test
    void macroAucAccuracyAndConfusionOfAHandCase() {
        MulticlassEvaluation e = MulticlassEvaluation.of(PROBS, LABELS, List.of("a", "b", "c"));
        assertThat(e.classAucs()).containsExactly(1.0, 1.0, 0.75);
        assertThat(e.auc()).isCloseTo(11.0 / 12, within(1e-12));
        assertThat(e.accuracy()).isEqualTo(0.75);
        assertThat(e.confusion()).isDeepEqualTo(new int[][] {{1, 0, 0}, {0, 1, 0}, {1, 0, 1}});
        assertThat(e.n()).isEqualTo(4);
    }

    @Test
    void absentClassHasNoAucAndIsLeftOutOfTheMacroMean() throws Exception {
        double[][] probs = {{0.8, 0.1, 0.1}, {0.3, 0.6, 0.1}, {0.6, 0.3, 0.1}};
        MulticlassEvaluation e = MulticlassEvaluation.of(probs, new int[] {0, 1, 1});
        // class 0: positive .8 vs .3 .6 -> 1; class 1: positives .6 .3 vs .1 -> 1; class 2 absent
        assertThat(e.classAucs().get(2)).isNaN();
        assertThat(e.auc()).isEqualTo(1.0);
        JsonNode json = new ObjectMapper().readTree(e.toJson());
        assertThat(json.get("auc").asDouble()).isEqualTo(1.0);
        assertThat(json.get("accuracy").asDouble()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(json.get("n").asInt()).isEqualTo(3);
        assertThat(json.get("class_aucs").get(2).isNull()).isTrue();
        assertThat(json.get("classes").get(0).asText()).isEqualTo("0");
        assertThat(json.get("confusion").get(1).get(0).asInt()).isEqualTo(1);
        assertThatThrownBy(() -> MulticlassEvaluation.of(new double[][] {{0.9, 0.1}}, new int[] {0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same label");
    }

    @Test
    void perClassSensitivitySpecificityAndTheCalibrationOfTheLargestProbability() throws Exception {
        MulticlassEvaluation e = MulticlassEvaluation.of(PROBS, LABELS, List.of("a", "b", "c"));
        // confusion {{1,0,0},{0,1,0},{1,0,1}}: c has 1 of 2 right; of the 3 cases not a, one (a c) is called a
        assertThat(e.sensitivity()).containsExactly(1.0, 1.0, 0.5);
        assertThat(e.specificity().get(0)).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(e.specificity().subList(1, 3)).containsExactly(1.0, 1.0);
        // largest probabilities .7 right (bin 7), .4 right (bin 4), .5 right and .5 wrong (bin 5: mean .5, rate .5):
        // ECE = (|.7 - 1| + |.4 - 1| + 2 * 0) / 4
        assertThat(e.ece()).isCloseTo(0.225, within(1e-12));
        assertThat(e.reliability()).hasSize(10);
        assertThat(e.reliability().get(5).count()).isEqualTo(2);
        assertThat(e.ciMethod()).isEqualTo("none");
        assertThat(e.aucCiLow()).isNaN();
        JsonNode json = new ObjectMapper().readTree(e.toJson());
        assertThat(json.get("sensitivity").get(2).asDouble()).isEqualTo(0.5);
        assertThat(json.get("auc_ci_low").isNull()).isTrue();
    }

    @Test
    void bootstrapIntervalsAreSeededAndCollapseWhenEveryResampleIsPerfect() {
        Bootstrap bootstrap = new Bootstrap(500, 9, 0.95);
        MulticlassEvaluation once = MulticlassEvaluation.of(PROBS, LABELS, List.of("a", "b", "c"), bootstrap);
        MulticlassEvaluation again = MulticlassEvaluation.of(PROBS, LABELS, List.of("a", "b", "c"), bootstrap);
        assertThat(once.ciMethod()).isEqualTo("bootstrap");
        assertThat(List.of(once.aucCiLow(), once.aucCiHigh(), once.accuracyCiLow(), once.accuracyCiHigh()))
                .isEqualTo(List.of(again.aucCiLow(), again.aucCiHigh(), again.accuracyCiLow(), again.accuracyCiHigh()));
        // a and b are always right; the two c cases are drawn 0, 1 or 2 times each, so accuracy runs from 2/4 to 4/4
        assertThat(once.accuracyCiLow()).isEqualTo(0.5);
        assertThat(once.accuracyCiHigh()).isEqualTo(1.0);
        assertThat(once.aucCiLow()).isLessThan(once.auc());
        double[][] perfect = {{0.9, 0.05, 0.05}, {0.1, 0.8, 0.1}, {0.2, 0.2, 0.6}, {0.6, 0.3, 0.1}};
        MulticlassEvaluation sure = MulticlassEvaluation.of(perfect, new int[] {0, 1, 2, 0}, List.of("a", "b", "c"),
                bootstrap);
        assertThat(List.of(sure.aucCiLow(), sure.aucCiHigh(), sure.accuracyCiLow(), sure.accuracyCiHigh()))
                .containsOnly(1.0);
    }
}
