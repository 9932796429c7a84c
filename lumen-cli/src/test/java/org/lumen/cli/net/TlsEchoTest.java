package org.lumen.cli.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lumen.cli.testing.Cli;
import org.lumen.dicom.testing.TestData;
import org.lumen.net.AeConfig;
import org.lumen.net.DicomServer;
import org.lumen.net.DimseServiceRegistry;

/** {@code --tls --trust-store}: echo and send over DICOM TLS to a Lumen SCP whose self-signed certificate keytool made. */
class TlsEchoTest {
    private static DicomServer server;
    private static Path keyStore;
    private static final java.util.concurrent.atomic.AtomicInteger STORED = new java.util.concurrent.atomic.AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createTempDirectory("lumen-tls");
        keyStore = dir.resolve("scp.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "scp", "-keyalg", "EC", "-groupname",
                "secp256r1", "-dname", "CN=127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore",
                keyStore.toString(), "-storepass", "secret", "-keypass", "secret").redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(log).isZero();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            ks.load(in, "secret".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "secret".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        DimseServiceRegistry registry = new DimseServiceRegistry().registerStorageFallback((req, data) -> {
            data.transferTo(java.io.OutputStream.nullOutputStream());
            STORED.incrementAndGet();
        });
        server = DicomServer.start(AeConfig.of("TLSSCP").withSslContext(context), registry, "127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void echoAndSendOverTls() {
        List<String> tls = List.of("--tls", "--trust-store", keyStore.toString(), "--trust-store-pass", "secret");
        Cli.Result echo = Cli.run(concat(List.of("dicom", "echo", "127.0.0.1", String.valueOf(server.port()), "-aec", "TLSSCP"), tls));
        assertThat(echo.exitCode()).as(echo.toString()).isZero();
        assertThat(echo.stdout()).contains("Success");
        Cli.Result send = Cli.run(concat(List.of("dicom", "send", "127.0.0.1", String.valueOf(server.port()), "-aec", "TLSSCP",
                TestData.dicom("pydicom/test_files/CT_small.dcm").toString()), tls));
        assertThat(send.exitCode()).as(send.toString()).isZero();
        assertThat(STORED.get()).isEqualTo(1);
    }

    @Test
    void plainConnectionToATlsPortFailsWithExitOne() {
        Cli.Result echo = Cli.run("dicom", "echo", "127.0.0.1", String.valueOf(server.port()), "-aec", "TLSSCP", "--timeout", "3");
        assertThat(echo.exitCode()).as(echo.toString()).isEqualTo(1);
        assertThat(echo.stderr()).startsWith("lumen: ");
    }

    @Test
    void untrustedCertificateFailsWithExitOne() {
        Cli.Result echo = Cli.run("dicom", "echo", "127.0.0.1", String.valueOf(server.port()), "-aec", "TLSSCP", "--tls");
        assertThat(echo.exitCode()).as(echo.toString()).isEqualTo(1);
        assertThat(echo.stderr()).startsWith("lumen: Cannot connect to TLSSCP");
    }

    @Test
    void missingTrustStoreIsBadInput() {
        Cli.Result echo = Cli.run("dicom", "echo", "127.0.0.1", String.valueOf(server.port()), "--tls", "--trust-store", "/nonexistent.p12");
        assertThat(echo.exitCode()).as(echo.toString()).isEqualTo(2);
    }

    private static String[] concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toArray(String[]::new);
    }
}
