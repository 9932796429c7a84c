package org.lumen.dicom.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.BulkData;
import org.lumen.dicom.data.ByteUtils;
import org.lumen.dicom.data.Fragments;
import org.lumen.dicom.data.Sequence;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.data.VR;
import org.lumen.dicom.model.BulkDataPolicy;
import org.lumen.dicom.model.ModelWriteOptions;

/** The JSON form of each VR, after the examples of PS3.18 F.2 (our own fixtures). */
class DicomJsonWriterTest {
    private final DicomJsonWriter writer = new DicomJsonWriter();

    /** JSON written with single quotes for readability. */
    private static String q(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    private String json(Attributes dataset) {
        return writer.toJson(dataset);
    }

    @Test
    void multiValuedStringsAreAnArrayAndAnEmptyValueIsNull() {
        Attributes ds = new Attributes();
        ds.setString(Tag.ImageType, VR.CS, "ORIGINAL", "", "AXIAL");
        assertThat(json(ds)).isEqualTo(q("{'00080008':{'vr':'CS','Value':['ORIGINAL',null,'AXIAL']}}"));
    }

    @Test
    void anEmptyValueHasNoValueMember() {
        Attributes ds = new Attributes();
        ds.setNull(Tag.AccessionNumber, VR.SH);
        ds.setBytes(Tag.StudyDescription, VR.LO, "    ".getBytes(StandardCharsets.US_ASCII));
        assertThat(json(ds)).isEqualTo(q("{'00080050':{'vr':'SH'},'00081030':{'vr':'LO'}}"));
    }

    @Test
    void rawStringsAreTrimmedOfPaddingAndSplitOnBackslash() {
        Attributes ds = new Attributes();
        ds.setBytes(Tag.ImageType, VR.CS, "DERIVED\\PRIMARY ".getBytes(StandardCharsets.US_ASCII));
        ds.setBytes(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.2\0".getBytes(StandardCharsets.US_ASCII));
        assertThat(json(ds)).isEqualTo(q("{'00080008':{'vr':'CS','Value':['DERIVED','PRIMARY']},"
                + "'00080016':{'vr':'UI','Value':['1.2.840.10008.5.1.4.1.1.2']}}"));
    }

    @Test
    void personNameGroupsAreNamedMembers() {
        Attributes ds = new Attributes();
        ds.setString(Tag.PatientName, VR.PN, "Yamada^Tarou=山田^太郎=やまだ^たろう");
        ds.setString(Tag.ReferringPhysicianName, VR.PN, "^Bob^^Dr.");
        assertThat(json(ds)).isEqualTo(q("{'00080090':{'vr':'PN','Value':[{'Alphabetic':'^Bob^^Dr.'}]},"
                + "'00100010':{'vr':'PN','Value':[{'Alphabetic':'Yamada^Tarou','Ideographic':'山田^太郎','Phonetic':'やまだ^たろう'}]}}"));
    }

    @Test
    void personNameKeepsATrailingEmptyGroupAndSkipsLeadingEmptyOnes() {
        Attributes ds = new Attributes();
        ds.setString(Tag.PatientName, VR.PN, "Doe^John=", "=山田", "", "Smith");
        assertThat(json(ds)).isEqualTo(q("{'00100010':{'vr':'PN','Value':[{'Alphabetic':'Doe^John','Ideographic':''},"
                + "{'Ideographic':'山田'},null,{'Alphabetic':'Smith'}]}}"));
    }

    @Test
    void binaryIntegersAreJsonNumbers() {
        Attributes ds = new Attributes();
        ds.setInt(Tag.Rows, VR.US, 65535);
        ds.setInt(Tag.SmallestImagePixelValue, VR.SS, -32768);
        ds.setInt(Tag.SimpleFrameList, VR.UL, -1);
        ds.setInt(Tag.ReferencePixelX0, VR.SL, Integer.MIN_VALUE, 7);
        assertThat(json(ds)).isEqualTo(q("{'00081161':{'vr':'UL','Value':[4294967295]},"
                + "'00186020':{'vr':'SL','Value':[-2147483648,7]},"
                + "'00280010':{'vr':'US','Value':[65535]},'00280106':{'vr':'SS','Value':[-32768]}}"));
    }

    @Test
    void veryLongIntegersBeyondTwoToThe53AreStrings() {
        Attributes ds = new Attributes();
        ds.setLong(Tag.SelectorSVValue, VR.SV, 9007199254740992L, 9007199254740993L, -9007199254740993L);
        ds.setLong(Tag.SelectorUVValue, VR.UV, 1L << 53, -1L);
        assertThat(json(ds)).isEqualTo(q("{'00720082':{'vr':'SV','Value':[9007199254740992,'9007199254740993','-9007199254740993']},"
                + "'00720083':{'vr':'UV','Value':[9007199254740992,'18446744073709551615']}}"));
    }

    @Test
    void floatsAreShortestExactNumbersAndNaNIsAString() {
        Attributes ds = new Attributes();
        ds.setFloat(Tag.RecommendedDisplayFrameRateInFloat, VR.FL, 0.1f, -0.0f, Float.NaN, Float.NEGATIVE_INFINITY);
        ds.setDouble(Tag.InversionTimes, VR.FD, 0.1, 1e300);
        assertThat(json(ds)).isEqualTo(q("{'00089459':{'vr':'FL','Value':[0.1,-0.0,'NaN','-Infinity']},"
                + "'00189079':{'vr':'FD','Value':[0.1,1.0E300]}}"));
    }

    @Test
    void aNaNWithAPayloadIsInlineBinarySoItsBitsSurvive() throws Exception {
        Attributes ds = new Attributes();
        byte[] bits = new byte[4];
        ByteUtils.put32(bits, 0, 0x7FC00001, false);
        ds.setBytes(Tag.RecommendedDisplayFrameRateInFloat, VR.FL, bits);
        String json = json(ds);
        assertThat(json).contains("\"InlineBinary\":\"" + Base64.getEncoder().encodeToString(bits) + "\"");
        assertThat(new DicomJsonReader().read(json).firstDifference(ds)).isNull();
    }

    @Test
    void decimalStringsKeepTheirTextAsNumbersOrStrings() {
        Attributes ds = new Attributes();
        ds.setString(Tag.PixelSpacing, VR.DS, "1.50", "+5", ".5", "-0", "1E3");
        ds.setString(Tag.InstanceNumber, VR.IS, "0001");
        ds.setString(Tag.SeriesNumber, VR.IS, "-12");
        assertThat(json(ds)).isEqualTo(q("{'00200011':{'vr':'IS','Value':[-12]},'00200013':{'vr':'IS','Value':['0001']},"
                + "'00280030':{'vr':'DS','Value':[1.50,'+5','.5',-0,1E3]}}"));
    }

    @Test
    void attributeTagsAreEightHexDigitsEvenFromABigEndianDataset() {
        Attributes ds = new Attributes(true, 4);
        ds.setInt(Tag.FrameIncrementPointer, VR.AT, 0x3004000C, Tag.FrameTime);
        assertThat(json(ds)).isEqualTo(q("{'00280009':{'vr':'AT','Value':['3004000C','00181063']}}"));
    }

    @Test
    void otherBinaryIsLittleEndianBase64() {
        Attributes big = new Attributes(true, 4);
        big.setBytes(Tag.RedPaletteColorLookupTableData, VR.OW, new byte[] {0x01, 0x02, 0x03, 0x04});
        big.setBytes(Tag.ICCProfile, VR.OB, new byte[] {0x01, 0x02, 0x03});
        String json = writer.toJson(big);
        assertThat(json).isEqualTo(q("{'00281201':{'vr':'OW','InlineBinary':'AgEEAw=='},'00282000':{'vr':'OB','InlineBinary':'AQID'}}"));
    }

    @Test
    void sequencesAreArraysOfItemObjects() {
        Attributes ds = new Attributes();
        Sequence referenced = ds.newSequence(Tag.ReferencedSeriesSequence);
        referenced.addItem().setString(Tag.SeriesInstanceUID, VR.UI, "1.2.3");
        referenced.addItem();
        ds.newSequence(Tag.ReferencedImageSequence);
        assertThat(json(ds)).isEqualTo(q("{'00081115':{'vr':'SQ','Value':[{'0020000E':{'vr':'UI','Value':['1.2.3']}},{}]},"
                + "'00081140':{'vr':'SQ'}}"));
    }

    @Test
    void encapsulatedPixelDataIsInlineBinaryOfTheEncapsulatedValueField() throws Exception {
        Attributes ds = new Attributes();
        Fragments fragments = new Fragments(VR.OB, false);
        fragments.add(new byte[0]);
        fragments.add(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9});
        ds.setFragments(Tag.PixelData, fragments);
        String json = json(ds);
        byte[] expected = {(byte) 0xFE, (byte) 0xFF, 0x00, (byte) 0xE0, 0, 0, 0, 0,
                (byte) 0xFE, (byte) 0xFF, 0x00, (byte) 0xE0, 4, 0, 0, 0, (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9,
                (byte) 0xFE, (byte) 0xFF, (byte) 0xDD, (byte) 0xE0, 0, 0, 0, 0};
        assertThat(json).isEqualTo(q("{'7FE00010':{'vr':'OB','InlineBinary':'" + Base64.getEncoder().encodeToString(expected) + "'}}"));
        Attributes back = new DicomJsonReader().read(json);
        assertThat(back.getFragments(Tag.PixelData).size()).isEqualTo(2);
        assertThat(back.firstDifference(ds)).isNull();
    }

    @Test
    void fileMetaAndGroupLengthsAreLeftOutUnlessAskedFor() {
        Attributes ds = new Attributes();
        ds.setInt(0x00080000, VR.UL, 10);
        ds.setString(Tag.TransferSyntaxUID, VR.UI, "1.2.840.10008.1.2.1");
        ds.setString(Tag.Modality, VR.CS, "CT");
        assertThat(json(ds)).isEqualTo(q("{'00080060':{'vr':'CS','Value':['CT']}}"));
        String all = new DicomJsonWriter(ModelWriteOptions.EXACT).toJson(ds);
        assertThat(all).startsWith(q("{'00020010':")).contains(q("'00080000':{'vr':'UL','Value':[10]}"));
    }

    @Test
    void bulkDataPolicyChoosesUriInlineOrOmitAboveTheThreshold(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("pixels.raw");
        Files.write(file, new byte[64]);
        Attributes ds = new Attributes();
        ds.setBytes(Tag.ICCProfile, VR.OB, new byte[] {1, 2});
        ds.setBulkData(Tag.PixelData, VR.OW, new BulkData(file, 16, 32, false));
        Sequence sequence = ds.newSequence(Tag.IconImageSequence);
        sequence.addItem().setBytes(Tag.PixelData, VR.OB, new byte[40]);

        ModelWriteOptions uri = ModelWriteOptions.DEFAULT.withBulkData(BulkDataPolicy.URI, 8);
        String own = new DicomJsonWriter(uri).toJson(ds);
        assertThat(own).contains(q("'00282000':{'vr':'OB','InlineBinary':'AQI='}"))
                .contains(q("'7FE00010':{'vr':'OW','BulkDataURI':'" + file.toUri() + "#offset=16,length=32'}"))
                .contains(q("{'7FE00010':{'vr':'OB','InlineBinary':'"));

        List<String> paths = new ArrayList<>();
        String served = new DicomJsonWriter(uri.withBulkDataUris((path, vr, value) -> {
            paths.add(path);
            return "https://pacs.example/bulk/" + path;
        })).toJson(ds);
        assertThat(paths).containsExactly("00880200/0/7FE00010", "7FE00010");
        assertThat(served).contains(q("'BulkDataURI':'https://pacs.example/bulk/00880200/0/7FE00010'"))
                .contains(q("'BulkDataURI':'https://pacs.example/bulk/7FE00010'"));

        String omitted = new DicomJsonWriter(ModelWriteOptions.DEFAULT.withBulkData(BulkDataPolicy.OMIT, 8)).toJson(ds);
        assertThat(omitted).isEqualTo(q("{'00282000':{'vr':'OB','InlineBinary':'AQI='},'00880200':{'vr':'SQ','Value':[{}]}}"));
    }

    @Test
    void prettyPrintingIndentsAndReadsBackTheSame() throws Exception {
        Attributes ds = new Attributes();
        ds.setString(Tag.PatientName, VR.PN, "Doe^Jane");
        ds.newSequence(Tag.ReferencedSeriesSequence).addItem().setInt(Tag.Rows, VR.US, 4);
        String pretty = new DicomJsonWriter(ModelWriteOptions.DEFAULT.withPrettyPrint(true)).toJson(ds);
        assertThat(pretty).contains("\n  \"00081115\" : {");
        assertThat(new DicomJsonReader().read(pretty).firstDifference(ds)).isNull();
    }

    @Test
    void writesAListAsAJsonArray() throws Exception {
        Attributes a = new Attributes();
        a.setString(Tag.StudyInstanceUID, VR.UI, "1.2");
        Attributes b = new Attributes();
        b.setString(Tag.StudyInstanceUID, VR.UI, "1.3");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.writeList(List.of(a, b), out);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(
                q("[{'0020000D':{'vr':'UI','Value':['1.2']}},{'0020000D':{'vr':'UI','Value':['1.3']}}]"));
        assertThat(new DicomJsonReader().readList(out.toByteArray())).hasSize(2);
    }
}
