package org.lumen.dicom.testing;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The Debian peers (dcmtk, GDCM, dicom3tools...) as the tests call them. A peer missing from the PATH fails the test under
 * {@code CI=true} (CI installs them all) and skips it elsewhere.
 */
public final class Peers {
    private Peers() {
    }

    /** What one run printed and returned. */
    public record Result(int exitCode, String stdout, String stderr) {
        public boolean ok() {
            return exitCode == 0;
        }

        @Override
        public String toString() {
            return "exit " + exitCode + (stdout.isBlank() ? "" : "\nstdout: " + stdout) + (stderr.isBlank() ? "" : "\nstderr: " + stderr);
        }
    }

    /** The executable {@code name} from the PATH; see the class comment for when it is missing. */
    public static Path require(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(name + " is not on PATH; CI must install the peers of ../shared/peers/README.md (.ci/run does)");
        }
        Assumptions.abort(name + " is not on PATH (install the peers of ../shared/peers/README.md); skipped outside CI");
        return null;
    }

    /** Runs {@code name} (from the PATH) with {@code args}, at most {@code timeoutSeconds}; a timeout fails the test. */
    public static Result run(long timeoutSeconds, String name, String... args) {
        List<String> command = new ArrayList<>();
        command.add(require(name).toString());
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).start();
            process.getOutputStream().close();
            CompletableFuture<String> out = readAsync(process.getInputStream());
            CompletableFuture<String> err = readAsync(process.getErrorStream());
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail(String.join(" ", command) + " did not finish within " + timeoutSeconds + " s");
            }
            return new Result(process.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted running " + command, e);
        }
    }

    private static CompletableFuture<String> readAsync(java.io.InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(unreadable: " + e.getMessage() + ")";
            }
        });
    }
}
