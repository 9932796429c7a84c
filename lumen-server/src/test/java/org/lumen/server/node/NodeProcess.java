package org.lumen.server.node;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A Lumen node in a child JVM ({@link NodeMain}), on the test class path, so that a test can SIGKILL it
 * ({@link #kill()}) and start it again on the same data folder. Its log goes to a file.
 */
final class NodeProcess implements AutoCloseable {
    private final Process process;
    private final int dicomPort;

    private NodeProcess(Process process, int dicomPort) {
        this.process = process;
        this.dicomPort = dicomPort;
    }

    /** Starts the node on {@code data} and {@code dicomPort} and waits (up to 120 s) for its READY line. */
    static NodeProcess start(Path data, int dicomPort, Path log) throws IOException, InterruptedException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), "-Xmx512m", "-XX:+UseSerialGC", "-cp", classPath,
                NodeMain.class.getName(), data.toString(), String.valueOf(dicomPort)))
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        process.getOutputStream().close();
        CompletableFuture<Integer> ready = CompletableFuture.supplyAsync(() -> readyPort(process));
        try {
            Integer port = ready.get(120, TimeUnit.SECONDS);
            if (port == null) {
                throw new IllegalStateException("The node exited before it was ready; its log:\n" + tail(log));
            }
            return new NodeProcess(process, port);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new IllegalStateException("The node did not start within 120 s: " + e + "; its log:\n" + tail(log), e);
        }
    }

    /** Reads stdout until the READY line (then drains the rest in the background); null when the process ended first. */
    private static Integer readyPort(Process process) {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        try {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(NodeMain.READY)) {
                    Thread drain = new Thread(() -> {
                        try {
                            out.transferTo(java.io.Writer.nullWriter());
                        } catch (IOException e) {
                            // the process ended
                        }
                    }, "node-stdout");
                    drain.setDaemon(true);
                    drain.start();
                    return Integer.parseInt(line.replaceAll(".*dicom=(\\d+).*", "$1"));
                }
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    int dicomPort() {
        return dicomPort;
    }

    long pid() {
        return process.pid();
    }

    /** SIGKILL: no shutdown hook, no close, whatever was in flight is cut. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("The node (PID " + process.pid() + ") survived SIGKILL for 30 s");
        }
    }

    /** SIGTERM: the node closes cleanly (shutdown hook). */
    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            throw new IllegalStateException("The node (PID " + process.pid() + ") did not stop within 60 s of SIGTERM");
        }
    }
}
