package org.lumen.dicom.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.BulkData;
import org.lumen.dicom.data.BulkDataUri;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.data.VR;
import org.lumen.dicom.model.ModelReadOptions;

class DicomJsonReaderTest {
    private final DicomJsonReader reader = new DicomJsonReader();

    private static String q(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    private Attributes read(String singleQuoted) throws DicomJsonException {
        return reader.read(q(singleQuoted));
    }

    @Test
    void readsTheStandardFormsOfEachKind() throws Exception {
        Attributes ds = read("{'00080008':{'vr':'CS','Value':['ORIGINAL',null,'AXIAL']},"
                + "'00100010':{'vr':'PN','Value':[{'Alphabetic':'Yamada^Tarou','Ideographic':'山田^太郎','Phonetic':'やまだ^たろう'}]},"
                + "'00280010':{'vr':'US','Value':[512]},'00280030':{'vr':'DS','Value':[0.5,'0.50']},"
                + "'00280009':{'vr':'AT','Value':['00181063']},'00720083':{'vr':'UV','Value':['18446744073709551615']},"
                + "'00081115':{'vr':'SQ','Value':[{'0020000E':{'vr':'UI','Value':['1.2.3']}},{}]},"
                + "'00282000':{'vr':'OB','InlineBinary':'AQID'}}");
        assertThat(ds.getStrings(Tag.ImageType)).containsExactly("ORIGINAL", "", "AXIAL");
        assertThat(ds.getString(Tag.PatientName)).isEqualTo("Yamada^Tarou=山田^太郎=やまだ^たろう");
        assertThat(ds.getInt(Tag.Rows, 0)).isEqualTo(512);
        assertThat(ds.getStrings(Tag.PixelSpacing)).containsExactly("0.5", "0.50");
        assertThat(ds.getInts(Tag.FrameIncrementPointer)).containsExactly(Tag.FrameTime);
        assertThat(ds.getLong(Tag.SelectorUVValue, 0)).isEqualTo(-1L);
        assertThat(ds.getSequence(Tag.ReferencedSeriesSequence).size()).isEqualTo(2);
        assertThat(ds.getSequence(Tag.ReferencedSeriesSequence).get(0).getString(Tag.SeriesInstanceUID)).isEqualTo("1.2.3");
        assertThat(ds.getBytes(Tag.ICCProfile)).containsExactly(1, 2, 3);
    }

    @Test
    void toleratesMemberOrderMissingVrStringNumbersAndPlainStringNames() throws Exception {
        Attributes ds = read("{'00280010':{'Value':[2]},'00280011':{'Value':['3'],'vr':'US'},"
                + "'00100010':{'Value':['Doe^John']},'00200013':{'vr':'IS','Value':['0001', 7]},"
                + "'0020000d':{'vr':'UI','Value':['1.2']}}");
        assertThat(ds.vr(Tag.Rows)).isEqualTo(VR.US);
        assertThat(ds.getInt(Tag.Rows, 0)).isEqualTo(2);
        assertThat(ds.getInt(Tag.Columns, 0)).isEqualTo(3);
        assertThat(ds.vr(Tag.PatientName)).isEqualTo(VR.PN);
        assertThat(ds.getString(Tag.PatientName)).isEqualTo("Doe^John");
        assertThat(ds.getStrings(Tag.InstanceNumber)).containsExactly("0001", "7");
        assertThat(ds.getString(Tag.StudyInstanceUID)).isEqualTo("1.2");
    }

    @Test
    void integralDecimalsAreAcceptedForIntegerVrs() throws Exception {
        Attributes ds = read("{'00280010':{'vr':'US','Value':[5.0, 1e2]}}");
        assertThat(ds.getInts(Tag.Rows)).containsExactly(5, 100);
    }

    @Test
    void trailingNullsOfBinaryNumbersAreDroppedAsPydicomWritesThem() throws Exception {
        Attributes ds = read("{'00181310':{'vr':'US','Value':[128,0,0,32,null]},'00280010':{'vr':'US','Value':[null]}}");
        assertThat(ds.getInts(Tag.AcquisitionMatrix)).containsExactly(128, 0, 0, 32);
        assertThat(ds.contains(Tag.Rows)).isTrue();
        assertThat(ds.value(Tag.Rows)).isNull();
    }

    @Test
    void aSpecificCharacterSetWithATextVrDecodesWithoutRecursion() throws Exception {
        Attributes ds = read("{'00080005':{'vr':'LO','InlineBinary':'SVNPX0lSIDE5Mg=='},'00100010':{'vr':'PN','InlineBinary':'w4lsaXNl'}}");
        assertThat(ds.getString(Tag.SpecificCharacterSet)).isEqualTo("ISO_IR 192");
        assertThat(ds.getString(Tag.PatientName)).isEqualTo("Élise");
    }

    @Test
    void anAbsentSequenceValueIsAnEmptySequence() throws Exception {
        Attributes ds = read("{'00081140':{'vr':'SQ'},'00080050':{'vr':'SH'},'00080051':{'vr':'SQ','Value':[]}}");
        assertThat(ds.getSequence(Tag.ReferencedImageSequence)).isEmpty();
        assertThat(ds.contains(Tag.AccessionNumber)).isTrue();
        assertThat(ds.value(Tag.AccessionNumber)).isNull();
    }

    @Test
    void bulkDataUrisAreKeptAsTextUnlessTrustedFileUris() throws Exception {
        Path file = Path.of("/tmp/lumen-does-not-need-to-exist.dcm").toAbsolutePath();
        String json = q("{'00282000':{'vr':'OB','BulkDataURI':'https://pacs.example/bulk/1'},"
                + "'7FE00010':{'vr':'OW','BulkDataURI':'" + file.toUri() + "#offset=10,length=20,bigEndian=true'}}");
        Attributes untrusted = reader.read(json);
        assertThat(untrusted.value(Tag.PixelData)).isEqualTo(new BulkDataUri(file.toUri() + "#offset=10,length=20,bigEndian=true"));
        assertThat(untrusted.value(Tag.ICCProfile)).isEqualTo(new BulkDataUri("https://pacs.example/bulk/1"));
        Attributes trusted = new DicomJsonReader(ModelReadOptions.DEFAULT.withTrustFileUris(true)).read(json);
        assertThat(trusted.value(Tag.PixelData)).isEqualTo(new BulkData(file, 10, 20, true));
        assertThat(trusted.value(Tag.ICCProfile)).isEqualTo(new BulkDataUri("https://pacs.example/bulk/1"));
        assertThat(new DicomJsonWriter().toJson(untrusted)).isEqualTo(json);
    }

    @Test
    void readsFromAStreamAndPassesStreamFailuresThrough() throws Exception {
        Attributes ds = reader.read(new ByteArrayInputStream(q("{'00080060':{'vr':'CS','Value':['MR']}}").getBytes(StandardCharsets.UTF_8)));
        assertThat(ds.getString(Tag.Modality)).isEqualTo("MR");
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                throw new IOException("connection reset");
            }
        };
        assertThatThrownBy(() -> reader.read(broken)).isInstanceOf(IOException.class)
                .isNotInstanceOf(DicomJsonException.class).hasMessageContaining("connection reset");
    }

    /** Each bad document: the problem the message must name, and the JSON path it must point at. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "root array of numbers     | [1]                                                        | must be a JSON object             | $",
        "tag too short             | {'0010001':{'vr':'PN'}}                                    | is not a tag                      | $[\"0010001\"]",
        "tag not hex               | {'0010001G':{'vr':'PN'}}                                   | is not a tag                      | $[\"0010001G\"]",
        "delimiter tag             | {'FFFEE000':{'vr':'SQ'}}                                   | not an attribute                  | $[\"FFFEE000\"]",
        "unknown VR                | {'00100010':{'vr':'XX'}}                                   | unknown VR \"XX\"                 | $[\"00100010\"].vr",
        "vr not a string           | {'00100010':{'vr':7}}                                      | must be a string                  | $[\"00100010\"].vr",
        "attribute not an object   | {'00100010':'Doe'}                                         | must be an object                 | $[\"00100010\"]",
        "unknown member            | {'00100010':{'vr':'PN','value':[]}}                        | unknown member \"value\"          | $[\"00100010\"][\"value\"]",
        "two value forms           | {'00282000':{'vr':'OB','Value':[],'InlineBinary':''}}      | at most one of                    | $[\"00282000\"]",
        "Value not an array        | {'00280010':{'vr':'US','Value':5}}                         | must be an array                  | $[\"00280010\"].Value",
        "US from text              | {'00280010':{'vr':'US','Value':['abc']}}                   | is not a number                   | $[\"00280010\"].Value[0]",
        "US out of range           | {'00280010':{'vr':'US','Value':[1, 70000]}}                | out of range for US               | $[\"00280010\"].Value[1]",
        "UL negative               | {'00081161':{'vr':'UL','Value':[-1]}}                      | out of range for UL               | $[\"00081161\"].Value[0]",
        "US huge exponent          | {'00280010':{'vr':'US','Value':[1e999999999]}}             | out of range for US               | $[\"00280010\"].Value[0]",
        "US fraction               | {'00280010':{'vr':'US','Value':[1.5]}}                     | is not an integer                 | $[\"00280010\"].Value[0]",
        "FL overflow               | {'00089459':{'vr':'FL','Value':[1e40]}}                    | out of range for FL               | $[\"00089459\"].Value[0]",
        "US null before a value    | {'00280010':{'vr':'US','Value':[null, 1]}}                 | must be a number                  | $[\"00280010\"].Value[0]",
        "AT as number              | {'00280009':{'vr':'AT','Value':[1]}}                       | must be a string                  | $[\"00280009\"].Value[0]",
        "AT not a tag              | {'00280009':{'vr':'AT','Value':['0018106']}}               | is not a tag                      | $[\"00280009\"].Value[0]",
        "CS as number              | {'00080060':{'vr':'CS','Value':[1]}}                       | must be a string                  | $[\"00080060\"].Value[0]",
        "backslash in CS           | {'00080060':{'vr':'CS','Value':['A\\\\B']}}                | backslash                         | $[\"00080060\"].Value[0]",
        "LT with two values        | {'00204000':{'vr':'LT','Value':['a','b']}}                 | holds one value                   | $[\"00204000\"].Value",
        "PN unknown group          | {'00100010':{'vr':'PN','Value':[{'Alphabetical':'x'}]}}    | unknown person name member        | $[\"00100010\"].Value[0][\"Alphabetical\"]",
        "PN group a number         | {'00100010':{'vr':'PN','Value':[{'Alphabetic':1}]}}        | must be a string                  | $[\"00100010\"].Value[0].Alphabetic",
        "OB with Value             | {'00282000':{'vr':'OB','Value':[1]}}                       | InlineBinary                      | $[\"00282000\"].Value",
        "bad base64                | {'00282000':{'vr':'OB','InlineBinary':'A*=='}}             | not valid base64                  | $[\"00282000\"].InlineBinary",
        "sequence as InlineBinary  | {'00081115':{'vr':'SQ','InlineBinary':'AA=='}}             | cannot be InlineBinary            | $[\"00081115\"].InlineBinary",
        "sequence as BulkDataURI   | {'00081115':{'vr':'SQ','BulkDataURI':'x'}}                 | cannot be a BulkDataURI           | $[\"00081115\"].BulkDataURI",
        "item not an object        | {'00081115':{'vr':'SQ','Value':[null]}}                    | item must be a JSON object        | $[\"00081115\"].Value[0]",
        "duplicate member          | {'00100010':{'vr':'PN','vr':'PN'}}                         | appears twice                     | $[\"00100010\"].vr",
        "duplicate tag             | {'0020000d':{'vr':'UI'},'0020000D':{'vr':'UI'}}            | appears twice                     | $[\"0020000D\"]",
        "unknown tag without vr    | {'00110010':{'vr':'LO'},'00111001':{'Value':['x']}}        | dictionary does not know          | $[\"00111001\"]",
        "lone surrogate            | {'00100010':{'vr':'PN','Value':['\\ud800']}}               | unpaired UTF-16 surrogate         | $[\"00100010\"].Value[0]",
        "trailing garbage          | {} x                                                       | not valid JSON                    | $",
        "NaN literal               | {'00089459':{'vr':'FL','Value':[NaN]}}                     | not valid JSON                    | $",
        "truncated                 | {'00100010':{'vr':'PN'                                     | not valid JSON                    | $",
        "empty document            | ''                                                         | empty                             | $",
    })
    void badDocumentsFailWithTheProblemAndThePath(String name, String json, String problem, String path) {
        String text = json.equals("''") ? "" : q(json);
        assertThatThrownBy(() -> reader.read(text))
                .isInstanceOf(DicomJsonException.class)
                .hasMessageContaining(problem)
                .hasMessageContaining("line ")
                .satisfies(e -> assertThat(((DicomJsonException) e).path()).isEqualTo(path));
    }

    @Test
    void deepNestingIsAnErrorNotAStackOverflow() {
        StringBuilder deepSequences = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            deepSequences.append("{\"00081115\":{\"vr\":\"SQ\",\"Value\":[");
        }
        deepSequences.append("{}");
        deepSequences.append("]}}".repeat(100));
        assertThatThrownBy(() -> reader.read(deepSequences.toString())).isInstanceOf(DicomJsonException.class)
                .hasMessageContaining("too many nested sequences");
        String deepArrays = "[".repeat(200_000) + "]".repeat(200_000);
        assertThatThrownBy(() -> reader.read(deepArrays)).isInstanceOf(DicomJsonException.class);
    }

    @Test
    void sixtyFourNestedSequencesAreAllowedAndSixtyFiveAreNot() throws Exception {
        assertThat(reader.read(nestedSequences(64))).isNotNull();
        assertThatThrownBy(() -> reader.read(nestedSequences(65))).isInstanceOf(DicomJsonException.class)
                .hasMessageContaining("nested");
    }

    private static String nestedSequences(int depth) {
        return "{\"00081115\":{\"vr\":\"SQ\",\"Value\":[".repeat(depth) + "{\"00100010\":{\"vr\":\"PN\",\"Value\":[{\"Alphabetic\":\"A\"}]}}"
                + "]}}".repeat(depth);
    }

    @Test
    void documentsBeyondTheSizeLimitAreRefusedWhileReading() {
        DicomJsonReader small = new DicomJsonReader(ModelReadOptions.DEFAULT.withMaxDocumentBytes(1000));
        String huge = q("{'7FE00010':{'vr':'OB','InlineBinary':'" + "A".repeat(4000) + "'}}");
        assertThatThrownBy(() -> small.read(huge.getBytes(StandardCharsets.US_ASCII))).isInstanceOf(DicomJsonException.class)
                .hasMessageContaining("exceeds the maximum");
        assertThatThrownBy(() -> small.read(new ByteArrayInputStream(huge.getBytes(StandardCharsets.US_ASCII))))
                .isInstanceOf(DicomJsonException.class);
    }

    @Test
    void invalidUtf8IsADicomJsonException() {
        byte[] bad = {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'};
        assertThatThrownBy(() -> reader.read(bad)).isInstanceOf(DicomJsonException.class).hasMessageContaining("UTF-8");
    }
}
