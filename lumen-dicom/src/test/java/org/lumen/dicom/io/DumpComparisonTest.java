package org.lumen.dicom.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.VR;
import org.lumen.dicom.testing.TestData;

/** The comparison behind {@link DcmdumpCorpusTest} notices each kind of difference it claims to check. */
class DumpComparisonTest {
    private static final String DUMP = String.join("\n",
            "",
            "# Dicom-File-Format",
            "",
            "# Dicom-Meta-Information-Header",
            "# Used TransferSyntax: Little Endian Explicit",
            "(0002,0010) UI [1.2.840.10008.1.2.1]                    #  20, 1 TransferSyntaxUID",
            "",
            "# Dicom-Data-Set",
            "# Used TransferSyntax: Little Endian Explicit",
            "(0008,0008) CS [ORIGINAL\\PRIMARY]                      #  16, 2 ImageType",
            "(0010,0010) PN [M&#252;ller^J&amp;J]                      #  12, 1 PatientName",
            "(0010,1002) SQ (Sequence with explicit length #=1)      #  24, 1 OtherPatientIDsSequence",
            "  (fffe,e000) na (Item with explicit length #=1)          #  16, 1 Item",
            "    (0010,0020) LO [ABCD1234]                               #   8, 1 PatientID",
            "  (fffe,e00d) na (ItemDelimitationItem for re-encoding)   #   0, 0 ItemDelimitationItem",
            "(fffe,e0dd) na (SequenceDelimitationItem for re-encod.) #   0, 0 SequenceDelimitationItem",
            "(0018,0050) DS [1.5]                                    #   4, 1 SliceThickness",
            "(0028,0010) US 512                                      #   2, 1 Rows",
            "(0028,1052) FD 0.026228787661969974                     #   8, 1 RescaleIntercept",
            "(7fe0,0010) OB (PixelSequence #=2)                      # u/l, 1 PixelData",
            "  (fffe,e000) pi (no value available)                     #   0, 1 Item",
            "  (fffe,e000) pi ff\\d8\\ff\\d9                             #   4, 1 Item",
            "(fffe,e0dd) na (SequenceDelimitationItem)               #   0, 0 SequenceDelimitationItem",
            "");

    private static DumpTree tree;

    @BeforeAll
    static void parse() {
        tree = DumpTree.parse(DUMP);
    }

    @Test
    void parsesNestingValuesAndCharacterReferences() {
        assertThat(tree.meta()).hasSize(1);
        assertThat(tree.dataset()).extracting(DumpTree.Element::tag)
                .containsExactly(0x00080008, 0x00100010, 0x00101002, 0x00180050, 0x00280010, 0x00281052, 0x7FE00010);
        assertThat(tree.dataset().get(1).value()).isEqualTo("M\u00FCller^J&J");
        assertThat(tree.dataset().get(2).items()).hasSize(1);
        assertThat(tree.dataset().get(2).items().get(0).get(0).value()).isEqualTo("ABCD1234");
        assertThat(tree.dataset().get(6).fragments()).extracting(DumpTree.Element::length).containsExactly(0L, 4L);
    }

    @Test
    void agreesWithTheSameDataset() {
        assertThat(DumpComparison.compare(tree.dataset(), matching())).isEmpty();
    }

    @Test
    void reportsEachKindOfDifference() {
        assertThat(compareWith(a -> a.setBytes(0x00080008, VR.CS, "ORIGINAL\\SECONDARY".getBytes())))
                .singleElement().asString().startsWith("(0008,0008): length 18");
        assertThat(compareWith(a -> a.setBytes(0x00080008, VR.CS, "ORIGINAL\\PRIMARZ".getBytes())))
                .singleElement().asString().startsWith("(0008,0008): value");
        assertThat(compareWith(a -> a.setBytes(0x00080008, VR.SH, "ORIGINAL\\PRIMARY".getBytes())))
                .singleElement().asString().startsWith("(0008,0008): VR SH, dcmdump CS");
        assertThat(compareWith(a -> a.setInt(0x00280010, VR.US, 513)))
                .singleElement().asString().startsWith("(0028,0010): value [513]");
        assertThat(compareWith(a -> a.setDouble(0x00281052, VR.FD, 0.0262287876619699)))
                .singleElement().asString().startsWith("(0028,1052): value");
        assertThat(compareWith(a -> a.remove(0x00180050)))
                .singleElement().asString().startsWith("(0018,0050): printed by dcmdump");
        assertThat(compareWith(a -> a.setBytes(0x00200011, VR.IS, "1 ".getBytes())))
                .singleElement().asString().startsWith("(0020,0011): read by us");
        assertThat(compareWith(a -> a.getSequence(0x00101002).get(0).setBytes(0x00100020, VR.LO, "ABCD1235".getBytes())))
                .singleElement().asString().startsWith("(0010,1002)[1]>(0010,0020): value");
        assertThat(compareWith(a -> a.getSequence(0x00101002).addItem()))
                .singleElement().asString().startsWith("(0010,1002): 2 items, dcmdump 1");
        assertThat(compareWith(a -> a.getFragments(0x7FE00010).add(new byte[] {1, 2})))
                .singleElement().asString().startsWith("(7FE0,0010): 3 fragments, dcmdump 2");
    }

    @Test
    void agreesWithDcmdumpOnARealFileAndNoticesAChange() throws Exception {
        Path file = TestData.dicom("pydicom/test_files/CT_small.dcm");
        Path dcmdump = DcmdumpCorpusTest.dcmdumpOrSkip();
        DumpTree dump = DumpTree.parse(Dcmdump.run(dcmdump, file, List.of()).stdout());
        Attributes dataset = DicomReader.read(file).dataset();
        assertThat(DumpComparison.compare(dump.dataset(), dataset)).isEmpty();
        dataset.setBytes(0x00100010, VR.PN, "CompressedSamples^CT2 ".getBytes());
        assertThat(DumpComparison.compare(dump.dataset(), dataset)).containsExactly(
                "(0010,0010): value [CompressedSamples^CT2], dcmdump [CompressedSamples^CT1]");
    }

    private static List<String> compareWith(java.util.function.Consumer<Attributes> change) {
        Attributes dataset = matching();
        change.accept(dataset);
        return DumpComparison.compare(tree.dataset(), dataset);
    }

    /** The dataset the dump above describes. */
    private static Attributes matching() {
        Attributes a = new Attributes();
        a.setBytes(0x00080008, VR.CS, "ORIGINAL\\PRIMARY".getBytes());
        a.setBytes(0x00100010, VR.PN, new byte[] {'M', (byte) 0xFC, 'l', 'l', 'e', 'r', '^', 'J', '&', 'J', ' ', ' '});
        a.newSequence(0x00101002).addItem().setBytes(0x00100020, VR.LO, "ABCD1234".getBytes());
        a.setBytes(0x00180050, VR.DS, "1.5 ".getBytes());
        a.setInt(0x00280010, VR.US, 512);
        a.setDouble(0x00281052, VR.FD, 0.02622878766196998);
        org.lumen.dicom.data.Fragments fragments = new org.lumen.dicom.data.Fragments(VR.OB, false);
        fragments.add(new byte[0]);
        fragments.add(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9});
        a.setFragments(0x7FE00010, fragments);
        return a;
    }
}
