package org.lumen.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.lumen.dicom.io.DicomFile;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.ReadOptions;
import org.lumen.dicom.pixel.ImagePixelDescription;
import org.lumen.dicom.pixel.PixelData;
import org.lumen.dicom.transcode.Transcoder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Decodes every frame of every file in a list, one frame after another on one thread (as {@code gdcmconv --raw} does),
 * and prints decoded MB/s per transfer syntax. Files are read into memory first, so the figure is decoding alone. With
 * {@code --repeat} the JVM is warmed up first (in-process steady state); without, one cold pass. {@code --split DIR}
 * instead writes one list per transfer syntax (DIR/UID.list) for the benchmark script.
 */
@Command(name = "decode", mixinStandardHelpOptions = true,
        description = "Decode all frames of the files listed in LIST_FILE; print decoded MB/s per transfer syntax.")
public final class DecodeBench implements Callable<Integer> {
    @Mixin
    BenchFiles list;

    @Option(names = "--split", paramLabel = "DIR", description = "Write DIR/<transfer syntax UID>.list for the encapsulated files and stop.")
    Path splitDir;

    /** One file ready to decode. */
    record Item(String syntax, PixelData pixels, long decodedBytes) {
    }

    @Override
    public Integer call() throws IOException {
        List<Path> files = list.files();
        if (splitDir != null) {
            return split(files);
        }
        List<Item> items = new ArrayList<>();
        int refused = 0;
        for (Path file : files) {
            DicomFile dicom = DicomReader.read(file, ReadOptions.INCLUDE_ALL);
            String syntax = Transcoder.sourceSyntax(dicom).uid();
            try {
                PixelData pixels = PixelData.of(dicom.dataset(), syntax);
                items.add(new Item(syntax, pixels, (long) pixels.description().frameLength() * pixels.frameCount()));
            } catch (RuntimeException e) {
                refused++; // no decoder, or a description the pipeline refuses: reported, not timed
            }
        }
        if (refused > 0) {
            System.out.printf("lumen: %d file(s) refused before decoding (no decoder or unusable pixel description)%n", refused);
        }
        if (list.repeat <= 0) {
            report("lumen (one cold pass)", items, 1, time(items, 1));
            return 0;
        }
        time(items, list.warmup);
        report("lumen (in-process, warm)", items, list.repeat, time(items, list.repeat));
        return 0;
    }

    /** DIR/UID.list of each encapsulated syntax, and DIR/UID.bytes: what its files hold once decoded, by their headers. */
    private int split(List<Path> files) throws IOException {
        Map<String, StringBuilder> lists = new TreeMap<>();
        Map<String, Long> decodedBytes = new TreeMap<>();
        for (Path file : files) {
            try {
                DicomFile dicom = DicomReader.read(file, ReadOptions.DEFAULT);
                String syntax = Transcoder.sourceSyntax(dicom).uid();
                if (Transcoder.sourceSyntax(dicom).encapsulated()) {
                    ImagePixelDescription d = ImagePixelDescription.of(dicom.dataset());
                    lists.computeIfAbsent(syntax, s -> new StringBuilder()).append(file.toAbsolutePath()).append('\n');
                    decodedBytes.merge(syntax, (long) d.frameLength() * d.numberOfFrames(), Long::sum);
                }
            } catch (IOException | RuntimeException e) {
                // unreadable files and images without a usable description are not benchmark material
            }
        }
        Files.createDirectories(splitDir);
        for (Map.Entry<String, StringBuilder> list : lists.entrySet()) {
            Files.writeString(splitDir.resolve(list.getKey() + ".list"), list.getValue());
            Files.writeString(splitDir.resolve(list.getKey() + ".bytes"), decodedBytes.get(list.getKey()) + "\n");
        }
        return 0;
    }

    /** Nanoseconds per syntax for {@code passes} passes; a file that fails to decode counts no time and is reported. */
    private static Map<String, long[]> time(List<Item> items, int passes) {
        Map<String, long[]> bySyntax = new TreeMap<>(); // nanos, decoded bytes, failures
        for (int p = 0; p < passes; p++) {
            for (Item item : items) {
                long[] totals = bySyntax.computeIfAbsent(item.syntax(), s -> new long[3]);
                long start = System.nanoTime();
                try {
                    for (int k = 0; k < item.pixels().frameCount(); k++) {
                        item.pixels().frameBytes(k);
                    }
                    totals[0] += System.nanoTime() - start;
                    totals[1] += item.decodedBytes();
                } catch (RuntimeException e) {
                    totals[2]++;
                }
            }
        }
        return bySyntax;
    }

    private static void report(String label, List<Item> items, int passes, Map<String, long[]> bySyntax) {
        for (Map.Entry<String, long[]> e : bySyntax.entrySet()) {
            long[] t = e.getValue();
            long files = items.stream().filter(i -> i.syntax().equals(e.getKey())).count();
            double seconds = t[0] / 1e9;
            System.out.printf("%-26s ts=%s files=%d passes=%d decoded-MB=%.1f seconds=%.3f MB/s=%.1f failed=%d%n", label,
                    e.getKey(), files, passes, t[1] / 1e6, seconds, seconds > 0 ? t[1] / 1e6 / seconds : 0, t[2] / passes);
        }
    }
}
