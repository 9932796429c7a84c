package org.lumen.cli.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.lumen.dicom.testing.Peers;

/**
 * Lumen's find/move/get against dcmtk's dcmqrscp: a dcmqrscp.cfg in a temporary folder with one storage area, loaded
 * with dcmtk's storescu; the C-MOVE destination is a storescp named in the configuration's host table.
 */
class DcmqrscpScuTest extends QueryRetrieveScuContract {
    private PeerProcess dcmqrscp;
    private PeerProcess storescp;
    private Path storescpDir;
    private int port;

    @BeforeAll
    void start() throws Exception {
        storescpDir = Files.createTempDirectory("lumen-qr-dest");
        int destPort = PeerProcess.freePort();
        storescp = PeerProcess.start(Files.createTempFile("storescp", ".log"), destPort, "storescp", "-aet", "STORESCP",
                "-od", storescpDir.toString(), String.valueOf(destPort));
        Path root = Files.createTempDirectory("lumen-dcmqrscp-");
        Path storage = Files.createDirectories(root.resolve("QRSCP"));
        port = PeerProcess.freePort();
        String config = """
                NetworkTCPPort  = %d
                MaxPDUSize      = 16384
                MaxAssociations = 16
                HostTable BEGIN
                dest = (STORESCP, 127.0.0.1, %d)
                HostTable END
                VendorTable BEGIN
                VendorTable END
                AETable BEGIN
                QRSCP %s RW (200, 1024mb) ANY
                AETable END
                """.formatted(port, destPort, storage);
        Path cfg = Files.writeString(root.resolve("dcmqrscp.cfg"), config);
        dcmqrscp = PeerProcess.start(root.resolve("dcmqrscp.log"), port, "dcmqrscp", "-c", cfg.toString(), String.valueOf(port));
        List<String> args = new ArrayList<>(List.of("-aec", "QRSCP", "127.0.0.1", String.valueOf(port)));
        sources().forEach(p -> args.add(p.toString()));
        Peers.Result loaded = Peers.run(60, "storescu", args.toArray(String[]::new));
        assertThat(loaded.ok()).as(loaded.toString()).isTrue();
    }

    @org.junit.jupiter.api.Test
    void anUnknownCalledAeIsRejectedWithExitOne() {
        Cli.Result r = Cli.run("dicom", "echo", "127.0.0.1", String.valueOf(port), "-aec", "NOTQRSCP");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.stderr()).startsWith("lumen: Association to NOTQRSCP").contains("reject");
    }

    @AfterAll
    void stop() {
        if (dcmqrscp != null) {
            dcmqrscp.close();
        }
        if (storescp != null) {
            storescp.close();
        }
    }

    @Override
    List<String> peer() {
        return List.of("127.0.0.1", String.valueOf(port), "-aec", "QRSCP");
    }

    @Override
    String moveDestination() {
        return "STORESCP";
    }

    @Override
    Path moveDestinationDir() {
        return storescpDir;
    }
}
