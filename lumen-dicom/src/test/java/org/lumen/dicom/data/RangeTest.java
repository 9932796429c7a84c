package org.lumen.dicom.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The generic range and the DA, TM and DT range queries of PS3.4 C.2.2.2.5. */
class RangeTest {

    private static final ZoneOffset CET = ZoneOffset.ofHours(1);

    @Test
    void containsItsBoundsAndWhatLiesBetween() {
        Range<Integer> range = new Range<>(3, 5);
        assertThat(range.contains(3)).isTrue();
        assertThat(range.contains(4)).isTrue();
        assertThat(range.contains(5)).isTrue();
        assertThat(range.contains(2)).isFalse();
        assertThat(range.contains(6)).isFalse();
    }

    @Test
    void anOpenBoundAcceptsEverythingOnItsSide() {
        assertThat(new Range<>(3, null).contains(Integer.MAX_VALUE)).isTrue();
        assertThat(new Range<>(3, null).contains(2)).isFalse();
        assertThat(new Range<>(null, 5).contains(Integer.MIN_VALUE)).isTrue();
        assertThat(new Range<>(null, 5).contains(6)).isFalse();
        assertThat(new Range<Integer>(null, null).isUnbounded()).isTrue();
        assertThat(new Range<Integer>(null, null).contains(0)).isTrue();
    }

    @Test
    void anInvertedRangeIsEmpty() {
        Range<Integer> inverted = new Range<>(5, 3);
        assertThat(inverted.isEmpty()).isTrue();
        assertThat(inverted.contains(4)).isFalse();
        assertThat(inverted.overlaps(new Range<>(null, null))).isFalse();
    }

    @ParameterizedTest(name = "[{0},{1}] overlaps [{2},{3}]: {4}")
    @CsvSource(nullValues = "null", value = {
        "1,5,5,9,true", "1,5,6,9,false", "6,9,1,5,false", "1,9,3,4,true", "3,4,1,9,true",
        "null,5,5,null,true", "null,5,6,null,false", "1,null,null,0,false", "null,null,7,7,true"})
    void overlapsWhenSomeValueLiesInBoth(Integer lowerA, Integer upperA, Integer lowerB, Integer upperB,
            boolean expected) {
        assertThat(new Range<>(lowerA, upperA).overlaps(new Range<>(lowerB, upperB))).isEqualTo(expected);
        assertThat(new Range<>(lowerB, upperB).overlaps(new Range<>(lowerA, upperA))).isEqualTo(expected);
    }

    // ---------------------------------------------------------------------------------------------------------- DA

    @ParameterizedTest(name = "DA range \"{0}\"")
    @CsvSource(nullValues = "null", delimiter = '|', value = {
        "20200101-20201231|2020-01-01|2020-12-31",
        "20200101-|2020-01-01|null",
        "-20201231|null|2020-12-31",
        "20200101|2020-01-01|2020-01-01",
        "1994.11.05-1995.06.26|1994-11-05|1995-06-26",
        "20200101 - 20201231|2020-01-01|2020-12-31",
    })
    void readsDateRanges(String text, LocalDate lower, LocalDate upper) {
        assertThat(DicomDates.parseDateRange(text)).isEqualTo(new Range<>(lower, upper));
    }

    @Test
    void aDateRangeMatchesTheDaysInIt() {
        Range<LocalDate> year = DicomDates.parseDateRange("20200101-20201231");
        assertThat(year.contains(LocalDate.of(2020, 6, 15))).isTrue();
        assertThat(year.contains(LocalDate.of(2019, 12, 31))).isFalse();
        assertThat(year.contains(LocalDate.of(2021, 1, 1))).isFalse();
    }

    @ParameterizedTest(name = "DA range \"{0}\" is refused")
    @ValueSource(strings = {"-", " - ", "2020-01-01", "20200101-2020", "x-20200101", "20200101--20201231"})
    void refusesBadDateRanges(String text) {
        assertThatThrownBy(() -> DicomDates.parseDateRange(text)).isInstanceOf(DicomValueException.class)
                .hasMessageContaining("DA");
    }

    // ---------------------------------------------------------------------------------------------------------- TM

