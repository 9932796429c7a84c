package org.lumen.dicom.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.lumen.dicom.data.PersonName.Component;
import org.lumen.dicom.data.PersonName.Components;
import org.lumen.dicom.data.PersonName.Group;

class PersonNameTest {

    @ParameterizedTest(name = "\"{0}\" round-trips")
    @ValueSource(strings = {"", "Doe", "Doe^John", "^Given", "^^Middle", "^^^Dr.", "Family^^^^Suffix",
        "Doe^John^Quincy^Dr.^Jr.", "Fukuda^Katherine M.^^^M. D.", "Rubo DEMO", "Yamada^Tarou=山田^太郎=やまだ^たろう",
        "=山田^太郎", "==やまだ^たろう", "Hong^Gildong=洪^吉洞=홍^길동", " Leading^Space", "Doe^John==^Jon",
        "ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう"})
    void wellFormedNamesRoundTripExactly(String text) {
        assertThat(PersonName.parse(text).toString()).isEqualTo(text);
    }

    @ParameterizedTest(name = "\"{0}\" is written \"{1}\"")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
        "Doe^John |Doe^John",
        "Doe^John\u0000|Doe^John",
        "Veterinarian^VeryGood^|Veterinarian^VeryGood",
        "OB^^^^|OB",
        "^^^^|''",
        "^ |''",
        "Wang^XiaoDong=王^小东=|Wang^XiaoDong=王^小东",
        "Wang^XiaoDong=王^小東= |Wang^XiaoDong=王^小東",
        "Doe^John==|Doe^John",
        "=^=|''",
    })
    void trailingDelimitersAndPaddingAreDropped(String text, String expected) {
        PersonName name = PersonName.parse(text);
        assertThat(name.toString()).isEqualTo(expected);
        assertThat(PersonName.parse(name.toString())).isEqualTo(name);
    }

    @Test
    void componentsAreReadByGroupAndPosition() {
        PersonName name = PersonName.parse("Yamada^Tarou^M^Mr^III=山田^太郎=やまだ^たろう");
        assertThat(name.get(Group.ALPHABETIC, Component.FAMILY)).isEqualTo("Yamada");
        assertThat(name.get(Group.ALPHABETIC, Component.GIVEN)).isEqualTo("Tarou");
        assertThat(name.get(Group.ALPHABETIC, Component.MIDDLE)).isEqualTo("M");
        assertThat(name.get(Group.ALPHABETIC, Component.PREFIX)).isEqualTo("Mr");
        assertThat(name.get(Group.ALPHABETIC, Component.SUFFIX)).isEqualTo("III");
        assertThat(name.get(Group.IDEOGRAPHIC, Component.FAMILY)).isEqualTo("山田");
        assertThat(name.get(Group.IDEOGRAPHIC, Component.MIDDLE)).isEmpty();
        assertThat(name.get(Group.PHONETIC, Component.GIVEN)).isEqualTo("たろう");
        assertThat(name.alphabetic()).isEqualTo(new Components("Yamada", "Tarou", "M", "Mr", "III"));
        assertThat(name.components(Group.PHONETIC)).isEqualTo(name.phonetic());
    }

    @Test
    void groupsAreGivenAsPs318JsonNeedsThem() {
        PersonName name = PersonName.parse("Yamada^Tarou==やまだ^たろう");
        assertThat(name.group(Group.ALPHABETIC)).isEqualTo("Yamada^Tarou");
        assertThat(name.group(Group.IDEOGRAPHIC)).isNull();
        assertThat(name.group(Group.PHONETIC)).isEqualTo("やまだ^たろう");
        assertThat(Group.PHONETIC.jsonKey()).isEqualTo("Phonetic");
        assertThat(PersonName.ofGroups("Yamada^Tarou", null, "やまだ^たろう")).isEqualTo(name);
        assertThat(PersonName.ofGroups(null, "", null)).isEqualTo(PersonName.EMPTY);
        assertThat(PersonName.parse("^^Middle").group(Group.ALPHABETIC)).isEqualTo("^^Middle");
    }

    @ParameterizedTest(name = "\"{0}\" reads as \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "Doe^John|John Doe",
        "Doe^John^Quincy^Dr.^Jr.|Dr. John Quincy Doe, Jr.",
        "Fukuda^Katherine M.^^^M. D.|Katherine M. Fukuda, M. D.",
        "Fukuda^^^Dr.|Dr. Fukuda",
        "^John|John",
        "^^^^MD|MD",
        "Rubo DEMO   |Rubo DEMO",
        "=山田^太郎|太郎 山田",
        "==やまだ^たろう|たろう やまだ",
        "''|''",
    })
    void formatsForPeople(String text, String expected) {
        assertThat(PersonName.parse(text).format()).isEqualTo(expected);
    }

    @Test
    void namesAreBuiltWithWithMethods() {
        PersonName name = PersonName.of("Doe", "John")
                .with(Group.ALPHABETIC, Component.PREFIX, "Dr.")
                .with(Group.IDEOGRAPHIC, Component.FAMILY, "杜")
                .with(Group.PHONETIC, new Components("ドウ", "ジョン", null, null, null));
        assertThat(name).hasToString("Doe^John^^Dr.=杜=ドウ^ジョン");
        assertThat(name.with(Group.IDEOGRAPHIC, Components.EMPTY)).hasToString("Doe^John^^Dr.==ドウ^ジョン");
        assertThat(PersonName.of("Doe", null)).hasToString("Doe").isEqualTo(PersonName.parse("Doe"));
        assertThat(new PersonName(null, null, null)).isEqualTo(PersonName.EMPTY);
        assertThat(PersonName.EMPTY.isEmpty()).isTrue();
        assertThat(name.isEmpty()).isFalse();
    }

    @ParameterizedTest(name = "component \"{0}\" is refused")
    @ValueSource(strings = {"Doe^John", "Doe=John", "Doe\\John"})
    void componentsCannotHoldDelimiters(String component) {
        assertThatThrownBy(() -> PersonName.of(component, "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("family component contains the delimiter");
    }

    @ParameterizedTest(name = "\"{0}\" is refused without quoting it")
    @ValueSource(strings = {"Secret^Name=秘密^名前=ひみつ^なまえ=extra", "Secret^Name^A^B^C^D", "Secret^Name\\Other^One",
        "Secret=Name^A^B^C^D^E"})
    void malformedNamesAreRefusedWithoutRevealingThem(String text) {
        assertThatThrownBy(() -> PersonName.parse(text))
                .isInstanceOf(DicomValueException.class)
                .hasMessageStartingWith("Invalid PN value: ")
                .hasMessageNotContaining("Secret")
                .satisfies(e -> assertThat(((DicomValueException) e).value()).isNull());
    }

    @Test
    void aGroupWithDelimitersOfAnotherKindIsRefused() {
        assertThatThrownBy(() -> Components.parse("Doe=John")).isInstanceOf(DicomValueException.class);
        assertThatThrownBy(() -> PersonName.ofGroups("Doe\\John", null, null)).isInstanceOf(DicomValueException.class);
    }
}
