package org.lumen.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lumen.dicom.data.UID;
import org.lumen.dicom.io.TransferSyntax;
import org.lumen.net.dimse.Command;
import org.lumen.net.dimse.CommandField;
import org.lumen.net.dimse.Status;
import org.lumen.net.pdu.Pdu;
import org.lumen.net.pdu.PduCodec;

/** Bad input at the upper layer: malformed PDUs, floods, refused callers, silent and idle peers. The server stays up. */
class RobustnessTest {
    private DicomServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private DicomServer start(AeConfig config, DimseServiceRegistry registry) throws Exception {
        server = DicomServer.start(config, registry, 0);
        return server;
    }

    private static AeConfig fast(String aet) {
        return AeConfig.of(aet).withTimeouts(Duration.ofMillis(700), Duration.ofSeconds(10));
    }

    private void assertStillServes() throws Exception {
        try (Association as = DicomClient.connect(fast("CHECK"), "127.0.0.1", server.port(), "LUMEN", ConnectOptions.echo())) {
            assertThat(as.echo().status()).isEqualTo(Status.SUCCESS);
        }
    }

    private static Pdu.Abort expectAbort(RawPeer peer) throws Exception {
        Pdu pdu = peer.read();
        assertThat(pdu).isInstanceOf(Pdu.Abort.class);
        return (Pdu.Abort) pdu;
    }

    @Test
    void garbageInsteadOfAnAssociateRequestGetsAbort() throws Exception {
        start(fast("LUMEN"), new DimseServiceRegistry());
        try (LogCapture log = new LogCapture(); RawPeer peer = RawPeer.connect(server.port())) {
            peer.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            Pdu.Abort abort = expectAbort(peer);
            assertThat(abort.source()).isEqualTo(Pdu.Abort.SOURCE_PROVIDER);
            assertThat(abort.reason()).isEqualTo(Pdu.Abort.REASON_UNRECOGNIZED_PDU);
            assertThat(peer.closedByPeer()).isTrue();
            assertThat(log.contains("Unknown PDU type 0x47")).isTrue();
        }
        assertStillServes();
    }

    @Test
    void oversizedAssociateRequestGetsAbortWithoutReadingIt() throws Exception {
        start(fast("LUMEN"), new DimseServiceRegistry());
        try (LogCapture log = new LogCapture(); RawPeer peer = RawPeer.connect(server.port())) {
            peer.send(new byte[] {0x01, 0, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff});
            expectAbort(peer);
            assertThat(log.contains("exceeds the maximum")).isTrue();
        }
        assertStillServes();
    }

    @Test
    void associateRequestWithBrokenItemLengthGetsAbort() throws Exception {
        start(fast("LUMEN"), new DimseServiceRegistry());
        byte[] rq = PduCodec.encode(RawPeer.request("RAW", "LUMEN", UID.Verification));
        rq[6 + 68 + 2] = 0x40; // application context item length now runs past the PDU
        try (LogCapture log = new LogCapture(); RawPeer peer = RawPeer.connect(server.port())) {
            peer.send(rq);
            assertThat(expectAbort(peer).reason()).isEqualTo(Pdu.Abort.REASON_INVALID_PDU_PARAMETER_VALUE);
            assertThat(log.contains("declares length")).isTrue();
        }
        assertStillServes();
    }

    @Test
    void unsupportedProtocolVersionGetsAssociateReject() throws Exception {
        start(fast("LUMEN"), new DimseServiceRegistry());
        byte[] rq = PduCodec.encode(RawPeer.request("RAW", "LUMEN", UID.Verification));
        rq[7] = 2; // protocol version bits 0x0002: version 1 not offered
        try (LogCapture log = new LogCapture(); RawPeer peer = RawPeer.connect(server.port())) {
            peer.send(rq);
            assertThat(peer.read()).isEqualTo(new Pdu.AssociateRj(1, 2, 2));
            assertThat(log.contains("protocol version 2")).isTrue();
        }
        assertStillServes();
    }

    @Test
    void malformedPDataAfterAssociationGetsAbort() throws Exception {
        start(fast("LUMEN"), new DimseServiceRegistry());
        List<byte[]> bad = List.of(
                // PDV item length larger than the PDU
                new byte[] {0x04, 0, 0, 0, 0, 8, 0, 0, 0, 50, 1, 3, 0, 0},
                // P-DATA-TF longer than the 65536 bytes we advertised
                new byte[] {0x04, 0, 0, 2, 0, 0},
                // unknown PDU type
                new byte[] {0x09, 0, 0, 0, 0, 0},
                // a PDV on a presentation context that was never accepted
                PduCodec.encode(new Pdu.PData(List.of(new Pdu.Pdv(7, true, true, new byte[] {1, 2})))),
                // a command that is not a command set
                PduCodec.encode(new Pdu.PData(List.of(new Pdu.Pdv(1, true, true, new byte[] {8, 0, 0x10, 0, 2, 0, 0, 0, 1, 0})))),
                // an A-ASSOCIATE-RQ in the middle of an association
                PduCodec.encode(RawPeer.request("RAW", "LUMEN", UID.Verification)));
        for (byte[] pdu : bad) {
            try (LogCapture log = new LogCapture(); RawPeer peer = RawPeer.connect(server.port())) {
                assertThat(peer.associate("RAW", "LUMEN")).isInstanceOf(Pdu.AssociateAc.class);
                peer.send(pdu);
                expectAbort(peer);
                assertThat(peer.closedByPeer()).isTrue();
                assertThat(log.contains("sending A-ABORT")).as(log.messages().toString()).isTrue();
            }
        }
        assertStillServes();
    }

