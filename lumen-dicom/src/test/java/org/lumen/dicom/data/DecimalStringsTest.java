package org.lumen.dicom.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DecimalStringsTest {

    // ---------------------------------------------------------------------------------------------------------- DS

    @ParameterizedTest(name = "DS \"{0}\" reads as {1}")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
        "1|1.0",
        "-184|-184.0",
        " 1.5 |1.5",
        "+50.00 |50.0",
        "+0.0|0.0",
        "007|7.0",
        "1.|1.0",
        ".5|0.5",
        "-.5|-0.5",
        "1e-3|0.001",
        "1E+03|1000.0",
        "-1.266900e+02 |-126.69",
        "0.72314049586777 |0.72314049586777",
        "1.0000000e-6|0.000001",
        "4.9E-324|4.9E-324",
        "1.797693134E308|1.797693134E308",
    })
    void readsConformingDecimals(String text, double expected) {
        ParsedValue<Double> parsed = DecimalStrings.readDS(text);
        assertThat(parsed.value()).isEqualTo(expected);
        assertThat(parsed.repairs()).as("repairs of %s", text).isEmpty();
        assertThat(DecimalStrings.parseDS(text)).isEqualTo(expected);
    }

    @Test
    void negativeZeroKeepsItsSign() {
        assertThat(Double.doubleToRawLongBits(DecimalStrings.parseDS("-0.00000e+00")))
                .isEqualTo(Double.doubleToRawLongBits(-0.0));
    }

    @ParameterizedTest(name = "DS \"{0}\" reads as {1} after repair: {2}")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
        "1,5|1.5|comma used as decimal separator",
        " -0,25 |-0.25|comma used as decimal separator",
        "3.14159265358979323846|3.141592653589793|22 characters, more than the 16 DS allows",
        "00000000000000001|1.0|17 characters, more than the 16 DS allows",
        "2.5\t|2.5|padded with control characters",
    })
    void repairsCommonProducerErrors(String text, double expected, String repair) {
        ParsedValue<Double> parsed = DecimalStrings.readDS(text);
        assertThat(parsed.value()).isEqualTo(expected);
        assertThat(parsed.repairs()).containsExactly(repair);
        assertThat(parsed.conforming()).isFalse();
    }

    @Test
    void nulPaddingIsARepair() {
        assertThat(DecimalStrings.readDS("2.5\0").repairs()).containsExactly("padded with control characters");
    }

    @ParameterizedTest(name = "DS \"{0}\" is refused")
    @ValueSource(strings = {"", "   ", "abc", "1.2.3", "1,2,3", "1,000.5", "1.000,5", "NaN", "Infinity", "-Infinity",
        "0x10", "1e", "e5", ".", "-", "+", "1 000", "1 .5", "--1", "+-1", "1.5d3", "1.5f", "1e400", "-1e400", "1e3.5",
        "½", "１"})
    void refusesGarbage(String text) {
        assertThatThrownBy(() -> DecimalStrings.parseDS(text))
                .isInstanceOf(DicomValueException.class)
                .hasMessageStartingWith("Invalid DS value " + DicomValueException.quote(text));
    }

    @ParameterizedTest(name = "{0} is written as \"{1}\"")
    @CsvSource({
        "0,0",
        "-0.0,0",
        "1,1",
        "-1,-1",
        "0.5,0.5",
        "1.5,1.5",
        "100,100",
        "1000,1E3",
        "1234,1234",
        "0.1,0.1",
        "0.001,1E-3",
        "0.0025,0.0025",
        "-126.69,-126.69",
        "0.30000000000000004,0.3",
        "3.141592653589793,3.14159265358979",
        "-3.141592653589793,-3.1415926535898",
        "0.3333333333333333,.333333333333333",
        "1e20,1E20",
        "1.2345678901234568E20,1.23456789012E20",
        "1e-300,1E-300",
        "4.9E-324,5E-324",
        "-2.2250738585072014E-308,-2.22507386E-308",
        "1.7976931348623157E308,1.7976931348E308",
        "-1.7976931348623157E308,-1.797693134E308",
        "123456789012345.6,123456789012346",
        "1234567890123456,1234567890123456",
        "12345678901234567,1.23456789012E16",
        "0.72314049586777,0.72314049586777",
    })
    void writesTheShortestTextThatFits(double value, String expected) {
        assertThat(DecimalStrings.formatDS(value)).isEqualTo(expected);
        assertThat(DecimalStrings.looksLikeDS(expected)).isTrue();
    }

    @Test
    void theLargestDoubleIsNotRoundedToInfinity() {
        assertThat(DecimalStrings.parseDS(DecimalStrings.formatDS(Double.MAX_VALUE))).isFinite();
        assertThat(DecimalStrings.parseDS(DecimalStrings.formatDS(-Double.MAX_VALUE))).isFinite();
    }

    @ParameterizedTest(name = "{0} cannot be written")
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void refusesToWriteNonFiniteNumbers(double value) {
        assertThatThrownBy(() -> DecimalStrings.formatDS(value)).isInstanceOf(DicomValueException.class)
                .hasMessageContaining("finite");
    }

    /**
     * Over 60,000 random doubles of every magnitude: the text always conforms; short decimals (half of them) read back
     * exactly; whatever reads back exactly uses no more digits than the JDK's own round-trip text; and what had to be
     * rounded to fit loses less than one part in 10^8.
     */
    @Test
    void randomDoublesAreWrittenConformingAndAsExactlyAsSixteenCharactersAllow() {
        Random random = new Random(20240611L);
        int exact = 0;
        int tried = 0;
        for (int i = 0; i < 60_000; i++) {
            double value = randomDouble(random, i);
            if (!Double.isFinite(value)) {
                continue;
            }
            tried++;
            String text = DecimalStrings.formatDS(value);
            double back = DecimalStrings.parseDS(text);
            int digits = significantDigits(text);
            int jdkDigits = significantDigits(Double.toString(value));
            boolean conforming = text.length() <= 16 && DecimalStrings.looksLikeDS(text);
            boolean shortDecimalExact = i % 4 < 2 || back == value;
            boolean shortest = back != value || digits <= jdkDigits;
            boolean closeEnough = back == value || digits < jdkDigits && Math.abs(back - value) <= Math.abs(value) * 1e-8;
            if (!(conforming && shortDecimalExact && shortest && closeEnough)) {
                throw new AssertionError(value + " written as " + text + " reads back as " + back);
            }
            exact += back == value ? 1 : 0;
        }
        assertThat(tried).isGreaterThan(59_000);
        assertThat(exact).as("values that read back exactly").isGreaterThan(30_000);
    }

    /** Decimals of up to nine significant digits fit at any exponent and so always read back exactly. */
    @Test
    void decimalsOfNineDigitsAlwaysRoundTrip() {
        Random random = new Random(7L);
        int tried = 0;
        for (int i = 0; i < 20_000; i++) {
            long digits = random.nextInt(1_000_000_000) * (random.nextBoolean() ? 1L : -1L);
            double value = Double.parseDouble(digits + "E" + (random.nextInt(600) - 316));
            if (value == 0 || Double.isInfinite(value) || Math.abs(value) < Double.MIN_NORMAL) {
                continue;
            }
            tried++;
            String text = DecimalStrings.formatDS(value);
            if (DecimalStrings.parseDS(text) != value) {
                throw new AssertionError(value + " written as " + text);
            }
        }
        assertThat(tried).isGreaterThan(18_000);
    }

    private static double randomDouble(Random random, int i) {
        switch (i % 4) {
            case 0:
                return Double.longBitsToDouble(random.nextLong());
            case 1:
                return (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(40) - 20);
            case 2:
                return Math.round(random.nextGaussian() * 1e6) / 1e3;
            default:
                return random.nextInt(100_000) / 64.0;
        }
    }

    private static int significantDigits(String text) {
        String mantissa = text.toUpperCase().split("E")[0].replace("-", "").replace(".", "");
        return new BigDecimal(mantissa).stripTrailingZeros().precision();
    }

    @ParameterizedTest(name = "DS \"{0}\" conforms: {1}")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
        "1|true", " 1.5|true", "1.5 |true", "  +1.5  |true", "1.|true", ".5|true", "1e-3|true", "-1.5E+03|true",
        "1234567890123456|true", "0.72314049586777 |true", "007|true",
        "1,5|false", "''|false", " |false", "abc|false", "12345678901234567|false", "1 5|false", "\t1|false",
        "1.5\t|false", "NaN|false", "1e|false", " 1234567890123456|false",
    })
    void recognisesStrictlyConformingDecimals(String text, boolean expected) {
        assertThat(DecimalStrings.looksLikeDS(text)).isEqualTo(expected);
    }

    // ---------------------------------------------------------------------------------------------------------- IS

    @ParameterizedTest(name = "IS \"{0}\" reads as {1}")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
        "12|12", "  12 |12", "+5|5", "-184|-184", "0001|1", "0|0", "-0|0", "2147483647|2147483647",
        "-2147483648|-2147483648",
    })
    void readsConformingIntegers(String text, long expected) {
        ParsedValue<Long> parsed = DecimalStrings.readIS(text);
        assertThat(parsed.value()).isEqualTo(expected);
        assertThat(parsed.conforming()).isTrue();
        assertThat(DecimalStrings.parseIS(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "IS \"{0}\" reads as {1} after repair: {2}")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
        "1.0|1|decimal notation for an integer",
        " 12.000 |12|decimal notation for an integer",
        "1E3|1000|decimal notation for an integer",
        "-2.5e1|-25|decimal notation for an integer",
        "1.|1|decimal notation for an integer",
        "2147483648|2147483648|outside the IS range -2^31..2^31-1",
        "0000000000012|12|13 characters, more than the 12 IS allows",
    })
    void repairsIntegralDecimalsAndOverlongIntegers(String text, long expected, String repair) {
        ParsedValue<Long> parsed = DecimalStrings.readIS(text);
        assertThat(parsed.value()).isEqualTo(expected);
        assertThat(parsed.repairs()).containsExactly(repair);
    }

    @ParameterizedTest(name = "IS \"{0}\" is refused")
    @ValueSource(strings = {"", "  ", "1.5", "0.1", "1A", "1,0", "1,000", "abc", "1 2", "--1", "99999999999999999999",
        "1e30", "1e-3", "1e99999999999", "0x1F", "NaN"})
    void refusesNonIntegers(String text) {
        assertThatThrownBy(() -> DecimalStrings.parseIS(text))
                .isInstanceOf(DicomValueException.class)
                .hasMessageStartingWith("Invalid IS value " + DicomValueException.quote(text));
    }

    @ParameterizedTest(name = "{0} is written as IS")
    @ValueSource(longs = {0, 1, -1, 184, Integer.MAX_VALUE, Integer.MIN_VALUE})
    void writesIntegersInRange(long value) {
        String text = DecimalStrings.formatIS(value);
        assertThat(text).isEqualTo(Long.toString(value));
        assertThat(DecimalStrings.looksLikeIS(text)).isTrue();
        assertThat(DecimalStrings.parseIS(text)).isEqualTo(value);
    }

    @ParameterizedTest(name = "{0} is outside IS")
    @ValueSource(longs = {Integer.MAX_VALUE + 1L, Integer.MIN_VALUE - 1L, Long.MAX_VALUE, Long.MIN_VALUE})
    void refusesToWriteIntegersOutsideThirtyTwoBits(long value) {
        assertThatThrownBy(() -> DecimalStrings.formatIS(value)).isInstanceOf(DicomValueException.class)
                .hasMessageContaining("-2^31..2^31-1");
    }

    @ParameterizedTest(name = "IS \"{0}\" conforms: {1}")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
        "12|true", " 12 |true", "+12|true", "-2147483648|true", "000000000012|true",
        "0000000000012|false", "2147483648|false", "1.0|false", "1A|false", "''|false", "\t1|false",
    })
    void recognisesStrictlyConformingIntegers(String text, boolean expected) {
        assertThat(DecimalStrings.looksLikeIS(text)).isEqualTo(expected);
    }
}
