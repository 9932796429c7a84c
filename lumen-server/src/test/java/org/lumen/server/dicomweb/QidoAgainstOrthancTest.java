package org.lumen.server.dicomweb;

import static org.lumen.server.testing.CorpusHeaders.first;
import static org.lumen.server.testing.CorpusHeaders.mostCommon;
import static org.lumen.server.testing.CorpusHeaders.studiesWithUnambiguousPatient;
import static org.lumen.server.testing.CorpusHeaders.studiesWithValidDate;
import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.io.DicomFile;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.ReadOptions;
import org.lumen.dicom.json.DicomJsonReader;
import org.lumen.dicom.testing.TestData;
import org.lumen.server.archive.Archive;
import org.lumen.server.archive.ArchiveConfig;
import org.lumen.dicom.testing.OrthancPeer;

/**
 * The same QIDO-RS queries, at each level and with each matching type, answered by Lumen and by Orthanc's DICOMweb
 * plugin holding the same files, return the same UIDs. The corpus goes into Orthanc by its REST API and into Lumen by
 * STOW-RS; the query values are taken from the corpus itself.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QidoAgainstOrthancTest {
    @TempDir
    static Path storage;
    Archive archive;
    Javalin app;
    WebClient lumen;
    OrthancPeer orthanc;
    final List<Attributes> headers = new ArrayList<>();

    @BeforeAll
    void load() throws Exception {
        orthanc = OrthancPeer.start();
        archive = Archive.open(ArchiveConfig.of(storage));
        DicomWebConfig config = DicomWebConfig.DEFAULT.withLimits(10_000, 10_000);
        app = Javalin.create(cfg -> DicomWebRoutes.register(cfg, new ArchiveBackend(archive), config)).start("127.0.0.1", 0);
        lumen = new WebClient("http://127.0.0.1:" + app.port() + "/dicom-web");

        // One file per SOP Instance UID, with consistent meta, that Orthanc accepts.
        Set<String> seen = new LinkedHashSet<>();
        List<Path> accepted = new ArrayList<>();
        for (Path f : TestData.dicomCorpus()) {
            Attributes ds = header(f);
            if (ds == null || !seen.add(ds.getString(Tag.SOPInstanceUID)) || !orthanc.tryUpload(f)) {
                continue;
            }
            accepted.add(f);
            headers.add(ds);
        }
        WebClient.Body body = WebClient.stowBody(WebClient.read(accepted));
        HttpResponse<byte[]> stow = lumen.post("/studies", body.bytes(), "Content-Type", body.contentType());
        Attributes result = new DicomJsonReader().read(stow.body());
        assertThat(result.getSequence(Tag.FailedSOPSequence)).as("instances Lumen refused").isEmpty();
        assertThat(result.getSequence(Tag.ReferencedSOPSequence).size()).isEqualTo(accepted.size());
        assertThat(accepted.size()).as("corpus size").isGreaterThan(50);
    }

    /** The dataset header when the file is usable for both servers (UIDs present, meta agreeing), else null. */
    private static Attributes header(Path f) {
        try {
            DicomFile file = DicomReader.read(f, ReadOptions.HEADER_ONLY);
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
        if (app != null) {
            app.stop();
        }
        if (archive != null) {
            archive.close();
        }
        if (orthanc != null) {
            orthanc.close();
        }
    }

    /**
     * One comparison: a query path, the attribute whose values identify the results, and the scope within which the two
     * must agree (null: everything). A scope leaves out entities where Orthanc's data model, not matching, decides:
     * <ul>
     *   <li>Orthanc keeps Patient Name on a patient resource keyed by Patient ID (the first instance's name wins, and all
     *       instances without a Patient ID share one patient), so PN queries compare studies whose Patient ID is present
     *       and carries one name throughout the corpus;</li>
     *   <li>Orthanc lets a date range match a study with no Study Date (and reads the pre-1993 "1995.06.26" form), where
     *       PS3.4 C.2.2.2.5 range matching does not match an empty value, so date ranges compare studies with a valid
     *       8-digit Study Date.</li>
     * </ul>
     */
    record Query(String name, String path, int uidTag, Set<String> scope) {
        Query(String name, String path, int uidTag) {
            this(name, path, uidTag, null);
        }

        @Override
        public String toString() {
            return name + ": " + path;
        }
    }

    Stream<Query> queries() {
        List<Query> q = new ArrayList<>();
        Attributes ct = first(headers, Tag.Modality, "CT");
        Attributes mr = first(headers, Tag.Modality, "MR");
        String name = mostCommon(headers, Tag.PatientName);
        String id = mostCommon(headers, Tag.PatientID);
        String date = mostCommon(headers, Tag.StudyDate);
        String bigStudy = mostCommon(headers, Tag.StudyInstanceUID);
        String bigSeries = mostCommon(headers, Tag.SeriesInstanceUID);
        String seriesStudy = headers.stream().filter(h -> bigSeries.equals(h.getString(Tag.SeriesInstanceUID)))
                .findFirst().orElseThrow().getString(Tag.StudyInstanceUID);
        List<String> studies = new ArrayList<>(new TreeSet<>(headers.stream().map(h -> h.getString(Tag.StudyInstanceUID)).toList()));

        q.add(new Query("universal", "/studies", Tag.StudyInstanceUID));
        Set<String> onePatient = studiesWithUnambiguousPatient(headers);
        Set<String> dated = studiesWithValidDate(headers);
        q.add(new Query("single value PN", "/studies?PatientName=" + enc(name), Tag.StudyInstanceUID, onePatient));
        q.add(new Query("wildcard PN", "/studies?PatientName=" + enc(name.substring(0, 1) + "*"), Tag.StudyInstanceUID,
                onePatient));
        q.add(new Query("wildcard ?", "/studies?PatientName=" + enc("?" + name.substring(1)), Tag.StudyInstanceUID,
                onePatient));
        q.add(new Query("PN case-insensitive", "/studies?PatientName=" + enc(name.toLowerCase(java.util.Locale.ROOT)),
                Tag.StudyInstanceUID, onePatient));
        q.add(new Query("single value LO", "/studies?PatientID=" + enc(id), Tag.StudyInstanceUID));
        q.add(new Query("single date", "/studies?StudyDate=" + date, Tag.StudyInstanceUID));
        q.add(new Query("date range", "/studies?StudyDate=19900101-20051231", Tag.StudyInstanceUID, dated));
        q.add(new Query("open date range", "/studies?StudyDate=-20000101", Tag.StudyInstanceUID, dated));
        q.add(new Query("open date range after", "/studies?StudyDate=20050101-", Tag.StudyInstanceUID, dated));
        q.add(new Query("UID list", "/studies?StudyInstanceUID=" + studies.get(0) + "," + studies.get(studies.size() / 2),
                Tag.StudyInstanceUID));
        q.add(new Query("modalities in study", "/studies?ModalitiesInStudy=MR", Tag.StudyInstanceUID));
        q.add(new Query("series of a study", "/studies/" + bigStudy + "/series", Tag.SeriesInstanceUID));
        q.add(new Query("series relational single value", "/series?Modality=CT", Tag.SeriesInstanceUID));
        q.add(new Query("series relational wildcard", "/series?Modality=M*", Tag.SeriesInstanceUID));
        q.add(new Query("series with study key", "/series?StudyInstanceUID=" + ct.getString(Tag.StudyInstanceUID),
                Tag.SeriesInstanceUID));
        q.add(new Query("instances of a series", "/studies/" + seriesStudy + "/series/" + bigSeries + "/instances",
                Tag.SOPInstanceUID));
        q.add(new Query("instances of a study", "/studies/" + bigStudy + "/instances", Tag.SOPInstanceUID));
        q.add(new Query("instances relational", "/instances?SOPClassUID=" + mr.getString(Tag.SOPClassUID), Tag.SOPInstanceUID));
        q.add(new Query("instances by UID list", "/instances?SOPInstanceUID=" + ct.getString(Tag.SOPInstanceUID) + ","
                + mr.getString(Tag.SOPInstanceUID), Tag.SOPInstanceUID));
        q.add(new Query("instances with patient key", "/instances?PatientID=" + enc(id), Tag.SOPInstanceUID));
        q.add(new Query("no match", "/studies?PatientID=NO-SUCH-PATIENT", Tag.StudyInstanceUID));
        return q.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void lumenAndOrthancAnswerWithTheSameUids(Query query) throws Exception {
        Set<String> ours = uids(lumen.get(query.path(), "Accept", "application/dicom+json"), query.uidTag());
        Set<String> theirs = orthancUids(java.net.URLDecoder.decode(query.path(), StandardCharsets.UTF_8)
                .replace(" ", "%20"), query.uidTag());
        if (query.scope() != null) {
            ours.retainAll(query.scope());
            theirs.retainAll(query.scope());
        }
        assertThat(ours).as(query.toString()).isEqualTo(theirs);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void limitAndOffsetPageThroughTheSameResults(Query query) throws Exception {
        Set<String> all = uids(lumen.get(query.path(), "Accept", "application/dicom+json"), query.uidTag());
        String sep = query.path().contains("?") ? "&" : "?";
        Set<String> paged = new LinkedHashSet<>();
        for (int offset = 0; offset < all.size() + 2; offset += 2) {
            Set<String> page = uids(lumen.get(query.path() + sep + "limit=2&offset=" + offset), query.uidTag());
            assertThat(page.size()).isLessThanOrEqualTo(2);
            paged.addAll(page);
        }
        assertThat(paged).as(query.toString()).isEqualTo(all);
    }

    /**
     * Orthanc's DICOMweb plugin 1.10.1 does not percent-decode query values ("Citizen%5EJan" or "%3Fitizen" match
     * nothing), and java.net.URI refuses a raw '^': so Orthanc is asked over a plain socket with the values as they are.
     */
    private Set<String> orthancUids(String path, int tag) throws IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", orthanc.httpPort())) {
            socket.setSoTimeout(60_000);
            String request = "GET /dicom-web" + path + " HTTP/1.0\r\nHost: 127.0.0.1\r\nAccept: application/dicom+json\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            byte[] all = socket.getInputStream().readAllBytes();
            String text = new String(all, StandardCharsets.ISO_8859_1);
            int split = text.indexOf("\r\n\r\n");
            int status = Integer.parseInt(text.substring(9, 12));
            byte[] body = java.util.Arrays.copyOfRange(all, split + 4, all.length);
            if (status == 204 || body.length == 0) {
                return new TreeSet<>();
            }
            assertThat(status).as("Orthanc " + path + ": " + text).isEqualTo(200);
            Set<String> out = new TreeSet<>();
            for (Attributes a : new DicomJsonReader().readList(body)) {
                out.add(a.getString(tag));
            }
            return out;
        }
    }

    private static Set<String> uids(HttpResponse<byte[]> r, int tag) throws IOException {
        if (r.statusCode() == 204) {
            return new TreeSet<>();
        }
        assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        Set<String> out = new TreeSet<>();
        for (Attributes a : new DicomJsonReader().readList(r.body())) {
            out.add(a.getString(tag));
        }
        return out;
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
