package org.lumen.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.data.UID;
import org.lumen.dicom.data.VR;
import org.lumen.dicom.io.TransferSyntax;
import org.lumen.net.dimse.DimseException;
import org.lumen.net.dimse.Status;

/** Lumen SCU against Lumen SCP in one JVM: every DIMSE service and the negotiation rules, over real loopback sockets. */
class InProcessTest {
    private static final String CT = UID.CTImageStorage;
    private static final String ELE = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
    private static final String ILE = TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN;

    private final Map<String, byte[]> stored = new ConcurrentHashMap<>();
    private final List<StoreRequest> storeRequests = new CopyOnWriteArrayList<>();
    private DicomServer server;
    private AeConfig scu;

    @BeforeEach
    void start() throws Exception {
        DimseServiceRegistry registry = new DimseServiceRegistry()
                .registerStorageFallback((req, in) -> {
                    storeRequests.add(req);
                    stored.put(req.sopInstanceUid(), in.readAllBytes());
                })
                .registerFind(UID.StudyRootQueryRetrieveInformationModelFind, (req, keys) -> Stream.of(match("1.2.3"),
                        match("1.2.4"), match("1.2.5")))
                .registerStore(UID.MRImageStorage, (req, in) -> {
                    throw new DimseException(Status.OUT_OF_RESOURCES, "disk full");
                })
                .registerRetrieve(UID.StudyRootQueryRetrieveInformationModelGet, (req, keys) ->
                        "MANY".equals(keys.getString(Tag.StudyInstanceUID))
                                ? java.util.stream.IntStream.range(0, 50).mapToObj(i -> instance("1.9.5." + i)).toList()
                                : List.of(instance("1.9.1"), instance("1.9.2")))
                .registerRetrieve(UID.StudyRootQueryRetrieveInformationModelMove, (req, keys) -> List.of(instance("1.9.1")));
        server = DicomServer.start(AeConfig.of("LUMEN").withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(20)), registry, 0);
        scu = AeConfig.of("TESTSCU").withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(20));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private static Attributes match(String studyUid) {
        Attributes a = new Attributes();
        a.setString(Tag.QueryRetrieveLevel, VR.CS, "STUDY");
        a.setString(Tag.StudyInstanceUID, VR.UI, studyUid);
        return a;
    }

    private static RetrieveService.Instance instance(String uid) {
        byte[] bytes = dataset(uid);
        return new RetrieveService.Instance(CT, uid, ELE, () -> new ByteArrayInputStream(bytes));
    }

    static byte[] dataset(String sopInstanceUid) {
        Attributes a = new Attributes();
        a.setString(Tag.SOPClassUID, VR.UI, CT);
        a.setString(Tag.SOPInstanceUID, VR.UI, sopInstanceUid);
        a.setBytes(Tag.PixelData, VR.OW, new byte[300_000]);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            org.lumen.dicom.io.DicomWriter.writeDataset(out, a, TransferSyntax.of(ELE));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Test
    void echoThenRelease() throws Exception {
        try (Association as = DicomClient.connect(scu, "127.0.0.1", server.port(), "LUMEN", ConnectOptions.echo())) {
            assertThat(as.state()).isEqualTo(State.STA6);
            assertThat(as.echo().status()).isEqualTo(Status.SUCCESS);
            as.release();
            assertThat(as.state()).isEqualTo(State.STA1);
            assertThat(as.abortedByPeer()).isFalse();
        }
    }

    @Test
    void storeStreamsTheDataSetAcrossManyPdus() throws Exception {
        byte[] data = dataset("1.2.840.99.1");
        // 16 KiB PDUs: the 300 KB instance crosses in about 20 P-DATA-TF PDUs.
        AeConfig small = scu.withMaxPduLength(16384, 0);
        try (Association as = DicomClient.connect(small, "127.0.0.1", server.port(), "LUMEN",
                ConnectOptions.none().propose(CT, ELE))) {
            DimseResponse rsp = as.store(CT, "1.2.840.99.1", ELE, new ByteArrayInputStream(data));
            assertThat(rsp.status()).isEqualTo(Status.SUCCESS);
        }
        assertThat(stored.get("1.2.840.99.1")).isEqualTo(data);
        assertThat(storeRequests.get(0).callingAe()).isEqualTo("TESTSCU");
        assertThat(storeRequests.get(0).transferSyntaxUid()).isEqualTo(ELE);
    }

    @Test
    void serviceFailureBecomesItsStatus() throws Exception {
        try (Association as = DicomClient.connect(scu, "127.0.0.1", server.port(), "LUMEN",
                ConnectOptions.none().propose(UID.MRImageStorage, ELE))) {
            DimseResponse rsp = as.store(UID.MRImageStorage, "1.2.3", ELE, new ByteArrayInputStream(dataset("1.2.3")));
            assertThat(rsp.status()).isEqualTo(Status.OUT_OF_RESOURCES);
            assertThat(rsp.errorComment()).isEqualTo("disk full");
            // The association survives a failed operation.
            assertThat(as.isOpen()).isTrue();
        }
    }

    @Test
    void negotiationPrefersTheProposersOrderAndRejectsUnknownSyntaxes() throws Exception {
        ConnectOptions options = ConnectOptions.none()
                .propose(CT, "1.2.3.4.5.6.7", ILE, ELE)
                .propose(UID.ModalityWorklistInformationModelFind, ILE) // no service: abstract syntax not supported
                .propose(CT, "1.2.3.4.5.6.7"); // unknown transfer syntax only
        try (Association as = DicomClient.connect(scu, "127.0.0.1", server.port(), "LUMEN", options)) {
            var answers = as.associateAccept().contexts();
            assertThat(answers.get(0).result()).isEqualTo(0);
            assertThat(answers.get(0).transferSyntax()).isEqualTo(ILE);
            assertThat(answers.get(1).result()).isEqualTo(3);
            assertThat(answers.get(2).result()).isEqualTo(4);
            assertThatThrownBy(() -> as.store(CT, "1.2", ELE, new ByteArrayInputStream(new byte[0])))
                    .isInstanceOf(NoPresentationContextException.class).hasMessageContaining(ILE);
        }
    }

    @Test
    void wrongCalledAeIsRejected() {
        assertThatThrownBy(() -> DicomClient.connect(scu, "127.0.0.1", server.port(), "OTHER", ConnectOptions.echo()))
                .isInstanceOfSatisfying(AssociationRejectedException.class, e -> {
                    assertThat(e.rejection().result()).isEqualTo(1);
                    assertThat(e.rejection().source()).isEqualTo(1);
                    assertThat(e.rejection().reason()).isEqualTo(7);
                });
    }

    @Test
    void findReturnsEveryMatchThenSuccess() throws Exception {
        try (Association as = DicomClient.connect(scu, "127.0.0.1", server.port(), "LUMEN",
                ConnectOptions.none().propose(UID.StudyRootQueryRetrieveInformationModelFind, ELE))) {
            Attributes keys = match("");
            List<String> uids = new java.util.ArrayList<>();
            try (FindResults results = as.find(UID.StudyRootQueryRetrieveInformationModelFind, keys)) {
                results.forEachRemaining(a -> uids.add(a.getString(Tag.StudyInstanceUID)));
                assertThat(results.finalResponse().status()).isEqualTo(Status.SUCCESS);
            }
            assertThat(uids).containsExactly("1.2.3", "1.2.4", "1.2.5");
        }
    }

    @Test
    void getBringsTheInstancesBackOnTheSameAssociation() throws Exception {
        Map<String, byte[]> received = new ConcurrentHashMap<>();
        ConnectOptions options = ConnectOptions.none().propose(UID.StudyRootQueryRetrieveInformationModelGet, ILE)
                .propose(CT, ELE).withScpRole(CT);
        try (Association as = DicomClient.connect(scu, "127.0.0.1", server.port(), "LUMEN", options)) {
            DimseResponse rsp = as.get(UID.StudyRootQueryRetrieveInformationModelGet, match("1.2.3"),
                    (req, in) -> received.put(req.sopInstanceUid(), in.readAllBytes()));
            assertThat(rsp.status()).isEqualTo(Status.SUCCESS);
            assertThat(rsp.completed()).isEqualTo(2);
            assertThat(rsp.failed()).isZero();
        }
        assertThat(received.keySet()).containsExactlyInAnyOrder("1.9.1", "1.9.2");
        assertThat(received.get("1.9.1")).isEqualTo(dataset("1.9.1"));
    }

    @Test
    void getCancelledBetweenSubOperations() throws Exception {
        ConnectOptions options = ConnectOptions.none().propose(UID.StudyRootQueryRetrieveInformationModelGet, ILE)
                .propose(CT, ELE).withScpRole(CT);
        java.util.concurrent.atomic.AtomicInteger received = new java.util.concurrent.atomic.AtomicInteger();
        try (Association as = DicomClient.connect(scu, "127.0.0.1", server.port(), "LUMEN", options)) {
            FindResults results = as.startGet(UID.StudyRootQueryRetrieveInformationModelGet, match("MANY"), (req, in) -> {
                in.readAllBytes();
                received.incrementAndGet();
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            DimseResponse pending = results.nextResponse();
            assertThat(pending.status()).isEqualTo(Status.PENDING);
            assertThat(pending.completed()).isEqualTo(1);
            assertThat(pending.remaining()).isEqualTo(49);
            results.cancel();
            DimseResponse last = results.finalResponse();
            assertThat(last.status()).isEqualTo(Status.CANCEL);
            assertThat(last.remaining()).isPositive();
            assertThat(last.completed() + last.remaining()).isEqualTo(50);
            assertThat(received.get()).isEqualTo(last.completed());
        }
    }

    @Test
    void moveToAnUnknownDestinationFailsWithA801() throws Exception {
        try (Association as = DicomClient.connect(scu, "127.0.0.1", server.port(), "LUMEN",
                ConnectOptions.none().propose(UID.StudyRootQueryRetrieveInformationModelMove, ELE))) {
            DimseResponse rsp = as.move(UID.StudyRootQueryRetrieveInformationModelMove, "NOWHERE", match("1.2.3"));
            assertThat(rsp.status()).isEqualTo(Status.MOVE_DESTINATION_UNKNOWN);
        }
    }
}
