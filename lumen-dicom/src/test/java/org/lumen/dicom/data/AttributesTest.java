package org.lumen.dicom.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.ReadOptions;
import org.lumen.dicom.testing.TestData;

class AttributesTest {

    @Test
    void keepsElementsSortedByUnsignedTagWhateverTheInsertionOrder() {
        Attributes a = new Attributes();
        a.setString(Tag.PatientName, VR.PN, "Doe^John");
        a.setInt(0xFFFEE000 - 0x10000, VR.UL, 1); // group FFFD sorts after every positive group
        a.setString(Tag.SOPClassUID, VR.UI, "1.2");
        a.setInt(Tag.Rows, VR.US, 512);
        assertThat(a.tags()).containsExactly(Tag.SOPClassUID, Tag.PatientName, Tag.Rows, 0xFFFDE000);
        assertThat(a.indexOf(Tag.Columns)).isNegative();
        assertThat(a.remove(Tag.PatientName)).isTrue();
        assertThat(a.contains(Tag.PatientName)).isFalse();
    }

    @Test
    void typedValuesRoundTripThroughTheirVRs() {
        Attributes a = new Attributes();
        a.setInt(Tag.Rows, VR.US, 65535);
        a.setInt(Tag.PixelPaddingValue, VR.SS, -2000);
        a.setDouble(Tag.PixelSpacing, VR.DS, 0.5, 0.3125);
        a.setInt(Tag.FrameIncrementPointer, VR.AT, Tag.FrameTime);
        a.setDouble(Tag.RescaleSlope, VR.DS, 1.0 / 3);
        assertThat(a.getInt(Tag.Rows, 0)).isEqualTo(65535);
        assertThat(a.getInt(Tag.PixelPaddingValue, 0)).isEqualTo(-2000);
        assertThat(a.getDoubles(Tag.PixelSpacing)).containsExactly(0.5, 0.3125);
        assertThat(a.getStrings(Tag.PixelSpacing)).containsExactly("0.5", "0.3125");
        assertThat(a.getInts(Tag.FrameIncrementPointer)).containsExactly(Tag.FrameTime);
        assertThat(a.getString(Tag.RescaleSlope)).hasSizeLessThanOrEqualTo(16);
        assertThat(a.getDouble(Tag.RescaleSlope, 0)).isCloseTo(1.0 / 3, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void decimalStringsTolerateProducerErrors() {
        Attributes a = new Attributes();
        a.setString(Tag.SliceThickness, VR.DS, " +2,5 ");
        assertThat(a.getDouble(Tag.SliceThickness, 0)).isEqualTo(2.5);
        a.setString(Tag.SliceThickness, VR.DS, "abc");
        assertThatThrownBy(() -> a.getDouble(Tag.SliceThickness, 0)).isInstanceOf(NumberFormatException.class)
                .hasMessageContaining("(0018,0050)");
    }

    @Test
    void privateElementsAreFoundThroughTheirCreator() {
        Attributes a = new Attributes();
        a.setString(0x00290010, VR.LO, "OTHER VENDOR");
        int tag = a.privateTag("SIEMENS CSA HEADER", 0x00291010, true);
        assertThat(tag).isEqualTo(0x00291110);
        a.setString(tag, VR.LO, "x");
        assertThat(a.getString("SIEMENS CSA HEADER", 0x00290010)).isEqualTo("x");
        assertThat(a.privateCreatorOf(0x00291110)).isEqualTo("SIEMENS CSA HEADER");
        assertThat(a.privateTag("ABSENT", 0x00291010, false)).isEqualTo(-1);
    }

    @Test
    void equalityIgnoresByteOrderAndValueForm() {
        Attributes little = new Attributes(false, 4);
        Attributes big = new Attributes(true, 4);
        for (Attributes a : new Attributes[] {little, big}) {
            a.setInt(Tag.Rows, VR.US, 300);
            a.setFloat(Tag.RecommendedDisplayFrameRateInFloat, VR.FL, 2.5f);
            a.setInt(Tag.FrameIncrementPointer, VR.AT, Tag.FrameTime);
            a.newSequence(Tag.ReferencedSeriesSequence).addItem().setString(Tag.SeriesInstanceUID, VR.UI, "1.2.3");
        }
        assertThat(little.firstDifference(big)).isNull();
        big.getSequence(Tag.ReferencedSeriesSequence).get(0).setString(Tag.SeriesInstanceUID, VR.UI, "1.2.4");
        assertThat(little.firstDifference(big)).contains("(0008,1115)").contains("item 1");
    }

    @Test
    void anOddLengthValueEqualsItsEvenPaddedForm() {
        Attributes odd = new Attributes().setBytes(Tag.PixelData, VR.OB, new byte[] {1, 2, 3});
        Attributes padded = new Attributes().setBytes(Tag.PixelData, VR.OB, new byte[] {1, 2, 3, 0});
        Attributes other = new Attributes().setBytes(Tag.PixelData, VR.OB, new byte[] {1, 2, 3, 4});
        assertThat(odd.firstDifference(padded)).isNull();
        assertThat(odd.firstDifference(other)).contains("binary values differ");
    }

    @Test
    void readsTypedValuesOfARealFile() throws Exception {
        Attributes ct = DicomReader.read(TestData.dicom("pydicom/test_files/CT_small.dcm"), ReadOptions.DEFAULT).dataset();
        assertThat(ct.getDate(Tag.StudyDate)).isEqualTo(LocalDate.of(2004, 1, 19));
        assertThat(ct.getTime(Tag.ContentTime)).isNotNull();
        assertThat(ct.getPersonName(Tag.PatientName).toString()).isEqualTo(ct.getString(Tag.PatientName));
        assertThat(ct.getInt(Tag.Rows, 0)).isEqualTo(128);
        assertThat(ct.getDoubles(Tag.ImagePositionPatient)).hasSize(3);
        assertThat(ct.specificCharacterSet().definedTerms()).containsExactly("ISO_IR 100");
        Attributes copy = ct.deepCopy();
        copy.setTime(Tag.ContentTime, LocalTime.of(7, 27, 30));
        assertThat(copy.getTime(Tag.ContentTime)).isEqualTo(LocalTime.of(7, 27, 30));
    }
}
