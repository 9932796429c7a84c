package org.lumen.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.io.DicomFile;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.Part10Layout;
import org.lumen.dicom.io.ReadOptions;
import org.lumen.dicom.io.TransferSyntax;
import org.lumen.dicom.testing.Peers;
import org.lumen.dicom.testing.TestData;
import org.lumen.dicom.transcode.Transcoder;

/**
 * {@link TranscodingStore} against dcmtk's storescp: as stored when the peer accepts the syntax (streamed from the file's
 * data set offset), decoded when the peer takes only Implicit VR Little Endian ({@code +xi}); the choice of target syntax
 * never adds a lossy step unless allowed.
 */
class TranscodingStoreTest {
    private static Process implicitOnly;
    private static Process uncompressed;
    private static int implicitPort;
    private static int uncompressedPort;
    private static Path implicitDir;
    private static Path uncompressedDir;

    @BeforeAll
    static void startPeers() throws Exception {
        implicitDir = Files.createTempDirectory("lumen-tstore-xi");
        uncompressedDir = Files.createTempDirectory("lumen-tstore-x");
        implicitPort = freePort();
        uncompressedPort = freePort();
        implicitOnly = start(implicitDir, "storescp", "-aet", "STORESCP", "+xi", "+B", "-od", implicitDir.toString(),
                String.valueOf(implicitPort));
        waitForPort(implicitOnly, implicitPort);
        uncompressed = start(uncompressedDir, "storescp", "-aet", "STORESCP", "+B", "-od", uncompressedDir.toString(),
                String.valueOf(uncompressedPort));
        waitForPort(uncompressed, uncompressedPort);
    }

