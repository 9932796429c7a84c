package org.lumen.dicom.deid;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TemporalShiftTest {
    @Test
    void datesMoveByWholeDaysAcrossMonthsYearsAndLeapDays() {
        assertThat(TemporalShift.shiftDate("20040119", -1000)).isEqualTo("20010424");
        assertThat(TemporalShift.shiftDate("20000301", -1)).isEqualTo("20000229");
        assertThat(TemporalShift.shiftDate("19991231", 1)).isEqualTo("20000101");
        assertThat(TemporalShift.shiftDate("2004.01.19", 0)).as("retired form is normalised").isEqualTo("20040119");
    }

    @Test
    void dateTimesKeepTimeFractionAndZone() {
        assertThat(TemporalShift.shiftDateTime("20230501225835.127244+0200", -1)).isEqualTo("20230430225835.127244+0200");
        assertThat(TemporalShift.shiftDateTime("20230501", 31)).isEqualTo("20230601");
    }

    @Test
    void incompleteOrInvalidValuesAreNotShifted() {
        assertThat(TemporalShift.shiftDate("2004", 1)).isNull();
        assertThat(TemporalShift.shiftDate("20041332", 1)).isNull();
        assertThat(TemporalShift.shiftDate("UNKNOWN", 1)).isNull();
        assertThat(TemporalShift.shiftDateTime("200401", 1)).as("DT with month precision").isNull();
        assertThat(TemporalShift.shiftDate("00010101", -1)).as("before year 1").isNull();
        assertThat(TemporalShift.shiftTime("072730")).isEqualTo("072730");
        assertThat(TemporalShift.shiftTime("225835.127244")).isEqualTo("225835.127244");
        assertThat(TemporalShift.shiftTime("7:27")).isNull();
    }

    @Test
    void keyedOffsetsAreRepeatableWithinRangeAndVaryByPatient() {
        byte[] secret = "another test secret, 32 bytes ok".getBytes(StandardCharsets.US_ASCII);
        DateShifter shifter = DateShifter.keyed(secret);
        assertThat(shifter.offsetDays("id:1CT1")).isEqualTo(DateShifter.keyed(secret.clone()).offsetDays("id:1CT1"));
        Set<Integer> offsets = new HashSet<>();
        for (int patient = 0; patient < 200; patient++) {
            int offset = shifter.offsetDays("id:" + patient);
            assertThat(offset).isBetween(DateShifter.DEFAULT_MIN_DAYS, DateShifter.DEFAULT_MAX_DAYS);
            offsets.add(offset);
        }
        assertThat(offsets).as("200 patients do not share a few offsets").hasSizeGreaterThan(150);
        assertThat(DateShifter.keyed(secret, 7, 7).offsetDays("x")).isEqualTo(7);
    }
}
