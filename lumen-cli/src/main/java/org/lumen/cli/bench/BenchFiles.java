package org.lumen.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The file lists benchmarks take: one path per line, blank lines ignored. */
final class BenchFiles {
    private BenchFiles() {
    }

    static List<Path> read(Path listFile) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String line : Files.readAllLines(listFile)) {
            if (!line.isBlank()) {
                files.add(Path.of(line.trim()));
            }
        }
        return files;
    }
}
