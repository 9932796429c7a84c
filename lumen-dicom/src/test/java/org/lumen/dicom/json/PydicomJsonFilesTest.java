package org.lumen.dicom.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.data.VR;
import org.lumen.dicom.testing.TestData;

/** DICOM JSON written by another implementation (pydicom's test fixtures): unordered keys, numbers, empty strings. */
class PydicomJsonFilesTest {
    private final DicomJsonReader reader = new DicomJsonReader();

    @Test
    void readsPydicomsTest1Json() throws Exception {
        Attributes ds = reader.read(Files.readAllBytes(TestData.dicom("pydicom/test_files/test1.json")));
        assertThat(ds.size()).isEqualTo(109);
        assertThat(ds.getString(Tag.SOPClassUID)).isEqualTo("1.2.840.10008.5.1.4.1.1.4");
        assertThat(ds.getStrings(Tag.ImagesInAcquisition)).containsExactly("714");
        assertThat(ds.getStrings(Tag.PatientWeight)).containsExactly("87.09");
        assertThat(ds.getSequence(Tag.DeidentificationMethodCodeSequence).size()).isGreaterThan(2);
        assertThat(ds.getSequence(Tag.DeidentificationMethodCodeSequence).get(1).isEmpty()).isTrue();
        assertThat(ds.vr(Tag.PixelData)).isEqualTo(VR.OW);
        assertThat(ds.value(Tag.PixelData)).as("an empty BulkDataURI is no value").isNull();
        Attributes again = reader.read(new DicomJsonWriter().toJson(ds));
        assertThat(again.firstDifference(ds)).isNull();
    }

    @Test
    void readsPydicomsPersonNameJson() throws Exception {
        Attributes ds = reader.read(Files.readAllBytes(TestData.dicom("pydicom/test_files/test_PN.json")));
        assertThat(ds.getString(Tag.PatientName)).isEqualTo("Prostate^Volunteer");
        assertThat(ds.getStrings(Tag.ReferringPhysicianName)).containsExactly("");
        Attributes again = reader.read(new DicomJsonWriter().toJson(ds));
        assertThat(again.firstDifference(ds)).isNull();
    }
}
