package org.lumen.dicom.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Fragments;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.data.VR;
import org.lumen.dicom.model.ModelWriteOptions;

/** The XML form of each VR, after the examples of PS3.19 A.1 (our own fixtures). */
class NativeXmlWriterTest {
    private final NativeXmlWriter writer = new NativeXmlWriter();

    private static String q(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    /** The document's content between the root tags. */
    private String body(Attributes dataset) {
        String xml = writer.toXml(dataset);
        int start = xml.indexOf('>', xml.indexOf("<NativeDicomModel")) + 1;
        return xml.substring(start, xml.lastIndexOf("</NativeDicomModel>"));
    }

    @Test
    void theDocumentHasTheStandardRootNamespaceAndSpacePreserve() {
        String xml = writer.toXml(new Attributes());
        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .contains(q("<NativeDicomModel xmlns='http://dicom.nema.org/PS3.19/models/NativeDICOM' xml:space='preserve'>"));
    }

    @Test
    void valuesAreNumberedWithKeywordsFromTheDictionary() {
        Attributes ds = new Attributes();
        ds.setString(Tag.ImageType, VR.CS, "ORIGINAL", "", "AXIAL");
        ds.setInt(Tag.Rows, VR.US, 512);
        ds.setString(Tag.PixelSpacing, VR.DS, "0.50", "+.5");
        ds.setInt(Tag.FrameIncrementPointer, VR.AT, Tag.FrameTime);
        assertThat(body(ds)).isEqualTo(q("<DicomAttribute tag='00080008' keyword='ImageType' vr='CS'>"
                + "<Value number='1'>ORIGINAL</Value><Value number='2'></Value><Value number='3'>AXIAL</Value></DicomAttribute>"
                + "<DicomAttribute tag='00280009' keyword='FrameIncrementPointer' vr='AT'><Value number='1'>00181063</Value></DicomAttribute>"
                + "<DicomAttribute tag='00280010' keyword='Rows' vr='US'><Value number='1'>512</Value></DicomAttribute>"
                + "<DicomAttribute tag='00280030' keyword='PixelSpacing' vr='DS'>"
                + "<Value number='1'>0.50</Value><Value number='2'>+.5</Value></DicomAttribute>"));
    }

    @Test
    void personNamesAreSplitIntoGroupsAndComponents() {
        Attributes ds = new Attributes();
        ds.setString(Tag.PatientName, VR.PN, "Yamada^Tarou=山田^太郎=やまだ^たろう", "", "Doe^John^^^");
        assertThat(body(ds)).isEqualTo(q("<DicomAttribute tag='00100010' keyword='PatientName' vr='PN'>"
                + "<PersonName number='1'>"
                + "<Alphabetic><FamilyName>Yamada</FamilyName><GivenName>Tarou</GivenName></Alphabetic>"
                + "<Ideographic><FamilyName>山田</FamilyName><GivenName>太郎</GivenName></Ideographic>"
                + "<Phonetic><FamilyName>やまだ</FamilyName><GivenName>たろう</GivenName></Phonetic></PersonName>"
                + "<PersonName number='2'></PersonName>"
                + "<PersonName number='3'><Alphabetic><FamilyName>Doe</FamilyName><GivenName>John</GivenName>"
                + "<NameSuffix></NameSuffix></Alphabetic></PersonName></DicomAttribute>"));
    }

    @Test
    void sequencesHoldNumberedItems() {
        Attributes ds = new Attributes();
        var sequence = ds.newSequence(Tag.ReferencedSeriesSequence);
        sequence.addItem().setString(Tag.SeriesInstanceUID, VR.UI, "1.2.3");
        sequence.addItem();
        assertThat(body(ds)).isEqualTo(q("<DicomAttribute tag='00081115' keyword='ReferencedSeriesSequence' vr='SQ'>"
                + "<Item number='1'><DicomAttribute tag='0020000E' keyword='SeriesInstanceUID' vr='UI'>"
                + "<Value number='1'>1.2.3</Value></DicomAttribute></Item><Item number='2'></Item></DicomAttribute>"));
    }

    @Test
    void privateElementsAreMaskedWithTheirCreatorWhenThatIsUnambiguous() throws Exception {
        Attributes ds = new Attributes();
        ds.setString(0x00090010, VR.LO, "ACME 1");
        ds.setString(0x00090011, VR.LO, "ACME 2");
        ds.setString(0x00090012, VR.LO, "ACME 1");
        ds.setString(0x00091101, VR.SH, "second block");
        ds.setString(0x00091201, VR.SH, "duplicate creator");
        String body = body(ds);
        assertThat(body).contains(q("<DicomAttribute tag='00090001' privateCreator='ACME 2' vr='SH'>"))
                .contains(q("<DicomAttribute tag='00091201' vr='SH'>"));
        Attributes back = new NativeXmlReader().read(writer.toXml(ds));
        assertThat(back.firstDifference(ds)).isNull();
    }

    @Test
    void carriageReturnsAreCharacterReferencesAndControlCharactersForceInlineBinary() throws Exception {
        Attributes ds = new Attributes();
        ds.setString(Tag.TextValue, VR.UT, "line one\r\nline two");
        ds.setBytes(Tag.PatientComments, VR.LT, "bell\u0007".getBytes(StandardCharsets.US_ASCII));
        String body = body(ds);
        assertThat(body).contains("<Value number=\"1\">line one&#13;\nline two</Value>")
                .contains(q("<DicomAttribute tag='00104000' keyword='PatientComments' vr='LT'><InlineBinary>YmVsbAc=</InlineBinary>"));
        assertThat(new NativeXmlReader().read(writer.toXml(ds)).firstDifference(ds)).isNull();
    }

    @Test
    void encapsulatedPixelDataAndBinaryAreInline() throws Exception {
        Attributes ds = new Attributes();
        Fragments fragments = new Fragments(VR.OB, false);
        fragments.add(new byte[0]);
        fragments.add(new byte[] {1, 2, 3, 4});
        ds.setFragments(Tag.PixelData, fragments);
        ds.setBytes(Tag.ICCProfile, VR.OB, new byte[] {1, 2, 3});
        assertThat(body(ds)).contains(q("<DicomAttribute tag='00282000' keyword='ICCProfile' vr='OB'><InlineBinary>AQID</InlineBinary>"));
        assertThat(new NativeXmlReader().read(writer.toXml(ds)).firstDifference(ds)).isNull();
    }

    @Test
    void prettyPrintingIndentsStructureButNotValues() throws Exception {
        Attributes ds = new Attributes();
        ds.setString(Tag.PatientName, VR.PN, "Doe^Jane");
        ds.newSequence(Tag.ReferencedSeriesSequence).addItem().setString(Tag.SeriesDescription, VR.LO, " padded ");
        String pretty = new NativeXmlWriter(ModelWriteOptions.DEFAULT.withPrettyPrint(true)).toXml(ds);
        assertThat(pretty).contains("\n    <Item number=\"1\">\n      <DicomAttribute")
                .contains("\n      <Alphabetic>\n        <FamilyName>Doe</FamilyName>");
        assertThat(new NativeXmlReader().read(pretty).firstDifference(ds)).isNull();
    }
}
