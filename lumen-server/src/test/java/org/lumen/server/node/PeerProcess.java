package org.lumen.server.node;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.lumen.dicom.testing.Peers;

/** A long-running peer (storescp) on a free loopback port, stopped by its PID. */
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
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited at once: " + Files.readString(logFile));
            }
            try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return peer;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        peer.close();
        throw new IllegalStateException(name + " did not listen on port " + port + " within 10 s");
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
