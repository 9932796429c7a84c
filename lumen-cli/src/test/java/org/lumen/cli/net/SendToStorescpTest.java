package org.lumen.cli.net;

import org.lumen.cli.testing.Cli;
import org.lumen.dicom.testing.PeerProcess;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.ReadOptions;
import org.lumen.dicom.testing.TestData;

/**
 * {@code lumen dicom echo} and {@code send} against dcmtk's storescp: what storescp writes (bit-preserving) equals the
 * sources' data sets; a storescp that accepts only Implicit VR Little Endian receives JPEG-LS and RLE files decoded; exit
 * codes and messages for a refused connection and a file that is not DICOM.
 */
class SendToStorescpTest {
    private static PeerProcess uncompressed;
    private static PeerProcess implicitOnly;
    private static PeerProcess parsing;
    private static int parsingPort;
    private static int uncompressedPort;
    private static int implicitPort;
    private static Path uncompressedDir;
    private static Path implicitDir;

    @BeforeAll
    static void startStorescps() throws Exception {
        uncompressedDir = Files.createTempDirectory("lumen-send-x");
        implicitDir = Files.createTempDirectory("lumen-send-xi");
        uncompressedPort = PeerProcess.freePort();
        uncompressed = PeerProcess.start(Files.createTempFile("storescp", ".log"), uncompressedPort, "storescp",
                "-aet", "STORESCP", "+B", "-od", uncompressedDir.toString(), String.valueOf(uncompressedPort));
        implicitPort = PeerProcess.freePort();
        implicitOnly = PeerProcess.start(Files.createTempFile("storescp-xi", ".log"), implicitPort, "storescp",
                "-aet", "STORESCP", "+xi", "+B", "-od", implicitDir.toString(), String.valueOf(implicitPort));
        parsingPort = PeerProcess.freePort();               // not bit-preserving: parses what it receives
        parsing = PeerProcess.start(Files.createTempFile("storescp-parse", ".log"), parsingPort, "storescp",
                "-aet", "STORESCP", "-od", Files.createTempDirectory("lumen-send-parse").toString(), String.valueOf(parsingPort));
    }

    @AfterAll
    static void stop() {
        if (uncompressed != null) {
            uncompressed.close();
        }
        if (implicitOnly != null) {
            implicitOnly.close();
        }
        if (parsing != null) {
            parsing.close();
        }
    }

