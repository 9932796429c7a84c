package org.lumen.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.data.UID;
import org.lumen.dicom.data.VR;
import org.lumen.dicom.io.TransferSyntax;
import org.lumen.net.dimse.Command;
import org.lumen.net.dimse.CommandField;
import org.lumen.net.dimse.Status;
import org.lumen.net.pdu.Pdu;
import org.lumen.net.pdu.PresentationContext;
import org.lumen.net.pdu.UserInfo;

/** The PS3.8 state machine at its edges, driven by in-process peers that record exactly what crossed the wire. */
class StateMachineTest {
    private static final String ELE = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
    private DicomServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private static AeConfig config(String aet) {
        return AeConfig.of(aet).withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(10));
    }

    /** A Lumen SCP whose N-ACTION service hands the test its association, to make the SCP side act. */
    private CompletableFuture<Association> serverWithCapturedAssociation() throws Exception {
        CompletableFuture<Association> captured = new CompletableFuture<>();
        DimseServiceRegistry registry = new DimseServiceRegistry().registerNService(UID.StorageCommitmentPushModel,
                (req, info) -> {
                    captured.complete(req.association());
                    return null;
                });
        server = DicomServer.start(config("LUMEN"), registry, 0);
        return captured;
    }

    @Test
    void releaseCollisionOnTheAcceptorSide() throws Exception {
        CompletableFuture<Association> captured = serverWithCapturedAssociation();
        try (RawPeer peer = RawPeer.connect(server.port())) {
            peer.send(RawPeer.request("RAW", "LUMEN", UID.StorageCommitmentPushModel));
            assertThat(peer.read()).isInstanceOf(Pdu.AssociateAc.class);
            peer.sendCommand(Command.request(CommandField.N_ACTION_RQ, 1, UID.StorageCommitmentPushModel, false)
                    .set(Command.REQUESTED_SOP_INSTANCE_UID, UID.StorageCommitmentPushModelInstance)
                    .set(Command.ACTION_TYPE_ID, 1));
            assertThat(peer.read()).isInstanceOf(Pdu.PData.class); // N-ACTION-RSP
            Association scp = captured.get(5, TimeUnit.SECONDS);
            CompletableFuture<Void> release = CompletableFuture.runAsync(() -> {
                try {
                    scp.release();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            // The SCP asks to release; we (the requestor) ask too: a collision.
            assertThat(peer.read()).isInstanceOf(Pdu.ReleaseRq.class);
            peer.send(new Pdu.ReleaseRq());
            // PS3.8: the requestor answers first; the acceptor answers only after our A-RELEASE-RP.
            peer.send(new Pdu.ReleaseRp());
            assertThat(peer.read()).isInstanceOf(Pdu.ReleaseRp.class);
            peer.close();
            release.get(5, TimeUnit.SECONDS);
            assertThat(scp.awaitEnd(Duration.ofSeconds(5))).isTrue();
            assertThat(scp.stateHistory()).containsSubsequence(State.STA6, State.STA7, State.STA10, State.STA12, State.STA13,
                    State.STA1);
        }
    }

    @Test
    void releaseCollisionOnTheRequestorSide() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<List<Pdu>> wire = CompletableFuture.supplyAsync(() -> {
                List<Pdu> seen = new ArrayList<>();
                try (RawPeer peer = new RawPeer(listener.accept())) {
                    Pdu.AssociateRq rq = (Pdu.AssociateRq) peer.read();
                    peer.send(new Pdu.AssociateAc(rq.calledAe(), rq.callingAe(), Pdu.DICOM_APPLICATION_CONTEXT,
                            List.of(PresentationContext.answer(1, 0, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN)),
                            UserInfo.of(16384, "1.2.3", "RAW")));
                    seen.add(peer.read()); // the client's A-RELEASE-RQ
                    peer.send(new Pdu.ReleaseRq()); // collision
                    seen.add(peer.read()); // the requestor answers our RQ first
                    peer.send(new Pdu.ReleaseRp());
                    seen.add(peer.closedByPeer() ? null : new Pdu.ReleaseRq());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return seen;
            });
            Association scu = DicomClient.connect(config("LUMENSCU"), "127.0.0.1", listener.getLocalPort(), "RAWSCP",
                    ConnectOptions.echo());
            scu.release();
            List<Pdu> seen = wire.get(10, TimeUnit.SECONDS);
            assertThat(seen.get(0)).isInstanceOf(Pdu.ReleaseRq.class);
            assertThat(seen.get(1)).isInstanceOf(Pdu.ReleaseRp.class);
            assertThat(seen.get(2)).as("the requestor closes the connection").isNull();
            assertThat(scu.stateHistory()).containsSubsequence(State.STA6, State.STA7, State.STA9, State.STA11, State.STA1);
            assertThat(scu.abortedByPeer()).isFalse();
        }
    }

    @Test
    void simultaneousReleaseByTwoLumenEndsEndsCleanly() throws Exception {
        for (int round = 0; round < 5; round++) {
            CompletableFuture<Association> captured = serverWithCapturedAssociation();
            Association scu = DicomClient.connect(config("LUMENSCU"), "127.0.0.1", server.port(), "LUMEN",
                    ConnectOptions.none().propose(UID.StorageCommitmentPushModel, ELE));
            assertThat(scu.nAction(UID.StorageCommitmentPushModel, UID.StorageCommitmentPushModelInstance, 1, null).status())
                    .isEqualTo(Status.SUCCESS);
            Association scp = captured.get(5, TimeUnit.SECONDS);
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService two = Executors.newFixedThreadPool(2);
            Future<?> a = two.submit(() -> {
                go.await();
                scu.release();
                return null;
            });
            Future<?> b = two.submit(() -> {
                go.await();
                scp.release();
                return null;
            });
            go.countDown();
            a.get(10, TimeUnit.SECONDS);
            b.get(10, TimeUnit.SECONDS);
            two.shutdown();
            assertThat(scu.awaitEnd(Duration.ofSeconds(5))).isTrue();
            assertThat(scp.awaitEnd(Duration.ofSeconds(5))).isTrue();
            assertThat(scu.abortedByPeer()).isFalse();
            assertThat(scp.abortedByPeer()).isFalse();
            server.stop();
        }
        server = null;
    }

    @Test
    void outgoingPDataIsFragmentedToThePeersMaximumLength() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<List<Integer>> sizes = CompletableFuture.supplyAsync(() -> {
                List<Integer> lengths = new ArrayList<>();
                try (RawPeer peer = new RawPeer(listener.accept())) {
                    Pdu.AssociateRq rq = (Pdu.AssociateRq) peer.read();
                    peer.send(new Pdu.AssociateAc(rq.calledAe(), rq.callingAe(), Pdu.DICOM_APPLICATION_CONTEXT,
                            List.of(PresentationContext.answer(1, 0, ELE)), UserInfo.of(4096, "1.2.3", "RAW")));
                    boolean last = false;
                    while (!last) {
                        Pdu.PData data = (Pdu.PData) peer.read();
                        for (Pdu.Pdv pdv : data.pdvs()) {
                            lengths.add(pdv.data().length + 6);
                            last = !pdv.command() && pdv.last();
                        }
                    }
                    peer.send(new Pdu.Abort(0, 0));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return lengths;
            });
            Association scu = DicomClient.connect(config("LUMENSCU"), "127.0.0.1", listener.getLocalPort(), "RAWSCP",
                    ConnectOptions.none().propose(UID.CTImageStorage, ELE));
            byte[] data = InProcessTest.dataset("1.2.3");
            try {
                scu.store(UID.CTImageStorage, "1.2.3", ELE, new ByteArrayInputStream(data));
            } catch (java.io.IOException expected) {
                // the raw peer aborts instead of answering
            }
            List<Integer> lengths = sizes.get(10, TimeUnit.SECONDS);
            assertThat(lengths).allSatisfy(l -> assertThat(l).isLessThanOrEqualTo(4096));
            assertThat(lengths.size()).isGreaterThan(data.length / 4096);
        }
    }

    @Test
    void cCancelStopsAFindWithCancelStatus() throws Exception {
        AtomicInteger produced = new AtomicInteger();
        DimseServiceRegistry registry = new DimseServiceRegistry().registerFind(UID.StudyRootQueryRetrieveInformationModelFind,
                (req, keys) -> Stream.generate(() -> {
                    produced.incrementAndGet();
                    sleep(20);
                    Attributes a = new Attributes();
                    a.setString(Tag.StudyInstanceUID, VR.UI, "1.2." + produced.get());
                    return a;
                }));
        server = DicomServer.start(config("LUMEN"), registry, 0);
        try (Association as = DicomClient.connect(config("SCU"), "127.0.0.1", server.port(), "LUMEN",
                ConnectOptions.echo().propose(UID.StudyRootQueryRetrieveInformationModelFind, ELE))) {
            FindResults results = as.find(UID.StudyRootQueryRetrieveInformationModelFind, new Attributes());
            for (int i = 0; i < 3; i++) {
                assertThat(results.next()).isNotNull();
            }
            results.cancel();
            DimseResponse last = results.finalResponse();
            assertThat(last.status()).isEqualTo(Status.CANCEL);
            int atCancel = produced.get();
            Thread.sleep(200);
            assertThat(produced.get()).isEqualTo(atCancel);
            assertThat(as.echo().status()).as("the association goes on").isEqualTo(Status.SUCCESS);
        }
    }

    @Test
    void asynchronousOperationsWindowIsHonoured() throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        DimseServiceRegistry registry = new DimseServiceRegistry().registerStorageFallback((req, in) -> {
            int now = inside.incrementAndGet();
            peak.accumulateAndGet(now, Math::max);
            in.readAllBytes();
            sleep(150);
            inside.decrementAndGet();
        });
        server = DicomServer.start(config("LUMEN").withMaxOpsPerformed(4), registry, 0);
        for (int window : new int[] {1, 4}) {
            peak.set(0);
            ConnectOptions options = ConnectOptions.none().propose(UID.CTImageStorage, ELE);
            if (window > 1) {
                options = options.withAsyncOps(window, 1);
            }
            try (Association as = DicomClient.connect(config("SCU"), "127.0.0.1", server.port(), "LUMEN", options)) {
                UserInfo.AsyncOps negotiated = as.associateAccept().userInfo().asyncOps();
                assertThat(negotiated == null ? 1 : negotiated.maxInvoked()).isEqualTo(window);
                ExecutorService senders = Executors.newFixedThreadPool(4);
                List<Future<DimseResponse>> results = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    String uid = "1.2.9." + i;
                    results.add(senders.submit(() -> as.store(UID.CTImageStorage, uid, ELE,
                            new ByteArrayInputStream(InProcessTest.dataset(uid)))));
                }
                for (Future<DimseResponse> f : results) {
                    assertThat(f.get(20, TimeUnit.SECONDS).status()).isEqualTo(Status.SUCCESS);
                }
                senders.shutdown();
            }
            assertThat(peak.get()).as("operations performed at once with window " + window).isEqualTo(window);
        }
    }

    @Test
    void storageCommitmentActionThenEventReportOnTheSameAssociation() throws Exception {
        DimseServiceRegistry registry = new DimseServiceRegistry().registerNService(UID.StorageCommitmentPushModel,
                (req, info) -> {
                    String transaction = info.getString(Tag.TransactionUID);
                    Association association = req.association();
                    // The commitment result follows the N-ACTION response, from another thread.
                    new Thread(() -> {
                        try {
                            Attributes result = new Attributes();
                            result.setString(Tag.TransactionUID, VR.UI, transaction);
                            association.nEventReport(UID.StorageCommitmentPushModel, UID.StorageCommitmentPushModelInstance,
                                    1, result);
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).start();
                    return null;
                });
        server = DicomServer.start(config("LUMEN"), registry, 0);
        CompletableFuture<String> reported = new CompletableFuture<>();
        DimseServiceRegistry incoming = new DimseServiceRegistry().registerNService(UID.StorageCommitmentPushModel,
                (req, info) -> {
                    assertThat(req.commandField()).isEqualTo(CommandField.N_EVENT_REPORT_RQ);
                    assertThat(req.typeId()).isEqualTo(1);
                    reported.complete(info.getString(Tag.TransactionUID));
                    return null;
                });
        try (Association as = DicomClient.connect(config("SCU"), "127.0.0.1", server.port(), "LUMEN",
                ConnectOptions.none().propose(UID.StorageCommitmentPushModel, ELE), incoming)) {
            Attributes request = new Attributes();
            request.setString(Tag.TransactionUID, VR.UI, "2.25.1234");
            DimseResponse rsp = as.nAction(UID.StorageCommitmentPushModel, UID.StorageCommitmentPushModelInstance, 1, request);
            assertThat(rsp.status()).isEqualTo(Status.SUCCESS);
            assertThat(rsp.command().getInt(Command.ACTION_TYPE_ID, -1)).isEqualTo(1);
            assertThat(reported.get(5, TimeUnit.SECONDS)).isEqualTo("2.25.1234");
        }
    }

    @Test
    void storageCommitmentResultOnANewAssociationWithReversedRoles() throws Exception {
        CompletableFuture<String> reported = new CompletableFuture<>();
        // The modality, which asked for commitment earlier, now accepts the association that carries the result.
        DimseServiceRegistry modality = new DimseServiceRegistry().registerNService(UID.StorageCommitmentPushModel,
                (req, info) -> {
                    reported.complete(info.getString(Tag.TransactionUID));
                    return null;
                });
        server = DicomServer.start(config("MODALITY"), modality, 0);
        try (Association as = DicomClient.connect(config("LUMEN"), "127.0.0.1", server.port(), "MODALITY",
                ConnectOptions.none().propose(UID.StorageCommitmentPushModel, ELE)
                        .withRole(UID.StorageCommitmentPushModel, false, true))) {
            assertThat(as.associateAccept().userInfo().roleSelections())
                    .containsExactly(new UserInfo.RoleSelection(UID.StorageCommitmentPushModel, false, true));
            Attributes result = new Attributes();
            result.setString(Tag.TransactionUID, VR.UI, "2.25.99");
            DimseResponse rsp = as.nEventReport(UID.StorageCommitmentPushModel, UID.StorageCommitmentPushModelInstance, 1,
                    result);
            assertThat(rsp.status()).isEqualTo(Status.SUCCESS);
            assertThat(rsp.command().getInt(Command.EVENT_TYPE_ID, -1)).isEqualTo(1);
        }
        assertThat(reported.get(5, TimeUnit.SECONDS)).isEqualTo("2.25.99");
    }

    @Test
    void userIdentityRoleSelectionAndExtendedNegotiation() throws Exception {
        List<byte[]> seenExtended = new ArrayList<>();
        DimseServiceRegistry registry = new DimseServiceRegistry().registerFind(UID.StudyRootQueryRetrieveInformationModelFind,
                (req, keys) -> {
                    seenExtended.add(req.extendedNegotiation());
                    return Stream.empty();
                });
        AeConfig.UserIdentityVerifier verifier = (calling, identity) -> {
            String user = new String(identity.primary(), StandardCharsets.UTF_8);
            String pass = new String(identity.secondary(), StandardCharsets.UTF_8);
            if (!"alice".equals(user) || !"secret".equals(pass)) {
                throw new SecurityException("unknown user or wrong passcode");
            }
            return "welcome".getBytes(StandardCharsets.UTF_8);
        };
        server = DicomServer.start(config("LUMEN").withUserIdentityVerifier(verifier), registry, 0);
        ConnectOptions options = ConnectOptions.none().propose(UID.StudyRootQueryRetrieveInformationModelFind, ELE)
                .propose(UID.CTImageStorage, ELE).withScpRole(UID.CTImageStorage)
                .withExtendedNegotiation(UID.StudyRootQueryRetrieveInformationModelFind, new byte[] {1, 1, 1});
        UserInfo.UserIdentity good = new UserInfo.UserIdentity(2, true, "alice".getBytes(StandardCharsets.UTF_8),
                "secret".getBytes(StandardCharsets.UTF_8));
        try (Association as = DicomClient.connect(config("SCU"), "127.0.0.1", server.port(), "LUMEN",
                options.withUserIdentity(good))) {
            UserInfo answer = as.associateAccept().userInfo();
            assertThat(new String(answer.userIdentityResponse(), StandardCharsets.UTF_8)).isEqualTo("welcome");
            assertThat(answer.roleSelections()).containsExactly(new UserInfo.RoleSelection(UID.CTImageStorage, true, true));
            // Accepted though the SCP has no storage service: it is the SCU of these C-STOREs (C-GET).
            assertThat(as.associateAccept().contexts().get(1).result()).isEqualTo(0);
            try (FindResults r = as.find(UID.StudyRootQueryRetrieveInformationModelFind, new Attributes())) {
                assertThat(r.hasNext()).isFalse();
            }
            assertThat(seenExtended.get(0)).containsExactly(1, 1, 1);
        }
        UserInfo.UserIdentity bad = new UserInfo.UserIdentity(2, true, "mallory".getBytes(StandardCharsets.UTF_8),
                "x".getBytes(StandardCharsets.UTF_8));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DicomClient.connect(config("SCU"), "127.0.0.1",
                server.port(), "LUMEN", options.withUserIdentity(bad))).isInstanceOf(AssociationRejectedException.class);
    }

    @Test
    void extendedNegotiationIsAnsweredWithTheLesserOfProposedAndSupported() throws Exception {
        List<byte[]> seenExtended = new ArrayList<>();
        DimseServiceRegistry registry = new DimseServiceRegistry()
                .registerFind(UID.StudyRootQueryRetrieveInformationModelFind, (req, keys) -> {
                    seenExtended.add(req.extendedNegotiation());
                    return Stream.empty();
                })
                .supportExtendedNegotiation(UID.StudyRootQueryRetrieveInformationModelFind, (byte) 1, (byte) 1, (byte) 0, (byte) 0);
        server = DicomServer.start(config("LUMEN"), registry, 0);
        ConnectOptions options = ConnectOptions.none().propose(UID.StudyRootQueryRetrieveInformationModelFind, ELE)
                .withExtendedNegotiation(UID.StudyRootQueryRetrieveInformationModelFind, new byte[] {1, 0, 1});
        try (Association as = DicomClient.connect(config("SCU"), "127.0.0.1", server.port(), "LUMEN", options)) {
            List<UserInfo.ExtendedNegotiation> answered = as.associateAccept().userInfo().extendedNegotiations();
            assertThat(answered).hasSize(1);
            assertThat(answered.get(0).info()).containsExactly(1, 0, 0);   // relational yes, date-time not asked, fuzzy no
            try (FindResults r = as.find(UID.StudyRootQueryRetrieveInformationModelFind, new Attributes())) {
                assertThat(r.hasNext()).isFalse();
            }
            assertThat(seenExtended.get(0)).containsExactly(1, 0, 0);       // the service sees the agreement
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
