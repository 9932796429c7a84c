package org.lumen.cli.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lumen.server.config.NodeConfig;
import org.lumen.server.node.LumenNode;

/** Lumen's SCU commands against a Lumen node started in-process: send, then find/move/get back. */
class LumenNodeScuTest extends QueryRetrieveScuContract {
    private LumenNode node;
    private PeerProcess storescp;
    private Path storescpDir;

    @BeforeAll
    void start() throws Exception {
        storescpDir = Files.createTempDirectory("lumen-node-dest");
        int destPort = PeerProcess.freePort();
        storescp = PeerProcess.start(Files.createTempFile("storescp", ".log"), destPort, "storescp", "-aet", "STORESCP",
                "-od", storescpDir.toString(), String.valueOf(destPort));
        NodeConfig defaults = NodeConfig.defaults();
        NodeConfig.Dicom d = defaults.dicom();
        NodeConfig config = defaults.withData(Files.createTempDirectory("lumen-node-data")).withBind("127.0.0.1")
                .withDicom(new NodeConfig.Dicom(0, "LUMEN", d.maxAssociations(), d.maxPduLength(), d.idleTimeoutSeconds(),
                        Map.of(), Map.of("STORESCP", new NodeConfig.RemoteAe("127.0.0.1", destPort))))
                .withHttp(defaults.http().withPort(0));
        node = LumenNode.start(config);
        List<String> args = new ArrayList<>(List.of("dicom", "send", "127.0.0.1", String.valueOf(node.dicomPort()), "-aec", "LUMEN"));
        sources().forEach(p -> args.add(p.toString()));
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).contains("Sent 3 of 3 instances to LUMEN");
    }

    @AfterAll
    void stop() {
        if (node != null) {
            node.close();
        }
        if (storescp != null) {
            storescp.close();
        }
    }

    @Override
    List<String> peer() {
        return List.of("127.0.0.1", String.valueOf(node.dicomPort()), "-aec", "LUMEN");
    }

    @Override
    String moveDestination() {
        return "STORESCP";
    }

    @Override
    Path moveDestinationDir() {
        return storescpDir;
    }

    @Test
    void sentInstancesAreInTheArchiveAsSent() throws Exception {
        for (Path source : sources()) {
            var ds = read(source);
            var stored = node.archive().instance(ds.getString(org.lumen.dicom.data.Tag.SOPInstanceUID));
            assertThat(stored).as(source.toString()).isPresent();
            assertThat(read(stored.get().path()).firstDifference(ds)).isNull();
        }
    }

    @Test
    void cancelAfterOneMatchEndsTheQuery() {
        Cli.Result r = lumen("find", "-S", "-k", "StudyInstanceUID", "--cancel-after", "1");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).contains("# Match 1");
        assertThat(r.stderr()).containsPattern("final status (Cancel|Success)");
    }
}
