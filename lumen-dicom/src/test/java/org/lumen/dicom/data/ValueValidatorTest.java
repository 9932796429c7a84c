package org.lumen.dicom.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ValueValidatorTest {

    @ParameterizedTest(name = "{0} \"{1}\" conforms")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
        "AE|STORESCP", "AE| STORE SCP |", "AE|ABCDEFGHIJKLMNOP", "AE|lower-case_ok",
        "AS|045Y", "AS|000D", "AS|012W", "AS|006M",
        "CS|ORIGINAL\\PRIMARY\\AXIAL", "CS|ISO_IR 100", "CS|ABCDEFGHIJKLMNOP", "CS|MONOCHROME2 ",
        "DA|20200131", "DA|20000229", "DA|20200131\\20200201",
        "DS|1.5", "DS| -1.5E+03 ", "DS|+.5", "DS|1234567890123456", "DS|0.72314049586777 ", "DS|1\\2.5\\-3",
        "DT|2020", "DT|20200215103045.123456+0100", "DT|2020-1200", "DT|2020+1400", "DT|20200215103045.123456-1200 ",
        "IS|12", "IS| -184 ", "IS|+2147483647", "IS|-2147483648", "IS|000000000012", "IS|1\\2\\3",
        "LO|Introduction to DICOM", "LO|Jérôme ÄÖÜ 山田", "LO|\u001b$B",
        "LT|line one, backslash \\ is text", "ST|short text",
        "PN|Doe^John", "PN|Yamada^Tarou=山田^太郎=やまだ^たろう", "PN|Doe^John^Q^Dr.^Jr.", "PN|Doe^John\\Roe^Richard",
        "SH|ABCDEFGHIJKLMNOP",
        "TM|10", "TM|1030", "TM|103045", "TM|103045.123456", "TM|235960", "TM|030308.056021 ",
        "UI|1.2.840.10008.1.2.1", "UI|1.2.840.10008.1.2.1\u0000", "UI|0.0", "UI|2.25.329800735698586629295641978511506172918",
        "UC|any length, no controls \\ multi-valued",
        "UR|http://dicom.nema.org/medical/dicom/current/output/html/part05.html", "UR|urn:oid:1.2.3  ",
        "UT|unlimited text",
    })
    void conformingValuesHaveNoProblems(VR vr, String value) {
        assertThat(ValueValidator.problems(vr, value)).isEmpty();
    }

    @ParameterizedTest(name = "{0} \"{1}\": {2}")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
        "AE|ABCDEFGHIJKLMNOPQ|AE value is 17 characters long (at most 16)",
        "AE|   |AE an AE title of only spaces is not allowed",
        "AE|STORE\tSCP|AE value contains U+0009",
        "AE|STÖRE|AE value contains U+00D6",
        "AS|45Y|AS value does not have the form nnnD, nnnW, nnnM or nnnY",
        "AS|045y|AS value does not have the form",
        "CS|original|CS value contains U+006F",
        "CS|ISO-IR 100|CS value contains U+002D",
        "CS|ABCDEFGHIJKLMNOPQ|CS value is 17 characters long (at most 16)",
        "DA|1994.11.05|DA value does not have the form YYYYMMDD",
        "DA|20190229|DA no such date",
        "DA| 20200131|DA value does not have the form YYYYMMDD",
        "DA|20200101-20201231|DA value does not have the form YYYYMMDD",
        "DS|1,5|DS value does not have the form a fixed or floating point decimal number",
        "DS|12345678901234567|DS value is 17 characters long (at most 16)",
        "DS|NaN|DS value does not have the form",
        "DS|1 5|DS value does not have the form",
        "DT|20200215T1030|DT value does not have the form",
        "DT|20200230|DT no such date",
        "DT|2020+1500|DT UTC offset outside -1200..+1400",
        "DT|2020-1300|DT UTC offset outside -1200..+1400",
        "DT|20200215103045.1234567|DT value does not have the form",
        "DT|20200215103045.123456+01000|DT value is 27 characters long (at most 26)",
        "IS|1.0|IS value does not have the form an optionally signed integer",
        "IS|1A|IS value does not have the form an optionally signed integer",
        "IS|2147483648|IS integer outside -2^31..2^31-1",
        "IS|0000000000012|IS value is 13 characters long (at most 12)",
        "LO|tab\there|LO value contains U+0009",
        "LT|bell\u0007|LT value contains U+0007",
        "LT|tab\tseparated|LT value contains U+0009",
        "ST|nul\u0000inside|ST value contains U+0000",
        "UT|del\u007f|UT value contains U+007F",
        "PN|A=B=C=D|PN 4 component groups (at most 3)",
        "PN|A^B^C^D^E^F|PN group 1 has 6 components (at most 5)",
        "SH|ABCDEFGHIJKLMNOPQ|SH value is 17 characters long (at most 16)",
        "TM|10:30:45|TM value does not have the form HH[MM[SS[.F{1-6}]]]",
        "TM|240000|TM hour, minute or second out of range",
        "TM|106000|TM hour, minute or second out of range",
        "TM|103061|TM hour, minute or second out of range",
        "TM|103045.|TM value does not have the form",
        "TM|103045.1234567|TM value does not have the form",
        "TM|103045.12345678|TM value is 15 characters long (at most 14)",
        "TM|1|TM value does not have the form",
        "UI|1.2.03|UI value does not have the form digits in dot-separated components without leading zeros",
        "UI|1..2|UI value does not have the form",
        "UI|1.2.3 |UI value does not have the form",
        "UI|1.2.3.|UI value does not have the form",
        "UI|1.2.a|UI value does not have the form",
        "UC|tab\tin UC|UC value contains U+0009",
        "UR| http://x|UR a URI has no leading spaces",
        "UR|http://x/a b|UR value contains U+0020",
        "UR|http://x\\y|UR value contains U+005C",
    })
    void nonConformingValuesAreReported(VR vr, String value, String problem) {
        List<String> problems = ValueValidator.problems(vr, value);
        assertThat(problems).hasSizeBetween(1, 2).anySatisfy(p -> assertThat(p).startsWith(problem));
    }

    @Test
    void textVrsAllowLineBreaksAndFormFeedsButOtherVrsDoNot() {
        String paragraphs = "line one\r\nline two\fpage two\u001b$B";
        for (VR text : new VR[] {VR.LT, VR.ST, VR.UT}) {
            assertThat(ValueValidator.problems(text, paragraphs)).as(text.name()).isEmpty();
        }
        assertThat(ValueValidator.problems(VR.LO, "new\nline")).containsExactly(
                "LO value contains U+000A; allowed are characters other than controls");
        assertThat(ValueValidator.problems(VR.PN, "Doe^John\r")).containsExactly(
                "PN value contains U+000D; allowed are characters other than controls");
    }

    @Test
    void longValuesAreReportedAtTheirVrsLimit() {
        assertThat(ValueValidator.problems(VR.LO, "x".repeat(64))).isEmpty();
        assertThat(ValueValidator.problems(VR.LO, "x".repeat(65))).containsExactly(
                "LO value is 65 characters long (at most 64)");
        assertThat(ValueValidator.problems(VR.LT, "x".repeat(10240))).isEmpty();
        assertThat(ValueValidator.problems(VR.LT, "x".repeat(10241))).hasSize(1);
        assertThat(ValueValidator.problems(VR.ST, "x".repeat(1024))).isEmpty();
        assertThat(ValueValidator.problems(VR.ST, "x".repeat(1025))).hasSize(1);
        assertThat(ValueValidator.problems(VR.UI, "1." + "2".repeat(62))).isEmpty();
        assertThat(ValueValidator.problems(VR.UI, "1." + "2".repeat(63))).hasSize(1);
        assertThat(ValueValidator.problems(VR.UT, "x".repeat(100_000))).isEmpty();
        assertThat(ValueValidator.problems(VR.UC, "x".repeat(100_000))).isEmpty();
    }

    @Test
    void personNameLengthIsCountedPerGroupInCharacters() {
        String group = "山".repeat(64);
        assertThat(ValueValidator.problems(VR.PN, group + "=" + group + "=" + group)).isEmpty();
        assertThat(ValueValidator.problems(VR.PN, "Doe=" + group + "山")).containsExactly(
                "PN group 2 is 65 characters long (at most 64)");
    }

    @Test
    void eachValueOfAMultiValuedElementIsCheckedAndNamed() {
        assertThat(ValueValidator.problems(VR.DS, "1.5\\1,5\\2\\abc")).containsExactly(
                "value 2: DS value does not have the form a fixed or floating point decimal number",
                "value 4: DS value does not have the form a fixed or floating point decimal number");
        assertThat(ValueValidator.problems(VR.CS, "A\\\\B")).as("an empty value among several").isEmpty();
    }

    @Test
    void problemsDoNotQuoteTheValue() {
        List<String> problems = ValueValidator.problems(VR.PN, "Secretname^Given^M^Dr^Jr^Extra\u0007");
        assertThat(problems).hasSize(2).allSatisfy(p -> assertThat(p).doesNotContain("Secretname"));
    }

    @Test
    void emptyAndNullValuesConform() {
        assertThat(ValueValidator.problems(VR.DA, "")).isEmpty();
        assertThat(ValueValidator.problems(VR.DA, null)).isEmpty();
        assertThat(ValueValidator.problems(VR.DS, "  ")).isEmpty();
    }

    @ParameterizedTest(name = "{0} is not a string VR")
    @EnumSource(value = VR.class, names = {"AT", "FD", "FL", "OB", "OW", "SQ", "SS", "UL", "UN", "US", "SV", "UV"})
    void refusesVrsThatDoNotHoldStrings(VR vr) {
        assertThatThrownBy(() -> ValueValidator.problems(vr, "1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not character strings");
    }

    @ParameterizedTest(name = "every string VR {0} is checked")
    @EnumSource(value = VR.class)
    void everyStringVrHasARule(VR vr) {
        if (vr.isString()) {
            assertThat(ValueValidator.problems(vr, "\u0007")).as(vr.name()).isNotEmpty();
        }
    }
}
