package org.lumen.dicom.dict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.data.VR;

class StandardVrsTest {
    private final ElementDictionary full = ElementDictionary.standard();

    @Test
    void agreesWithTheFullDictionaryForEveryListedEntry() {
        for (ElementDictionary.Entry entry : full.entries()) {
            int tag = entry.tag();
            assertThat(StandardVrs.of(tag)).as("%08X", tag).isEqualTo(full.lookup(tag).vrs());
            assertThat(StandardVrs.first(tag)).as("%08X", tag).isEqualTo(full.vrOf(tag));
        }
    }

    @Test
    void agreesWithTheFullDictionaryOverGroupsOfTags() {
        int[] groups = {0x0000, 0x0002, 0x0008, 0x0009, 0x0010, 0x0018, 0x0020, 0x0028, 0x0029, 0x5000, 0x5002, 0x6000,
            0x6002, 0x6003, 0x7FE0, 0x7F00, 0xFFFE};
        for (int group : groups) {
            for (int element = 0; element <= 0xFFFF; element += 7) {
                int tag = (group << 16) | element;
                assertThat(StandardVrs.first(tag)).as("%08X", tag).isEqualTo(full.vrOf(tag));
            }
        }
    }

    @Test
    void knowsAmbiguousAndRepeatingElements() {
        assertThat(StandardVrs.of(Tag.PixelData)).containsExactly(VR.OB, VR.OW);
        assertThat(StandardVrs.of(0x60023000)).isEqualTo(full.lookup(0x60023000).vrs());
        assertThat(StandardVrs.of(0x00091010)).isEqualTo(List.of());
        assertThat(StandardVrs.of(0x00090010)).containsExactly(VR.LO);
        assertThat(StandardVrs.first(0x00190000)).isEqualTo(VR.UL);
    }
}
