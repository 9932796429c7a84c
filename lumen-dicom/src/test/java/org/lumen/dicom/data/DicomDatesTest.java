package org.lumen.dicom.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DicomDatesTest {

    // ---------------------------------------------------------------------------------------------------------- DA

    @ParameterizedTest(name = "DA \"{0}\" reads as {1}")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
        "20200131|2020-01-31",
        "20000229|2000-02-29",
        "00010101|0001-01-01",
        "99991231|9999-12-31",
        " 20200131 |2020-01-31",
        "1994.11.05|1994-11-05",
        "11111111|1111-11-11",
    })
    void readsDates(String text, LocalDate expected) {
        assertThat(DicomDates.parseDate(text)).isEqualTo(expected);
    }

    @Test
    void readsDatesPaddedWithNul() {
        assertThat(DicomDates.parseDate("20200131\0")).isEqualTo(LocalDate.of(2020, 1, 31));
    }

    @ParameterizedTest(name = "DA \"{0}\" is refused")
    @ValueSource(strings = {"", " ", "2020013", "202001311", "20201301", "20200001", "20200132", "20190229",
        "2020-01-31", "2020/01/31", "abcdefgh", "2020.1.5", "20200131x", "2020 0131", "1994.11.05.", "19941105-"})
    void refusesBadDates(String text) {
        assertThatThrownBy(() -> DicomDates.parseDate(text))
                .isInstanceOf(DicomValueException.class)
                .hasMessageStartingWith("Invalid DA value \"")
                .satisfies(e -> assertThat(((DicomValueException) e).vr()).isEqualTo(VR.DA))
                .satisfies(e -> assertThat(((DicomValueException) e).value()).isEqualTo(text));
    }

    @ParameterizedTest(name = "{0} is written as {1}")
    @CsvSource({"2020-01-31,20200131", "0005-03-04,00050304", "9999-12-31,99991231"})
    void writesDates(LocalDate date, String expected) {
        assertThat(DicomDates.formatDate(date)).isEqualTo(expected);
        assertThat(DicomDates.parseDate(expected)).isEqualTo(date);
    }

    @Test
    void refusesToWriteYearsOutsideFourDigits() {
        assertThatThrownBy(() -> DicomDates.formatDate(LocalDate.of(10000, 1, 1)))
                .isInstanceOf(DicomValueException.class).hasMessageContaining("0000 to 9999");
        assertThatThrownBy(() -> DicomDates.formatDate(LocalDate.of(-1, 1, 1)))
                .isInstanceOf(DicomValueException.class);
    }

    @Test
    void everyDayOfALeapYearRoundTrips() {
        for (LocalDate day = LocalDate.of(2024, 1, 1); day.getYear() == 2024; day = day.plusDays(1)) {
            assertThat(DicomDates.parseDate(DicomDates.formatDate(day))).isEqualTo(day);
        }
    }

    // ---------------------------------------------------------------------------------------------------------- TM

    @ParameterizedTest(name = "TM \"{0}\" reads as {1} to {2}")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
        "10|10:00|HOURS",
        "1030|10:30|MINUTES",
        "103045|10:30:45|SECONDS",
        "103045.5|10:30:45.5|MICROS",
        "103045.000001|10:30:45.000001|MICROS",
        "103045.123456|10:30:45.123456|MICROS",
        "103045.1234567|10:30:45.1234567|MICROS",
        "103045.|10:30:45|SECONDS",
        "000000|00:00|SECONDS",
        "235959.999999|23:59:59.999999|MICROS",
        "235960|23:59:59.999999|SECONDS",
        "10:30|10:30|MINUTES",
        "10:30:45|10:30:45|SECONDS",
        "11:42:43.309512 |11:42:43.309512|MICROS",
        " 103045 |10:30:45|SECONDS",
        "030308.056021 |03:03:08.056021|MICROS",
    })
    void readsTimes(String text, LocalTime expected, ChronoUnit precision) {
        assertThat(DicomDates.parseTime(text)).isEqualTo(expected);
        assertThat(DicomDates.timePrecision(text)).isEqualTo(precision);
    }

    @ParameterizedTest(name = "TM \"{0}\" is refused")
    @ValueSource(strings = {"", "1", "101", "10101", "1030451", "240000", "106000", "103061", "10:3", "10:30:4",
        "ab", "10.5", "1030.5", "103045.5.5", "10-30", "103045,5", "103045.1234567890", "1030:45", "T103045"})
    void refusesBadTimes(String text) {
        assertThatThrownBy(() -> DicomDates.parseTime(text))
                .isInstanceOf(DicomValueException.class)
                .hasMessageStartingWith("Invalid TM value \"" + text + "\"");
    }

    @ParameterizedTest(name = "{0} is written as {1}")
    @CsvSource({
        "10:30:45,103045",
        "00:00,000000",
        "10:30:45.5,103045.5",
        "10:30:45.120,103045.12",
        "10:30:45.000001,103045.000001",
        "10:30:45.123456789,103045.123456",
        "10:30:45.000000999,103045",
        "23:59:59.999999,235959.999999",
    })
    void writesTimes(LocalTime time, String expected) {
        assertThat(DicomDates.formatTime(time)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "TM \"{0}\" survives reading and writing")
    @ValueSource(strings = {"103045", "000000", "235959", "103045.5", "103045.000001", "120000.25", "093431.7"})
    void canonicalTimesRoundTrip(String text) {
        assertThat(DicomDates.formatTime(DicomDates.parseTime(text))).isEqualTo(text);
    }

    // ---------------------------------------------------------------------------------------------------------- DT

    @ParameterizedTest(name = "DT \"{0}\"")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, nullValues = "null", value = {
        "2020|2020-01-01T00:00|YEARS|null",
        "202002|2020-02-01T00:00|MONTHS|null",
        "20200215|2020-02-15T00:00|DAYS|null",
        "2020021510|2020-02-15T10:00|HOURS|null",
        "202002151030|2020-02-15T10:30|MINUTES|null",
        "20200215103045|2020-02-15T10:30:45|SECONDS|null",
        "20200215103045.5|2020-02-15T10:30:45.5|MICROS|null",
        "20200215103045.123456+0100|2020-02-15T10:30:45.123456|MICROS|+01:00",
        "2020+0530|2020-01-01T00:00|YEARS|+05:30",
        "20200215-0500|2020-02-15T00:00|DAYS|-05:00",
        "20190604072000+0000 |2019-06-04T07:20|SECONDS|Z",
        "20120820120804.06 |2012-08-20T12:08:04.06|MICROS|null",
        " 20200215 |2020-02-15T00:00|DAYS|null",
    })
    void readsDateTimes(String text, LocalDateTime value, ChronoUnit precision, ZoneOffset offset) {
        assertThat(DicomDates.parseDateTime(text)).isEqualTo(new DateTimeValue(value, precision, offset));
    }

    @ParameterizedTest(name = "DT \"{0}\" is refused")
    @ValueSource(strings = {"", "202", "20201", "2020021", "202002151", "20201301", "20200230", "2020021524",
        "202002151060", "20200215103061", "2020+01", "2020+1900", "2020+0160", "20200215 103045", "2020-02-15",
        "20200215T103045", "2020.5", "20200215103045.5.5", "2020+0100+0100"})
    void refusesBadDateTimes(String text) {
        assertThatThrownBy(() -> DicomDates.parseDateTime(text))
                .isInstanceOf(DicomValueException.class)
                .hasMessageStartingWith("Invalid DT value \"" + text + "\"");
    }

    @ParameterizedTest(name = "DT \"{0}\" survives reading and writing")
    @ValueSource(strings = {"2020", "202002", "20200215", "2020021510", "202002151030", "20200215103045",
        "20200215103045.5", "20200215103045.0", "20200215103045.000001", "20200215103045.123456-0500", "2020+1400",
        "20200215+0000", "00010101"})
    void dateTimesRoundTripAtTheirPrecision(String text) {
        DateTimeValue value = DicomDates.parseDateTime(text);
        assertThat(value.toString()).isEqualTo(text);
        assertThat(DicomDates.parseDateTime(value.toString())).isEqualTo(value);
    }

    @Test
    void writesFullDateTimes() {
        LocalDateTime noon = LocalDateTime.of(2020, 2, 15, 12, 0);
        assertThat(DicomDates.formatDateTime(noon)).isEqualTo("20200215120000");
        assertThat(DicomDates.formatDateTime(noon.withNano(250_000_000))).isEqualTo("20200215120000.25");
        assertThat(DicomDates.formatDateTime(noon.atOffset(ZoneOffset.ofHoursMinutes(-3, -30))))
                .isEqualTo("20200215120000-0330");
        assertThat(DicomDates.formatDateTime(noon.atOffset(ZoneOffset.UTC))).isEqualTo("20200215120000+0000");
    }

    @Test
    void aDateTimeWithoutOffsetTakesTheDefault() {
        DateTimeValue local = DicomDates.parseDateTime("20200215103045");
        assertThat(local.toOffsetDateTime(ZoneOffset.ofHours(2)))
                .isEqualTo(OffsetDateTime.of(2020, 2, 15, 10, 30, 45, 0, ZoneOffset.ofHours(2)));
        assertThatThrownBy(() -> local.toOffsetDateTime(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("defaultOffset");
    }

    @Test
    void aDateTimeWithItsOwnOffsetIgnoresTheDefault() {
        DateTimeValue zoned = DicomDates.parseDateTime("20200215103045-0500");
        assertThat(zoned.toOffsetDateTime(ZoneOffset.ofHours(2)))
                .isEqualTo(OffsetDateTime.of(2020, 2, 15, 10, 30, 45, 0, ZoneOffset.ofHours(-5)));
        assertThat(zoned.toOffsetDateTime(null).getOffset()).isEqualTo(ZoneOffset.ofHours(-5));
    }

    @ParameterizedTest(name = "DT \"{0}\" covers up to {1}")
    @CsvSource({
        "2020,2020-12-31T23:59:59.999999",
        "202002,2020-02-29T23:59:59.999999",
        "20200215,2020-02-15T23:59:59.999999",
        "2020021510,2020-02-15T10:59:59.999999",
        "202002151030,2020-02-15T10:30:59.999999",
        "20200215103045,2020-02-15T10:30:45.999999",
        "20200215103045.5,2020-02-15T10:30:45.5",
    })
    void aDateTimeCoversItsPrecision(String text, LocalDateTime latest) {
        assertThat(DicomDates.parseDateTime(text).latest()).isEqualTo(latest);
    }

    @Test
    void aDateTimeValueMustAgreeWithItsPrecision() {
        assertThatThrownBy(() -> new DateTimeValue(LocalDateTime.of(2020, 2, 1, 0, 0), ChronoUnit.YEARS, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finer than its precision");
        assertThatThrownBy(() -> new DateTimeValue(LocalDateTime.of(2020, 2, 1, 0, 0), ChronoUnit.WEEKS, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("WEEKS");
        assertThat(new DateTimeValue(LocalDateTime.of(2020, 2, 1, 0, 0), ChronoUnit.MONTHS, null))
                .hasToString("202002");
    }

    // ------------------------------------------------------------------------------------------------------ offset

    @ParameterizedTest(name = "offset \"{0}\"")
    @CsvSource({"+0100,+01:00", "-0500,-05:00", "+0000,Z", "-0000,Z", "+0530,+05:30", "-1200,-12:00", "+1400,+14:00"})
    void readsOffsets(String text, ZoneOffset expected) {
        assertThat(DicomDates.parseOffset(text)).isEqualTo(expected);
        if (!text.equals("-0000")) {
            assertThat(DicomDates.formatOffset(expected)).isEqualTo(text);
        }
    }

    @ParameterizedTest(name = "offset \"{0}\" is refused")
    @ValueSource(strings = {"", "0100", "+01", "+01:00", "+0160", "+1900", "UTC", "++0100"})
    void refusesBadOffsets(String text) {
        assertThatThrownBy(() -> DicomDates.parseOffset(text)).isInstanceOf(DicomValueException.class)
                .hasMessageContaining("SH");
    }

    @Test
    void refusesToWriteOffsetsWithSeconds() {
        assertThatThrownBy(() -> DicomDates.formatOffset(ZoneOffset.ofHoursMinutesSeconds(1, 0, 30)))
                .isInstanceOf(DicomValueException.class);
    }
}
