package org.lumen.dicom.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.io.DicomFile;
import org.lumen.dicom.io.DicomParseException;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.ReadOptions;
import org.lumen.dicom.model.ModelWriteOptions;
import org.lumen.dicom.testing.TestData;

/** Every corpus file: dataset → XML → dataset is the same content, and XML → dataset → XML is the same text. */
class XmlCorpusRoundTripTest {

    @Test
    void everyCorpusFileRoundTripsExactlyWithInlineBinary() throws Exception {
        NativeXmlWriter writer = new NativeXmlWriter(ModelWriteOptions.EXACT.withPrettyPrint(true));
        NativeXmlReader reader = new NativeXmlReader();
        List<Path> files = TestData.dicomCorpus();
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Path file : files) {
            DicomFile dicom;
            try {
                dicom = DicomReader.read(file, ReadOptions.INCLUDE_ALL);
            } catch (DicomParseException unreadable) {
                continue;
            }
            checked++;
            Attributes original = new Attributes();
            original.addAll(dicom.fileMeta());
            original.addAll(dicom.dataset());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            writer.write(dicom, out);
            byte[] xml = out.toByteArray();
            Attributes back = reader.read(xml);
            String difference = original.firstDifference(back);
            if (difference != null) {
                failures.add(file + ": " + difference);
                continue;
            }
            if (!writer.toXml(back).equals(new String(xml, StandardCharsets.UTF_8))) {
                failures.add(file + ": XML text differs after a second round trip");
            }
        }
        failures.forEach(System.out::println);
        System.out.println("XML round trip: " + checked + " files checked, " + failures.size() + " failed");
        assertThat(checked).isGreaterThan(300);
        assertThat(failures).isEmpty();
    }
}
