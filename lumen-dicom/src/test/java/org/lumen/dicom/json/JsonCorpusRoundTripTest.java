package org.lumen.dicom.json;

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

/** Every corpus file: dataset → JSON → dataset is the same content, and JSON → dataset → JSON is the same text. */
class JsonCorpusRoundTripTest {

    @Test
    void everyCorpusFileRoundTripsExactlyWithInlineBinary() throws Exception {
        DicomJsonWriter writer = new DicomJsonWriter(ModelWriteOptions.EXACT);
        DicomJsonReader reader = new DicomJsonReader();
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
            Attributes original = merged(dicom);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            writer.write(dicom, out);
            byte[] json = out.toByteArray();
            Attributes back = reader.read(json);
            String difference = original.firstDifference(back);
            if (difference != null) {
                failures.add(file + ": " + difference);
                continue;
            }
            String again = writer.toJson(back);
            if (!again.equals(new String(json, StandardCharsets.UTF_8))) {
                failures.add(file + ": JSON text differs after a second round trip");
            }
        }
        failures.forEach(System.out::println);
        System.out.println("JSON round trip: " + checked + " files checked, " + failures.size() + " failed");
        assertThat(checked).isGreaterThan(300);
        assertThat(failures).isEmpty();
    }

    static Attributes merged(DicomFile dicom) {
        Attributes all = new Attributes();
        all.addAll(dicom.fileMeta());
        all.addAll(dicom.dataset());
        return all;
    }
}
