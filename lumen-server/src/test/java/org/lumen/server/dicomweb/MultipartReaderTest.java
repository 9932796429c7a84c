package org.lumen.server.dicomweb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MultipartReaderTest {

    private static byte[] body(String boundary, List<byte[]> parts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MultipartWriter writer = new MultipartWriter(out, boundary);
        for (byte[] p : parts) {
            writer.startPart("application/dicom").write(p);
        }
        writer.finish();
        return out.toByteArray();
    }

    private static List<byte[]> readAll(InputStream in, String boundary) throws IOException {
        MultipartReader reader = new MultipartReader(in, boundary);
        List<byte[]> out = new ArrayList<>();
        for (MultipartReader.Part p = reader.next(); p != null; p = reader.next()) {
            assertThat(p.contentType()).isEqualTo("application/dicom");
            out.add(p.body().readAllBytes());
        }
        return out;
    }

    /** Returns at most one byte per read: every buffer boundary case of the delimiter search is crossed. */
    private static InputStream trickle(byte[] bytes) {
        return new FilterInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 1));
            }
        };
    }

    @Test
    void partsComeBackByteForByteWhateverTheirContentAndTheReadSizes() throws IOException {
        Random random = new Random(42);
        byte[] big = new byte[300_000];
        random.nextBytes(big);
        // Bytes that look like the start of a delimiter, a CRLF at the end, an empty part.
        byte[] tricky = "\r\n--bound\r\n--boun\r\n-".getBytes(StandardCharsets.ISO_8859_1);
        List<byte[]> parts = List.of(big, tricky, new byte[0], "x\r\n".getBytes(StandardCharsets.ISO_8859_1));
        byte[] body = body("boundary42", parts);
        for (InputStream in : List.of(new ByteArrayInputStream(body), trickle(body))) {
            List<byte[]> read = readAll(in, "boundary42");
            assertThat(read).hasSize(4);
            for (int i = 0; i < parts.size(); i++) {
                assertThat(read.get(i)).as("part %d", i).isEqualTo(parts.get(i));
            }
        }
    }

    @Test
    void preambleEpilogueAndUnreadPartsAreSkipped() throws IOException {
        String text = "preamble text\r\n--b\r\nContent-Type: application/dicom\r\n\r\nfirst\r\n--b  \r\n"
                + "Content-Type: application/dicom\r\nX-Folded: a\r\n b\r\n\r\nsecond\r\n--b--\r\nepilogue";
        MultipartReader reader = new MultipartReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)), "b");
        MultipartReader.Part first = reader.next();
        assertThat(first.body().read()).isEqualTo('f');
        MultipartReader.Part second = reader.next();
        assertThat(second.header("X-Folded")).isEqualTo("a b");
        assertThat(new String(second.body().readAllBytes(), StandardCharsets.ISO_8859_1)).isEqualTo("second");
        assertThat(reader.next()).isNull();
    }

    @Test
    void aBodyCutShortIsAnErrorNotAShortPart() throws IOException {
        byte[] body = body("cut", List.of(new byte[1000]));
        byte[] truncated = java.util.Arrays.copyOf(body, body.length - 12);
        MultipartReader reader = new MultipartReader(new ByteArrayInputStream(truncated), "cut");
        MultipartReader.Part part = reader.next();
        assertThatThrownBy(() -> part.body().readAllBytes()).isInstanceOf(MultipartReader.MultipartException.class)
                .hasMessageContaining("ends inside a part");
        assertThatThrownBy(() -> new MultipartReader(new ByteArrayInputStream(new byte[10]), "zz").next())
                .hasMessageContaining("No boundary line '--zz'");
    }
}
