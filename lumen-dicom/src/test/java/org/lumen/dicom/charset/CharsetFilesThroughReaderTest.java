package org.lumen.dicom.charset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Tags;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.ReadOptions;
import org.lumen.dicom.testing.TestData;

/**
 * Every value of the charset fixture, read the way an application reads it: the file through {@link DicomReader}, the
 * value through {@link Attributes#getStrings}, with the character set the dataset (or, in a sequence item, the item)
 * declares. The expected text is pydicom's decoding, checked against the PS3.5 annex examples (see expected-names.tsv).
 */
class CharsetFilesThroughReaderTest {

    record Expected(String file, String path, String text) {
        @Override
        public String toString() {
            return file + " " + path;
        }
    }

    static Stream<Expected> expectedValues() {
        try {
            List<String> lines = Files.readAllLines(Path.of(CharsetFilesThroughReaderTest.class
                    .getResource("/charset/expected-names.tsv").toURI()), StandardCharsets.UTF_8);
            return lines.stream().skip(1).filter(l -> !l.isBlank()).map(l -> l.split("\t", -1))
                    .map(f -> new Expected(f[0], f[1], f[6]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @MethodSource("expectedValues")
    void decodesAsTheFileDeclares(Expected expected) throws IOException {
        Path file = TestData.dicom("pydicom/charset_files/" + expected.file());
        Attributes dataset = DicomReader.read(file, ReadOptions.DEFAULT).dataset();
        String path = expected.path();
        if (path.contains("/")) {
            // (ssss,ssss)[i]/(tttt,tttt): an element inside an item of a sequence
            int sequence = Tags.parse(path.substring(0, 11));
            int item = Integer.parseInt(path.substring(path.indexOf('[') + 1, path.indexOf(']')));
            dataset = dataset.getSequence(sequence).get(item);
            path = path.substring(path.indexOf('/') + 1);
        }
        String decoded = String.join("\\", dataset.getStrings(Tags.parse(path)));
        assertThat(decoded).isEqualTo(expected.text().strip());
    }
}
