package org.lumen.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What every benchmark command takes (a picocli mixin): a list of files, one path per line, and how many passes to time
 * after how many warm-up passes.
 */
final class BenchFiles {
    @Parameters(index = "0", paramLabel = "LIST_FILE", description = "A text file with one DICOM file path per line.")
    Path listFile;

    @Option(names = "--repeat", defaultValue = "0", description = "Timed passes after warm-up passes (0: one cold pass only).")
    int repeat;

    @Option(names = "--warmup", defaultValue = "5", description = "Warm-up passes before the timed ones (with --repeat).")
    int warmup;

    /** The listed files, blank lines ignored. */
    List<Path> files() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String line : Files.readAllLines(listFile)) {
            if (!line.isBlank()) {
                files.add(Path.of(line.trim()));
            }
        }
        return files;
    }
}