    @ParameterizedTest(name = "TM range \"{0}\"")
    @CsvSource(nullValues = "null", delimiter = '|', value = {
        "10|10:00|10:59:59.999999",
        "1030|10:30|10:30:59.999999",
        "103045|10:30:45|10:30:45.999999",
        "103045.5|10:30:45.5|10:30:45.5",
        "10-11|10:00|11:59:59.999999",
        "1030-|10:30|null",
        "-1030|null|10:30:59.999999",
        "23|23:00|23:59:59.999999",
        "080000-173000.5|08:00|17:30:00.5",
        "08:00-17:30|08:00|17:30:59.999999",
    })
    void readsTimeRangesCoveringEachBoundsPrecision(String text, LocalTime lower, LocalTime upper) {
        assertThat(DicomDates.parseTimeRange(text)).isEqualTo(new Range<>(lower, upper));
    }

    @Test
    void anHourMatchesEveryTimeWithinIt() {
        Range<LocalTime> ten = DicomDates.parseTimeRange("10");
        assertThat(ten.contains(DicomDates.parseTime("105959.999999"))).isTrue();
        assertThat(ten.contains(DicomDates.parseTime("11"))).isFalse();
        assertThat(ten.contains(DicomDates.parseTime("095959.999999"))).isFalse();
    }

    @ParameterizedTest(name = "TM range \"{0}\" is refused")
    @ValueSource(strings = {"-", "10-11-12", "25-", "-1", "10--11"})
    void refusesBadTimeRanges(String text) {
        assertThatThrownBy(() -> DicomDates.parseTimeRange(text)).isInstanceOf(DicomValueException.class)
                .hasMessageContaining("TM");
    }

    // ---------------------------------------------------------------------------------------------------------- DT

    @ParameterizedTest(name = "DT range \"{0}\" at +01:00")
    @CsvSource(nullValues = "null", delimiter = '|', value = {
        "2020|2019-12-31T23:00:00Z|2020-12-31T22:59:59.999999Z",
        "2020-|2019-12-31T23:00:00Z|null",
        "-2020|null|2020-12-31T22:59:59.999999Z",
        "2019-2020|2018-12-31T23:00:00Z|2020-12-31T22:59:59.999999Z",
        "20200101-20201231|2019-12-31T23:00:00Z|2020-12-31T22:59:59.999999Z",
        "2020+0000|2020-01-01T00:00:00Z|2020-12-31T23:59:59.999999Z",
        "2020-1000|2020-01-01T10:00:00Z|2021-01-01T09:59:59.999999Z",
        "20200101-0500-20200102|2020-01-01T05:00:00Z|2020-01-02T22:59:59.999999Z",
        "20200101+0100-20200101-0100|2019-12-31T23:00:00Z|2020-01-02T00:59:59.999999Z",
        "20200101120000.5-|2020-01-01T11:00:00.5Z|null",
        "-202001011200-0500|null|2020-01-01T17:00:59.999999Z",
    })
    void readsDateTimeRangesAsInstants(String text, Instant lower, Instant upper) {
        assertThat(DicomDates.parseDateTimeRange(text, CET)).isEqualTo(new Range<>(lower, upper));
    }

    @Test
    void valuesAtDifferentOffsetsCompareByInstant() {
        Range<Instant> noonInParis = DicomDates.parseDateTimeRange("202006011200+0100", ZoneOffset.UTC);
        Instant elevenUtc = DicomDates.parseDateTime("20200601110000+0000").toOffsetDateTime(null).toInstant();
        Instant twelveUtc = DicomDates.parseDateTime("20200601120000+0000").toOffsetDateTime(null).toInstant();
        assertThat(noonInParis.contains(elevenUtc)).isTrue();
        assertThat(noonInParis.contains(twelveUtc)).isFalse();
    }

    @Test
    void aStoredPartialValueOverlapsTheQueryRange() {
        Range<Instant> query = DicomDates.parseDateTimeRange("20200601-20200630", CET);
        assertThat(DicomDates.parseDateTime("2020").span(CET).overlaps(query)).isTrue();
        assertThat(DicomDates.parseDateTime("202007").span(CET).overlaps(query)).isFalse();
    }

    @ParameterizedTest(name = "DT range \"{0}\" is refused")
    @ValueSource(strings = {"-", "2020-01-01", "20201-", "x", "2020--2021", "2020-2021-2022"})
    void refusesBadDateTimeRanges(String text) {
        assertThatThrownBy(() -> DicomDates.parseDateTimeRange(text, CET)).isInstanceOf(DicomValueException.class)
                .hasMessageContaining("DT");
    }
}
