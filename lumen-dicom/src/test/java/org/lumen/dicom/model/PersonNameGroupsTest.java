package org.lumen.dicom.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PersonNameGroupsTest {

    @ParameterizedTest
    @ValueSource(strings = {"Doe", "Doe^John", "Doe^John=", "=Ideo", "==Phon", "a=b=c", "a=b=c=d", "^^^^", "^Bob^^Dr.", "a^b^c^d^e^f",
        "Yamada^Tarou=山田^太郎=やまだ^たろう", "=", "==", "Doe^John^^^"})
    void groupsAndComponentsJoinBackToTheSameText(String name) {
        String[] groups = PersonNameGroups.groups(name);
        String[] rebuilt = new String[groups.length];
        for (int g = 0; g < groups.length; g++) {
            rebuilt[g] = groups[g] == null ? null : PersonNameGroups.join(PersonNameGroups.components(groups[g]), '^');
        }
        assertThat(PersonNameGroups.join(rebuilt, '=')).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Doe^John="})
    void aTrailingEmptyGroupIsWrittenAndLeadingEmptyOnesAreNot(String name) {
        assertThat(PersonNameGroups.groups(name)).containsExactly("Doe^John", "", null);
        assertThat(PersonNameGroups.groups("==Phon")).containsExactly(null, null, "Phon");
        assertThat(PersonNameGroups.components("^^^^")).containsExactly(null, null, null, null, "");
        assertThat(PersonNameGroups.groups("a=b=c=d")).containsExactly("a", "b", "c=d");
    }
}
