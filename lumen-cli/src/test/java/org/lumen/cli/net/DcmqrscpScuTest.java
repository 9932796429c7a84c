package org.lumen.cli.net;

import org.lumen.cli.testing.Cli;
import org.lumen.dicom.testing.PeerProcess;
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
        dcmqrscp = PeerProcess.start(root.resolve("dcmqrscp.log"), port, "dcmqrscp", "-c", cfg.toString(), "+xt",
                String.valueOf(port));
        List<String> args = new ArrayList<>(List.of("-aec", "QRSCP", "127.0.0.1", String.valueOf(port)));
        sources().forEach(p -> args.add(p.toString()));
        Peers.Result loaded = Peers.run(60, "storescu", args.toArray(String[]::new));
        assertThat(loaded.ok()).as(loaded.toString()).isTrue();
        Peers.Result jls = Peers.run(60, "storescu", "-xt", "-aec", "QRSCP", "127.0.0.1", String.valueOf(port), JLS.toString());
        assertThat(jls.ok()).as(jls.toString()).isTrue();
    }

    /** An Enhanced MR in JPEG-LS Lossless, 10 frames; dcmqrscp keeps it so and cannot transcode. */
    private static final Path JLS = org.lumen.dicom.testing.TestData.dicom("pydicom-data/emri_small_jpeg_ls_lossless.dcm");

    @org.junit.jupiter.api.Test
    void getWithProposedJpegLsReceivesTheCompressedInstanceAsStored() throws Exception {
        var source = org.lumen.dicom.io.DicomReader.read(JLS, org.lumen.dicom.io.ReadOptions.INCLUDE_ALL);
        String study = source.dataset().getString(org.lumen.dicom.data.Tag.StudyInstanceUID);
        String iuid = source.dataset().getString(org.lumen.dicom.data.Tag.SOPInstanceUID);
        Path out = tmp.resolve("jls");
        Cli.Result r = lumen("get", "-k", "StudyInstanceUID=" + study, "--propose", "jpeg-ls,explicit", "--sop-class",
                "1.2.840.10008.5.1.4.1.1.4.1", "--out", out.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        var got = org.lumen.dicom.io.DicomReader.read(out.resolve(iuid + ".dcm"), org.lumen.dicom.io.ReadOptions.INCLUDE_ALL);
        assertThat(got.fileMeta().getString(org.lumen.dicom.data.Tag.TransferSyntaxUID))
                .isEqualTo(org.lumen.dicom.io.TransferSyntax.JPEG_LS_LOSSLESS);
        assertThat(got.dataset().firstDifference(source.dataset())).isNull();
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
