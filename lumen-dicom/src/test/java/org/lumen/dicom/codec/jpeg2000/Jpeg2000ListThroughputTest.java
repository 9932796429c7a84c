package org.lumen.dicom.codec.jpeg2000;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lumen.dicom.io.DicomFile;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.pixel.EncapsulatedFrameSource;
import org.lumen.dicom.pixel.ImagePixelDescription;
import org.lumen.dicom.pixel.PixelData;

/**
 * Decoding speed over a list of files (-Dj2k.list=FILE, one absolute path a line), every frame, one thread, warm, best of
 * -Dj2k.rounds passes, in MB/s of decoded bytes: the figure to set beside benchmarks/gdcm_decode.py on the same list.
 */
@Tag("benchmark")
class Jpeg2000ListThroughputTest {

    /** For a quick run without Maven: java -cp ... Jpeg2000ListThroughputTest LIST [ROUNDS]. */
    public static void main(String[] args) throws Exception {
        System.setProperty("j2k.list", args[0]);
        if (args.length > 1) {
            System.setProperty("j2k.rounds", args[1]);
        }
        new Jpeg2000ListThroughputTest().listThroughput();
    }

    @Test
    void listThroughput() throws Exception {
        String list = System.getProperty("j2k.list");
        Assumptions.assumeTrue(list != null, "set -Dj2k.list=FILE to measure");
        int rounds = Integer.getInteger("j2k.rounds", 7);
        List<byte[]> frames = new ArrayList<>();
        List<ImagePixelDescription> descriptions = new ArrayList<>();
        long bytes = 0;
        Jpeg2000FrameDecoder decoder = new Jpeg2000FrameDecoder();
        for (String line : Files.readAllLines(Path.of(list))) {
            if (line.isBlank()) {
                continue;
            }
            DicomFile dicom = DicomReader.read(Path.of(line.trim()));
            EncapsulatedFrameSource source = (EncapsulatedFrameSource) PixelData.of(dicom).frameSource();
            ImagePixelDescription stored = source.storedDescription();
            for (int f = 0; f < source.frameCount(); f++) {
                frames.add(source.locator().encodedFrame(f));
                descriptions.add(stored);
                bytes += decoder.decodedDescription(stored).frameLength();
            }
        }
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        double best = Double.MAX_VALUE;
        double bestCpu = Double.MAX_VALUE;
        for (int r = 0; r < rounds; r++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            for (int i = 0; i < frames.size(); i++) {
                decoder.decode(frames.get(i), descriptions.get(i));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            best = Math.min(best, seconds);
            bestCpu = Math.min(bestCpu, (threads.getCurrentThreadCpuTime() - cpu) / 1e9);
        }
        System.out.printf("lumen %s frames=%d MB=%.1f best=%.3fs MB/s=%.1f cpu-MB/s=%.1f%n", list, frames.size(), bytes / 1e6,
                best, bytes / 1e6 / best, bytes / 1e6 / bestCpu);
    }
}
