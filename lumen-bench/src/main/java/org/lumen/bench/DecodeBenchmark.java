package org.lumen.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.lumen.dicom.io.DicomFile;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.ReadOptions;
import org.lumen.dicom.pixel.PixelData;
import org.lumen.dicom.transcode.Transcoder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Decoding throughput of one transfer syntax, in process: every frame of every file of a list (one list per syntax, as
 * {@code lumen bench decode --split} writes them), one frame after another on one thread. Files are read into memory in
 * the setup, so a measured operation is decoding alone. Run by benchmarks/decode.sh, which turns the time per operation
 * into MB/s with the decoded size it prints.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DecodeBenchmark {
    /** A file with one DICOM path per line. */
    @Param("")
    public String list;

    private final List<PixelData> images = new ArrayList<>();

    @Setup(Level.Trial)
    public void load() throws IOException {
        long decodedBytes = 0;
        for (String line : Files.readAllLines(Path.of(list))) {
            if (line.isBlank()) {
                continue;
            }
            DicomFile file = DicomReader.read(Path.of(line.trim()), ReadOptions.INCLUDE_ALL);
            PixelData pixels = PixelData.of(file.dataset(), Transcoder.sourceSyntax(file).uid());
            try {
                pixels.frameBytes(0);
            } catch (RuntimeException e) {
                continue; // a file our decoder refuses is left out, as the test suite reports it
            }
            images.add(pixels);
            decodedBytes += (long) pixels.description().frameLength() * pixels.frameCount();
        }
        System.out.println("decoded-bytes-per-op " + decodedBytes + " files " + images.size());
    }

    @Benchmark
    public void decodeAllFrames(Blackhole sink) {
        for (PixelData pixels : images) {
            for (int k = 0; k < pixels.frameCount(); k++) {
                sink.consume(pixels.frameBytes(k));
            }
        }
    }
}
