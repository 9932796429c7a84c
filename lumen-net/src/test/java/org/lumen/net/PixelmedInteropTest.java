package org.lumen.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.io.DicomFile;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.ReadOptions;
import org.lumen.dicom.io.TransferSyntax;
import org.lumen.dicom.testing.TestData;

/** PixelMed's storage SCU (a second, Java, DIMSE implementation) sending to a Lumen SCP. */
class PixelmedInteropTest {
    private static final Path PIXELMED = Path.of("/usr/share/java/pixelmed.jar");

    @ParameterizedTest
    @ValueSource(strings = {"pydicom/test_files/CT_small.dcm", "pydicom/test_files/MR_small_implicit.dcm",
        "pydicom/test_files/MR_small_RLE.dcm", "pydicom/test_files/rtplan.dcm"})
    void storageScuSendsToLumen(String file) throws Exception {
        if (!Files.exists(PIXELMED)) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(PIXELMED + " missing; CI must install pixelmed-apps (../shared/peers/README.md)");
            }
            Assumptions.abort("PixelMed not installed");
        }
        Map<String, byte[]> received = new ConcurrentHashMap<>();
        Map<String, StoreRequest> requests = new ConcurrentHashMap<>();
        DimseServiceRegistry registry = new DimseServiceRegistry().registerStorageFallback((req, in) -> {
            requests.put(req.sopInstanceUid(), req);
            received.put(req.sopInstanceUid(), in.readAllBytes());
        });
        Path path = TestData.dicom(file);
        DicomFile source = DicomReader.read(path, ReadOptions.INCLUDE_ALL);
        String sop = source.dataset().getString(Tag.SOPInstanceUID);
        try (DicomServer server = DicomServer.start(AeConfig.of("LUMEN").withTimeouts(Duration.ofSeconds(10),
                Duration.ofSeconds(30)), registry, 0)) {
            String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(javaBin, "-cp", PIXELMED.toString(), "com.pixelmed.network.StorageSOPClassSCU",
                    "127.0.0.1", String.valueOf(server.port()), "LUMEN", "PIXELMED", path.toString())
                    .redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(output).isZero();
        }
        // PixelMed names the instance by the file meta's Media Storage SOP Instance UID (rtplan.dcm's differs from its
        // data set's), so take the one instance received.
        assertThat(received).hasSize(1);
        String affected = received.keySet().iterator().next();
        assertThat(affected).isIn(sop, source.fileMeta().getString(Tag.MediaStorageSOPInstanceUID));
        StoreRequest req = requests.get(affected);
        assertThat(req.callingAe()).isEqualTo("PIXELMED");
        Attributes got = DicomReader.readDataset(new ByteArrayInputStream(received.get(affected)), "pixelmed",
                TransferSyntax.of(req.transferSyntaxUid()), ReadOptions.INCLUDE_ALL);
        if (req.transferSyntaxUid().equals(source.fileMeta().getString(Tag.TransferSyntaxUID))) {
            DcmtkInteropTest.assertSameContent(got, source.dataset());
        } else {
            // PixelMed chose another uncompressed syntax: the values must still agree.
            assertThat(got.getString(Tag.SOPInstanceUID)).isEqualTo(sop);
            assertThat(got.getString(Tag.PatientID)).isEqualTo(source.dataset().getString(Tag.PatientID));
        }
    }
}
