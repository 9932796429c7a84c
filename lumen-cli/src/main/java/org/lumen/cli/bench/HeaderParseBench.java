package org.lumen.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.lumen.dicom.io.DicomParseException;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.ReadOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Parses the header (everything before pixel data) of every file in a list, as {@code dcmdump -M +sb 7fe0,0010} and pydicom's
 * {@code dcmread(stop_before_pixels=True)} do, and prints files/s and MB/s. With {@code --repeat} the JVM is warmed up first
 * and the figure is the in-process steady state; without, it is one cold pass (the whole-process figure comes from timing the
 * command itself).
 */
@Command(name = "headers", mixinStandardHelpOptions = true,
        description = "Parse all headers of the files listed in LIST_FILE (one path per line); print files/s and MB/s.")
public final class HeaderParseBench implements Callable<Integer> {
    @Mixin
    BenchFiles list;

    @Override
    public Integer call() throws IOException {
        List<Path> files = list.files();
        long bytes = 0;
        for (Path file : files) {
            bytes += Files.size(file);
        }
        if (list.repeat <= 0) {
            long start = System.nanoTime();
            int failed = pass(files);
            report("lumen (one cold pass)", files.size(), bytes, 1, System.nanoTime() - start, failed);
            return 0;
        }
        for (int i = 0; i < list.warmup; i++) {
            pass(files);
        }
        long start = System.nanoTime();
        int failed = 0;
        for (int i = 0; i < list.repeat; i++) {
            failed = pass(files);
        }
        report("lumen (in-process, warm)", files.size(), bytes, list.repeat, System.nanoTime() - start, failed);
        return 0;
    }

    private static int pass(List<Path> files) throws IOException {
        int failed = 0;
        for (Path file : files) {
            try {
                DicomReader.read(file, ReadOptions.HEADER_ONLY);
            } catch (DicomParseException e) {
                failed++;
            }
        }
        return failed;
    }

    private static void report(String label, int files, long bytes, int passes, long nanos, int failed) {
        double seconds = nanos / 1e9;
        System.out.printf("%-28s files=%d passes=%d seconds=%.3f files/s=%.0f MB/s=%.1f parse-errors=%d%n", label, files,
                passes, seconds, files * (double) passes / seconds, bytes * (double) passes / seconds / 1e6, failed);
    }
}
