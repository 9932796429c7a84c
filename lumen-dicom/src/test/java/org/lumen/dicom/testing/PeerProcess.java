package org.lumen.dicom.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A long-running peer (storescp, dcmqrscp, Orthanc) started on a free loopback port and stopped by its PID; the one way
 * every module's interop tests start a server peer.
 */
public final class PeerProcess implements AutoCloseable {
    private final Process process;
    private final Path log;

    private PeerProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code name args} (a peer {@link Peers#require} finds) and waits until it listens on 127.0.0.1:{@code port}. */
    public static PeerProcess start(Path logFile, int port, String name, String... args)
            throws IOException, InterruptedException {
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
            try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return peer;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        peer.close();
        throw new IllegalStateException(name + " did not listen on port " + port + " within 60 s");
    }

    /** What the peer printed so far. */
    public String log() throws IOException {
        return Files.readString(log);
    }

    public long pid() {
        return process.pid();
    }

    /** Stops the peer by its PID (SIGTERM, then SIGKILL after 10 s). */
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

    /** A port free on loopback now. */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
