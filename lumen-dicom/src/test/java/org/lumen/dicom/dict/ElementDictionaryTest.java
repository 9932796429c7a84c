package org.lumen.dicom.dict;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.data.VR;
import org.lumen.dicom.dict.ElementDictionary.Entry;
import org.junit.jupiter.api.Test;

class ElementDictionaryTest {

    private final ElementDictionary dictionary = ElementDictionary.standard();

    @Test
    void holdsEveryPs36ElementIncludingCommandAndFileMetaGroups() {
        List<Entry> entries = dictionary.entries();
        assertThat(entries).hasSize(4997);
        assertThat(entries.stream().filter(Entry::isRepeating)).hasSize(88);
        assertThat(entries.stream().filter(e -> e.tag() >>> 16 == 0x0000)).hasSizeGreaterThan(40);
        assertThat(entries.stream().filter(e -> e.tag() >>> 16 == 0x0002)).hasSizeGreaterThan(10);
        assertThat(entries.stream().filter(Entry::retired)).hasSizeGreaterThan(400);
    }

    @Test
    void knowsCommonElements() {
        Entry patientName = dictionary.lookup(0x00100010);
        assertThat(patientName).isEqualTo(
                new Entry(0x00100010, 0xFFFFFFFF, "PatientName", "Patient's Name", List.of(VR.PN), "1", false));
        assertThat(dictionary.vrOf(0x00080016)).isEqualTo(VR.UI);
        assertThat(dictionary.lookup(0x00000100).keyword()).isEqualTo("CommandField");
        assertThat(dictionary.vrOf(0x00000100)).isEqualTo(VR.US);
        assertThat(dictionary.lookup(0x00020010).keyword()).isEqualTo("TransferSyntaxUID");
        assertThat(dictionary.lookup(0x00200032).vm()).isEqualTo("3");
        assertThat(dictionary.lookup(0x00280008).vrs()).containsExactly(VR.IS);
        assertThat(dictionary.lookup(0x00081250).vrs()).containsExactly(VR.SQ);
    }

    @Test
    void listsEveryVrOfMultiVrElementsAndReadsTheFirst() {
        assertThat(dictionary.lookup(0x7FE00010).vrs()).containsExactly(VR.OB, VR.OW);
        assertThat(dictionary.vrOf(0x7FE00010)).isEqualTo(VR.OB);
        assertThat(dictionary.lookup(0x00280106).vrs()).containsExactly(VR.US, VR.SS);
        assertThat(dictionary.vrOf(0x00280106)).isEqualTo(VR.US);
        assertThat(dictionary.lookup(0x00283006).vrs()).containsExactly(VR.US, VR.OW);
        Entry grayTable = dictionary.lookup(0x00281200);
        assertThat(grayTable.vrs()).containsExactly(VR.US, VR.SS, VR.OW);
        assertThat(grayTable.retired()).isTrue();
    }

    @Test
    void itemsAndDelimitersHaveNoVr() {
        for (int tag : new int[] {0xFFFEE000, 0xFFFEE00D, 0xFFFEE0DD}) {
            assertThat(dictionary.lookup(tag).vrs()).isEmpty();
            assertThat(dictionary.vrOf(tag)).isEqualTo(VR.UN);
        }
        assertThat(dictionary.keywordOf(0xFFFEE0DD)).isEqualTo("SequenceDelimitationItem");
    }