    @Test
    void randomBytesAfterAssociatingNeverKillTheServer() throws Exception {
        start(fast("LUMEN"), new DimseServiceRegistry().registerStorageFallback((req, in) -> in.readAllBytes()));
        java.util.Random random = new java.util.Random(4);
        byte[] rq = PduCodec.encode(RawPeer.request("RAW", "LUMEN", UID.Verification, UID.CTImageStorage));
        for (int i = 0; i < 60; i++) {
            try (RawPeer peer = RawPeer.connect(server.port())) {
                peer.socket.setSoTimeout(300);
                byte[] noise = new byte[random.nextInt(400)];
                random.nextBytes(noise);
                if (i % 3 == 0) {
                    // a valid-looking PDU header in front, so the noise reaches the item and command decoders
                    noise[0] = (byte) (1 + random.nextInt(7));
                    noise[1] = 0;
                    noise[2] = 0;
                    noise[3] = 0;
                    noise[4] = (byte) ((noise.length - 6) >> 8);
                    noise[5] = (byte) (noise.length - 6);
                }
                if (i % 2 == 0) {
                    peer.send(rq);
                    peer.read();
                }
                peer.send(noise);
                peer.closedByPeer();
            } catch (java.io.IOException e) {
                // the server may close while we write: that is one of the right answers
            }
        }
        long deadline = System.currentTimeMillis() + 5000;
        while (server.activeAssociations() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(server.activeAssociations()).isZero();
        assertStillServes();
    }

    @Test
    void floodBeyondMaxAssociationsIsRejectedTransiently() throws Exception {
        start(fast("LUMEN").withMaxAssociations(2), new DimseServiceRegistry());
        List<Association> held = new ArrayList<>();
        try (LogCapture log = new LogCapture()) {
            for (int i = 0; i < 2; i++) {
                held.add(DicomClient.connect(fast("SCU" + i), "127.0.0.1", server.port(), "LUMEN", ConnectOptions.echo()));
            }
            for (int i = 0; i < 5; i++) {
                assertThatThrownBy(() -> DicomClient.connect(fast("FLOOD"), "127.0.0.1", server.port(), "LUMEN",
                        ConnectOptions.echo())).isInstanceOfSatisfying(AssociationRejectedException.class, e -> {
                            assertThat(e.rejection().result()).isEqualTo(Pdu.AssociateRj.TRANSIENT);
                            assertThat(e.rejection().source()).isEqualTo(Pdu.AssociateRj.SOURCE_PRESENTATION);
                            assertThat(e.rejection().reason()).isEqualTo(Pdu.AssociateRj.PRESENTATION_LOCAL_LIMIT_EXCEEDED);
                        });
            }
            assertThat(log.contains("already 2 associations open")).isTrue();
            // The held associations still work.
            assertThat(held.get(0).echo().status()).isEqualTo(Status.SUCCESS);
        } finally {
            for (Association as : held) {
                as.release();
            }
        }
        long deadline = System.currentTimeMillis() + 5000;
        while (server.activeAssociations() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertStillServes();
    }

    @Test
    void callingAeNotInTheAllowListIsRejected() throws Exception {
        start(fast("LUMEN").withAllowedCallingAes(Set.of("MODALITY", "CHECK")), new DimseServiceRegistry());
        try (LogCapture log = new LogCapture()) {
            assertThatThrownBy(() -> DicomClient.connect(fast("INTRUDER"), "127.0.0.1", server.port(), "LUMEN",
                    ConnectOptions.echo())).isInstanceOfSatisfying(AssociationRejectedException.class, e -> {
                        assertThat(e.rejection().result()).isEqualTo(1);
                        assertThat(e.rejection().reason()).isEqualTo(Pdu.AssociateRj.USER_CALLING_AE_NOT_RECOGNIZED);
                    });
            assertThat(log.contains("calling AE 'INTRUDER' is not allowed")).isTrue();
        }
        try (Association as = DicomClient.connect(fast("MODALITY"), "127.0.0.1", server.port(), "LUMEN", ConnectOptions.echo())) {
            assertThat(as.echo().status()).isEqualTo(Status.SUCCESS);
        }
    }

    @Test
    void perServiceAllowListRejectsTheContextOrTheAssociation() throws Exception {
        DimseServiceRegistry registry = new DimseServiceRegistry()
                .registerStore(UID.CTImageStorage, (req, in) -> in.readAllBytes(), "MODALITY");
        start(fast("LUMEN"), registry);
        String ele = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
        // Only the refused service proposed: the whole association is refused (calling AE not recognized).
        assertThatThrownBy(() -> DicomClient.connect(fast("OTHER"), "127.0.0.1", server.port(), "LUMEN",
                ConnectOptions.none().propose(UID.CTImageStorage, ele)))
                .isInstanceOfSatisfying(AssociationRejectedException.class,
                        e -> assertThat(e.rejection().reason()).isEqualTo(Pdu.AssociateRj.USER_CALLING_AE_NOT_RECOGNIZED));
        // With echo too: associated, the CT context rejected by the user (result 1).
        try (Association as = DicomClient.connect(fast("OTHER"), "127.0.0.1", server.port(), "LUMEN",
                ConnectOptions.echo().propose(UID.CTImageStorage, ele))) {
            assertThat(as.associateAccept().contexts().get(1).result()).isEqualTo(1);
            assertThatThrownBy(() -> as.store(UID.CTImageStorage, "1.2", ele, new ByteArrayInputStream(new byte[0])))
                    .isInstanceOf(NoPresentationContextException.class);
        }
        try (Association as = DicomClient.connect(fast("MODALITY"), "127.0.0.1", server.port(), "LUMEN",
                ConnectOptions.none().propose(UID.CTImageStorage, ele))) {
            assertThat(as.store(UID.CTImageStorage, "1.2.3", ele,
                    new ByteArrayInputStream(InProcessTest.dataset("1.2.3"))).status()).isEqualTo(Status.SUCCESS);
        }
    }

    @Test
    void artimClosesASilentConnection() throws Exception {
        start(fast("LUMEN"), new DimseServiceRegistry());
        try (LogCapture log = new LogCapture(); RawPeer peer = RawPeer.connect(server.port())) {
            long t0 = System.nanoTime();
            assertThat(peer.closedByPeer()).isTrue();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(ms).isBetween(500L, 4000L);
            Thread.sleep(100);
            assertThat(log.contains("ARTIM expired")).isTrue();
        }
        assertStillServes();
    }

    @Test
    void artimBoundsAnAssociateRequestTrickledByteByByte() throws Exception {
        start(fast("LUMEN"), new DimseServiceRegistry());
        byte[] rq = PduCodec.encode(RawPeer.request("RAW", "LUMEN", UID.Verification));
        try (LogCapture log = new LogCapture(); RawPeer peer = RawPeer.connect(server.port())) {
            long t0 = System.nanoTime();
            boolean closed = false;
            // One byte every 200 ms: each read is quick, the whole request would take a minute.
            for (int i = 0; i < rq.length && !closed; i++) {
                try {
                    peer.send(new byte[] {rq[i]});
                    Thread.sleep(200);
                } catch (java.io.IOException e) {
                    closed = true;
                }
                closed = closed || (System.nanoTime() - t0) > 5_000_000_000L;
            }
            assertThat(peer.closedByPeer()).isTrue();
            assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(4000L);
            assertThat(log.contains("ARTIM expired")).isTrue();
        }
        assertStillServes();
    }

    @Test
    void idleAssociationIsAborted() throws Exception {
        start(AeConfig.of("LUMEN").withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(600)), new DimseServiceRegistry());
        try (LogCapture log = new LogCapture();
                Association as = DicomClient.connect(fast("IDLER"), "127.0.0.1", server.port(), "LUMEN", ConnectOptions.echo())) {
            assertThat(as.awaitEnd(Duration.ofSeconds(5))).isTrue();
            assertThat(as.abortedByPeer()).isTrue();
            assertThat(log.contains("idle for 600 ms")).isTrue();
        }
    }

    @Test
    void dataSetCutShortByAbortFailsTheServiceRead() throws Exception {
        java.util.concurrent.CompletableFuture<Throwable> seen = new java.util.concurrent.CompletableFuture<>();
        DimseServiceRegistry registry = new DimseServiceRegistry().registerStorageFallback((req, in) -> {
            try {
                in.readAllBytes();
                seen.complete(null);
            } catch (java.io.IOException e) {
                seen.complete(e);
                throw e;
            }
        });
        start(fast("LUMEN"), registry);
        try (RawPeer peer = RawPeer.connect(server.port())) {
            peer.send(RawPeer.request("RAW", "LUMEN", UID.CTImageStorage));
            assertThat(peer.read()).isInstanceOf(Pdu.AssociateAc.class);
            peer.sendCommand(Command.request(CommandField.C_STORE_RQ, 1, UID.CTImageStorage, true)
                    .set(Command.AFFECTED_SOP_INSTANCE_UID, "1.2.3"));
            peer.send(new Pdu.PData(List.of(new Pdu.Pdv(1, false, false, new byte[1000]))));
            peer.send(new Pdu.Abort(0, 0));
        }
        Throwable failure = seen.get(5, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(failure).isInstanceOf(java.io.IOException.class).hasMessageContaining("Data set incomplete");
        assertStillServes();
    }
}
