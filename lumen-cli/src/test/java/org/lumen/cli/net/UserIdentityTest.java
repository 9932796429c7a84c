package org.lumen.cli.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lumen.cli.testing.Cli;
import org.lumen.net.AeConfig;
import org.lumen.net.DicomServer;
import org.lumen.net.DimseServiceRegistry;
import org.lumen.net.pdu.UserInfo.UserIdentity;

/** {@code --user/--password}: user identity negotiation to a Lumen SCP that checks it; a refusal is exit 1. */
class UserIdentityTest {
    private static DicomServer server;
    private static final AtomicReference<String> SEEN = new AtomicReference<>();

    @BeforeAll
    static void start() throws Exception {
        AeConfig config = AeConfig.of("IDSCP").withUserIdentityVerifier((callingAe, id) -> {
            String user = new String(id.primary(), StandardCharsets.UTF_8);
            String pass = new String(id.secondary(), StandardCharsets.UTF_8);
            SEEN.set(id.type() + ":" + user);
            if (id.type() != UserIdentity.USERNAME_AND_PASSCODE || !user.equals("alice") || !pass.equals("s3cret")) {
                throw new SecurityException("unknown user");
            }
            return new byte[0];
        });
        server = DicomServer.start(config, new DimseServiceRegistry(), "127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void rightPasscodeIsLetIn() {
        Cli.Result r = Cli.run("dicom", "echo", "127.0.0.1", String.valueOf(server.port()), "-aec", "IDSCP", "--user", "alice",
                "--password", "s3cret");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(SEEN.get()).isEqualTo("2:alice");
    }

    @Test
    void wrongPasscodeIsRejectedWithExitOne() {
        Cli.Result r = Cli.run("dicom", "echo", "127.0.0.1", String.valueOf(server.port()), "-aec", "IDSCP", "--user", "alice",
                "--password", "nope");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        // the in-process SCP logs to the same stderr; the command's own output is one line
        assertThat(r.stderr().lines().filter(l -> l.startsWith("lumen: ")).toList())
                .containsExactly("lumen: Association to IDSCP rejected permanently by the service user: no reason given");
    }
}
