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
import org.lumen.dicom.model.BulkDataPolicy;
import org.lumen.dicom.model.ModelReadOptions;
import org.lumen.dicom.model.ModelWriteOptions;
import org.lumen.dicom.testing.TestData;

/** Every corpus file: dataset → XML → dataset is the same content, and XML → dataset → XML is the same text. */
class XmlCorpusRoundTripTest {

    @Test
    void everyCorpusFileRoundTripsExactlyWithInlineBinary() throws Exception {
        NativeXmlWriter writer = new NativeXmlWriter(ModelWriteOptions.EXACT.withPrettyPrint(true));
        assertThat(roundTripCorpus(ReadOptions.INCLUDE_ALL, writer, new NativeXmlReader())).isGreaterThan(300);
    }

    @Test
    void everyCorpusFileRoundTripsExactlyWithFileBulkDataUris() throws Exception {
        NativeXmlWriter writer = new NativeXmlWriter(ModelWriteOptions.EXACT.withBulkData(BulkDataPolicy.URI, 0));
        NativeXmlReader reader = new NativeXmlReader(ModelReadOptions.DEFAULT.withTrustFileUris(true));
        assertThat(roundTripCorpus(ReadOptions.DEFAULT, writer, reader)).isGreaterThan(300);
    }

    private static int roundTripCorpus(ReadOptions readOptions, NativeXmlWriter writer, NativeXmlReader reader) throws Exception {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Path file : TestData.dicomCorpus()) {
            DicomFile dicom;
            try {
                dicom = DicomReader.read(file, readOptions);
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
        System.out.println("XML round trip (" + writer.options().bulkDataPolicy() + "): " + checked + " files checked, "
                + failures.size() + " failed");
        assertThat(failures).isEmpty();
        return checked;
    }
}
