package org.lumen.server.dicomweb;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A small HTTP client for the DICOMweb tests: every request has a timeout; multipart answers are split into parts. */
final class WebClient {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    WebClient(String base) {
        this.base = base;
    }

    String base() {
        return base;
    }

    HttpResponse<byte[]> get(String path, String... headers) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path)).GET(), headers);
    }

    HttpResponse<byte[]> options(String path, String... headers) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).method("OPTIONS", HttpRequest.BodyPublishers.noBody()),
                headers);
    }

    HttpResponse<byte[]> post(String path, byte[] body, String... headers) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofByteArray(body)), headers);
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder b, String... headers) throws IOException, InterruptedException {
        b.timeout(Duration.ofSeconds(120));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A part of a multipart answer. */
    record Part(String contentType, byte[] body) {
    }

    static List<Part> parts(HttpResponse<byte[]> response) throws IOException {
        String type = response.headers().firstValue("Content-Type").orElseThrow();
        MultipartReader reader = new MultipartReader(new ByteArrayInputStream(response.body()),
                MediaType.parse(type).parameter("boundary"));
        List<Part> out = new ArrayList<>();
        for (MultipartReader.Part p = reader.next(); p != null; p = reader.next()) {
            out.add(new Part(p.contentType(), p.body().readAllBytes()));
        }
        return out;
    }

    /** A STOW-RS body of these parts (each a byte array), and its Content-Type. */
    record Body(byte[] bytes, String contentType) {
    }

    static Body stowBody(List<byte[]> parts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MultipartWriter writer = new MultipartWriter(out);
        for (byte[] p : parts) {
            writer.startPart("application/dicom").write(p);
        }
        writer.finish();
        return new Body(out.toByteArray(), writer.contentType("application/dicom"));
    }

    static List<byte[]> read(List<Path> files) throws IOException {
        List<byte[]> out = new ArrayList<>();
        for (Path f : files) {
            out.add(Files.readAllBytes(f));
        }
        return out;
    }
}
