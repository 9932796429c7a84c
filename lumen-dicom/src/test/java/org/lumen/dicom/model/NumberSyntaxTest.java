package org.lumen.dicom.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NumberSyntaxTest {

    @ParameterizedTest
    @ValueSource(strings = {"0", "-0", "1.50", "1E3", "1e-7", "-12.5E+10", "123456789"})
    void jsonNumbers(String text) {
        assertThat(NumberSyntax.isJsonNumber(text)).isTrue();
        assertThat(NumberSyntax.isDecimal(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"+5", ".5", "1.", "0001", "-", "", "1e", "NaN", " 1", "1 ", "0x10", "--1"})
    void notJsonNumbers(String text) {
        assertThat(NumberSyntax.isJsonNumber(text)).isFalse();
    }

    @Test
    void decimalsAsDicomProducersWriteThem() {
        assertThat(NumberSyntax.isDecimal("+5")).isTrue();
        assertThat(NumberSyntax.isDecimal(".5")).isTrue();
        assertThat(NumberSyntax.isDecimal("1.")).isTrue();
        assertThat(NumberSyntax.isDecimal("0001")).isTrue();
        assertThat(NumberSyntax.isDecimal(".")).isFalse();
        assertThat(NumberSyntax.isDecimal("1e")).isFalse();
        assertThat(NumberSyntax.isDecimal("Infinity")).isFalse();
        assertThat(NumberSyntax.isDecimal("1".repeat(1_000_000) + "x")).isFalse();
    }
}
