package org.lumen.dicom.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lumen.dicom.testing.TestData;

class CorpusSmokeTest {
    @Test
    void everyCorpusFileParsesOrFailsWithOurException() throws Exception {
        List<Path> files = TestData.dicomCorpus();
        assertThat(files).hasSizeGreaterThan(300);
        List<String> failures = new ArrayList<>();
        for (Path file : files) {
            try {
                DicomFile f = DicomReader.read(file);
                assertThat(f.dataset().size()).isPositive();
            } catch (DicomParseException e) {
                failures.add(e.getMessage());
            }
        }
        failures.forEach(System.out::println);
        System.out.println(files.size() + " files, " + failures.size() + " parse errors");
    }
}
