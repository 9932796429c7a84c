package org.lumen.dicom.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.BulkDataUri;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.data.VR;
import org.lumen.dicom.model.ModelReadOptions;

class NativeXmlReaderTest {
    private final NativeXmlReader reader = new NativeXmlReader();

    private static String q(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    private static String doc(String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<NativeDicomModel xml:space=\"preserve\">" + q(body) + "</NativeDicomModel>";
    }

    @Test
    void readsAStandardStyleDocumentWithNamespaceCommentsAndIndentation() throws Exception {
        String xml = q("""
                <?xml version='1.0' encoding='UTF-8'?>
                <!-- a study -->
                <NativeDicomModel xmlns='http://dicom.nema.org/PS3.19/models/NativeDICOM' xml:space='preserve'>
                  <DicomAttribute tag='00080008' vr='CS' keyword='ImageType'>
                    <Value number='2'>PRIMARY</Value>
                    <Value number='1'>ORIGINAL</Value>
                  </DicomAttribute>
                  <DicomAttribute tag='00100010' vr='PN' keyword='PatientName'>
                    <PersonName number='1'>
                      <Alphabetic><FamilyName>Yamada</FamilyName><GivenName>Tarou</GivenName></Alphabetic>
                      <Ideographic><FamilyName>山田</FamilyName><GivenName>太郎</GivenName></Ideographic>
                    </PersonName>
                  </DicomAttribute>
                  <DicomAttribute tag='00081115' vr='SQ'>
                    <Item number='1'>
                      <DicomAttribute tag='0020000E' vr='UI'><Value number='1'>1.2.3</Value></DicomAttribute>
                    </Item>
                  </DicomAttribute>
                  <DicomAttribute tag='00280010' vr='US'><Value number='1'>512</Value></DicomAttribute>
                  <DicomAttribute tag='00282000' vr='OB'><InlineBinary>AQID</InlineBinary></DicomAttribute>
                  <DicomAttribute tag='7FE00010' vr='OW'><BulkData uri='https://pacs.example/bulk/7'/></DicomAttribute>
                  <DicomAttribute tag='00204000' vr='LT'><Value number='1'>  two\\lines
                here  </Value></DicomAttribute>
                </NativeDicomModel>
                """);
        Attributes ds = reader.read(xml.getBytes(StandardCharsets.UTF_8));
        assertThat(ds.getStrings(Tag.ImageType)).containsExactly("ORIGINAL", "PRIMARY");
        assertThat(ds.getString(Tag.PatientName)).isEqualTo("Yamada^Tarou=山田^太郎");
        assertThat(ds.getSequence(Tag.ReferencedSeriesSequence).get(0).getString(Tag.SeriesInstanceUID)).isEqualTo("1.2.3");
        assertThat(ds.getInt(Tag.Rows, 0)).isEqualTo(512);
        assertThat(ds.getBytes(Tag.ICCProfile)).containsExactly(1, 2, 3);
        assertThat(ds.value(Tag.PixelData)).isEqualTo(new BulkDataUri("https://pacs.example/bulk/7"));
        assertThat(ds.getString(Tag.ImageComments)).isEqualTo("  two\\lines\nhere  ");
    }

    @Test
    void readsDcmtkStylePrivateElementsUuidBulkDataAndMissingVrs() throws Exception {
        Attributes ds = reader.read(doc("<DicomAttribute tag='00090010' vr='LO'><Value number='1'>GEMS_IDEN_01</Value></DicomAttribute>"
                + "<DicomAttribute tag='00090001' vr='LO' privateCreator='GEMS_IDEN_01'><Value number='1'>GE</Value></DicomAttribute>"
                + "<DicomAttribute tag='00190001' vr='SH' privateCreator='NEW CREATOR'><Value number='1'>x</Value></DicomAttribute>"
                + "<DicomAttribute tag='00280011'><Value number='1'>64</Value></DicomAttribute>"
                + "<DicomAttribute keyword='Modality' vr='CS'><Value number='1'>CT</Value></DicomAttribute>"
                + "<DicomAttribute tag='7FE00010' vr='OB'><BulkData uuid='e6aff8e6-eb50'/></DicomAttribute>"));
        assertThat(ds.getString(0x00091001)).isEqualTo("GE");
        assertThat(ds.getString(0x00190010)).isEqualTo("NEW CREATOR");
        assertThat(ds.getString(0x00191001)).isEqualTo("x");
        assertThat(ds.vr(Tag.Columns)).isEqualTo(VR.US);
        assertThat(ds.getInt(Tag.Columns, 0)).isEqualTo(64);
        assertThat(ds.getString(Tag.Modality)).isEqualTo("CT");
        assertThat(ds.value(Tag.PixelData)).isEqualTo(new BulkDataUri("urn:uuid:e6aff8e6-eb50"));
    }

    @Test
    void externalEntitiesAreRefusedAndNeverRead(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET");
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE NativeDicomModel [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<NativeDicomModel><DicomAttribute tag=\"00100020\" vr=\"LO\"><Value number=\"1\">&x;</Value></DicomAttribute>"
                + "</NativeDicomModel>";
        assertThatThrownBy(() -> reader.read(xxe.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(DicomXmlException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("TOP-SECRET"));
        String parameterEntity = "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY % p SYSTEM \"" + secret.toUri() + "\"> %p;]>\n"
                + "<NativeDicomModel/>";
        assertThatThrownBy(() -> reader.read(parameterEntity)).isInstanceOf(DicomXmlException.class);
    }

    @Test
    void entityExpansionAndDtdsAreRefused() {
        String laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>\n"
                + "<NativeDicomModel><DicomAttribute tag=\"00100020\" vr=\"LO\"><Value number=\"1\">&lol3;</Value></DicomAttribute>"
                + "</NativeDicomModel>";
        assertThatThrownBy(() -> reader.read(laughs)).isInstanceOf(DicomXmlException.class);
        String plainDtd = "<?xml version=\"1.0\"?>\n<!DOCTYPE NativeDicomModel>\n<NativeDicomModel/>";
        assertThatThrownBy(() -> reader.read(plainDtd)).isInstanceOf(DicomXmlException.class).hasMessageContaining("DTD");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "wrong root           | <Dataset/>                                                                                  | must be <NativeDicomModel>",
        "unknown element      | <NativeDicomModel><Attribute tag='00100010'/></NativeDicomModel>                             | unexpected element <Attribute>",
        "stray text           | <NativeDicomModel>hello</NativeDicomModel>                                                   | unexpected text",
        "bad tag              | <NativeDicomModel><DicomAttribute tag='0010001' vr='PN'/></NativeDicomModel>                 | not 8 hex digits",
        "no tag               | <NativeDicomModel><DicomAttribute vr='PN'/></NativeDicomModel>                               | neither a tag nor a keyword",
        "unknown keyword      | <NativeDicomModel><DicomAttribute keyword='Nope' vr='PN'/></NativeDicomModel>                | does not know keyword",
        "unknown VR           | <NativeDicomModel><DicomAttribute tag='00100010' vr='QQ'/></NativeDicomModel>                | unknown VR",
        "duplicate number     | <NativeDicomModel><DicomAttribute tag='00080008' vr='CS'><Value number='1'>A</Value><Value number='1'>B</Value></DicomAttribute></NativeDicomModel> | appears twice",
        "bad number           | <NativeDicomModel><DicomAttribute tag='00080008' vr='CS'><Value number='0'>A</Value></DicomAttribute></NativeDicomModel> | not a positive integer",
        "runaway number       | <NativeDicomModel><DicomAttribute tag='00080008' vr='CS'><Value number='2000000000'>A</Value></DicomAttribute></NativeDicomModel> | Value numbers run to",
        "mixed children       | <NativeDicomModel><DicomAttribute tag='00100010' vr='PN'><Value>A</Value><PersonName/></DicomAttribute></NativeDicomModel> | cannot follow",
        "element in value     | <NativeDicomModel><DicomAttribute tag='00080008' vr='CS'><Value><b/></Value></DicomAttribute></NativeDicomModel> | holds text only",
        "US not a number      | <NativeDicomModel><DicomAttribute tag='00280010' vr='US'><Value>x</Value></DicomAttribute></NativeDicomModel> | is not a number",
        "sequence with value  | <NativeDicomModel><DicomAttribute tag='00081115' vr='SQ'><Value>x</Value></DicomAttribute></NativeDicomModel> | holds <Item> elements only",
        "item outside SQ      | <NativeDicomModel><DicomAttribute tag='00080060' vr='CS'><Item/></DicomAttribute></NativeDicomModel> | only a sequence",
        "OB with Value        | <NativeDicomModel><DicomAttribute tag='00282000' vr='OB'><Value>1</Value></DicomAttribute></NativeDicomModel> | InlineBinary",
        "bad base64           | <NativeDicomModel><DicomAttribute tag='00282000' vr='OB'><InlineBinary>%%</InlineBinary></DicomAttribute></NativeDicomModel> | not valid base64",
        "duplicate attribute  | <NativeDicomModel><DicomAttribute tag='00080060' vr='CS'/><DicomAttribute tag='00080060' vr='CS'/></NativeDicomModel> | appears twice",
        "creator backslash    | <NativeDicomModel><DicomAttribute tag='00090001' vr='LO' privateCreator='A\\B'/></NativeDicomModel> | without a backslash",
        "empty creator        | <NativeDicomModel><DicomAttribute tag='00090001' vr='LO' privateCreator=''/></NativeDicomModel> | non-empty LO value",
        "not well-formed      | <NativeDicomModel><DicomAttribute tag='00100010' vr='PN'></NativeDicomModel>                                         | not well-formed",
        "truncated            | <NativeDicomModel>                                                                           | not well-formed",
    })
    void badDocumentsFailWithLineAndColumn(String name, String xml, String problem) {
        assertThatThrownBy(() -> reader.read(q(xml)))
                .isInstanceOf(DicomXmlException.class)
                .hasMessageContaining(problem)
                .hasMessageContaining("line ");
    }

    @Test
    void nestingBeyondTheLimitIsAnError() throws Exception {
        String open = "<DicomAttribute tag=\"00081115\" vr=\"SQ\"><Item>";
        String close = "</Item></DicomAttribute>";
        String ok = "<NativeDicomModel>" + open.repeat(64) + close.repeat(64) + "</NativeDicomModel>";
        assertThat(reader.read(ok)).isNotNull();
        String deep = "<NativeDicomModel>" + open.repeat(65) + close.repeat(65) + "</NativeDicomModel>";
        assertThatThrownBy(() -> reader.read(deep)).isInstanceOf(DicomXmlException.class).hasMessageContaining("nested more than 64");
        String deepJunk = "<NativeDicomModel>" + "<x>".repeat(100_000) + "</x>".repeat(100_000) + "</NativeDicomModel>";
        assertThatThrownBy(() -> reader.read(deepJunk)).isInstanceOf(DicomXmlException.class);
    }

    @Test
    void documentsBeyondTheSizeLimitAreRefused() {
        NativeXmlReader small = new NativeXmlReader(ModelReadOptions.DEFAULT.withMaxDocumentBytes(1000));
        String huge = doc("<DicomAttribute tag='7FE00010' vr='OB'><InlineBinary>" + "A".repeat(100_000) + "</InlineBinary></DicomAttribute>");
        assertThatThrownBy(() -> small.read(huge.getBytes(StandardCharsets.US_ASCII))).isInstanceOf(DicomXmlException.class)
                .hasMessageContaining("exceeds the limit");
        assertThatThrownBy(() -> small.read(new ByteArrayInputStream(huge.getBytes(StandardCharsets.US_ASCII))))
                .isInstanceOf(DicomXmlException.class).hasMessageContaining("exceeds the limit");
        assertThatThrownBy(() -> small.read(huge)).isInstanceOf(DicomXmlException.class).hasMessageContaining("exceeds the limit");
    }
}
