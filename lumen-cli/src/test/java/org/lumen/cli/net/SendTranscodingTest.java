package org.lumen.cli.net;

import org.lumen.cli.testing.Cli;
import org.lumen.dicom.testing.PeerProcess;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.io.DicomFile;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.ReadOptions;
import org.lumen.dicom.io.TransferSyntax;
import org.lumen.dicom.testing.TestData;
import org.lumen.dicom.transcode.Transcoder;

/**
 * {@code lumen dicom send --propose TS} to storescps whose association profile (-xf) accepts MR Image Storage in one
 * compressed syntax only: RLE Lossless (a native file is encoded losslessly and decodes to the same pixels) and JPEG-LS Near-Lossless (refused
 * without --allow-lossy; with it, every sample within NEAR 2 and the data set marked lossy).
 */
class SendTranscodingTest {
    private static final Path MR = TestData.dicom("pydicom/test_files/MR_small.dcm");
    private static PeerProcess rleOnly;
    private static PeerProcess nearLosslessOnly;
    private static int rlePort;
    private static int nearPort;
    private static Path rleDir;
    private static Path nearDir;

    @BeforeAll
    static void start() throws Exception {
        Path cfg = Files.createTempFile("storescp-profiles", ".cfg");
        Files.writeString(cfg, """
                [[TransferSyntaxes]]
                [Uncompressed]
                TransferSyntax1 = LittleEndianImplicit
                [Rle]
                TransferSyntax1 = RLELossless
                [NearLossless]
                TransferSyntax1 = JPEGLSLossy
                [[PresentationContexts]]
                [RleOnly]
                PresentationContext1 = VerificationSOPClass\\Uncompressed
                PresentationContext2 = MRImageStorage\\Rle
                [NearLosslessOnly]
                PresentationContext1 = VerificationSOPClass\\Uncompressed
                PresentationContext2 = MRImageStorage\\NearLossless
                [[Profiles]]
                [Rle]
                PresentationContexts = RleOnly
                [NearLossless]
                PresentationContexts = NearLosslessOnly
                """);
        rleDir = Files.createTempDirectory("lumen-send-rle");
        nearDir = Files.createTempDirectory("lumen-send-near");
        rlePort = PeerProcess.freePort();
        rleOnly = PeerProcess.start(Files.createTempFile("storescp-rle", ".log"), rlePort, "storescp", "-aet", "STORESCP",
                "-xf", cfg.toString(), "Rle", "+B", "-od", rleDir.toString(), String.valueOf(rlePort));
        nearPort = PeerProcess.freePort();
        nearLosslessOnly = PeerProcess.start(Files.createTempFile("storescp-near", ".log"), nearPort, "storescp", "-aet",
                "STORESCP", "-xf", cfg.toString(), "NearLossless", "+B", "-od", nearDir.toString(), String.valueOf(nearPort));
    }

    @AfterAll
    static void stop() {
        if (rleOnly != null) {
            rleOnly.close();
        }
        if (nearLosslessOnly != null) {
            nearLosslessOnly.close();
        }
    }

    @Test
    void encodesRleLosslessForAPeerThatTakesOnlyRle() throws Exception {
        // storescu's default proposals (stored syntax, explicit, implicit) do not reach it: said so, exit 1
        Cli.Result plain = Cli.run("dicom", "send", "127.0.0.1", String.valueOf(rlePort), "-aec", "STORESCP", MR.toString());
        assertThat(plain.exitCode()).as(plain.toString()).isEqualTo(1);
        assertThat(plain.stderr()).contains("transfer syntaxes not supported (Explicit VR Little Endian");
        Cli.Result r = Cli.run("dicom", "send", "127.0.0.1", String.valueOf(rlePort), "-aec", "STORESCP", "--propose", "rle",
                MR.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).contains("Sent 1 of 1 instances").contains("(1 transcoded");
        DicomFile received = receivedFile(rleDir);
        assertThat(received.fileMeta().getString(Tag.TransferSyntaxUID)).isEqualTo(TransferSyntax.RLE_LOSSLESS);
        byte[] decoded = Transcoder.transcode(received, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).getBytes(Tag.PixelData);
        byte[] source = DicomReader.read(MR, ReadOptions.INCLUDE_ALL).dataset().getBytes(Tag.PixelData);
        assertThat(decoded).isEqualTo(source);
    }

    @Test
    void refusesLossyEncodingUnlessAllowed() throws Exception {
        Cli.Result refused = Cli.run("dicom", "send", "127.0.0.1", String.valueOf(nearPort), "-aec", "STORESCP",
                "--propose", "jpeg-ls-near", MR.toString());
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.stderr()).contains("lossy; not allowed").contains("1 of 1 instances not stored");
        assertThat(ReceivedInstances.instancesIn(nearDir)).isEmpty();

        Cli.Result allowed = Cli.run("dicom", "send", "127.0.0.1", String.valueOf(nearPort), "-aec", "STORESCP",
                "--propose", "jpeg-ls-near", "--allow-lossy", MR.toString());
        assertThat(allowed.exitCode()).as(allowed.toString()).isZero();
        DicomFile received = receivedFile(nearDir);
        assertThat(received.fileMeta().getString(Tag.TransferSyntaxUID)).isEqualTo(TransferSyntax.JPEG_LS_NEAR_LOSSLESS);
        assertThat(received.dataset().getString(Tag.LossyImageCompression)).isEqualTo("01");
        byte[] decoded = Transcoder.transcode(received, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).getBytes(Tag.PixelData);
        byte[] source = DicomReader.read(MR, ReadOptions.INCLUDE_ALL).dataset().getBytes(Tag.PixelData);
        assertThat(decoded).hasSameSizeAs(source);
        int maxError = 0;
        for (int i = 0; i < source.length; i += 2) {
            int a = (source[i] & 0xFF) | (source[i + 1] << 8);
            int b = (decoded[i] & 0xFF) | (decoded[i + 1] << 8);
            maxError = Math.max(maxError, Math.abs(a - b));
        }
        assertThat(maxError).as("largest sample error").isLessThanOrEqualTo(2);
    }

    private static DicomFile receivedFile(Path dir) throws Exception {
        Map<String, ?> instances = ReceivedInstances.instancesIn(dir);
        assertThat(instances).hasSize(1);
        try (var files = Files.list(dir)) {
            Path file = files.filter(p -> p.getFileName().toString().startsWith("MR")).findFirst().orElseThrow();
            return DicomReader.read(file, ReadOptions.INCLUDE_ALL);
        }
    }
}