    @Test
    void findsRepeatingGroupsThroughTheirMask() {
        Entry overlayData = dictionary.lookup(0x60023000);
        assertThat(overlayData.keyword()).isEqualTo("OverlayData");
        assertThat(overlayData.tag()).isEqualTo(0x60003000);
        assertThat(overlayData.mask()).isEqualTo(0xFF00FFFF);
        assertThat(overlayData.vrs()).containsExactly(VR.OB, VR.OW);
        assertThat(dictionary.vrOf(0x601E0010)).isEqualTo(VR.US);
        assertThat(dictionary.keywordOf(0x60000010)).isEqualTo("OverlayRows");
        assertThat(dictionary.keywordOf(0x501E3000)).isEqualTo("CurveData");
        assertThat(dictionary.keywordOf(0x7F120010)).isEqualTo("VariablePixelData");
        assertThat(dictionary.keywordOf(0x002031A7)).isEqualTo("SourceImageIDs");
        assertThat(dictionary.keywordOf(0x00280410)).isEqualTo("RowsForNthOrderCoefficients");
        assertThat(dictionary.keywordOf(0x00280803)).isEqualTo("CodeTableLocation");
        assertThat(dictionary.keywordOf(0x10000015)).isEqualTo("ShiftTableTriplet");
        assertThat(dictionary.keywordOf(0x10101234)).isEqualTo("ZonalMap");
    }

    @Test
    void listedElementsWinOverMasks() {
        // (0028,0400) Transform Label is listed itself although (0028,04x0) would match it.
        assertThat(dictionary.keywordOf(0x00280400)).isEqualTo("TransformLabel");
        assertThat(dictionary.keywordOf(0x7FE00010)).isEqualTo("PixelData");
    }

    @Test
    void oddGroupsAreNeverOverlaysOrCurves() {
        assertThat(dictionary.lookup(0x60033000)).isNull();
        assertThat(dictionary.vrOf(0x60033000)).isEqualTo(VR.UN);
        assertThat(dictionary.vrOf(0x60030010)).isEqualTo(VR.LO);
    }

    @Test
    void groupLengthIsUlInEveryGroup() {
        Entry privateGroupLength = dictionary.lookup(0x00190000);
        assertThat(privateGroupLength.vrs()).containsExactly(VR.UL);
        assertThat(privateGroupLength.keyword()).isEqualTo("GroupLength");
        assertThat(privateGroupLength.matches(0x00190000)).isTrue();
        assertThat(privateGroupLength.matches(0x00190010)).isFalse();
        assertThat(dictionary.vrOf(0x00190000)).isEqualTo(VR.UL);
        assertThat(dictionary.vrOf(0x00100000)).isEqualTo(VR.UL);
        assertThat(dictionary.vrOf(0x60020000)).isEqualTo(VR.UL);
        assertThat(dictionary.keywordOf(0x00000000)).isEqualTo("CommandGroupLength");
        assertThat(dictionary.keywordOf(0x00020000)).isEqualTo("FileMetaInformationGroupLength");
    }

    @Test
    void privateCreatorsAreLoInPrivateGroupsOnly() {
        Entry creator = dictionary.lookup(0x00090010);
        assertThat(creator.keyword()).isEqualTo("PrivateCreator");
        assertThat(creator.vrs()).containsExactly(VR.LO);
        assertThat(creator.tag()).isEqualTo(0x00090010);
        assertThat(dictionary.vrOf(0x002900FF)).isEqualTo(VR.LO);
        assertThat(dictionary.vrOf(0x7FE10011)).isEqualTo(VR.LO);
        // Private data elements need their creator; the standard dictionary does not know them.
        assertThat(dictionary.lookup(0x00291010)).isNull();
        assertThat(dictionary.vrOf(0x00291010)).isEqualTo(VR.UN);
        // (gggg,0001-000F) and (gggg,0100-0FFF) are not creators.
        assertThat(dictionary.lookup(0x00090005)).isNull();
        assertThat(dictionary.lookup(0x00090100)).isNull();
        // Groups 0001-0007 and FFFF are odd but not private (PS3.5 7.8.1).
        assertThat(dictionary.lookup(0x00030010)).isNull();
        assertThat(dictionary.lookup(0xFFFF0010)).isNull();
    }

    @Test
    void unknownTagsAndKeywordsGiveUnAndMinusOne() {
        assertThat(dictionary.lookup(0x00080002)).isNull();
        assertThat(dictionary.vrOf(0x00080002)).isEqualTo(VR.UN);
        assertThat(dictionary.keywordOf(0x00080002)).isNull();
        assertThat(dictionary.tagOf("NoSuchKeyword")).isEqualTo(-1);
        assertThat(dictionary.tagOf("patientname")).isEqualTo(-1);
    }

