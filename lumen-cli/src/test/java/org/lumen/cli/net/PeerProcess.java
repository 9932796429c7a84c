package org.lumen.cli.net;

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
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.ReadOptions;
import org.lumen.dicom.testing.Peers;

/** A long-running peer (storescp, dcmqrscp, Orthanc) started on a free port and stopped by its PID. */
final class PeerProcess implements AutoCloseable {
    private final Process process;
    private final Path log;

    private PeerProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code name args} and waits until something listens on 127.0.0.1:{@code port}. */
    static PeerProcess start(Path logFile, int port, String name, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Peers.require(name).toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
        PeerProcess peer = new PeerProcess(process, logFile);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited at once: " + Files.readString(logFile));
            }
            try (Socket probe = new Socket("127.0.0.1", port)) {
                return peer;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        peer.close();
        throw new IllegalStateException(name + " did not listen on port " + port + " within 60 s");
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    /** Stops the peer by its PID. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    static int freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** The DICOM files under {@code dir} (recursively), by SOP Instance UID; other files are ignored. */
    static Map<String, Attributes> instancesIn(Path dir) throws IOException {
        Map<String, Attributes> out = new HashMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path f : files) {
            try {
                Attributes ds = DicomReader.read(f, ReadOptions.INCLUDE_ALL).dataset();
                String iuid = ds.getString(Tag.SOPInstanceUID);
                if (iuid != null) {
                    out.put(iuid, ds);
                }
            } catch (IOException | RuntimeException notDicom) {
                // logs, index files
            }
        }
        return out;
    }
}
