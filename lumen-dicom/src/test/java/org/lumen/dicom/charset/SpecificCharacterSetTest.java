package org.lumen.dicom.charset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SpecificCharacterSetTest {

    /** The bytes of a string in which each char stands for one byte (ESC, high bytes and all). */
    private static byte[] bytes(String latin1) {
        return latin1.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String decode(SpecificCharacterSet set, byte[] value, boolean personName) {
        return set.decode(value, 0, value.length, personName);
    }

    private static String hex(byte[] value) {
        return HexFormat.of().formatHex(value);
    }

    @Nested
    class ValueOf {

        @Test
        void noValueEmptyValueAndIsoIr6AreTheDefaultRepertoire() {
            for (SpecificCharacterSet set : new SpecificCharacterSet[] {SpecificCharacterSet.valueOf(),
                SpecificCharacterSet.valueOf((String[]) null), SpecificCharacterSet.valueOf(""),
                SpecificCharacterSet.valueOf("ISO_IR 6"), SpecificCharacterSet.valueOf(" ISO_IR 6 ")}) {
                assertThat(set).isSameAs(SpecificCharacterSet.DEFAULT);
            }
            assertThat(SpecificCharacterSet.DEFAULT.definedTerms()).isEmpty();
            assertThat(SpecificCharacterSet.DEFAULT.containsAsciiOnly()).isTrue();
            assertThat(SpecificCharacterSet.DEFAULT.warnings()).isEmpty();
            assertThat(SpecificCharacterSet.DEFAULT).hasToString("ISO_IR 6 (default repertoire)");
        }

        @ParameterizedTest
        @ValueSource(strings = {"ISO-IR 100", "ISO_IR100", "iso_ir 100", "ISO IR 100", "ISO-IR-100", "ISO 2022 IR100",
            "ISO-8859-1", "ISO8859_1"})
        void commonMisspellingsAreReadWithAWarning(String spelling) {
            SpecificCharacterSet set = SpecificCharacterSet.valueOf(spelling);
            String expectedTerm = spelling.contains("2022") ? "ISO 2022 IR 100" : "ISO_IR 100";

            assertThat(set.definedTerms()).containsExactly(expectedTerm);
            assertThat(set.warnings()).singleElement().asString().contains(spelling, expectedTerm);
            assertThat(decode(set, bytes("J\u00e9r\u00f4me"), true)).isEqualTo("Jérôme");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "ISO 2022 IR 192 | ISO_IR 192",
            "UTF-8           | ISO_IR 192",
            "utf8            | ISO_IR 192",
            "gb 18030        | GB18030",
            "GB2312          | GB18030",
            "ISO_IR 87       | ISO 2022 IR 87"})
        void otherPlausibleSpellingsNameTheNearestDefinedTerm(String spelling, String term) {
            SpecificCharacterSet set = SpecificCharacterSet.valueOf("", spelling);
            if (!term.startsWith("ISO 2022")) {
                set = SpecificCharacterSet.valueOf(spelling);
            }
            assertThat(set.definedTerms()).endsWith(term);
            assertThat(set.warnings()).anySatisfy(w -> assertThat(w).contains(spelling, term));
        }

        @Test
        void unknownFirstValueFallsBackToTheDefaultRepertoireWithAWarning() {
            SpecificCharacterSet set = SpecificCharacterSet.valueOf("KLINGON");

            assertThat(set).isEqualTo(SpecificCharacterSet.DEFAULT);
            assertThat(set.definedTerms()).isEmpty();
            assertThat(set.warnings()).singleElement().asString().contains("KLINGON", "default");
            assertThat(decode(set, bytes("Buc^J\u00e9r\u00f4me"), true)).isEqualTo("Buc^Jérôme");
        }

        @Test
        void unknownLaterValueIsDroppedAndTheOthersKept() {
            SpecificCharacterSet set = SpecificCharacterSet.valueOf("", "ISO 2022 IR 87", "ISO 2022 IR 999");

            assertThat(set.definedTerms()).containsExactly("", "ISO 2022 IR 87");
            assertThat(set.warnings()).singleElement().asString().contains("ISO 2022 IR 999");
            assertThat(decode(set, bytes("\u001b$B;3ED\u001b(B"), true)).isEqualTo("山田");
        }

        /** dcm4che issue 869: producers write ISO_IR 13 where ISO 2022 IR 13 is meant. */
        @Test
        void singleByteTermAmongSeveralValuesIsReadAsItsCodeExtension() {
            SpecificCharacterSet set = SpecificCharacterSet.valueOf("ISO_IR 13", "ISO 2022 IR 87");
            byte[] h32 = bytes("\u00d4\u00cf\u00c0\u00de^\u00c0\u00db\u00b3=\u001b$B;3ED\u001b(J^\u001b$BB@O:\u001b(J=");

            assertThat(set.definedTerms()).containsExactly("ISO 2022 IR 13", "ISO 2022 IR 87");
            assertThat(set.warnings()).singleElement().asString().contains("ISO_IR 13", "ISO 2022 IR 13");
            assertThat(decode(set, h32, true)).isEqualTo("ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=");
        }

        /** Korean producers often write ISO 2022 IR 149 alone, which value 1 may not be. */
        @Test
        void multiByteSetAsValueOneIsReadAsValueTwo() {
            SpecificCharacterSet set = SpecificCharacterSet.valueOf("ISO 2022 IR 149");

            assertThat(set.definedTerms()).containsExactly("", "ISO 2022 IR 149");
            assertThat(set.warnings()).singleElement().asString().contains("ISO 2022 IR 149", "value 1");
            assertThat(decode(set, bytes("Hong^Gildong=\u001b$)C\u00fb\u00f3^\u001b$)C\u00d1\u00ce\u00d4\u00d7"), true))
                    .isEqualTo("Hong^Gildong=洪^吉洞");
        }

        @Test
        void unicodeAndGbSetsAreNotCombinedWithCodeExtensions() {
            SpecificCharacterSet utf8 = SpecificCharacterSet.valueOf("ISO_IR 192", "ISO 2022 IR 87");
            SpecificCharacterSet laterUtf8 = SpecificCharacterSet.valueOf("", "ISO_IR 192");

            assertThat(utf8.definedTerms()).containsExactly("ISO_IR 192");
            assertThat(utf8.warnings()).singleElement().asString().contains("ISO_IR 192");
            assertThat(laterUtf8.definedTerms()).isEmpty();
            assertThat(laterUtf8.warnings()).singleElement().asString().contains("ISO_IR 192", "code extension");
        }

        @Test
        void repeatedAndEmptyLaterValuesAreIgnoredWithAWarning() {
            SpecificCharacterSet set = SpecificCharacterSet.valueOf("", "ISO 2022 IR 87", "", "ISO 2022 IR 87");

            assertThat(set.definedTerms()).containsExactly("", "ISO 2022 IR 87");
            assertThat(set.warnings()).hasSize(2);
        }

        @Test
        void validValuesGiveNoWarningsAndKeepTheirSpelling() {
            String[][] valid = {{"ISO_IR 100"}, {"ISO_IR 192"}, {"GB18030"}, {"GBK"}, {"ISO_IR 13"}, {"ISO_IR 166"},
                {"", "ISO 2022 IR 87"}, {"ISO 2022 IR 13", "ISO 2022 IR 87"}, {"ISO 2022 IR 6", "ISO 2022 IR 87"},
                {"", "ISO 2022 IR 87", "ISO 2022 IR 159"}, {"", "ISO 2022 IR 149"}, {"", "ISO 2022 IR 58"},
                {"ISO 2022 IR 100", "ISO 2022 IR 126"}, {"ISO 2022 IR 100"}};
            for (String[] terms : valid) {
                SpecificCharacterSet set = SpecificCharacterSet.valueOf(terms);
                assertThat(set.warnings()).as(String.join("\\", terms)).isEmpty();
                assertThat(set.definedTerms()).containsExactly(terms);
                assertThat(set).hasToString(String.join("\\", terms));
            }
        }

        @Test
        void valuesStillJoinedByBackslashAreSplit() {
            SpecificCharacterSet set = SpecificCharacterSet.valueOf("\\ISO 2022 IR 87");

            assertThat(set).isEqualTo(SpecificCharacterSet.valueOf("", "ISO 2022 IR 87"));
            assertThat(set.warnings()).isEmpty();
            assertThat(SpecificCharacterSet.valueOf("ISO 2022 IR 13\\ISO 2022 IR 87 ").definedTerms())
                    .containsExactly("ISO 2022 IR 13", "ISO 2022 IR 87");
        }

        @Test
        void definedTermsIsACopyAndEqualityFollowsTheTerms() {
            SpecificCharacterSet set = SpecificCharacterSet.valueOf("", "ISO 2022 IR 87");
            set.definedTerms()[1] = "changed";

            assertThat(set.definedTerms()).containsExactly("", "ISO 2022 IR 87");
            assertThat(set).isEqualTo(SpecificCharacterSet.valueOf(null, "ISO 2022 IR 87"))
                    .hasSameHashCodeAs(SpecificCharacterSet.valueOf(null, "ISO 2022 IR 87"))
                    .isNotEqualTo(SpecificCharacterSet.valueOf("", "ISO 2022 IR 149"));
        }

        @Test
        void containsAsciiOnlyOnlyForTheAsciiRepertoire() {
            assertThat(SpecificCharacterSet.valueOf("ISO 2022 IR 6").containsAsciiOnly()).isTrue();
            assertThat(SpecificCharacterSet.valueOf("ISO_IR 100").containsAsciiOnly()).isFalse();
            assertThat(SpecificCharacterSet.valueOf("ISO_IR 192").containsAsciiOnly()).isFalse();
            assertThat(SpecificCharacterSet.valueOf("", "ISO 2022 IR 87").containsAsciiOnly()).isFalse();
        }
    }

    @Nested
    class SingleByteSets {

        /** A characteristic character of each set, its byte (from Python's codecs), and the ISO 2022 escape. */
        @ParameterizedTest(name = "{0} {1}")
        @CsvSource(delimiter = '|', value = {
            "ISO_IR 100 | é | e9 | 1b2d41",
            "ISO_IR 101 | ł | b3 | 1b2d42",
            "ISO_IR 109 | ĝ | f8 | 1b2d43",
            "ISO_IR 110 | ā | e0 | 1b2d44",
            "ISO_IR 144 | Ж | b6 | 1b2d4c",
            "ISO_IR 127 | ع | d9 | 1b2d47",
            "ISO_IR 126 | Ω | d9 | 1b2d46",
            "ISO_IR 138 | ש | f9 | 1b2d48",
            "ISO_IR 148 | ş | fe | 1b2d4d",
            "ISO_IR 203 | € | a4 | 1b2d62",
            "ISO_IR 166 | ก | a1 | 1b2d54",
            "ISO_IR 13  | ｱ | b1 | 1b2949"})
        void characteristicCharacterDecodesAndEncodesInEachForm(String term, String character, String byteHex,
                String escapeHex) {
            SpecificCharacterSet plain = SpecificCharacterSet.valueOf(term);
            byte[] encoded = HexFormat.of().parseHex("41" + byteHex);

            assertThat(plain.warnings()).isEmpty();
            assertThat(decode(plain, encoded, false)).isEqualTo("A" + character);
            assertThat(hex(plain.encode("A" + character, false))).isEqualTo("41" + byteHex);

            SpecificCharacterSet extended = SpecificCharacterSet.valueOf("", term.replace("ISO_IR", "ISO 2022 IR"));
            byte[] escaped = HexFormat.of().parseHex("41" + escapeHex + byteHex);
            assertThat(extended.warnings()).isEmpty();
            assertThat(decode(extended, escaped, false)).isEqualTo("A" + character);
            assertThat(hex(extended.encode("A" + character, false))).isEqualTo(hex(escaped));
        }

        @Test
        void defaultRepertoireReadsUpperBytesAsLatin1ButWritesOnlyAscii() {
            assertThat(decode(SpecificCharacterSet.DEFAULT, bytes("Buc^J\u00e9r\u00f4me"), true)).isEqualTo("Buc^Jérôme");
            assertThat(hex(SpecificCharacterSet.DEFAULT.encode("Buc^Jerome\\X", true)))
                    .isEqualTo(hex(bytes("Buc^Jerome\\X")));
            assertThatThrownBy(() -> SpecificCharacterSet.DEFAULT.encode("Buc^Jérôme", true))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'é'").hasMessageContaining("U+00E9").hasMessageContaining("index 5")
                    .hasMessageContaining("ISO_IR 6");
        }

        @Test
        void characterOutsideTheSetIsRejectedNamingCharacterAndSet() {
            assertThatThrownBy(() -> SpecificCharacterSet.valueOf("ISO_IR 100").encode("Διονυσιος", true))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'Δ'").hasMessageContaining("U+0394").hasMessageContaining("ISO_IR 100");
        }

        @Test
        void latin1ControlRangeIsNotWritten() {
            assertThatThrownBy(() -> SpecificCharacterSet.valueOf("ISO_IR 100").encode("\u0085", false))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("U+0085");
        }

        @Test
        void decodesASliceOnly() {
            byte[] value = bytes("xx\u00c4neas^R\u00fcdigeryy");
            assertThat(SpecificCharacterSet.valueOf("ISO_IR 100").decode(value, 2, 13, true)).isEqualTo("Äneas^Rüdiger");
            assertThatThrownBy(() -> SpecificCharacterSet.DEFAULT.decode(value, 10, 20, true))
                    .isInstanceOf(IndexOutOfBoundsException.class);
        }
    }

    @Nested
    class MultiByteSetsWithoutCodeExtensions {

        @Test
        void utf8AndGb18030PersonNamesOfAnnexJ() {
            SpecificCharacterSet utf8 = SpecificCharacterSet.valueOf("ISO_IR 192");
            SpecificCharacterSet gb18030 = SpecificCharacterSet.valueOf("GB18030");
            byte[] utf8Bytes = HexFormat.of().parseHex("57616e675e5869616f446f6e673de78e8b5ee5b08fe69db13d");
            byte[] gbBytes = HexFormat.of().parseHex("57616e675e5869616f446f6e673dcdf55ed0a1b6ab3d");

            assertThat(decode(utf8, utf8Bytes, true)).isEqualTo("Wang^XiaoDong=王^小東=");
            assertThat(decode(gb18030, gbBytes, true)).isEqualTo("Wang^XiaoDong=王^小东=");
            assertThat(utf8.encode("Wang^XiaoDong=王^小東=", true)).isEqualTo(utf8Bytes);
            assertThat(gb18030.encode("Wang^XiaoDong=王^小东=", true)).isEqualTo(gbBytes);
        }

        @Test
        void gbkLacksWhatGb18030HasBeyondTheBasicPlane() {
            String beyondBmp = "\uD840\uDC00"; // U+20000, CJK Extension B
            assertThat(hex(SpecificCharacterSet.valueOf("GB18030").encode(beyondBmp, false))).isEqualTo("95328236");
            assertThatThrownBy(() -> SpecificCharacterSet.valueOf("GBK").encode("a" + beyondBmp, false))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("U+20000").hasMessageContaining("index 1").hasMessageContaining("GBK");
        }

        @Test
        void loneSurrogateIsNotUtf8() {
            assertThatThrownBy(() -> SpecificCharacterSet.valueOf("ISO_IR 192").encode("ab\uD800", false))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("U+D800");
        }
    }

    @Nested
    class CodeExtensions {
        private final SpecificCharacterSet japanese = SpecificCharacterSet.valueOf("", "ISO 2022 IR 87");
        private final SpecificCharacterSet katakanaAndKanji =
                SpecificCharacterSet.valueOf("ISO 2022 IR 13", "ISO 2022 IR 87");
        private final SpecificCharacterSet korean = SpecificCharacterSet.valueOf("", "ISO 2022 IR 149");
        private final SpecificCharacterSet chinese = SpecificCharacterSet.valueOf("", "ISO 2022 IR 58");
        private final SpecificCharacterSet latinAndGreek =
                SpecificCharacterSet.valueOf("", "ISO 2022 IR 100", "ISO 2022 IR 126");

        @Test
        void annexH31JapaneseKanjiAndHiragana() {
            byte[] encoded = bytes("Yamada^Tarou=\u001b$B;3ED\u001b(B^\u001b$BB@O:\u001b(B=\u001b$B$d$^$@\u001b(B^"
                    + "\u001b$B$?$m$&\u001b(B");
            String text = "Yamada^Tarou=山田^太郎=やまだ^たろう";

            assertThat(decode(japanese, encoded, true)).isEqualTo(text);
            assertThat(hex(japanese.encode(text, true))).isEqualTo(hex(encoded));
        }

        @Test
        void annexH32HalfWidthKatakanaInG1AndRomajiAsTheInitialG0() {
            byte[] encoded = bytes("\u00d4\u00cf\u00c0\u00de^\u00c0\u00db\u00b3=\u001b$B;3ED\u001b(J^\u001b$BB@O:"
                    + "\u001b(J=\u001b$B$d$^$@\u001b(J^\u001b$B$?$m$&\u001b(J");
            String text = "ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう";

            assertThat(decode(katakanaAndKanji, encoded, true)).isEqualTo(text);
            assertThat(hex(katakanaAndKanji.encode(text, true))).isEqualTo(hex(encoded));
        }

        @Test
        void annexI2KoreanRedesignatesG1AfterEachDelimiter() {
            byte[] encoded = bytes("Hong^Gildong=\u001b$)C\u00fb\u00f3^\u001b$)C\u00d1\u00ce\u00d4\u00d7="
                    + "\u001b$)C\u00c8\u00ab^\u001b$)C\u00b1\u00e6\u00b5\u00bf");
            String text = "Hong^Gildong=洪^吉洞=홍^길동";

            assertThat(decode(korean, encoded, true)).isEqualTo(text);
            assertThat(hex(korean.encode(text, true))).isEqualTo(hex(encoded));
        }

        @Test
        void annexK2ChinesePersonName() {
            byte[] encoded = HexFormat.of().parseHex(
                    "5a68616e675e5869616f446f6e673d1b242941d5c55e1b242941d0a1b6ab3d");
            String text = "Zhang^XiaoDong=张^小东=";

            assertThat(decode(chinese, encoded, true)).isEqualTo(text);
            assertThat(hex(chinese.encode(text, true))).isEqualTo(hex(encoded));
        }

        /** PS3.5 K.3: each line starts again from ASCII, so G1 is designated again after CR LF. */
        @Test
        void annexK3ChineseLongTextRedesignatesAfterEachLineEnd() {
            byte[] encoded = HexFormat.of().parseHex(
                    "312e1b242941b5dad2bbd0d0cec4d7d6a1a30d0a"
                    + "322e1b242941b5dab6fed0d0cec4d7d6a1a30d0a"
                    + "332e1b242941b5dac8fdd0d0cec4d7d6a1a30d0a");
            String text = "1.第一行文字。\r\n2.第二行文字。\r\n3.第三行文字。\r\n";

            assertThat(decode(chinese, encoded, false)).isEqualTo(text);
            assertThat(hex(chinese.encode(text, false))).isEqualTo(hex(encoded));
        }

        @Test
        void supplementaryKanjiOfJisX0212() {
            SpecificCharacterSet set = SpecificCharacterSet.valueOf("", "ISO 2022 IR 87", "ISO 2022 IR 159");
            byte[] encoded = bytes("\u001b$B;3\u001b$(D0!\u001b(B"); // as Python's iso2022_jp_2 writes 山丂

            assertThat(decode(set, encoded, false)).isEqualTo("山丂");
            assertThat(hex(set.encode("山丂", false))).isEqualTo(hex(encoded));
            assertThatThrownBy(() -> japanese.encode("山丂", false))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("U+4E02").hasMessageContaining("\\ISO 2022 IR 87");
        }

        @Test
        void delimiterBytesInsideADoubleByteCharacterAreNotDelimiters() {
            // ソ is the JIS X 0208 pair 25 3D: its second byte is '='.
            byte[] encoded = bytes("\u001b$B%=\u001b(B^\u001b$B%=\u001b(B");

            assertThat(decode(japanese, encoded, true)).isEqualTo("ソ^ソ");
            assertThat(hex(japanese.encode("ソ^ソ", true))).isEqualTo(hex(encoded));
        }

        @Test
        void spaceInsideKanjiTextIsASpaceAndIsWrittenInAscii() {
            assertThat(decode(japanese, bytes("\u001b$B;3ED B@O:\u001b(B"), false)).isEqualTo("山田 太郎");
            assertThat(hex(japanese.encode("山田 太郎", false)))
                    .isEqualTo(hex(bytes("\u001b$B;3ED\u001b(B \u001b$BB@O:\u001b(B")));
        }

        @Test
        void personNameDelimitersResetOnlyInPersonNames() {
            // After the reset, G1 is empty again: a high byte then falls back to the first declared G1 set, Latin-1.
            byte[] value = bytes("\u001b-F\u00c4^\u00c4");

            assertThat(decode(latinAndGreek, value, true)).isEqualTo("Δ^Ä");
            assertThat(decode(latinAndGreek, value, false)).isEqualTo("Δ^Δ");
            assertThat(hex(latinAndGreek.encode("Δ^Δ", true))).isEqualTo(hex(bytes("\u001b-F\u00c4^\u001b-F\u00c4")));
            assertThat(hex(latinAndGreek.encode("Δ^Δ", false))).isEqualTo(hex(bytes("\u001b-F\u00c4^\u00c4")));
        }

        @ParameterizedTest
        @ValueSource(strings = {"\\", "\r", "\n", "\f", "\t"})
        void valueDelimiterAndControlCharactersResetInEveryValue(String delimiter) {
            byte[] value = bytes("\u001b-F\u00c4" + delimiter + "\u00c4");

            assertThat(decode(latinAndGreek, value, false)).isEqualTo("Δ" + delimiter + "Ä");
            assertThat(hex(latinAndGreek.encode("Δ" + delimiter + "Δ", false)))
                    .isEqualTo(hex(bytes("\u001b-F\u00c4" + delimiter + "\u001b-F\u00c4")));
        }

        @Test
        void nonEmptyInitialG1IsDesignatedAgainBeforeDelimitersAndAtTheEnd() {
            SpecificCharacterSet set = SpecificCharacterSet.valueOf("ISO 2022 IR 100", "ISO 2022 IR 126");

            assertThat(hex(set.encode("é^Δ^é", true)))
                    .isEqualTo(hex(bytes("\u00e9^\u001b-F\u00c4\u001b-A^\u00e9")));
            assertThat(decode(set, bytes("\u00e9^\u001b-F\u00c4^\u00e9"), true)).isEqualTo("é^Δ^é");
        }

        @Test
        void charactersGoToTheFirstDeclaredSetThatHasThem() {
            assertThat(hex(latinAndGreek.encode("Aé Δ", false)))
                    .isEqualTo(hex(bytes("A\u001b-A\u00e9 \u001b-F\u00c4")));
            // '£' is A3 in both Latin-1 and Greek: the active G1 keeps it, otherwise the first declared set gets it.
            assertThat(hex(latinAndGreek.encode("Δ£", false))).isEqualTo(hex(bytes("\u001b-F\u00c4\u00a3")));
            assertThat(hex(latinAndGreek.encode("£", false))).isEqualTo(hex(bytes("\u001b-A\u00a3")));
        }

        @Test
        void highBytesBeforeAnyDesignationUseTheDeclaredG1Set() {
            assertThat(decode(korean, bytes("\u00b1\u00e6\u00b5\u00bf"), true)).isEqualTo("길동");
            assertThat(decode(japanese, bytes("J\u00e9r\u00f4me"), true)).isEqualTo("Jérôme");
        }

        @Test
        void unknownEscapeSequencesAndBrokenPairsBecomeReplacementCharacters() {
            assertThat(decode(japanese, bytes("a\u001b$)Zb"), false)).isEqualTo("a\uFFFDb");
            assertThat(decode(japanese, bytes("a\u001b"), false)).isEqualTo("a\uFFFD");
            assertThat(decode(japanese, bytes("\u001b$B;3E"), false)).isEqualTo("山\uFFFD");
            assertThat(decode(korean, bytes("\u001b$)C\u00b1"), false)).isEqualTo("\uFFFD");
        }

        @Test
        void charactersNoDeclaredSetHasAreRejectedNamingCharacterAndSet() {
            assertThatThrownBy(() -> japanese.encode("Hong^홍", true))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'홍'").hasMessageContaining("U+D64D").hasMessageContaining("index 5")
                    .hasMessageContaining("\\ISO 2022 IR 87");
        }

        @Test
        void escapeCharacterInTextIsRejected() {
            assertThatThrownBy(() -> japanese.encode("a\u001b$Bb", false))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("U+001B");
        }
    }

    @Nested
    class IsAscii {

        @Test
        void sevenBitBytesWithoutEscapeAreAscii() {
            byte[] value = bytes("\u00e9Doe^John\u001b");

            assertThat(SpecificCharacterSet.isAscii(value, 1, 8)).isTrue();
            assertThat(SpecificCharacterSet.isAscii(value, 0, 8)).isFalse();
            assertThat(SpecificCharacterSet.isAscii(value, 1, 9)).isFalse();
            assertThat(SpecificCharacterSet.isAscii(value, 0, 0)).isTrue();
        }
    }
}
