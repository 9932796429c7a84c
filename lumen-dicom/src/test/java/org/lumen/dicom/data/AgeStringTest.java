package org.lumen.dicom.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Period;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AgeStringTest {

    @ParameterizedTest(name = "AS \"{0}\" is {1} {2}, written \"{3}\"")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
        "045Y|45|YEARS|045Y",
        "000D|0|DAYS|000D",
        "012W|12|WEEKS|012W",
        "006M|6|MONTHS|006M",
        "999Y|999|YEARS|999Y",
        "45Y|45|YEARS|045Y",
        "5m|5|MONTHS|005M",
        " 045Y |45|YEARS|045Y",
        "045 Y|45|YEARS|045Y",
        "045y\u0000|45|YEARS|045Y",
    })
    void readsAges(String text, int value, ChronoUnit unit, String written) {
        AgeString age = AgeString.parse(text);
        assertThat(age).isEqualTo(new AgeString(value, unit));
        assertThat(age).hasToString(written);
        assertThat(AgeString.parse(written)).isEqualTo(age);
    }

    @ParameterizedTest(name = "AS \"{0}\" is refused")
    @ValueSource(strings = {"", "Y", "045", "0450Y", "045X", "-45Y", "045YY", "4 5Y", "045  Y", "045H", "1.5Y"})
    void refusesBadAges(String text) {
        assertThatThrownBy(() -> AgeString.parse(text)).isInstanceOf(DicomValueException.class)
                .hasMessageStartingWith("Invalid AS value \"" + text + "\"");
    }

    @Test
    void checksValueAndUnit() {
        assertThatThrownBy(() -> new AgeString(1000, ChronoUnit.YEARS)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0 to 999");
        assertThatThrownBy(() -> new AgeString(-1, ChronoUnit.DAYS)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AgeString(5, ChronoUnit.HOURS)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Hours");
    }

    @Test
    void convertsToAPeriod() {
        assertThat(AgeString.parse("045Y").toPeriod()).isEqualTo(Period.ofYears(45));
        assertThat(AgeString.parse("006M").toPeriod()).isEqualTo(Period.ofMonths(6));
        assertThat(AgeString.parse("002W").toPeriod()).isEqualTo(Period.ofDays(14));
        assertThat(AgeString.parse("010D").toPeriod()).isEqualTo(Period.ofDays(10));
    }
}
