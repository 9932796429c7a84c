package org.lumen.server.dicomweb;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.data.VR;
import org.lumen.dicom.io.DicomWriter;
import org.lumen.dicom.io.WriteOptions;

/**
 * STOW-RS streams: a 256 MiB part reaches the backend's store while the client is still sending, so neither the request
 * body nor the part is ever held whole in memory.
 */
class StowStreamingTest {
    static final long PIXEL_BYTES = 256L * 1024 * 1024;

    /** Records how much the client had sent when the backend saw the part's first byte, and how much it received. */
    static final class CountingBackend implements DicomWebBackend {
        final AtomicLong sentAtFirstByte = new AtomicLong(-1);
        final AtomicLong received = new AtomicLong();
        final AtomicLong sent;

        CountingBackend(AtomicLong sent) {
            this.sent = sent;
        }

        @Override
        public Stream<Attributes> search(QidoQuery query) {
            return Stream.empty();
        }

        @Override
        public List<InstanceLocation> locate(String studyUid, String seriesUid, String sopInstanceUid) {
            return List.of();
        }

        @Override
        public Stored store(InputStream part10) throws IOException {
            byte[] buffer = new byte[64 * 1024];
            int n = part10.read(buffer);
            sentAtFirstByte.set(sent.get());
            long total = n;
            while ((n = part10.read(buffer)) >= 0) {
                total += n;
            }
            received.set(total);
            return new Stored("1.2.3", "1.2.3.4", "1.2.840.10008.5.1.4.1.1.7", "1.2.3.4.5");
        }
    }

    @Test
    void aLargePartReachesTheArchiveWhileTheClientIsStillSending() throws Exception {
        Attributes ds = new Attributes();
        ds.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.7");
        ds.setString(Tag.SOPInstanceUID, VR.UI, "1.2.3.4.5");
        ds.setString(Tag.StudyInstanceUID, VR.UI, "1.2.3");
        ds.setString(Tag.SeriesInstanceUID, VR.UI, "1.2.3.4");
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        DicomWriter.write(head, null, ds, "1.2.840.10008.1.2.1", WriteOptions.DEFAULT);
        // Pixel Data (7FE0,0010) OB with a 256 MiB value, written by hand so the test never holds it.
        head.write(new byte[] {(byte) 0xE0, 0x7F, 0x10, 0x00, 'O', 'B', 0, 0});
        head.write(new byte[] {0, 0, 0, 0x10});
        String boundary = "stream-test";
        byte[] prefix = ("--" + boundary + "\r\nContent-Type: application/dicom\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] header = head.toByteArray();
        byte[] suffix = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1);
        long total = prefix.length + header.length + PIXEL_BYTES + suffix.length;

        AtomicLong sent = new AtomicLong();
        CountingBackend backend = new CountingBackend(sent);
        Javalin app = Javalin.create(cfg -> DicomWebRoutes.register(cfg, backend, DicomWebConfig.DEFAULT)).start("127.0.0.1", 0);
        try {
            InputStream body = new InputStream() {
                long position;

                @Override
                public int read() {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    if (position >= total) {
                        return -1;
                    }
                    int n = (int) Math.min(len, total - position);
                    for (int i = 0; i < n; i++) {
                        long p = position + i;
                        long afterPixels = prefix.length + header.length + PIXEL_BYTES;
                        b[off + i] = p < prefix.length ? prefix[(int) p]
                                : p < prefix.length + header.length ? header[(int) (p - prefix.length)]
                                : p < afterPixels ? 0 : suffix[(int) (p - afterPixels)];
                    }
                    position += n;
                    sent.set(position);
                    return n;
                }
            };
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/dicom-web/studies"))
                    .timeout(Duration.ofSeconds(120))
                    .header("Content-Type", "multipart/related; type=\"application/dicom\"; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build();
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(backend.received.get()).isEqualTo(header.length + PIXEL_BYTES);
            assertThat(backend.sentAtFirstByte.get()).as("bytes sent when the archive saw the first one")
                    .isLessThan(total / 4);
        } finally {
            app.stop();
        }
    }
}
