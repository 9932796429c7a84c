package org.lumen.cli.net;

import org.lumen.cli.testing.Cli;
import org.lumen.dicom.testing.PeerProcess;
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
    private Path data;

    @BeforeAll
    void start() throws Exception {
        storescpDir = Files.createTempDirectory("lumen-node-dest");
        int destPort = PeerProcess.freePort();
        storescp = PeerProcess.start(Files.createTempFile("storescp", ".log"), destPort, "storescp", "-aet", "STORESCP",
                "-od", storescpDir.toString(), String.valueOf(destPort));
        NodeConfig defaults = NodeConfig.defaults();
        NodeConfig.Dicom d = defaults.dicom();
        data = Files.createTempDirectory("lumen-node-data");
        NodeConfig config = defaults.withData(data).withBind("127.0.0.1")
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
    void moveOfAUidListPrintsPendingCounts() {
        Cli.Result r = lumen("move", "--dest", "STORESCP", "-k", "StudyInstanceUID=" + CT_STUDY + "\\" + MR_STUDY);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).contains("Pending: 1 completed, 0 failed, 0 warning, 1 remaining")
                .contains("final status Success: 2 completed, 0 failed");
    }

    @Test
    void worklistFindWithSequenceKeys() throws Exception {
        Path folder = Files.createDirectories(data.resolve("worklist"));
        writeItem(folder.resolve("1.wl"), "Doe^Jane", "ACC1", "CT");
        writeItem(folder.resolve("2.wl"), "Roe^Rick", "ACC2", "MR");
        Cli.Result r = lumen("find", "-W", "-k", "ScheduledProcedureStepSequence[0].Modality=CT",
                "-k", "ScheduledProcedureStepSequence[0].ScheduledStationAETitle", "-k", "PatientName", "-k", "AccessionNumber");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).contains("# Match 1").doesNotContain("# Match 2").contains("[Doe^Jane]").contains("[ACC1]")
                .contains("[CT]").doesNotContain("Roe^Rick");
        Cli.Result json = lumen("find", "-W", "-k", "ScheduledProcedureStepSequence.Modality=MR", "-k", "PatientName", "--json");
        assertThat(json.exitCode()).as(json.toString()).isZero();
        var matches = new org.lumen.dicom.json.DicomJsonReader().readList(json.stdout().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(matches).hasSize(1);
        assertThat(matches.get(0).getString(org.lumen.dicom.data.Tag.PatientName)).isEqualTo("Roe^Rick");
    }

    private static void writeItem(Path file, String name, String accession, String modality) throws Exception {
        var item = new org.lumen.dicom.data.Attributes();
        item.setString(org.lumen.dicom.data.Tag.SpecificCharacterSet, org.lumen.dicom.data.VR.CS, "ISO_IR 100");
        item.setString(org.lumen.dicom.data.Tag.AccessionNumber, org.lumen.dicom.data.VR.SH, accession);
        item.setString(org.lumen.dicom.data.Tag.PatientName, org.lumen.dicom.data.VR.PN, name);
        item.setString(org.lumen.dicom.data.Tag.PatientID, org.lumen.dicom.data.VR.LO, accession + "P");
        var step = item.newSequence(org.lumen.dicom.data.Tag.ScheduledProcedureStepSequence).addItem();
        step.setString(org.lumen.dicom.data.Tag.Modality, org.lumen.dicom.data.VR.CS, modality);
        step.setString(org.lumen.dicom.data.Tag.ScheduledStationAETitle, org.lumen.dicom.data.VR.AE, modality + "SCANNER");
        step.setString(org.lumen.dicom.data.Tag.ScheduledProcedureStepStartDate, org.lumen.dicom.data.VR.DA, "20261129");
        try (var out = Files.newOutputStream(file)) {
            org.lumen.dicom.io.DicomWriter.writeDataset(out, item,
                    org.lumen.dicom.io.TransferSyntax.of(org.lumen.dicom.io.TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN));
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
