package org.lumen.cli.net;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.lumen.cli.BadInputException;
import org.lumen.net.AeConfig;
import org.lumen.net.Association;
import org.lumen.net.ConnectOptions;
import org.lumen.net.DicomClient;
import org.lumen.net.DimseServiceRegistry;
import org.lumen.net.pdu.UserInfo.UserIdentity;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What every network command shares, named as dcmtk names it: the peer (HOST PORT), our and its AE titles, timeouts, PDU
 * size, DICOM TLS (key and trust stores, PKCS12 or JKS) and user identity negotiation.
 */
public final class NetOptions {
    @Parameters(index = "0", paramLabel = "HOST", description = "The peer's host name or address.")
    String host;

    @Parameters(index = "1", paramLabel = "PORT", description = "The peer's DICOM port.")
    int port;

    @Option(names = {"-aet", "--calling-aet"}, paramLabel = "AET", defaultValue = "LUMENSCU",
            description = "Our (calling) AE title (default: ${DEFAULT-VALUE}).")
    String callingAet;

    @Option(names = {"-aec", "--called-aet"}, paramLabel = "AET", defaultValue = "ANY-SCP",
            description = "The peer's (called) AE title (default: ${DEFAULT-VALUE}).")
    String calledAet;

    @Option(names = {"-to", "--timeout"}, paramLabel = "SECONDS", defaultValue = "30",
            description = "Connect, association (ARTIM) and response timeout in seconds (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = {"-pdu", "--max-pdu"}, paramLabel = "BYTES", defaultValue = "65536",
            description = "The largest PDU we receive (default: ${DEFAULT-VALUE}).")
    int maxPdu;

    @Option(names = "--tls", description = "Connect over DICOM TLS (with --trust-store, and --key-store for a client certificate).")
    boolean tls;

    @Option(names = "--key-store", paramLabel = "FILE", description = "Our certificate and key (PKCS12 or JKS) for TLS.")
    Path keyStore;

    @Option(names = "--key-store-pass", paramLabel = "PASSWORD", defaultValue = "",
            description = "Password of --key-store (and of its key).")
    String keyStorePass;

    @Option(names = "--trust-store", paramLabel = "FILE",
            description = "Certificates we trust (PKCS12 or JKS) for TLS; default: the JDK's trusted authorities.")
    Path trustStore;

    @Option(names = "--trust-store-pass", paramLabel = "PASSWORD", defaultValue = "", description = "Password of --trust-store.")
    String trustStorePass;

    @Option(names = {"-usr", "--user"}, paramLabel = "NAME", description = "User identity negotiation: user name.")
    String user;

    @Option(names = {"-pwd", "--password"}, paramLabel = "PASSWORD",
            description = "User identity negotiation: passcode (with --user).")
    String password;

    @Option(names = "--user-response", description = "Ask the peer to confirm the user identity (positive response requested).")
    boolean userResponse;

    /** Our AE configuration from the options. */
    public AeConfig aeConfig() {
        if (port < 1 || port > 65535) {
            throw new BadInputException("PORT must be 1 to 65535: " + port);
        }
        if (timeoutSeconds < 1) {
            throw new BadInputException("--timeout must be at least 1 second: " + timeoutSeconds);
        }
        AeConfig config;
        try {
            config = AeConfig.of(callingAet).withMaxPduLength(maxPdu, 0)
                    .withTimeouts(Duration.ofSeconds(timeoutSeconds), Duration.ofSeconds(timeoutSeconds));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        if (calledAet.isBlank() || calledAet.length() > 16) {
            throw new BadInputException("The called AE title must be 1 to 16 characters: '" + calledAet + "'");
        }
        return tls || keyStore != null || trustStore != null ? config.withSslContext(sslContext()) : config;
    }

    /** Opens the association; a refused connection or association is an IOException with a one-line message (exit 1). */
    public Association connect(ConnectOptions options) throws IOException {
        return connect(options, new DimseServiceRegistry());
    }

    public Association connect(ConnectOptions options, DimseServiceRegistry incoming) throws IOException {
        return DicomClient.connect(aeConfig(), host, port, calledAet, withIdentity(options), incoming);
    }

    private ConnectOptions withIdentity(ConnectOptions options) {
        if (user == null) {
            if (password != null) {
                throw new BadInputException("--password needs --user");
            }
            return options;
        }
        byte[] name = user.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return password == null
                ? options.withUserIdentity(new UserIdentity(UserIdentity.USERNAME, userResponse, name, new byte[0]))
                : options.withUserIdentity(new UserIdentity(UserIdentity.USERNAME_AND_PASSCODE, userResponse, name,
                        password.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** Where we talk to, for messages. */
    public String peer() {
        return calledAet + " at " + host + ":" + port;
    }

    private SSLContext sslContext() {
        try {
            KeyManagerFactory kmf = null;
            if (keyStore != null) {
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(load(keyStore, keyStorePass), keyStorePass.toCharArray());
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trustStore == null ? null : load(trustStore, trustStorePass));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new BadInputException("Cannot set up TLS: " + e.getMessage(), e);
        }
    }

    private static KeyStore load(Path file, String password) throws GeneralSecurityException, IOException {
        if (!Files.isReadable(file)) {
            throw new BadInputException("Cannot read key/trust store " + file);
        }
        String type = file.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".jks") ? "JKS" : "PKCS12";
        KeyStore store = KeyStore.getInstance(type);
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password.toCharArray());
        }
        return store;
    }
}