    @Test
    void retiredElementsWithoutKeywordAreKnownByTag() {
        Entry blank = dictionary.lookup(0x00180061);
        assertThat(blank.keyword()).isEmpty();
        assertThat(blank.retired()).isTrue();
        assertThat(dictionary.vrOf(0x00180061)).isEqualTo(VR.DS);
        assertThat(dictionary.keywordOf(0x00180061)).isNull();
    }

    @Test
    void includesElementsAddedIn2022b() {
        assertThat(dictionary.tagOf("PyramidUID")).isEqualTo(0x00080019);
        assertThat(dictionary.vrOf(0x00060001)).isEqualTo(VR.SQ);
    }

    @Test
    void keywordsRoundTripForEveryEntry() {
        List<String> failures = new ArrayList<>();
        for (Entry entry : dictionary.entries()) {
            if (entry.keyword().isEmpty()) {
                continue;
            }
            if (dictionary.tagOf(entry.keyword()) != entry.tag()) {
                failures.add(entry.keyword() + ": tagOf gives " + Integer.toHexString(dictionary.tagOf(entry.keyword())));
            }
            if (!entry.isRepeating() && !entry.keyword().equals(dictionary.keywordOf(entry.tag()))) {
                failures.add(Integer.toHexString(entry.tag()) + ": keywordOf gives " + dictionary.keywordOf(entry.tag()));
            }
            if (!entry.isRepeating() && dictionary.vrOf(entry.tag()) != entry.vr()) {
                failures.add(entry.keyword() + ": vrOf differs from the entry's first VR");
            }
            // Any instance of a repeating entry, with every x digit set to F (odd groups excepted), finds it again.
            int instance = entry.tag() | (~entry.mask() & (entry.tag() >>> 16 >= 0x5000 ? 0x00FE0000 : 0xFFFFFFFF));
            if (entry.isRepeating() && dictionary.lookup(instance) != entry) {
                failures.add(entry.keyword() + ": instance " + Integer.toHexString(instance) + " not found");
            }
        }
        assertThat(failures).isEmpty();
        assertThat(dictionary.entries().stream().filter(e -> !e.keyword().isEmpty())).hasSize(4991);
    }

    @Test
    void generatedTagConstantsMatchTheDictionary() throws IllegalAccessException {
        assertThat(Tag.PatientName).isEqualTo(0x00100010);
        assertThat(Tag.PixelData).isEqualTo(0x7FE00010);
        assertThat(Tag.OverlayData).isEqualTo(0x60003000);
        assertThat(Tag.SourceImageIDs).isEqualTo(0x00203100);
        assertThat(Tag.FileMetaInformationGroupLength).isEqualTo(0x00020000);
        assertThat(Tag.Item).isEqualTo(0xFFFEE000);
        List<String> mismatches = new ArrayList<>();
        int constants = 0;
        for (Field field : Tag.class.getFields()) {
            assertThat(Modifier.isStatic(field.getModifiers()) && Modifier.isFinal(field.getModifiers())).isTrue();
            constants++;
            if (dictionary.tagOf(field.getName()) != field.getInt(null)) {
                mismatches.add(field.getName());
            }
        }
        assertThat(mismatches).isEmpty();
        assertThat(constants).isEqualTo(4991);
    }

    @Test
    void lookupByTagDoesNotSlowDownOnMisses() {
        // A reader of implicit VR data calls vrOf per element; time a million mixed lookups as a coarse guard.
        int[] tags = {0x00100010, 0x7FE00010, 0x60023000, 0x00291010, 0x00190000, 0x00080002, 0xFFFEE000, 0x00090010};
        long start = System.nanoTime();
        int sum = 0;
        for (int i = 0; i < 1_000_000; i++) {
            sum += dictionary.vrOf(tags[i & 7]).ordinal();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(sum).isPositive();
        assertThat(millis).as("1M vrOf calls took %d ms", millis).isLessThan(2000);
    }
}
