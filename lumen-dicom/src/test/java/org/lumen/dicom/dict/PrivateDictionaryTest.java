package org.lumen.dicom.dict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.lumen.dicom.data.VR;
import org.lumen.dicom.dict.PrivateDictionary.Entry;

class PrivateDictionaryTest {

    private final PrivateDictionary dictionary = PrivateDictionary.builtIn();

    @Test
    void coversTheCommonVendors() {
        assertThat(dictionary.entries()).hasSize(2806);
        Set<String> creators = dictionary.entries().stream().map(Entry::creator).collect(Collectors.toSet());
        assertThat(creators).contains("SIEMENS CSA HEADER", "SIEMENS MEDCOM HEADER", "GEMS_ACQU_01", "GEMS_PARM_01",
                "Philips Imaging DD 001", "PHILIPS MR/PART", "TOSHIBA_MEC_CT_1.0");
    }

    @Test
    void findsSiemensCsaHeadersInWhicheverBlockWasReserved() {
        Entry imageHeader = dictionary.lookup("SIEMENS CSA HEADER", 0x00291010);
        assertThat(imageHeader).isEqualTo(
                new Entry("SIEMENS CSA HEADER", 0x0029, 0x10, true, "CSAImageHeaderInfo", List.of(VR.OB), "1"));
        assertThat(dictionary.lookup("SIEMENS CSA HEADER", 0x00291110)).isSameAs(imageHeader);
        assertThat(dictionary.vrOf("SIEMENS CSA HEADER", 0x00291020)).isEqualTo(VR.OB);
        assertThat(dictionary.lookup("SIEMENS CSA HEADER", 0x00291008).keyword()).isEqualTo("CSAImageHeaderType");
    }

    @Test
    void ignoresTheCreatorsPaddingButNotItsCase() {
        assertThat(dictionary.vrOf("SIEMENS CSA HEADER ", 0x00291010)).isEqualTo(VR.OB);
        assertThat(dictionary.vrOf(" SIEMENS CSA HEADER", 0x00291010)).isEqualTo(VR.OB);
        assertThat(dictionary.lookup("siemens csa header", 0x00291010)).isNull();
        // Philips writes both spellings; dcmtk lists both.
        assertThat(dictionary.vrOf("Philips Imaging DD 001", 0x20011003)).isEqualTo(VR.FL);
        assertThat(dictionary.vrOf("PHILIPS IMAGING DD 001", 0x20011003)).isEqualTo(VR.FL);
    }

    @Test
    void knowsGeAndToshibaElements() {
        assertThat(dictionary.lookup("GEMS_PARM_01", 0x00431012).vrs()).containsExactly(VR.SS);
        assertThat(dictionary.lookup("GEMS_PARM_01", 0x00431012).vm()).isEqualTo("3");
        assertThat(dictionary.lookup("TOSHIBA_MEC_CT_1.0", 0x00191008).keyword()).isEqualTo("OrientationHeadFeet");
    }

    @Test
    void fixedElementsMatchOnlyTheirOwnNumber() {
        Entry fieldOfView = dictionary.lookup("PHILIPS MR/PART", 0x00191000);
        assertThat(fieldOfView.keyword()).isEqualTo("FieldOfView");
        assertThat(fieldOfView.anyBlock()).isFalse();
        assertThat(dictionary.lookup("PHILIPS MR/PART", 0x00191300)).isNull();
    }

    @Test
    void unknownKeywordsAreEmptyButTheVrIsKept() {
        Entry unnamed = dictionary.lookup("TOSHIBA_MEC_1.0", 0x00091001);
        assertThat(unnamed.keyword()).isEmpty();
        assertThat(unnamed.vrs()).containsExactly(VR.LT);
    }

    @Test
    void answersOnlyForPrivateDataElements() {
        assertThat(dictionary.lookup("SIEMENS CSA HEADER", 0x00281010)).isNull();
        assertThat(dictionary.lookup("SIEMENS CSA HEADER", 0x00290010)).isNull();
        assertThat(dictionary.lookup("SIEMENS CSA HEADER", 0x00290000)).isNull();
        assertThat(dictionary.lookup(null, 0x00291010)).isNull();
        assertThat(dictionary.lookup("NO SUCH VENDOR", 0x00291010)).isNull();
        assertThat(dictionary.vrOf("NO SUCH VENDOR", 0x00291010)).isEqualTo(VR.UN);
    }
}
