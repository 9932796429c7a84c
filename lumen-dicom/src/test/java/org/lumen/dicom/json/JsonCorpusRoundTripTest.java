package org.lumen.dicom.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.BulkData;
import org.lumen.dicom.io.DicomFile;
import org.lumen.dicom.io.DicomParseException;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.ReadOptions;
import org.lumen.dicom.model.BulkDataPolicy;
import org.lumen.dicom.model.ModelReadOptions;
import org.lumen.dicom.model.ModelWriteOptions;
import org.lumen.dicom.testing.TestData;

/** Every corpus file: dataset → JSON → dataset is the same content, and JSON → dataset → JSON is the same text. */
class JsonCorpusRoundTripTest {

    @Test
    void everyCorpusFileRoundTripsExactlyWithInlineBinary() throws Exception {
        int checked = roundTripCorpus(ReadOptions.INCLUDE_ALL, new DicomJsonWriter(ModelWriteOptions.EXACT), new DicomJsonReader());
        assertThat(checked).isGreaterThan(300);
    }

    @Test
    void everyCorpusFileRoundTripsExactlyWithFileBulkDataUris() throws Exception {
        DicomJsonWriter writer = new DicomJsonWriter(ModelWriteOptions.EXACT.withBulkData(BulkDataPolicy.URI, 0));
        DicomJsonReader reader = new DicomJsonReader(ModelReadOptions.DEFAULT.withTrustFileUris(true));
        int checked = roundTripCorpus(ReadOptions.DEFAULT, writer, reader);
        assertThat(checked).isGreaterThan(300);
    }

    private static int roundTripCorpus(ReadOptions readOptions, DicomJsonWriter writer, DicomJsonReader reader) throws Exception {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        int bulkReferences = 0;
        for (Path file : TestData.dicomCorpus()) {
            DicomFile dicom;
            try {
                dicom = DicomReader.read(file, readOptions);
            } catch (DicomParseException unreadable) {
                continue;
            }
            checked++;
            Attributes original = merged(dicom);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            writer.write(dicom, out);
            byte[] json = out.toByteArray();
            Attributes back = reader.read(json);
            bulkReferences += countBulkData(back);
            String difference = original.firstDifference(back);
            if (difference != null) {
                failures.add(file + ": " + difference);
                continue;
            }
            if (!writer.toJson(back).equals(new String(json, StandardCharsets.UTF_8))) {
                failures.add(file + ": JSON text differs after a second round trip");
            }
        }
        failures.forEach(System.out::println);
        System.out.println("JSON round trip (" + writer.options().bulkDataPolicy() + "): " + checked + " files checked, "
                + failures.size() + " failed, " + bulkReferences + " bulk data references");
        assertThat(failures).isEmpty();
        if (writer.options().bulkDataPolicy() == BulkDataPolicy.URI) {
            assertThat(bulkReferences).as("file bulk data references read back").isGreaterThan(100);
        }
        return checked;
    }

    static Attributes merged(DicomFile dicom) {
        Attributes all = new Attributes();
        all.addAll(dicom.fileMeta());
        all.addAll(dicom.dataset());
        return all;
    }

    static int countBulkData(Attributes dataset) {
        int count = 0;
        for (int i = 0; i < dataset.size(); i++) {
            Object value = dataset.valueAt(i);
            if (value instanceof BulkData) {
                count++;
            } else if (value instanceof org.lumen.dicom.data.Sequence sequence) {
                for (Attributes item : sequence) {
                    count += countBulkData(item);
                }
            }
        }
        return count;
    }
}
