package org.lumen.dicom.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A private Orthanc 1.10.1 (with its DICOMweb plugin) for comparison tests: its own temporary storage, free HTTP and DICOM
 * ports on 127.0.0.1, stopped by PID in {@link #close()}. Missing Orthanc fails under CI=true and skips elsewhere (via
 * {@link Peers#require}). Used by the archive's C-FIND comparison and by the DICOMweb QIDO comparison.
 *
 * <pre>
 * try (OrthancPeer orthanc = OrthancPeer.start()) {
 *     orthanc.upload(file);
 *     String json = orthanc.post("/tools/find", "{\"Level\":\"Study\",\"Query\":{...},\"Expand\":true}");
 *     String qido = orthanc.get("/dicom-web/studies?PatientName=A*");
 * }
 * </pre>
 */
public final class OrthancPeer implements AutoCloseable {
    public static final String AET = "ORTHANC";

    private final Process process;
    private final Path root;
    private final int httpPort;
    private final int dicomPort;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    private OrthancPeer(Process process, Path root, int httpPort, int dicomPort) {
        this.process = process;
        this.root = root;
        this.httpPort = httpPort;
        this.dicomPort = dicomPort;
    }

    /** Starts Orthanc and waits (up to 60 s) until its REST API answers. */
    public static OrthancPeer start() throws IOException, InterruptedException {
        return start(java.util.Map.of());
    }

    /**
     * Starts Orthanc knowing these DICOM peers on loopback (AE title to port), e.g. C-MOVE destinations, and waits (up to
     * 60 s) until its REST API answers.
     */
    public static OrthancPeer start(java.util.Map<String, Integer> modalities) throws IOException, InterruptedException {
        Path binary = Peers.require("Orthanc");
        Path root = Files.createTempDirectory("lumen-orthanc-");
        int httpPort = freePort();
        int dicomPort = freePort();
        Path storage = Files.createDirectories(root.resolve("db"));
        String config = """
                {
                  "Name" : "LumenPeer",
                  "StorageDirectory" : "%s",
                  "IndexDirectory" : "%s",
                  "HttpServerEnabled" : true,
                  "HttpPort" : %d,
                  "HttpBindAddress" : "127.0.0.1",
                  "RemoteAccessAllowed" : false,
                  "AuthenticationEnabled" : false,
                  "DicomServerEnabled" : true,
                  "DicomAet" : "%s",
                  "DicomPort" : %d,
                  "DicomAlwaysAllowEcho" : true,
                  "DicomAlwaysAllowStore" : true,
                  "DicomAlwaysAllowFind" : true,
                  "DicomAlwaysAllowGet" : true,
                  "DicomAlwaysAllowMove" : true,
                  "DicomCheckModalityHost" : false,
                  "DicomModalities" : { %s },
                  "Plugins" : [ "/usr/share/orthanc/plugins/libOrthancDicomWeb.so" ],
                  "DicomWeb" : { "Enable" : true, "Root" : "/dicom-web/" },
                  "StableAge" : 1
                }
                """.formatted(storage, storage, httpPort, AET, dicomPort, modalities(modalities));
        Path configFile = root.resolve("orthanc.json");
        Files.writeString(configFile, config);
        Process process = new ProcessBuilder(binary.toString(), configFile.toString())
                .redirectErrorStream(true).redirectOutput(root.resolve("orthanc.log").toFile()).start();
        OrthancPeer peer = new OrthancPeer(process, root, httpPort, dicomPort);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                String log = Files.readString(root.resolve("orthanc.log"));
                peer.close();
                throw new IllegalStateException("Orthanc exited at start:\n" + log);
            }
            try {
                if (peer.status("/system") == 200) {
                    return peer;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        peer.close();
        throw new IllegalStateException("Orthanc did not answer on 127.0.0.1:" + httpPort + " within 60 s");
    }

    private static String modalities(java.util.Map<String, Integer> modalities) {
        StringBuilder json = new StringBuilder();
        modalities.forEach((aet, port) -> json.append(json.length() == 0 ? "" : ", ").append('"')
                .append(aet.toLowerCase(java.util.Locale.ROOT)).append("\" : [ \"").append(aet)
                .append("\", \"127.0.0.1\", ").append(port).append(" ]"));
        return json.toString();
    }

    public int httpPort() {
        return httpPort;
    }

    public int dicomPort() {
        return dicomPort;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** Uploads a Part 10 file through POST /instances; fails when Orthanc refuses it. */
    public void upload(Path file) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/instances"))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/dicom")
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("Orthanc refused " + file.getFileName() + ": HTTP " + response.statusCode() + " " + response.body());
        }
    }

    /** Uploads, returning false (instead of failing) for files Orthanc does not accept. */
    public boolean tryUpload(Path file) throws InterruptedException {
        try {
            upload(file);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public String get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(60)).GET().build());
    }

    public String get(String path, String accept) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(60)).header("Accept", accept)
                .GET().build());
    }

    public String post(String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private String send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() / 100 != 2) {
            throw new IOException(request.method() + " " + request.uri() + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private int status(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(2)).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Stops Orthanc by its PID and removes its storage. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // temporary folder; best effort
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
