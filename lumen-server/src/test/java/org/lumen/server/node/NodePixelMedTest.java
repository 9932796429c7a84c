package org.lumen.server.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.testing.TestData;
import org.lumen.server.archive.StoredInstance;
import org.lumen.server.config.NodeConfig;

/**
 * PixelMed's storage SCU (a second, Java, DIMSE implementation) sends files of several SOP classes and transfer syntaxes
 * to a running node in one association; each is stored with a data set equal to the source's.
 *
 * <p>{@code StorageSOPClassSCU host port calledAE callingAE file} prints nothing on success, so the archive is the judge.
 */
class NodePixelMedTest {
    static final Path PIXELMED = Path.of("/usr/share/java/pixelmed.jar");
    static final List<String> FILES = List.of(
            "pydicom/test_files/CT_small.dcm",                // CT, explicit VR little endian
            "pydicom/test_files/MR_small_implicit.dcm",       // MR, implicit VR
            "pydicom/test_files/MR_small_bigendian.dcm",      // big endian (same SOP Instance UID as the two above)
            "pydicom/test_files/rtplan.dcm",                  // RT Plan, no pixel data
            "pydicom/test_files/SC_rgb_rle.dcm",              // RLE
            "pydicom/test_files/JPEG2000.dcm");               // JPEG 2000

    @TempDir
    static Path data;
    static LumenNode node;

    @BeforeAll
    static void start() throws Exception {
        if (!Files.isRegularFile(PIXELMED)) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(PIXELMED + " missing; CI must install pixelmed-apps (../shared/peers)");
            }
            Assumptions.abort(PIXELMED + " missing (install pixelmed-apps); skipped outside CI");
        }
        NodeConfig defaults = NodeConfig.defaults();
        node = LumenNode.start(defaults.withData(data).withDicom(defaults.dicom().withPort(0))
                .withHttp(defaults.http().withPort(0)));
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    /**
     * One association per file: given several files through standard input ("-"), PixelMed 20220618 sends an instance on
     * another context of the same SOP class (the RLE Secondary Capture on the JPEG 2000 one, the bytes unchanged), which
     * dcmtk's storescp refuses as corrupted data too.
     */
    private static void pixelMedSend(Path file, Path log) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", PIXELMED.toString(),
                "com.pixelmed.network.StorageSOPClassSCU", "127.0.0.1", String.valueOf(node.dicomPort()), "LUMEN",
                "PIXELMED", file.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        p.getOutputStream().close();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("PixelMed's StorageSOPClassSCU did not finish in 120 s: " + Files.readString(log));
        }
        assertThat(p.exitValue()).as(Files.readString(log)).isZero();
    }

    @Test
    void pixelMedStorageScuSendsAndEachInstanceIsStoredIdentical() throws Exception {
        List<Path> files = FILES.stream().map(TestData::dicom).toList();
        Path log = data.resolve("pixelmed.log");
        for (Path f : files) {
            pixelMedSend(f, log);
        }
        int checked = 0;
        for (Path f : files) {
            Attributes source = DataSets.read(f);
            StoredInstance stored = node.archive().instance(source.getString(Tag.SOPInstanceUID).trim()).orElse(null);
            assertThat(stored).as(f.getFileName() + " stored; PixelMed log: " + Files.readString(log)).isNotNull();
            assertThat(stored.sourceAet()).isEqualTo("PIXELMED");
            if (f.getFileName().toString().startsWith("MR_small_") && !f.getFileName().toString().endsWith("implicit.dcm")) {
                continue;   // the big-endian twin shares the implicit file's SOP Instance UID: KEEP kept the first
            }
            assertThat(DataSets.difference(DataSets.read(stored.path()), source)).as(f.getFileName().toString()).isNull();
            checked++;
        }
        assertThat(checked).isEqualTo(FILES.size() - 1);
        assertThat(node.archive().verify().clean()).isTrue();
    }

}
