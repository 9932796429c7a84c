package org.lumen.ai.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BinaryEvaluationTest {
    // Hand case: label 1 positive. Bins of width 0.1:
    //   bin 0 [0, .1):  0.05 (neg)               mean .05, rate 0,   gap .05, weight 1/5
    //   bin 1 [.1, .2): 0.12 (pos), 0.18 (neg)   mean .15, rate 1/2, gap .35, weight 2/5
    //   bin 9 [.9, 1]:  0.91 (pos), 0.99 (pos)   mean .95, rate 1,   gap .05, weight 2/5
    // ECE = .05/5 + .35*2/5 + .05*2/5 = .01 + .14 + .02 = 0.17.
    // At threshold 0.5: TP = 2 (.91, .99), FN = 1 (.12), TN = 2 (.05, .18), FP = 0.
    private static final double[] SCORES = {0.05, 0.12, 0.18, 0.91, 0.99};
    private static final int[] LABELS = {0, 1, 0, 1, 1};

    @Test
    void ratesFromAKnownConfusionMatrix() {
        BinaryConfusion c = new BinaryConfusion(40, 10, 45, 5);
        assertThat(c.total()).isEqualTo(100);
        assertThat(c.accuracy()).isEqualTo(0.85);
        assertThat(c.sensitivity()).isEqualTo(40.0 / 45);
        assertThat(c.specificity()).isEqualTo(45.0 / 55);
        assertThat(c.ppv()).isEqualTo(0.8);
        assertThat(c.npv()).isEqualTo(0.9);
        assertThat(new BinaryConfusion(0, 0, 7, 3).ppv()).as("nothing called positive").isNaN();
    }

    @Test
    void expectedCalibrationErrorOfAHandCase() {
        Calibration cal = Calibration.of(SCORES, positives(), 10);
        assertThat(cal.ece()).isCloseTo(0.17, within(1e-12));
        assertThat(cal.bins()).hasSize(10);
        assertThat(cal.bins().stream().mapToInt(ReliabilityBin::count).toArray())
                .containsExactly(1, 2, 0, 0, 0, 0, 0, 0, 0, 2);
        ReliabilityBin second = cal.bins().get(1);
        assertThat(second.lower()).isEqualTo(0.1);
        assertThat(second.upper()).isEqualTo(0.2);
        assertThat(second.meanPredicted()).isCloseTo(0.15, within(1e-12));
        assertThat(second.observedRate()).isEqualTo(0.5);
        assertThat(cal.bins().get(4).meanPredicted()).isNaN();
    }

    @Test
    void binEdgesBelongToTheUpperBinAndOneToTheLast() {
        Calibration cal = Calibration.of(new double[] {0.0, 0.1, 0.5, 1.0}, new boolean[] {false, false, true, true}, 10);
        assertThat(cal.bins().stream().mapToInt(ReliabilityBin::count).toArray())
                .containsExactly(1, 1, 0, 0, 0, 1, 0, 0, 0, 1);
        assertThatThrownBy(() -> Calibration.of(new double[] {1.5}, new boolean[] {true}, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("case 0 has 1.5");
    }

    @Test
    void rocCurveOfTiedScoresAndItsArea() {
        List<RocPoint> roc = RocPoint.curve(new double[] {0.1, 0.4, 0.4, 0.8}, new boolean[] {false, false, true, true});
        // thresholds +inf: (0,0); 0.8: (0, 1/2); 0.4: (1/2, 1) both tied cases at once; 0.1: (1, 1)
        assertThat(roc).containsExactly(new RocPoint(Double.POSITIVE_INFINITY, 0, 0), new RocPoint(0.8, 0, 0.5),
                new RocPoint(0.4, 0.5, 1), new RocPoint(0.1, 1, 1));
        // trapezoids: 1/2 * (1/2 + 1) / 2 + 1/2 * 1 = 0.875, the Mann-Whitney AUC with the tie counted 1/2
        assertThat(RocPoint.area(roc)).isEqualTo(0.875);

        Random random = new Random(3);
        double[] scores = new double[500];
        boolean[] positive = new boolean[500];
        for (int i = 0; i < scores.length; i++) {
            positive[i] = random.nextBoolean();
            scores[i] = Math.round(random.nextDouble() * 20 + (positive[i] ? 4 : 0)) / 24.0;
        }
        assertThat(RocPoint.area(RocPoint.curve(scores, positive))).isCloseTo(Auc.of(scores, positive), within(1e-12));
    }

    @Test
    void evaluatesAHandCaseAtTheThreshold() {
        BinaryEvaluation e = BinaryEvaluation.of(SCORES, LABELS, 1, 0.5);
        assertThat(e.n()).isEqualTo(5);
        assertThat(e.positives()).isEqualTo(3);
        assertThat(e.negatives()).isEqualTo(2);
        assertThat(e.confusion()).isEqualTo(new BinaryConfusion(2, 0, 2, 1));
        assertThat(e.accuracy()).isEqualTo(0.8);
        assertThat(e.sensitivity()).isEqualTo(2.0 / 3);
        assertThat(e.specificity()).isEqualTo(1.0);
        assertThat(e.ppv()).isEqualTo(1.0);
        assertThat(e.npv()).isEqualTo(2.0 / 3);
        // pairs (pos, neg): .12 beats .05 but not .18; .91 and .99 beat both -> 5/6
        assertThat(e.auc()).isCloseTo(5.0 / 6, within(1e-12));
        assertThat(e.aucCiMethod()).isEqualTo("delong");
        assertThat(e.aucCiLow()).isLessThan(e.auc());
        assertThat(e.ece()).isCloseTo(0.17, within(1e-12));
        assertThat(e.roc()).hasSize(6);

        // the other class as positive: scores are then for the wrong class, AUC 1/6
        assertThat(BinaryEvaluation.of(SCORES, LABELS, 0, 0.5).auc()).isCloseTo(1.0 / 6, within(1e-12));
    }

    @Test
    void refusesOneClassWithTheCounts() {
        assertThatThrownBy(() -> BinaryEvaluation.of(new double[] {0.2, 0.9}, new int[] {1, 1}, 1, 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 positive and 0 negative");
        assertThatThrownBy(() -> BinaryEvaluation.of(new double[] {0.2, 0.9}, new int[] {0, -1}, 1, 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("case 1 has no label");
    }

    @Test
    void jsonHasSnakeCaseKeysAndNullForUndefinedValues() throws Exception {
        // nothing reaches 0.995, so PPV is undefined
        BinaryEvaluation e = BinaryEvaluation.of(SCORES, LABELS, 1, 0.995);
        JsonNode json = new ObjectMapper().readTree(e.toJson());
        assertThat(json.isObject()).isTrue();
        assertThat(json.get("auc").asDouble()).isCloseTo(5.0 / 6, within(1e-12));
        assertThat(json.get("accuracy").asDouble()).isEqualTo(0.4);
        assertThat(json.get("n").asInt()).isEqualTo(5);
        assertThat(json.has("auc_ci_low")).isTrue();
        assertThat(json.get("auc_ci_method").asText()).isEqualTo("delong");
        assertThat(json.get("ppv").isNull()).isTrue();
        assertThat(json.get("confusion").get("true_positives").asInt()).isEqualTo(0);
        assertThat(json.get("confusion").get("false_negatives").asInt()).isEqualTo(3);
        assertThat(json.get("reliability").get(2).get("mean_predicted").isNull()).isTrue();
        assertThat(json.get("reliability").get(1).get("observed_rate").asDouble()).isEqualTo(0.5);
        assertThat(json.get("roc").get(0).get("threshold").isNull()).isTrue();
        assertThat(json.get("roc").get(1).get("true_positive_rate").asDouble()).isCloseTo(1.0 / 3, within(1e-12));
    }

    private static boolean[] positives() {
        boolean[] p = new boolean[LABELS.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = LABELS[i] == 1;
        }
        return p;
    }
}
