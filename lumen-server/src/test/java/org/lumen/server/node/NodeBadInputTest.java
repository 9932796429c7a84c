package org.lumen.server.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.data.UID;
import org.lumen.dicom.data.VR;
import org.lumen.dicom.io.Implementation;
import org.lumen.dicom.io.TransferSyntax;
import org.lumen.dicom.testing.Peers;
import org.lumen.net.AeConfig;
import org.lumen.net.Association;
import org.lumen.net.AssociationRejectedException;
import org.lumen.net.ConnectOptions;
import org.lumen.net.DicomClient;
import org.lumen.net.FindResults;
import org.lumen.net.dimse.Status;
import org.lumen.net.pdu.Pdu;
import org.lumen.net.pdu.PduCodec;
import org.lumen.net.pdu.PresentationContext;
import org.lumen.net.pdu.UserInfo;
import org.lumen.server.config.NodeConfig;
import org.slf4j.LoggerFactory;

/**
 * Bad input at a running node, over raw sockets: garbage, an unknown PDU type, an A-ASSOCIATE-RQ or P-DATA-TF longer than
 * the configured limits, an association flood beyond maxAssociations, clients that connect and send nothing (or half a
 * PDU), an unknown abstract syntax. Each gets an A-ASSOCIATE-RJ, an A-ABORT or a close (promptly, or at the ARTIM timeout
 * for the silent ones), leaves a log line, and dcmtk's echoscu is still answered afterwards.
 */
class NodeBadInputTest {
    static final int MAX_ASSOCIATIONS = 4;
    /** LumenNode's ARTIM timeout (fixed at 10 s) plus slack for a loaded machine. */
    static final int ARTIM_SECONDS = 10;

