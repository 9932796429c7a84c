package org.lumen.server.node;

import static org.lumen.server.testing.CorpusHeaders.first;
import static org.lumen.server.testing.CorpusHeaders.mostCommon;
import static org.lumen.server.testing.CorpusHeaders.studiesWithUnambiguousPatient;
import static org.lumen.server.testing.CorpusHeaders.studiesWithValidDate;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Sequence;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.io.DicomFile;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.ReadOptions;
import org.lumen.dicom.testing.Peers;
import org.lumen.dicom.testing.TestData;
import org.lumen.server.archive.IncomingInstance;
import org.lumen.server.config.NodeConfig;
import org.lumen.dicom.testing.OrthancPeer;

/**
 * dcmtk's findscu asks a Lumen node and Orthanc 1.10.1, both holding the same corpus files, the same C-FIND queries at
 * every level (Patient Root for PATIENT, Study Root for the others) with every matching type: universal, single value,
 * list of UIDs, wildcards * and ?, date ranges (closed and open at either end), relational (series and image queries with
 * no study key), hierarchical (with the parent's key); the unique keys returned must be the same set.
 *
 * <p>Where Orthanc's data model, not the matching rules, decides, the comparison is scoped and says why:
 * <ul>
 *   <li>Orthanc keeps Patient Name and the patient level on a patient resource keyed by Patient ID (the first instance's
 *       name wins, all instances without Patient ID share one patient), so PN queries compare studies whose Patient ID is
 *       present with one name throughout the corpus, and patient-level queries compare non-empty Patient IDs;</li>
 *   <li>Orthanc lets a date range match a study with no (or a non-DA) Study Date, where PS3.4 C.2.2.2.5 range matching
 *       does not match an empty value, so date ranges compare studies with a valid 8-digit Study Date;</li>
 *   <li>Orthanc 1.10.1 does not match on sequence keys (a sequence in the identifier is only a return key): sequence
 *       matching is checked against the corpus headers instead of against Orthanc.</li>
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NodeFindAgainstOrthancTest {
    @TempDir
    static Path tmp;
    LumenNode node;
    OrthancPeer orthanc;
    final List<Attributes> headers = new ArrayList<>();
    final AtomicInteger compared = new AtomicInteger();

    @BeforeAll
    void load() throws Exception {
        orthanc = OrthancPeer.start();
        NodeConfig defaults = NodeConfig.defaults();
        node = LumenNode.start(defaults.withData(tmp.resolve("data")).withDicom(defaults.dicom().withPort(0))
                .withHttp(defaults.http().withPort(0)));
        Set<String> seen = new LinkedHashSet<>();
        for (Path f : TestData.dicomCorpus()) {
            Attributes ds = header(f);
            if (ds == null || !seen.add(ds.getString(Tag.SOPInstanceUID)) || !orthanc.tryUpload(f)) {
                continue;
            }
            try (InputStream in = Files.newInputStream(f)) {
                node.archive().store(IncomingInstance.fromPart10(in, "FINDTEST"));
            }
            headers.add(ds);
        }
        assertThat(headers.size()).as("files in both").isGreaterThan(50);
    }

    /** The data set header when both servers can file it (UIDs present, meta agreeing), else null. */
    private static Attributes header(Path f) {
        try {
            DicomFile file = DicomReader.read(f, ReadOptions.DEFAULT);
            Attributes ds = file.dataset();
            String sop = ds.getString(Tag.SOPInstanceUID);
            String metaSop = file.fileMeta() == null ? null : file.fileMeta().getString(Tag.MediaStorageSOPInstanceUID);
            if (sop == null || ds.getString(Tag.StudyInstanceUID) == null || ds.getString(Tag.SeriesInstanceUID) == null
                    || ds.getString(Tag.SOPClassUID) == null || metaSop == null || !metaSop.trim().equals(sop.trim())
                    || file.fileMeta().getString(Tag.TransferSyntaxUID) == null) {
                return null;
            }
            return ds;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    @AfterAll
    void stop() {
        System.out.println("NodeFindAgainstOrthancTest: " + compared.get() + " queries compared");
        if (node != null) {
            node.close();
        }
        if (orthanc != null) {
            orthanc.close();
        }
    }

    /** One query: level, findscu keys (matching and return), the unique key compared, and the scope (null: all). */
    record Query(String name, String level, List<String> keys, int uniqueKey, Set<String> scope) {
        @Override
        public String toString() {
            return name + " " + level + " " + keys;
        }
    }

    private Query q(String name, String level, Set<String> scope, String... keys) {
        int unique = switch (level) {
            case "PATIENT" -> Tag.PatientID;
            case "STUDY" -> Tag.StudyInstanceUID;
            case "SERIES" -> Tag.SeriesInstanceUID;
            default -> Tag.SOPInstanceUID;
        };
        List<String> all = new ArrayList<>(List.of(keys));
        String uniqueKeyword = switch (level) {
            case "PATIENT" -> "PatientID";
            case "STUDY" -> "StudyInstanceUID";
            case "SERIES" -> "SeriesInstanceUID";
            default -> "SOPInstanceUID";
        };
        if (all.stream().noneMatch(k -> k.equals(uniqueKeyword) || k.startsWith(uniqueKeyword + "="))) {
            all.add(uniqueKeyword);
        }
        return new Query(name, level, all, unique, scope);
    }

    Stream<Query> queries() {
        List<Query> q = new ArrayList<>();
        String name = mostCommon(headers, Tag.PatientName);
        String id = mostCommon(headers, Tag.PatientID);
        String date = mostCommon(headers, Tag.StudyDate);
        String accession = mostCommon(headers, Tag.AccessionNumber);
        String bigStudy = mostCommon(headers, Tag.StudyInstanceUID);
        String bigSeries = mostCommon(headers, Tag.SeriesInstanceUID);
        String seriesStudy = headers.stream().filter(h -> bigSeries.equals(h.getString(Tag.SeriesInstanceUID)))
                .findFirst().orElseThrow().getString(Tag.StudyInstanceUID);
        List<String> studies = sorted(Tag.StudyInstanceUID);
        List<String> series = sorted(Tag.SeriesInstanceUID);
        List<String> sops = sorted(Tag.SOPInstanceUID);
        Attributes ct = first(headers, Tag.Modality, "CT");
        Attributes mr = first(headers, Tag.Modality, "MR");
        Set<String> onePatient = studiesWithUnambiguousPatient(headers);
        Set<String> dated = studiesWithValidDate(headers);
        Set<String> patientIds = new TreeSet<>(headers.stream().map(h -> h.getString(Tag.PatientID, "").trim())
                .filter(s -> !s.isEmpty()).toList());

        // PATIENT (Patient Root)
        q.add(q("universal", "PATIENT", patientIds, "PatientName"));
        q.add(q("single value LO", "PATIENT", patientIds, "PatientID=" + id, "PatientName"));
        q.add(q("wildcard * on ID", "PATIENT", patientIds, "PatientID=" + id.substring(0, 1) + "*"));
        q.add(q("list of IDs", "PATIENT", patientIds, "PatientID=" + id + "\\" + patientIds.iterator().next()));
        // STUDY
        q.add(q("universal", "STUDY", null, "StudyDate"));
        q.add(q("single value PN", "STUDY", onePatient, "PatientName=" + name));
        q.add(q("wildcard * PN", "STUDY", onePatient, "PatientName=" + name.substring(0, 1) + "*"));
        q.add(q("wildcard ? PN", "STUDY", onePatient, "PatientName=?" + name.substring(1)));
        q.add(q("PN in lower case (both match PN case-insensitively)", "STUDY", onePatient,
                "PatientName=" + name.toLowerCase(java.util.Locale.ROOT)));
        q.add(q("single value LO", "STUDY", null, "PatientID=" + id));
        q.add(q("single date", "STUDY", null, "StudyDate=" + date));
        q.add(q("date range", "STUDY", dated, "StudyDate=19900101-20051231"));
        q.add(q("open date range before", "STUDY", dated, "StudyDate=-20000101"));
        q.add(q("open date range after", "STUDY", dated, "StudyDate=20050101-"));
        q.add(q("UID list", "STUDY", null, "StudyInstanceUID=" + studies.get(0) + "\\" + studies.get(studies.size() / 2)
                + "\\" + studies.get(studies.size() - 1)));
        q.add(q("single value SH", "STUDY", null, "AccessionNumber=" + accession));
        q.add(q("modalities in study", "STUDY", null, "ModalitiesInStudy=MR"));
        q.add(q("no match", "STUDY", null, "PatientID=NO-SUCH-PATIENT"));
        // SERIES
        q.add(q("hierarchical: series of a study", "SERIES", null, "StudyInstanceUID=" + bigStudy));
        q.add(q("relational single value", "SERIES", null, "Modality=CT"));
        q.add(q("relational wildcard", "SERIES", null, "Modality=M*"));
        q.add(q("relational wildcard ?", "SERIES", null, "Modality=?T"));
        q.add(q("UID list", "SERIES", null, "SeriesInstanceUID=" + series.get(0) + "\\" + series.get(series.size() / 3)
                + "\\" + series.get(series.size() - 1)));
        q.add(q("relational with patient key", "SERIES", null, "PatientID=" + id, "Modality"));
        q.add(q("two keys: modality and study list", "SERIES", null, "Modality=MR", "StudyInstanceUID="
                + String.join("\\", studies)));
        // IMAGE
        q.add(q("hierarchical: instances of a series", "IMAGE", null, "StudyInstanceUID=" + seriesStudy,
                "SeriesInstanceUID=" + bigSeries));
        q.add(q("relational: instances of a study", "IMAGE", null, "StudyInstanceUID=" + bigStudy));
        q.add(q("relational single value", "IMAGE", null, "SOPClassUID=" + mr.getString(Tag.SOPClassUID)));
        q.add(q("UID list", "IMAGE", null, "SOPInstanceUID=" + ct.getString(Tag.SOPInstanceUID) + "\\"
                + mr.getString(Tag.SOPInstanceUID) + "\\" + sops.get(sops.size() / 2)));
        q.add(q("relational with patient key", "IMAGE", null, "PatientID=" + id));
        return q.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void lumenAndOrthancReturnTheSameUniqueKeys(Query query) throws Exception {
        Set<String> ours = find(query, "LUMEN", node.dicomPort());
        Set<String> theirs = find(query, OrthancPeer.AET, orthanc.dicomPort());
        if (query.scope() != null) {
            ours.retainAll(scopeFor(query));
            theirs.retainAll(scopeFor(query));
        }
        assertThat(ours).as(query + " (Lumen vs Orthanc)").isEqualTo(theirs);
        if (!query.name().equals("no match")) {
            assertThat(ours).as(query + ": a query chosen from the corpus matches something").isNotEmpty();
        }
        System.out.println("C-FIND " + query + ": " + ours.size() + " in both");
        compared.incrementAndGet();
    }

    /** A study-level scope maps to the unique keys of the query's level (patient scopes are patient IDs already). */
    private Set<String> scopeFor(Query query) {
        if (query.level().equals("PATIENT") || query.level().equals("STUDY")) {
            return query.scope();
        }
        Set<String> keys = new TreeSet<>();
        headers.stream().filter(h -> query.scope().contains(h.getString(Tag.StudyInstanceUID)))
                .forEach(h -> keys.add(h.getString(query.uniqueKey())));
        return keys;
    }

    /**
     * Sequence matching, checked against the corpus: Orthanc 1.10.1 does not match on sequence keys. The query asks for
     * instances whose Concept Name Code Sequence holds a code value taken from the corpus (SR documents).
     */
    @org.junit.jupiter.api.Test
    void sequenceMatchingReturnsTheInstancesWhoseItemMatches() throws Exception {
        Attributes sr = headers.stream().filter(h -> h.getSequence(Tag.ConceptNameCodeSequence) != null
                && !h.getSequence(Tag.ConceptNameCodeSequence).isEmpty()
                && h.getSequence(Tag.ConceptNameCodeSequence).get(0).getString(Tag.CodeValue) != null)
                .findFirst().orElseThrow();
        String code = sr.getSequence(Tag.ConceptNameCodeSequence).get(0).getString(Tag.CodeValue);
        Predicate<Attributes> matches = h -> {
            Sequence seq = h.getSequence(Tag.ConceptNameCodeSequence);
            return seq != null && seq.size() > 0 && code.equals(seq.get(0).getString(Tag.CodeValue));
        };
        Set<String> expected = new TreeSet<>(headers.stream().filter(matches).map(h -> h.getString(Tag.SOPInstanceUID)).toList());
        Query query = q("sequence", "IMAGE", null, "ConceptNameCodeSequence[0].CodeValue=" + code);
        assertThat(find(query, "LUMEN", node.dicomPort())).as(query.toString()).isEqualTo(expected);
        Set<String> theirs = find(query, OrthancPeer.AET, orthanc.dicomPort());
        System.out.println("sequence matching on " + code + ": Lumen " + expected.size() + " instances (= corpus), Orthanc "
                + theirs.size() + (theirs.equals(expected) ? " (same)" : " (ignores the sequence key)"));
    }

    /** findscu's answers, written as files (-X), reduced to the query level's unique key. */
    private Set<String> find(Query query, String calledAe, int port) throws IOException {
        Path out = Files.createTempDirectory(tmp, "find");
        List<String> args = new ArrayList<>(List.of("-aet", "FINDSCU", "-aec", calledAe,
                query.level().equals("PATIENT") ? "-P" : "-S", "-k", "QueryRetrieveLevel=" + query.level()));
        for (String k : query.keys()) {
            args.add("-k");
            args.add(k);
        }
        args.addAll(List.of("-X", "-od", out.toString(), "127.0.0.1", String.valueOf(port)));
        Peers.Result r = Peers.run(120, "findscu", args.toArray(String[]::new));
        assertThat(r.ok()).as(calledAe + " " + query + ": " + r).isTrue();
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.list(out)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String v = DataSets.read(f).getString(query.uniqueKey());
                keys.add(v == null ? "" : v.trim());
            }
        }
        return keys;
    }

    private List<String> sorted(int tag) {
        return new ArrayList<>(new TreeSet<>(headers.stream().map(h -> h.getString(tag)).toList()));
    }
}
