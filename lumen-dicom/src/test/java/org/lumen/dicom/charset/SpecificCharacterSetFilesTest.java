package org.lumen.dicom.charset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every text value with non-ASCII bytes in pydicom's charset_files, as listed in
 * {@code charset/expected-names.tsv}: the raw bytes and (0008,0005) of each file, and the text pydicom 2.3.1 decodes
 * them to (see {@code make-expected-names.py} next to the TSV for how it was made).
 */
class SpecificCharacterSetFilesTest {

    /** One row of the fixture. */
    record NamedValue(String file, String path, String vr, String charset, byte[] raw, byte[] canonical,
            String expected) {

        SpecificCharacterSet characterSet() {
            return SpecificCharacterSet.valueOf(charset.split("\\\\", -1));
        }

        boolean personName() {
            return vr.equals("PN");
        }

        /** The value without its trailing SPACE padding, which callers strip before decoding. */
        byte[] unpadded() {
            int length = raw.length;
            while (length > 0 && raw[length - 1] == ' ') {
                length--;
            }
            return Arrays.copyOf(raw, length);
        }

        @Override
        public String toString() {
            return file + " " + path + " " + vr + " [" + charset + "]";
        }
    }

    static List<NamedValue> fixture() {
        List<NamedValue> rows = new ArrayList<>();
        try (InputStream in = SpecificCharacterSetFilesTest.class.getResourceAsStream("/charset/expected-names.tsv")) {
            assertThat(in).as("charset/expected-names.tsv on the test class path").isNotNull();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String header = reader.readLine();
            assertThat(header).isEqualTo("file\tpath\tvr\tcharset\traw_hex\tcanonical_hex\texpected");
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] f = line.split("\t", -1);
                assertThat(f).as(line).hasSize(7);
                HexFormat hex = HexFormat.of();
                rows.add(new NamedValue(f[0], f[1], f[2], f[3], hex.parseHex(f[4]),
                        f[5].isEmpty() ? null : hex.parseHex(f[5]), f[6]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    static Stream<NamedValue> rows() {
        return fixture().stream();
    }

    static Stream<NamedValue> multiValuedRows() {
        return rows().filter(row -> row.expected().contains("\\"));
    }

    static Path charsetFiles() {
        Path root = Path.of(System.getProperty("lumen.root", "..")).toAbsolutePath().normalize();
        Path folder = root.resolve("../shared/data/dicom/pydicom/charset_files").normalize();
        assertThat(folder).as("shared DICOM data (see notes/common.md)").isDirectory();
        return folder;
    }

    @Test
    void fixtureCoversEveryCharsetFileAndMatchesItsBytes() throws IOException {
        Set<String> files;
        try (Stream<Path> listing = Files.list(charsetFiles())) {
            files = listing.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".dcm"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        List<NamedValue> rows = fixture();
        assertThat(files).hasSize(17);
        Set<String> listed = rows.stream().map(NamedValue::file).collect(Collectors.toCollection(TreeSet::new));
        assertThat(listed).isEqualTo(files);
        assertThat(rows.stream().filter(r -> r.path().equals("(0010,0010)")
                || r.path().endsWith("/(0010,0010)")).map(NamedValue::file).distinct()).hasSize(17);
        for (NamedValue row : rows) {
            byte[] file = Files.readAllBytes(charsetFiles().resolve(row.file()));
            assertThat(indexOf(file, row.raw())).as("raw bytes of %s in the file", row).isPositive();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void decodesAsPydicomDoes(NamedValue row) {
        SpecificCharacterSet characterSet = row.characterSet();
        byte[] value = row.unpadded();

        assertThat(characterSet.warnings()).isEmpty();
        assertThat(characterSet.decode(value, 0, value.length, row.personName())).isEqualTo(row.expected());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void encodesTheDecodedTextBackToTheSameBytes(NamedValue row) {
        SpecificCharacterSet characterSet = row.characterSet();
        byte[] value = row.unpadded();
        String text = characterSet.decode(value, 0, value.length, row.personName());

        byte[] expected = row.canonical() != null ? row.canonical() : value;
        assertThat(HexFormat.of().formatHex(characterSet.encode(text, row.personName())))
                .isEqualTo(HexFormat.of().formatHex(expected));
    }

    /**
     * Where a producer wrote redundant or non-initial escape sequences (chrKoreanMulti, chrSQEncoding*), the encoder
     * writes the form of PS3.5 Annex H/I instead, which must read as the same text.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void canonicalFormReadsAsTheSameText(NamedValue row) {
        byte[] canonical = row.canonical() != null ? row.canonical() : row.unpadded();
        SpecificCharacterSet characterSet = row.characterSet();

        assertThat(characterSet.decode(canonical, 0, canonical.length, row.personName())).isEqualTo(row.expected());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("multiValuedRows")
    void eachValueOfAMultiValuedStringDecodesOnItsOwnAsInTheWhole(NamedValue row) {
        SpecificCharacterSet characterSet = row.characterSet();
        byte[] value = row.unpadded();
        String[] expectedValues = row.expected().split("\\\\", -1);

        List<String> separately = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= value.length; i++) {
            if (i == value.length || value[i] == '\\') {
                separately.add(characterSet.decode(value, start, i - start, row.personName()));
                start = i + 1;
            }
        }
        assertThat(expectedValues).hasSizeGreaterThanOrEqualTo(2);
        assertThat(separately).containsExactly(expectedValues);
        assertThat(characterSet.decode(value, 0, value.length, row.personName()).split("\\\\", -1))
                .containsExactly(expectedValues);
    }

    @Test
    void multiValuedRowsIncludeTheFrenchAndTheMultiByteFiles() {
        assertThat(multiValuedRows().map(NamedValue::file))
                .contains("chrFrenMulti.dcm", "chrJapMulti.dcm", "chrKoreanMulti.dcm");
    }

    /**
     * chrSQEncoding.dcm is UTF-8 at the top level and ISO 2022 IR 13/87 in its sequence item: the item's own set reads
     * the name, the dataset's set would not.
     */
    @Test
    void sequenceItemWithItsOwnCharacterSetIsReadWithIt() {
        NamedValue nested = rows().filter(r -> r.file().equals("chrSQEncoding.dcm")).findFirst().orElseThrow();
        byte[] value = nested.unpadded();
        SpecificCharacterSet itemSet = SpecificCharacterSet.valueOf("ISO 2022 IR 13", "ISO 2022 IR 87");
        SpecificCharacterSet datasetSet = SpecificCharacterSet.valueOf("ISO_IR 192");

        assertThat(nested.characterSet()).isEqualTo(itemSet);
        assertThat(itemSet.decode(value, 0, value.length, true)).isEqualTo("ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう");
        assertThat(datasetSet.decode(value, 0, value.length, true)).contains("\uFFFD");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
