package org.lumen.ai.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CosineScheduleTest {
    private final CosineSchedule schedule = new CosineSchedule(1.0f, 0.01f, 10, 110, 0);

    @Test
    void warmsUpLinearlyToThePeak() {
        assertThat(schedule.rateAt(0)).isCloseTo(0.1f, within(1e-6f));
        assertThat(schedule.rateAt(4)).isCloseTo(0.5f, within(1e-6f));
        assertThat(schedule.rateAt(9)).isCloseTo(1.0f, within(1e-6f));
    }

    @Test
    void fallsAlongHalfACosineToTheFloor() {
        assertThat(schedule.rateAt(10)).isCloseTo(1.0f, within(1e-6f));
        // Half way through the decay the cosine term is 1/2: floor + (peak - floor) / 2.
        assertThat(schedule.rateAt(60)).isCloseTo(0.505f, within(1e-6f));
        // A quarter of the way: (1 + cos(pi/4)) / 2 of the span.
        assertThat(schedule.rateAt(35)).isCloseTo((float) (0.01 + 0.99 * (1 + Math.sqrt(0.5)) / 2), within(1e-6f));
        assertThat(schedule.rateAt(110)).isEqualTo(0.01f);
        assertThat(schedule.rateAt(500)).isEqualTo(0.01f);
        for (int step = 10; step < 110; step++) {
            assertThat(schedule.rateAt(step + 1)).isLessThan(schedule.rateAt(step));
        }
    }

    @Test
    void aResumedScheduleContinuesWhereItWas() {
        CosineSchedule resumed = schedule.resumedAfter(40);
        assertThat(resumed.getNewValue(0)).isEqualTo(schedule.rateAt(40));
        assertThat(resumed.getNewValue(25)).isEqualTo(schedule.getNewValue(65));
    }

    @Test
    void refusesAWarmUpAsLongAsTheRun() {
        assertThatThrownBy(() -> new CosineSchedule(1f, 0f, 10, 10, 0)).hasMessageContaining("warm-up");
    }
}
