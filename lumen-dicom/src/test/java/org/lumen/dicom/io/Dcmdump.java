package org.lumen.dicom.io;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs dcmtk's {@code dcmdump} and keeps what it printed. The options are chosen so that the text is complete and can be
 * parsed without ambiguity:
 * <ul>
 *   <li>{@code +L} prints long values in full (no "..." shortening);</li>
 *   <li>{@code -M} leaves values over 4 KiB unloaded ("(not loaded)"), so bulk data is compared by length only and the
 *       dump of the whole corpus stays small and fast;</li>
 *   <li>{@code +uc} converts defined-length UN elements whose tag dcmtk knows to their real VR, as our reader does by
 *       default (PS3.5 6.2.2);</li>
 *   <li>{@code +Qn} writes control and non-ASCII characters as XML character references ({@code &#13;}) and escapes
 *       {@code & < > "}, so a value never spans lines and a backslash is always a value separator (the octal quoting of
 *       {@code +Qo} would confuse {@code 1\234} with a quoted byte);</li>
 *   <li>{@code -Un} prints UIDs as numbers rather than names;</li>
 *   <li>{@code -ll error} keeps errors but drops warnings, whose logging makes dcmtk slow on files with many defects.</li>
 * </ul>
 */
final class Dcmdump {
    static final List<String> OPTIONS = List.of("+L", "-M", "+uc", "+Qn", "-Un", "-ll", "error");
    private static final long TIMEOUT_SECONDS = 60;

    private Dcmdump() {
    }

    /** What one run printed. */
    record Output(int exitCode, String stdout, String stderr) {
        boolean rejected() {
            return exitCode != 0;
        }
    }

    /** The dcmdump executable: the system property {@code lumen.dcmdump} when set, else the one on the PATH, if installed. */
    static Optional<Path> executable() {
        String configured = System.getProperty("lumen.dcmdump");
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        String pathVariable = System.getenv("PATH");
        if (pathVariable == null) {
            return Optional.empty();
        }
        for (String dir : pathVariable.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "dcmdump");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Runs {@code dcmdump OPTIONS extra... file}; stdout is kept as ISO-8859-1 text so that every byte survives. */
    static Output run(Path executable, Path file, List<String> extraOptions) {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(OPTIONS);
        command.addAll(extraOptions);
        command.add(file.toString());
        try {
            Process process = new ProcessBuilder(command).start();
            process.getOutputStream().close();
            CompletableFuture<byte[]> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            byte[] stdout = process.getInputStream().readAllBytes();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("dcmdump did not finish within " + TIMEOUT_SECONDS + " s on " + file);
            }
            return new Output(process.exitValue(), new String(stdout, StandardCharsets.ISO_8859_1),
                    new String(stderr.join(), StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running dcmdump on " + file, e);
        }
    }

    private static byte[] readAll(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
