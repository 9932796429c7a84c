package org.lumen.dicom.deid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.lumen.dicom.data.Tags;
import org.lumen.dicom.data.VR;
import org.lumen.dicom.deid.DeidentificationTable.Rule;
import org.lumen.dicom.dict.ElementDictionary;

class DeidentificationTableTest {
    private final DeidentificationTable table = DeidentificationTable.standard();

    @Test
    void shipsEveryRowOfTheCurrentBasicProfileAndNamesItsEdition() {
        assertThat(table.size()).isEqualTo(655);
        assertThat(table.edition()).startsWith("PS3.15 2026d");
        assertThat(table.rules()).allSatisfy(rule -> assertThat(rule.basic()).isNotNull());
    }

    @Test
    void rowsCarryTheBasicActionAndTheOptionsThatTouchThem() {
        assertThat(table.ruleFor(0x00100010).basic()).isEqualTo(ActionCode.Z);
        assertThat(table.ruleFor(0x00081140).basic()).isEqualTo(ActionCode.X_Z_U_STAR);
        assertThat(table.ruleFor(0x00080080).basic()).isEqualTo(ActionCode.X_Z_D);

        Rule studyDate = table.ruleFor(0x00080020);
        assertThat(studyDate.vrs()).containsExactly(VR.DA);
        assertThat(studyDate.option(ProfileOption.RETAIN_LONGITUDINAL_MODIFIED_DATES)).isEqualTo(ActionCode.C);
        assertThat(studyDate.option(ProfileOption.CLEAN_DESCRIPTORS)).isNull();

        assertThat(table.ruleFor(0x00100040).option(ProfileOption.RETAIN_PATIENT_CHARACTERISTICS)).isEqualTo(ActionCode.K);
        assertThat(table.ruleFor(0x00081030).option(ProfileOption.CLEAN_DESCRIPTORS)).isEqualTo(ActionCode.C);
        // Later date rows get the modified-dates option by VR; birth date never does.
        assertThat(table.ruleFor(0x00080012).option(ProfileOption.RETAIN_LONGITUDINAL_MODIFIED_DATES)).isEqualTo(ActionCode.C);
        assertThat(table.ruleFor(0x00100030).options()).isEmpty();
    }

    @Test
    void patternRowsCoverCurvesOverlaysAndPrivateElements() {
        assertThat(table.ruleFor(0x50000010).name()).isEqualTo("Curve Data");
        assertThat(table.ruleFor(0x501E3000).name()).isEqualTo("Curve Data");
        assertThat(table.ruleFor(0x60003000).name()).isEqualTo("Overlay Data");
        assertThat(table.ruleFor(0x601E4000).name()).isEqualTo("Overlay Comments");
        assertThat(table.ruleFor(0x60000010)).as("Overlay Rows is not listed").isNull();
        assertThat(table.ruleFor(0x00091010).basic()).isEqualTo(ActionCode.X);
        assertThat(table.ruleFor(0x00280010)).as("Rows is not listed").isNull();
    }

    @Test
    void compoundCodesResolveToTheConformancePreservingAlternative() {
        assertThat(ActionCode.parse("Z/D").resolved()).isEqualTo(ActionCode.D);
        assertThat(ActionCode.parse("X/Z").resolved()).isEqualTo(ActionCode.Z);
        assertThat(ActionCode.parse("X/D").resolved()).isEqualTo(ActionCode.D);
        assertThat(ActionCode.parse("X/Z/D").resolved()).isEqualTo(ActionCode.D);
        assertThat(ActionCode.parse("X/Z/U*").resolved()).isEqualTo(ActionCode.U);
        assertThat(ActionCode.parse("X").resolved()).isEqualTo(ActionCode.X);
    }

    @Test
    void tableVrsAgreeWithTheDataDictionaryWhereItKnowsTheTag() {
        ElementDictionary dictionary = ElementDictionary.standard();
        int compared = 0;
        for (Rule rule : table.rules()) {
            if (rule.tag().indexOf('x') >= 0 || rule.tag().startsWith("(gggg")) {
                continue;
            }
            ElementDictionary.Entry entry = dictionary.lookup(Tags.parse(rule.tag()));
            if (entry != null && !entry.vrs().isEmpty()) {
                assertThat(rule.vrs()).as(rule.tag() + " " + rule.name()).containsExactlyInAnyOrderElementsOf(entry.vrs());
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(590);
    }

    @Test
    void malformedRowsAreRejectedWithTheirLineNumber() {
        String header = "tag\tname\tvr\tbasic\n";
        assertThatThrownBy(() -> DeidentificationTable.parse(new StringReader(header + "(0010,0010)\tName\tPN\tQ\n"), "t.tsv"))
                .hasMessageContaining("t.tsv line 2").hasMessageContaining("'Q'");
        assertThatThrownBy(() -> DeidentificationTable.parse(
                new StringReader(header + "(0010,0010)\tA\tPN\tZ\n(0010,0010)\tB\tPN\tX\n"), "t.tsv"))
                .hasMessageContaining("appears twice");
        assertThatThrownBy(() -> DeidentificationTable.parse(new StringReader("tag\tname\n"), "t.tsv"))
                .hasMessageContaining("lacks column 'vr'");
    }
}