    @AfterAll
    static void stopPeers() throws InterruptedException {
        for (Process p : new Process[] {implicitOnly, uncompressed}) {
            if (p != null) {
                p.destroy();
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
        }
    }

    @Test
    void sendsAsStoredWhenAcceptedStreamingTheDataSetBytes() throws Exception {
        Path file = TestData.dicom("pydicom/test_files/CT_small.dcm");
        RetrieveService.Instance instance = TranscodingStore.fromFile(file);
        assertThat(instance.transferSyntaxUid()).isEqualTo(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        List<Long> progress = new ArrayList<>();
        TranscodingStore store = TranscodingStore.lossless().withProgress(n -> progress.add(n));
        try (Association a = connect(uncompressedPort, List.of(instance))) {
            TranscodingStore.Result result = store.store(a, instance);
            assertThat(result.response().isSuccess()).isTrue();
            assertThat(result.transcoded()).isFalse();
            assertThat(result.sentTransferSyntax()).isEqualTo(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
            assertThat(result.bytes()).isEqualTo(Files.size(file) - Part10Layout.datasetOffset(file));
        }
        assertThat(progress.stream().mapToLong(Long::longValue).sum()).isEqualTo(Files.size(file) - Part10Layout.datasetOffset(file));
        Attributes received = received(uncompressedDir).get(instance.sopInstanceUid());
        Attributes source = DicomReader.read(file, ReadOptions.INCLUDE_ALL).dataset();
        assertThat(source.firstDifference(received)).isNull();
    }

    @Test
    void decodesJpegLsAndRleWhenThePeerTakesOnlyImplicitLittleEndian() throws Exception {
        for (String name : List.of("pydicom/test_files/MR_small_jpeg_ls_lossless.dcm", "pydicom/test_files/MR_small_RLE.dcm")) {
            Path file = TestData.dicom(name);
            RetrieveService.Instance instance = TranscodingStore.fromFile(file);
            try (Association a = connect(implicitPort, List.of(instance))) {
                assertThat(a.context(instance.sopClassUid(), instance.transferSyntaxUid())).as(name).isNull();
                TranscodingStore.Result result = TranscodingStore.lossless().store(a, instance);
                assertThat(result.response().isSuccess()).as(name).isTrue();
                assertThat(result.transcoded()).isTrue();
                assertThat(result.sentTransferSyntax()).isEqualTo(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
            }
            Attributes received = received(implicitDir).get(instance.sopInstanceUid());
            assertThat(received).as(name + " received by storescp").isNotNull();
            DicomFile source = DicomReader.read(file, ReadOptions.INCLUDE_ALL);
            Attributes decoded = Transcoder.transcode(source, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
            assertThat(received.getBytes(Tag.PixelData)).as(name + " pixels").isEqualTo(decoded.getBytes(Tag.PixelData));
            // and the decoded pixels are the uncompressed twin's
            Attributes twin = DicomReader.read(TestData.dicom("pydicom/test_files/MR_small.dcm"), ReadOptions.INCLUDE_ALL).dataset();
            assertThat(received.getBytes(Tag.PixelData)).as(name + " equals MR_small").isEqualTo(twin.getBytes(Tag.PixelData));
            assertThat(received.getString(Tag.PatientID)).isEqualTo(source.dataset().getString(Tag.PatientID));
        }
    }

    @Test
    void refusesTheSopClassThePeerRefused() throws Exception {
        Path file = TestData.dicom("pydicom/test_files/CT_small.dcm");
        RetrieveService.Instance instance = TranscodingStore.fromFile(file);
        RetrieveService.Instance mr = TranscodingStore.fromFile(TestData.dicom("pydicom/test_files/MR_small.dcm"));
        try (Association a = connect(uncompressedPort, List.of(mr))) {
            assertThatThrownBy(() -> TranscodingStore.lossless().store(a, instance))
                    .isInstanceOf(NoPresentationContextException.class).hasMessageContaining("refused the SOP class");
        }
    }

    @Test
    void takesTheUidsFromTheDataSetWhenTheMetaHeaderDisagrees() throws Exception {
        // pydicom's rtplan.dcm: MediaStorageSOPInstanceUID ...9999... but SOPInstanceUID ...7777...
        RetrieveService.Instance plan = TranscodingStore.fromFile(TestData.dicom("pydicom/test_files/rtplan.dcm"));
        assertThat(plan.sopInstanceUid()).isEqualTo("1.2.777.777.77.7.7777.7777.20030903150023");
        assertThat(plan.transferSyntaxUid()).isEqualTo(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
    }

    @Test
    void choosesNativeFirstThenLosslessAndLossyOnlyWhenAllowed() throws Exception {
        TranscodingStore lossless = TranscodingStore.lossless();
        String nearLossless = TransferSyntax.JPEG_LS_NEAR_LOSSLESS;
        String jpegBaseline = TransferSyntax.JPEG_BASELINE_8BIT;      // no encoder: never a target
        assertThat(lossless.chooseTarget(TransferSyntax.JPEG_LS_LOSSLESS,
                List.of(TransferSyntax.RLE_LOSSLESS, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)))
                .isEqualTo(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        assertThat(lossless.chooseTarget(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, List.of(jpegBaseline, TransferSyntax.RLE_LOSSLESS)))
                .isEqualTo(TransferSyntax.RLE_LOSSLESS);
        assertThatThrownBy(() -> lossless.chooseTarget(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, List.of(nearLossless, jpegBaseline)))
                .isInstanceOf(TranscodingStore.TranscodingRefusedException.class).hasMessageContaining("lossy; not allowed")
                .hasMessageContaining("no encoder");
        assertThat(lossless.allowLossy(true).chooseTarget(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, List.of(jpegBaseline, nearLossless)))
                .isEqualTo(nearLossless);
        // decoding a lossy syntax to native adds no loss: allowed without --allow-lossy
        assertThat(lossless.chooseTarget(jpegBaseline, List.of(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN)))
                .isEqualTo(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
    }

    @Test
    void proposesEachStoredSyntaxAloneAndTheUncompressedFallback() throws Exception {
        RetrieveService.Instance jls = TranscodingStore.fromFile(TestData.dicom("pydicom/test_files/MR_small_jpeg_ls_lossless.dcm"));
        RetrieveService.Instance ct = TranscodingStore.fromFile(TestData.dicom("pydicom/test_files/CT_small.dcm"));
        var contexts = TranscodingStore.contextsFor(List.of(jls, ct), TranscodingStore.UNCOMPRESSED);
        assertThat(contexts).hasSize(4);
        assertThat(contexts.get(0).transferSyntaxes()).containsExactly(TransferSyntax.JPEG_LS_LOSSLESS);
        assertThat(contexts.get(1).transferSyntaxes()).containsExactlyElementsOf(TranscodingStore.UNCOMPRESSED);
        assertThat(contexts.stream().map(c -> c.id()).toList()).containsExactly(1, 3, 5, 7);
        assertThat(TranscodingStore.contextsFor(List.of(ct), List.of(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN))).hasSize(1);
    }

    private static Association connect(int port, List<RetrieveService.Instance> instances) throws IOException {
        return DicomClient.connect(AeConfig.of("LUMENSCU"), "127.0.0.1", port, "STORESCP",
                ConnectOptions.none().propose(TranscodingStore.contextsFor(instances, TranscodingStore.UNCOMPRESSED)));
    }

    /** What storescp wrote, by SOP Instance UID. */
    private static Map<String, Attributes> received(Path dir) throws IOException {
        Map<String, Attributes> out = new HashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().endsWith(".log")).toList()) {
                Attributes ds = DicomReader.read(f, ReadOptions.INCLUDE_ALL).dataset();
                out.put(ds.getString(Tag.SOPInstanceUID), ds);
            }
        }
        return out;
    }

    private static Process start(Path dir, String name, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Peers.require(name).toString());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile()).start();
    }

    private static void waitForPort(Process process, int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline && process.isAlive()) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("peer not listening on " + port);
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
