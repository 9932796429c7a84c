package org.lumen.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumen.dicom.data.UID;
import org.lumen.dicom.io.TransferSyntax;
import org.lumen.dicom.testing.Peers;
import org.lumen.dicom.testing.TestData;
import org.lumen.net.dimse.Status;

/**
 * DICOM TLS: a self-signed key pair made here with the JDK's keytool, a Lumen SCP on an SSLServerSocket, dcmtk's echoscu and
 * storescu connecting with {@code +tls}, and Lumen SCU to Lumen SCP over TLS.
 */
class TlsTest {
    private static final char[] PASSWORD = "changeit".toCharArray();
    @TempDir
    static Path dir;
    private static SSLContext context;
    private static DicomServer server;
    private static final Map<String, byte[]> RECEIVED = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        Path keystore = dir.resolve("lumen.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "lumen", "-keyalg", "RSA", "-keysize", "2048",
                "-validity", "2", "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, PASSWORD);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, PASSWORD);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        // PEM copies for dcmtk.
        PrivateKey key = (PrivateKey) ks.getKey("lumen", PASSWORD);
        Certificate cert = ks.getCertificate("lumen");
        Files.writeString(dir.resolve("key.pem"), pem("PRIVATE KEY", key.getEncoded()));
        Files.writeString(dir.resolve("cert.pem"), pem("CERTIFICATE", cert.getEncoded()));

        DimseServiceRegistry registry = new DimseServiceRegistry()
                .registerStorageFallback((req, in) -> RECEIVED.put(req.sopInstanceUid(), in.readAllBytes()));
        server = DicomServer.start(AeConfig.of("LUMEN").withSslContext(context)
                .withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(30)), registry, 0);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    @Test
    void echoscuOverTls() {
        Peers.Result r = Peers.run(30, "echoscu", "+tls", dir.resolve("key.pem").toString(), dir.resolve("cert.pem").toString(),
                "+cf", dir.resolve("cert.pem").toString(), "-aet", "TLSSCU", "-aec", "LUMEN", "127.0.0.1",
                String.valueOf(server.port()));
        assertThat(r.ok()).as(r.toString()).isTrue();
    }

    @Test
    void storescuOverTls() throws Exception {
        Path file = TestData.dicom("pydicom/test_files/CT_small.dcm");
        Peers.Result r = Peers.run(60, "storescu", "+tls", dir.resolve("key.pem").toString(), dir.resolve("cert.pem").toString(),
                "+cf", dir.resolve("cert.pem").toString(), "-aet", "TLSSCU", "-aec", "LUMEN", "127.0.0.1",
                String.valueOf(server.port()), file.toString());
        assertThat(r.ok()).as(r.toString()).isTrue();
        String sop = org.lumen.dicom.io.DicomReader.read(file).dataset().getString(org.lumen.dicom.data.Tag.SOPInstanceUID);
        assertThat(RECEIVED).containsKey(sop);
    }

    @Test
    void plainTcpEchoscuGetsNoAssociation() {
        Peers.Result r = Peers.run(30, "echoscu", "-to", "5", "-ta", "5", "-aet", "PLAIN", "-aec", "LUMEN", "127.0.0.1",
                String.valueOf(server.port()));
        assertThat(r.ok()).isFalse();
    }

    @Test
    void lumenScuToLumenScpOverTls() throws Exception {
        AeConfig scu = AeConfig.of("LUMENSCU").withSslContext(context).withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(30));
        String ele = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
        byte[] data = InProcessTest.dataset("1.2.777");
        try (Association as = DicomClient.connect(scu, "127.0.0.1", server.port(), "LUMEN",
                ConnectOptions.echo().propose(UID.CTImageStorage, ele))) {
            assertThat(as.echo().status()).isEqualTo(Status.SUCCESS);
            assertThat(as.store(UID.CTImageStorage, "1.2.777", ele, new ByteArrayInputStream(data)).status())
                    .isEqualTo(Status.SUCCESS);
            as.release();
        }
        assertThat(RECEIVED.get("1.2.777")).isEqualTo(data);
        // Without TLS the client cannot associate with the TLS server.
        assertThatThrownBy(() -> DicomClient.connect(AeConfig.of("PLAIN").withTimeouts(Duration.ofSeconds(3),
                Duration.ofSeconds(3)), "127.0.0.1", server.port(), "LUMEN", ConnectOptions.echo()))
                .isInstanceOf(java.io.IOException.class);
    }
}