    @Test
    void echoSucceeds() {
        Cli.Result r = Cli.run("dicom", "echo", "127.0.0.1", String.valueOf(uncompressedPort), "-aec", "STORESCP");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).contains("C-ECHO to STORESCP at 127.0.0.1:" + uncompressedPort + ": Success");
    }

    @Test
    void sendsAFolderRecursivelyAndStorescpWritesTheSameDataSets(@TempDir Path tmp) throws Exception {
        List<String> names = List.of("CT_small.dcm", "MR_small.dcm", "rtplan.dcm", "ExplVR_BigEnd.dcm", "image_dfl.dcm");
        Path folder = Files.createDirectories(tmp.resolve("in/sub"));
        for (String name : names) {
            Files.copy(TestData.dicom("pydicom/test_files/" + name), folder.resolve(name));
        }
        Files.writeString(tmp.resolve("in/README.txt"), "not DICOM");
        Files.copy(TestData.dicom("pydicom/test_files/dicomdirtests/DICOMDIR"), tmp.resolve("in/DICOMDIR"));
        Cli.Result r = Cli.run("dicom", "send", "127.0.0.1", String.valueOf(uncompressedPort), "-aec", "STORESCP",
                tmp.resolve("in").toString(), "-j", "2");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        // storescp takes no deflate by default: image_dfl.dcm goes inflated, as Explicit VR Little Endian
        assertThat(r.stdout()).contains("Sent 5 of 5 instances to STORESCP").contains("(1 transcoded").contains("0 failed")
                .contains("MB/s");
        assertThat(r.stderr()).contains("skipped").contains("README.txt").contains("DICOMDIR: a DICOMDIR");
        Map<String, Attributes> received = ReceivedInstances.instancesIn(uncompressedDir);
        for (String name : names) {
            Attributes source = DicomReader.read(folder.resolve(name), ReadOptions.INCLUDE_ALL).dataset();
            Attributes got = received.get(source.getString(Tag.SOPInstanceUID));
            assertThat(got).as(name + " received").isNotNull();
            assertThat(source.firstDifference(got)).as(name).isNull();
        }
    }

    @Test
    void transcodesJpegLsAndRleForAPeerThatTakesOnlyImplicitLittleEndian() throws Exception {
        Path jls = TestData.dicom("pydicom/test_files/MR_small_jpeg_ls_lossless.dcm");
        Path rle = TestData.dicom("pydicom/test_files/MR_small_RLE.dcm");
        Cli.Result r = Cli.run("dicom", "send", "127.0.0.1", String.valueOf(implicitPort), "-aec", "STORESCP",
                jls.toString(), rle.toString(), "--no-progress");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).contains("Sent 2 of 2 instances").contains("(2 transcoded");
        Map<String, Attributes> received = ReceivedInstances.instancesIn(implicitDir);
        byte[] twinPixels = DicomReader.read(TestData.dicom("pydicom/test_files/MR_small.dcm"), ReadOptions.INCLUDE_ALL)
                .dataset().getBytes(Tag.PixelData);
        for (Path file : List.of(jls, rle)) {
            Attributes source = DicomReader.read(file, ReadOptions.HEADER_ONLY).dataset();
            Attributes got = received.get(source.getString(Tag.SOPInstanceUID));
            assertThat(got).as(file + " received").isNotNull();
            assertThat(got.getBytes(Tag.PixelData)).as(file + " decoded pixels").isEqualTo(twinPixels);
            assertThat(got.getString(Tag.StudyInstanceUID)).isEqualTo(source.getString(Tag.StudyInstanceUID));
        }
    }

    @Test
    void anAbortByThePeerFailsOneInstanceAndANewAssociationSendsTheRest() throws Exception {
        // storescp cannot read the truncated data set and aborts the association
        Path truncated = TestData.dicom("pydicom/test_files/MR_truncated.dcm");
        Path ct = TestData.dicom("pydicom/test_files/CT_small.dcm");
        Path plan = TestData.dicom("pydicom/test_files/rtplan.dcm");
        Cli.Result r = Cli.run("dicom", "send", "127.0.0.1", String.valueOf(parsingPort), "-aec", "STORESCP",
                truncated.toString(), ct.toString(), plan.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.stdout()).contains("Sent 2 of 3 instances").contains("1 failed");
        assertThat(r.stderr()).contains("lumen: failed " + truncated).doesNotContain("failed " + ct)
                .contains("1 of 3 instances not stored");
    }

    @Test
    void aLargeMultiFrameFileStreamsThroughASmallHeap(@TempDir Path tmp) throws Exception {
        // 96 MiB of pixel data, sent by a child JVM whose heap is a third of that: only streaming can do it
        Attributes ds = DicomReader.read(TestData.dicom("pydicom/test_files/CT_small.dcm"), ReadOptions.INCLUDE_ALL).dataset();
        ds.remove(0xFFFCFFFC);
        ds.setString(Tag.SOPClassUID, org.lumen.dicom.data.VR.UI, "1.2.840.10008.5.1.4.1.1.7.3");
        ds.setString(Tag.SOPInstanceUID, org.lumen.dicom.data.VR.UI, "2.25.4242424242");
        ds.setInt(Tag.Rows, org.lumen.dicom.data.VR.US, 512);
        ds.setInt(Tag.Columns, org.lumen.dicom.data.VR.US, 512);
        ds.setString(Tag.NumberOfFrames, org.lumen.dicom.data.VR.IS, "192");
        byte[] pixels = new byte[512 * 512 * 2 * 192];
        for (int i = 0; i < pixels.length; i += 2) {
            pixels[i] = (byte) (i >>> 3);
        }
        ds.setBytes(Tag.PixelData, org.lumen.dicom.data.VR.OW, pixels);
        Path big = tmp.resolve("big.dcm");
        org.lumen.dicom.io.DicomWriter.write(big, null, ds, org.lumen.dicom.io.TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        int port = PeerProcess.freePort();
        try (PeerProcess sink = PeerProcess.start(Files.createTempFile("storescp-ignore", ".log"), port, "storescp",
                "-aet", "STORESCP", "--ignore", String.valueOf(port))) {
            Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
            Process child = new ProcessBuilder(javaBin.toString(), "-Xmx32m", "-cp", System.getProperty("java.class.path"),
                    "org.lumen.cli.Main", "dicom", "send", "127.0.0.1", String.valueOf(port), "-aec", "STORESCP", big.toString())
                    .redirectErrorStream(true).start();
            String output = new String(child.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(child.waitFor()).as(output).isZero();
            assertThat(output).contains("Sent 1 of 1 instances").contains("0 transcoded").contains("100.7 MB");
        }
    }

    @Test
    void refusedConnectionIsExitOneWithOneLine() throws Exception {
        int closed = PeerProcess.freePort();
        Cli.Result r = Cli.run("dicom", "send", "127.0.0.1", String.valueOf(closed),
                TestData.dicom("pydicom/test_files/CT_small.dcm").toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.stderr()).contains("Connection refused").contains("1 of 1 instances not stored");
        Cli.Result echo = Cli.run("dicom", "echo", "127.0.0.1", String.valueOf(closed));
        assertThat(echo.exitCode()).isEqualTo(1);
        assertThat(echo.stderr().strip().lines().count()).as(echo.toString()).isEqualTo(1);
        assertThat(echo.stderr()).startsWith("lumen: Cannot connect to ANY-SCP at 127.0.0.1:" + closed);
    }

    @Test
    void aNamedFileThatIsNotDicomIsBadInput(@TempDir Path tmp) throws Exception {
        Path text = Files.writeString(tmp.resolve("notes.txt"), "hello");
        Cli.Result r = Cli.run("dicom", "send", "127.0.0.1", String.valueOf(uncompressedPort), text.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.stderr()).contains("notes.txt is not a DICOM instance");
        Cli.Result missing = Cli.run("dicom", "send", "127.0.0.1", String.valueOf(uncompressedPort), tmp.resolve("nope").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        Cli.Result badTs = Cli.run("dicom", "send", "127.0.0.1", String.valueOf(uncompressedPort), "--propose", "bogus",
                TestData.dicom("pydicom/test_files/CT_small.dcm").toString());
        assertThat(badTs.exitCode()).isEqualTo(2);
        assertThat(badTs.stderr()).contains("Unknown transfer syntax 'bogus'");
    }
}
