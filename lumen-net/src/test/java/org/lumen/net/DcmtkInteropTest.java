package org.lumen.net;

import org.lumen.dicom.testing.PeerProcess;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.data.UID;
import org.lumen.dicom.data.VR;
import org.lumen.dicom.io.DicomFile;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.ReadOptions;
import org.lumen.dicom.io.TransferSyntax;
import org.lumen.dicom.testing.Peers;
import org.lumen.dicom.testing.TestData;
import org.lumen.net.dimse.Status;

/** Lumen's SCP and SCU against dcmtk's echoscu, storescu, findscu, getscu, movescu and storescp. */
class DcmtkInteropTest {
    /** What the test SCP received: the data set bytes and the negotiated transfer syntax, by SOP Instance UID. */
    record Received(StoreRequest request, byte[] dataset) {
    }

    private static final Map<String, Received> RECEIVED = new ConcurrentHashMap<>();
    private static final List<Attributes> CANNED = List.of(study("1.2.826.0.1.1", "CT"), study("1.2.826.0.1.2", "MR"));
    private static DicomServer server;
    private static DicomFile ctSmall;

    @BeforeAll
    static void startScp() throws Exception {
        ctSmall = DicomReader.read(TestData.dicom("pydicom/test_files/CT_small.dcm"), ReadOptions.INCLUDE_ALL);
        DimseServiceRegistry registry = new DimseServiceRegistry()
                .registerStorageFallback((req, in) -> RECEIVED.put(req.sopInstanceUid(), new Received(req, in.readAllBytes())))
                .registerFind(UID.StudyRootQueryRetrieveInformationModelFind, (req, keys) -> CANNED.stream())
                .registerRetrieve(UID.StudyRootQueryRetrieveInformationModelGet, (req, keys) -> List.of(ctInstance()))
                .registerRetrieve(UID.StudyRootQueryRetrieveInformationModelMove, (req, keys) -> List.of(ctInstance()));
        AeConfig config = AeConfig.of("LUMEN").withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(30));
        server = DicomServer.start(config, registry, 0);
    }

    @AfterAll
    static void stopScp() {
        server.stop();
    }

    private static Attributes study(String uid, String modality) {
        Attributes a = new Attributes();
        a.setString(Tag.QueryRetrieveLevel, VR.CS, "STUDY");
        a.setString(Tag.StudyInstanceUID, VR.UI, uid);
        a.setString(Tag.ModalitiesInStudy, VR.CS, modality);
        return a;
    }

    private static RetrieveService.Instance ctInstance() {
        return new RetrieveService.Instance(ctSmall.dataset().getString(Tag.SOPClassUID),
                ctSmall.dataset().getString(Tag.SOPInstanceUID), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
                () -> new ByteArrayInputStream(encode(ctSmall.dataset(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)));
    }

    static byte[] encode(Attributes dataset, String ts) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            org.lumen.dicom.io.DicomWriter.writeDataset(out, dataset, TransferSyntax.of(ts));
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void echoscuGetsSuccess() {
        Peers.Result r = Peers.run(30, "echoscu", "-aet", "ECHOSCU", "-aec", "LUMEN", "127.0.0.1", String.valueOf(server.port()));
        assertThat(r.ok()).as(r.toString()).isTrue();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "pydicom/test_files/CT_small.dcm, -xe",
        "pydicom/test_files/MR_small_implicit.dcm, -xi",
        "pydicom/test_files/MR_small_bigendian.dcm, -xb",
        "pydicom/test_files/MR_small_RLE.dcm, -xr",
        "pydicom/test_files/SC_rgb_jpeg_gdcm.dcm, -xs",
        "pydicom/test_files/JPEG-lossy.dcm, -xx",
        "pydicom/test_files/SC_jpeg_no_color_transform.dcm, -xy",
        "pydicom-data/693_J2KR.dcm, -xv",
        "pydicom/test_files/JPEG2000.dcm, -xw",
        "pydicom/test_files/MR_small_jpeg_ls_lossless.dcm, -xt",
        "pydicom/test_files/JPEGLSNearLossless_08.dcm, -xu",
        "pydicom/test_files/image_dfl.dcm, -xd",
        "pydicom/test_files/rtplan.dcm, -xi",
    })
    void storescuSendsAndWeReceiveTheSameDataSet(String file, String option) throws Exception {
        Path path = TestData.dicom(file);
        DicomFile source = DicomReader.read(path, ReadOptions.INCLUDE_ALL);
        String sourceTs = source.fileMeta().getString(Tag.TransferSyntaxUID);
        String sopInstance = source.dataset().getString(Tag.SOPInstanceUID);
        RECEIVED.remove(sopInstance);
        Peers.Result r = Peers.run(60, "storescu", "-aet", "STORESCU", "-aec", "LUMEN", "-R", option, "127.0.0.1",
                String.valueOf(server.port()), path.toString());
        assertThat(r.ok()).as(r.toString()).isTrue();
        Received got = RECEIVED.get(sopInstance);
        assertThat(got).as("instance received").isNotNull();
        assertThat(got.request().callingAe()).isEqualTo("STORESCU");
        assertThat(got.request().transferSyntaxUid()).isEqualTo(sourceTs);
        Attributes received = DicomReader.readDataset(new ByteArrayInputStream(got.dataset()), "received",
                TransferSyntax.of(sourceTs), ReadOptions.INCLUDE_ALL);
        assertSameContent(received, source.dataset());
        assertThat(received.contains(Tag.PixelData)).isEqualTo(source.dataset().contains(Tag.PixelData));
    }

    @Test
    void findscuGetsTheCannedIdentifiers(@TempDir Path out) throws Exception {
        Peers.Result r = Peers.run(30, "findscu", "-aet", "FINDSCU", "-aec", "LUMEN", "-S", "-k", "QueryRetrieveLevel=STUDY",
                "-k", "StudyInstanceUID", "-k", "ModalitiesInStudy", "-X", "-od", out.toString(), "127.0.0.1",
                String.valueOf(server.port()));
        assertThat(r.ok()).as(r.toString()).isTrue();
        List<Path> files;
        try (Stream<Path> s = Files.list(out)) {
            files = s.sorted().toList();
        }
        assertThat(files).hasSize(2);
        for (int i = 0; i < files.size(); i++) {
            Attributes got = DicomReader.read(files.get(i), ReadOptions.INCLUDE_ALL).dataset();
            assertThat(got.getString(Tag.StudyInstanceUID)).isEqualTo(CANNED.get(i).getString(Tag.StudyInstanceUID));
            assertThat(got.getString(Tag.ModalitiesInStudy)).isEqualTo(CANNED.get(i).getString(Tag.ModalitiesInStudy));
        }
    }

    @Test
    void getscuRetrievesOverTheSameAssociation(@TempDir Path out) throws Exception {
        Peers.Result r = Peers.run(60, "getscu", "-aet", "GETSCU", "-aec", "LUMEN", "-S", "-k", "QueryRetrieveLevel=STUDY",
                "-k", "StudyInstanceUID=" + ctSmall.dataset().getString(Tag.StudyInstanceUID), "-od", out.toString(),
                "127.0.0.1", String.valueOf(server.port()));
        assertThat(r.ok()).as(r.toString()).isTrue();
        assertOneFileEqualsCtSmall(out);
    }

    @Test
    void movescuSendsToStorescp(@TempDir Path tmp) throws Exception {
        Path out = Files.createDirectories(tmp.resolve("out"));
        int port = PeerProcess.freePort();
        DimseServiceRegistry registry = new DimseServiceRegistry()
                .registerRetrieve(UID.StudyRootQueryRetrieveInformationModelMove, (req, keys) -> List.of(ctInstance()));
        AeConfig config = AeConfig.of("LUMENMOVE")
                .withMoveDestinations(Map.of("STORESCP", new AeConfig.RemoteAe("STORESCP", "127.0.0.1", port)));
        try (DicomServer mover = DicomServer.start(config, registry, 0);
                PeerProcess storescp = PeerProcess.start(tmp.resolve("storescp.log"), port, "storescp", "-aet", "STORESCP",
                        "-od", out.toString(), "+xa", String.valueOf(port))) {
            Peers.Result r = Peers.run(60, "movescu", "-aet", "MOVESCU", "-aec", "LUMENMOVE", "-aem", "STORESCP", "-S", "-k",
                    "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=1.2", "127.0.0.1", String.valueOf(mover.port()));
            assertThat(r.ok()).as(r.toString()).isTrue();
            assertThat(r.stdout() + r.stderr()).doesNotContain("Failed");
        }
        assertOneFileEqualsCtSmall(out);
    }

    @Test
    void moveTranscodesWhenTheDestinationRefusesTheStoredSyntax(@TempDir Path tmp) throws Exception {
        Path out = Files.createDirectories(tmp.resolve("out"));
        int port = PeerProcess.freePort();
        DicomFile j2k = DicomReader.read(TestData.dicom("pydicom-data/693_J2KR.dcm"), ReadOptions.INCLUDE_ALL);
        String j2kTs = j2k.fileMeta().getString(Tag.TransferSyntaxUID);
        byte[] stored = encode(j2k.dataset(), j2kTs);
        DimseServiceRegistry registry = new DimseServiceRegistry().registerRetrieve(
                UID.StudyRootQueryRetrieveInformationModelMove, (req, keys) -> List.of(new RetrieveService.Instance(
                        j2k.dataset().getString(Tag.SOPClassUID), j2k.dataset().getString(Tag.SOPInstanceUID), j2kTs,
                        () -> new ByteArrayInputStream(stored))));
        AeConfig config = AeConfig.of("LUMENMOVE")
                .withMoveDestinations(Map.of("STORESCP", new AeConfig.RemoteAe("STORESCP", "127.0.0.1", port)));
        // storescp without +xa accepts the uncompressed syntaxes only.
        try (DicomServer mover = DicomServer.start(config, registry, 0);
                PeerProcess storescp = PeerProcess.start(tmp.resolve("storescp.log"), port, "storescp", "-aet", "STORESCP",
                        "-od", out.toString(), String.valueOf(port))) {
            Peers.Result r = Peers.run(60, "movescu", "-aet", "MOVESCU", "-aec", "LUMENMOVE", "-aem", "STORESCP", "-S", "-k",
                    "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=1.2", "127.0.0.1", String.valueOf(mover.port()));
            assertThat(r.ok()).as(r.toString()).isTrue();
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(out)) {
            files = s.filter(Files::isRegularFile).toList();
        }
        assertThat(files).hasSize(1);
        DicomFile got = DicomReader.read(files.get(0), ReadOptions.INCLUDE_ALL);
        assertThat(TransferSyntax.of(got.fileMeta().getString(Tag.TransferSyntaxUID)).encapsulated()).isFalse();
        int rows = got.dataset().getInt(Tag.Rows, 0);
        int columns = got.dataset().getInt(Tag.Columns, 0);
        assertThat(got.dataset().getBytes(Tag.PixelData)).hasSize(rows * columns * 2);
        // Lossless: the pixels equal the uncompressed twin (693_UNCR, which gdcmconv --raw also gives).
        DicomFile twin = DicomReader.read(TestData.dicom("pydicom-data/693_UNCR.dcm"), ReadOptions.INCLUDE_ALL);
        assertThat(got.dataset().getBytes(Tag.PixelData)).isEqualTo(twin.dataset().getBytes(Tag.PixelData));
    }

    @Test
    void lumenScuStoresToStorescp(@TempDir Path tmp) throws Exception {
        Path out = Files.createDirectories(tmp.resolve("out"));
        int port = PeerProcess.freePort();
        try (PeerProcess storescp = PeerProcess.start(tmp.resolve("storescp.log"), port, "storescp", "-aet", "STORESCP",
                "-od", out.toString(), "+xa", String.valueOf(port))) {
            String sopClass = ctSmall.dataset().getString(Tag.SOPClassUID);
            String ts = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
            try (Association as = DicomClient.connect(AeConfig.of("LUMENSCU"), "127.0.0.1", port, "STORESCP",
                    ConnectOptions.echo().propose(sopClass, ts))) {
                assertThat(as.echo().status()).isEqualTo(Status.SUCCESS);
                try (InputStream in = new ByteArrayInputStream(encode(ctSmall.dataset(), ts))) {
                    DimseResponse rsp = as.store(sopClass, ctSmall.dataset().getString(Tag.SOPInstanceUID), ts, in);
                    assertThat(rsp.status()).as(rsp.toString()).isEqualTo(Status.SUCCESS);
                }
                as.release();
            }
        }
        assertOneFileEqualsCtSmall(out);
    }

    private static void assertOneFileEqualsCtSmall(Path dir) throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(Files::isRegularFile).toList();
        }
        assertThat(files).hasSize(1);
        Attributes got = DicomReader.read(files.get(0), ReadOptions.INCLUDE_ALL).dataset();
        assertSameContent(got, ctSmall.dataset());
    }

    /**
     * Equal data sets, ignoring what a sender may legitimately recompute or drop: group lengths (gggg,0000) and the
     * trailing Data Set Trailing Padding (FFFC,FFFC).
     */
    static void assertSameContent(Attributes actual, Attributes expected) {
        Attributes a = comparable(actual);
        Attributes e = comparable(expected);
        String difference = a.firstDifference(e);
        assertThat(difference == null ? null : difference.substring(0, Math.min(300, difference.length())))
                .as("first difference").isNull();
        assertThat(a).isEqualTo(e);
    }

    private static Attributes comparable(Attributes dataset) {
        Attributes copy = dataset.deepCopy();
        for (int tag : copy.tags()) {
            if ((tag & 0xffff) == 0 || tag == 0xFFFCFFFC) {
                copy.remove(tag);
            }
        }
        return copy;
    }
}
