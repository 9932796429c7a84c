package org.lumen.cli.dicom;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.lumen.cli.BadInputException;
import org.lumen.dicom.io.DicomFile;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.ReadOptions;
import org.lumen.dicom.pixel.FrameRenderer;
import org.lumen.dicom.pixel.Window;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lumen dicom render FILE OUT.png [--frame N] [--window CENTER,WIDTH]}. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Render one frame to PNG: monochrome through the modality and VOI transforms, colour as RGB.")
public final class RenderCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE")
    Path file;

    @Parameters(index = "1", paramLabel = "OUT.png")
    Path out;

    @Option(names = "--frame", paramLabel = "N", defaultValue = "1", description = "Frame number, from 1 (default: ${DEFAULT-VALUE}).")
    int frame;

    @Option(names = "--window", paramLabel = "CENTER,WIDTH",
            description = "VOI window in modality units; default: the file's first window, else the frame's range.")
    String window;

    @Override
    public Integer call() throws Exception {
        Optional<Window> voi = parseWindow(window);
        DicomFile dicom = DicomReader.read(file, ReadOptions.DEFAULT);
        int frames = Math.max(1, dicom.dataset().getInt(0x00280008, 1));
        if (frame < 1 || frame > frames) {
            throw new BadInputException(file + ": frame " + frame + " does not exist (the image has " + frames + " frame"
                    + (frames == 1 ? ")" : "s)"));
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream png = Files.newOutputStream(out)) {
            FrameRenderer.toPng(dicom, frame - 1, voi, png);
        }
        return 0;
    }

    static Optional<Window> parseWindow(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.split(",");
        try {
            if (parts.length == 2) {
                double width = Double.parseDouble(parts[1].trim());
                if (width >= 1) {
                    return Optional.of(Window.of(Double.parseDouble(parts[0].trim()), width));
                }
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new BadInputException("--window must be CENTER,WIDTH with WIDTH >= 1, e.g. 40,400; got '" + text + "'");
    }
}
