package org.lumen.cli.net;

import org.lumen.cli.testing.Cli;
import org.lumen.dicom.testing.OrthancPeer;
import org.lumen.dicom.testing.PeerProcess;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Lumen's SCU commands against Orthanc 1.10.1: send the files, then find/move/get them back. Orthanc runs on free ports
 * with its own temporary storage (OrthancPeer, with storescp as its C-MOVE destination) and is stopped by its PID.
 */
class OrthancScuTest extends QueryRetrieveScuContract {
    private OrthancPeer orthanc;
    private PeerProcess storescp;
    private Path storescpDir;
    private int dicomPort;

    @BeforeAll
    void start() throws Exception {
        storescpDir = Files.createTempDirectory("lumen-orthanc-dest");
        int destPort = PeerProcess.freePort();
        storescp = PeerProcess.start(Files.createTempFile("storescp", ".log"), destPort, "storescp", "-aet", "STORESCP",
                "-od", storescpDir.toString(), String.valueOf(destPort));
        orthanc = OrthancPeer.start(Map.of("STORESCP", destPort));
        dicomPort = orthanc.dicomPort();
        List<String> args = new ArrayList<>(List.of("dicom", "send", "127.0.0.1", String.valueOf(dicomPort), "-aec", "ORTHANC"));
        sources().forEach(p -> args.add(p.toString()));
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).contains("Sent 3 of 3 instances to ORTHANC");
    }

    @AfterAll
    void stop() {
        if (orthanc != null) {
            orthanc.close();
        }
        if (storescp != null) {
            storescp.close();
        }
    }

    @Override
    List<String> peer() {
        return List.of("127.0.0.1", String.valueOf(dicomPort), "-aec", "ORTHANC");
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