    @TempDir
    static Path data;
    static LumenNode node;
    final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeAll
    static void start() throws Exception {
        NodeConfig defaults = NodeConfig.defaults();
        NodeConfig.Dicom d = defaults.dicom();
        NodeConfig.Dicom dicom = new NodeConfig.Dicom(0, "LUMEN", MAX_ASSOCIATIONS, d.maxPduLength(), 30, Map.of(), Map.of());
        node = LumenNode.start(defaults.withData(data).withDicom(dicom).withHttp(defaults.http().withPort(0)));
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    @BeforeEach
    void captureLogs() {
        logs.start();
        ((Logger) LoggerFactory.getLogger("org.lumen")).addAppender(logs);
    }

    @AfterEach
    void nodeStillAnswersEchoscu() {
        ((Logger) LoggerFactory.getLogger("org.lumen")).detachAppender(logs);
        Peers.Result r = Peers.run(30, "echoscu", "-aet", "ECHOSCU", "-aec", "LUMEN", "127.0.0.1",
                String.valueOf(node.dicomPort()));
        assertThat(r.ok()).as("echoscu after the bad input: " + r).isTrue();
    }

    /** What the node answered on a raw socket: the first PDU's type (0 for a close without PDU) and the time it took. */
    record Answer(int pduType, byte[] body, long millis, boolean closedAfter) {
        boolean isRejectAbortOrClose() {
            return pduType == 0 || pduType == Pdu.TYPE_ASSOCIATE_RJ || pduType == Pdu.TYPE_ABORT;
        }

        @Override
        public String toString() {
            return (pduType == 0 ? "close" : PduCodec.pduName(pduType)) + " after " + millis + " ms"
                    + (closedAfter ? "" : ", connection left open");
        }
    }

    private Socket connect() throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), node.dicomPort());
        s.setSoTimeout((ARTIM_SECONDS + 20) * 1000);
        return s;
    }

    /**
     * Reads the node's answer (one PDU or the end of the stream). After an A-ABORT or A-ASSOCIATE-RJ the node waits, as
     * PS3.8 Sta13 says, up to the ARTIM timeout for us to close, so we close (a well-behaved peer does) instead of waiting.
     */
    private static Answer answer(Socket socket, long sentAt) throws IOException {
        Answer first = readPdu(socket, sentAt);
        boolean ended = first.pduType() == 0 || first.pduType() == Pdu.TYPE_ABORT || first.pduType() == Pdu.TYPE_ASSOCIATE_RJ
                || closed(socket);
        return new Answer(first.pduType(), first.body(), first.millis(), ended);
    }

    /** One PDU (type 0: the stream ended or was reset instead). */
    private static Answer readPdu(Socket socket, long sentAt) throws IOException {
        DataInputStream in = new DataInputStream(socket.getInputStream());
        int type;
        byte[] body = new byte[0];
        try {
            type = Math.max(0, in.read());
            if (type > 0) {
                in.readByte();
                int length = in.readInt();
                body = new byte[Math.min(length, 1 << 16)];
                in.readFully(body);
            }
        } catch (SocketException | EOFException e) {
            type = 0; // reset or closed mid-way: a close
        }
        return new Answer(type, body, (System.nanoTime() - sentAt) / 1_000_000, false);
    }

    private static boolean closed(Socket socket) throws IOException {
        try {
            return socket.getInputStream().read() < 0;
        } catch (SocketException e) {
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    private Answer send(byte[] bytes) throws IOException {
        try (Socket s = connect()) {
            long t = System.nanoTime();
            OutputStream out = s.getOutputStream();
            try {
                out.write(bytes);
                out.flush();
            } catch (SocketException e) {
                // the node may cut us off before all is written; its answer decides
            }
            return answer(s, t);
        }
    }

    private List<String> logged() {
        synchronized (logs.list) {
            return logs.list.stream().map(e -> e.getLevel() + " " + e.getLoggerName() + ": " + e.getFormattedMessage()).toList();
        }
    }

    private void assertPromptRefusal(Answer a, String what) {
        assertThat(a.isRejectAbortOrClose()).as(what + ": " + a).isTrue();
        assertThat(a.millis()).as(what + " answered before the ARTIM timeout: " + a).isLessThan(5_000);
        assertThat(a.closedAfter()).as(what + ": the association ends: " + a).isTrue();
        assertThat(logged()).as(what + ": a log line").isNotEmpty();
    }

    @Test
    void garbageIsRefused() throws Exception {
        Answer a = send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertPromptRefusal(a, "an HTTP request");
        System.out.println("garbage: " + a + "; log: " + logged());
    }

    @Test
    void unknownPduTypeIsRefused() throws Exception {
        Answer a = send(new byte[] {0x09, 0, 0, 0, 0, 4, 1, 2, 3, 4});
        assertPromptRefusal(a, "PDU type 0x09");
        System.out.println("PDU 0x09: " + a + "; log: " + logged());
    }

    @Test
    void associateRequestLongerThanTheLimitIsRefusedWithoutReadingIt() throws Exception {
        byte[] header = {0x01, 0, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff};
        byte[] bytes = new byte[header.length + 4096];
        System.arraycopy(header, 0, bytes, 0, header.length);
        Answer a = send(bytes);
        assertPromptRefusal(a, "an A-ASSOCIATE-RQ of 2 GiB");
        System.out.println("A-ASSOCIATE-RQ 2 GiB: " + a + "; log: " + logged());
    }

    @Test
    void pDataLongerThanTheMaxPduIsAborted() throws Exception {
        try (Socket s = connect()) {
            OutputStream out = s.getOutputStream();
            out.write(PduCodec.encode(echoRequest("RAWSCU")));
            out.flush();
            Answer ac = readPdu(s, System.nanoTime());
            assertThat(ac.pduType()).as("a valid A-ASSOCIATE-RQ is accepted first").isEqualTo(Pdu.TYPE_ASSOCIATE_AC);
            byte[] pdata = new byte[6 + 1024];
            pdata[0] = Pdu.TYPE_P_DATA_TF;
            pdata[2] = 0x10; // 256 MiB announced, far over the node's 1 MiB
            long t = System.nanoTime();
            out.write(pdata);
            out.flush();
            Answer a = answer(s, t);
            assertPromptRefusal(a, "a P-DATA-TF of 256 MiB");
            assertThat(a.pduType()).as("an established association is aborted, not just dropped").isEqualTo(Pdu.TYPE_ABORT);
            System.out.println("P-DATA 256 MiB: " + a + "; log: " + logged());
        }
    }

    /**
     * An unknown abstract syntax is accepted as a storage class (the node stores private and unknown classes as received);
     * a C-FIND on it is refused with a DIMSE failure, and a context whose only transfer syntax is unknown is refused in
     * negotiation while the others on the same association work.
     */
    @Test
    void unknownSyntaxesAreRefusedAndTheRestOfTheAssociationWorks() throws Exception {
        String unknownClass = "1.2.826.0.1.3680043.10.999.1";
        String unknownSyntax = "1.2.826.0.1.3680043.10.999.2";
        ConnectOptions options = ConnectOptions.echo().propose(unknownClass, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)
                .propose(UID.CTImageStorage, unknownSyntax);
        try (Association as = DicomClient.connect(AeConfig.of("UNKNOWNSCU"), "127.0.0.1", node.dicomPort(), "LUMEN", options)) {
            assertThat(as.context(UID.CTImageStorage, null)).as("a context with only an unknown transfer syntax").isNull();
            Attributes keys = new Attributes();
            keys.setString(Tag.QueryRetrieveLevel, VR.CS, "STUDY");
            keys.setString(Tag.StudyInstanceUID, VR.UI, "");
            int status;
            try (FindResults results = as.find(unknownClass, keys)) {
                while (results.hasNext()) {
                    results.next();
                }
                status = results.finalResponse().status();
            }
            assertThat(Status.isSuccess(status) || Status.isPending(status)).as("C-FIND on an unknown SOP class: 0x"
                    + Integer.toHexString(status)).isFalse();
            assertThat(as.echo().status()).isEqualTo(Status.SUCCESS);
            as.release();
            System.out.println("C-FIND on an unknown SOP class: 0x" + Integer.toHexString(status) + "; log: " + logged());
        }
    }

    @Test
    void silentClientIsClosedAtTheArtimTimeout() throws Exception {
        try (Socket silent = connect(); Socket halfPdu = connect()) {
            long t = System.nanoTime();
            halfPdu.getOutputStream().write(new byte[] {0x01, 0, 0}); // three bytes of a PDU header, then nothing
            halfPdu.getOutputStream().flush();
            Answer a = answer(silent, t);
            Answer b = answer(halfPdu, t);
            for (Answer x : List.of(a, b)) {
                assertThat(x.isRejectAbortOrClose()).as(x.toString()).isTrue();
                assertThat(x.closedAfter()).as(x.toString()).isTrue();
                assertThat(x.millis()).as("closed at the ARTIM timeout: " + x).isBetween(ARTIM_SECONDS * 1000L - 1000,
                        ARTIM_SECONDS * 1000L + 10_000);
            }
            System.out.println("silent: " + a + "; half a PDU header: " + b + "; log: " + logged());
            assertThat(logged()).as("a log line").isNotEmpty();
        }
    }

    @Test
    void floodBeyondMaxAssociationsIsRejectedAndServedAgainAfterwards() throws Exception {
        List<Association> held = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            for (int i = 0; i < MAX_ASSOCIATIONS; i++) {
                held.add(DicomClient.connect(AeConfig.of("HOLD" + i), "127.0.0.1", node.dicomPort(), "LUMEN",
                        ConnectOptions.echo()));
            }
            assertThatThrownBy(() -> DicomClient.connect(AeConfig.of("ONEMORE"), "127.0.0.1", node.dicomPort(), "LUMEN",
                    ConnectOptions.echo()))
                    .isInstanceOfSatisfying(AssociationRejectedException.class, e -> {
                        assertThat(e.rejection().result()).as("transient").isEqualTo(Pdu.AssociateRj.TRANSIENT);
                        assertThat(e.rejection().source()).isEqualTo(Pdu.AssociateRj.SOURCE_PRESENTATION);
                        assertThat(e.rejection().reason()).as("local limit exceeded")
                                .isEqualTo(Pdu.AssociateRj.PRESENTATION_LOCAL_LIMIT_EXCEEDED);
                    });
            // A burst of raw requests at once: each is rejected or closed, none hangs.
            byte[] rq = PduCodec.encode(echoRequest("FLOOD"));
            List<Future<Answer>> flood = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                flood.add(pool.submit(() -> send(rq)));
            }
            int rejected = 0;
            int closed = 0;
            for (Future<Answer> f : flood) {
                Answer a = f.get(60, TimeUnit.SECONDS);
                assertThat(a.isRejectAbortOrClose()).as("flood answer " + a).isTrue();
                assertThat(a.millis()).as("flood answer " + a).isLessThan(5_000);
                if (a.pduType() == Pdu.TYPE_ASSOCIATE_RJ) {
                    rejected++;
                } else {
                    closed++;
                }
            }
            System.out.println("flood of 64 over " + MAX_ASSOCIATIONS + " held: " + rejected + " A-ASSOCIATE-RJ, " + closed
                    + " closed");
            for (Association as : held) {
                assertThat(as.echo().status()).as("held associations keep working").isEqualTo(Status.SUCCESS);
            }
        } finally {
            pool.shutdownNow();
            for (Association as : held) {
                as.release();
            }
            Thread.sleep(500); // the node frees the slots as the released associations' threads end
        }
    }

    /**
     * A data set whose encapsulated pixel data is corrupt (a fragment of undefined length, as PixelMed 20220618 sends the
     * RLE file of NodePixelMedTest on a JPEG 2000 context) must not be acknowledged: dcmtk's storescp answers
     * "Corrupted data", and Lumen's own reader cannot read it back.
     */
    @Test
    void corruptPixelDataIsRefusedNotAcknowledged() throws Exception {
        Path source = org.lumen.dicom.testing.TestData.dicom("pydicom/test_files/SC_rgb_rle.dcm");
        byte[] dataset;
        try (java.io.InputStream in = org.lumen.dicom.io.Part10Layout.openDataset(source)) {
            dataset = in.readAllBytes();
        }
        int bot = indexOf(dataset, new byte[] {(byte) 0xfe, (byte) 0xff, 0x00, (byte) 0xe0}, indexOf(dataset,
                new byte[] {(byte) 0xe0, 0x7f, 0x10, 0x00}, 0));
        assertThat(bot).as("the Basic Offset Table item").isPositive();
        for (int i = 4; i < 8; i++) {
            dataset[bot + i] = (byte) 0xff;   // its length becomes undefined: not allowed for a fragment (PS3.5 A.4)
        }
        Attributes header = DataSets.read(source);
        String sopClass = header.getString(Tag.SOPClassUID);
        String sop = "1.2.826.0.1.3680043.10.999.9";
        try (Association as = DicomClient.connect(AeConfig.of("CORRUPTSCU"), "127.0.0.1", node.dicomPort(), "LUMEN",
                ConnectOptions.none().propose(sopClass, TransferSyntax.RLE_LOSSLESS))) {
            int status = as.store(sopClass, sop, TransferSyntax.RLE_LOSSLESS, new java.io.ByteArrayInputStream(dataset))
                    .status();
            as.release();
            assertThat(Status.isFailure(status)).as("C-STORE of corrupt pixel data answered 0x" + Integer.toHexString(status))
                    .isTrue();
        }
        assertThat(node.archive().instance(header.getString(Tag.SOPInstanceUID))).as("nothing stored").isEmpty();
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
            if (java.util.Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }

    /** A valid A-ASSOCIATE-RQ proposing Verification. */
    private static Pdu.AssociateRq echoRequest(String callingAe) {
        return new Pdu.AssociateRq("LUMEN", callingAe, Pdu.DICOM_APPLICATION_CONTEXT,
                List.of(PresentationContext.proposed(1, UID.Verification, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN)),
                UserInfo.of(16384, Implementation.CLASS_UID, Implementation.VERSION_NAME));
    }
}
