package org.lumen.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.dict.UidDictionary;
import org.lumen.dicom.io.DicomFile;
import org.lumen.dicom.io.DicomParseException;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.ReadOptions;
import org.lumen.dicom.pixel.FrameRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lumen demo}: runs the toolkit over a folder of sample DICOM files (by default the shared sample corpus beside the
 * repository) and leaves what it made in {@code lumen-data/demo}: a summary, a PNG of the first frame of every image it
 * can decode, and an index.html to look at them.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Read every sample DICOM file, render first frames to PNG and write lumen-data/demo/index.html.")
public final class DemoCommand implements Callable<Integer> {
    @Option(names = "--input", paramLabel = "DIR", defaultValue = "../shared/data/dicom",
            description = "Folder of DICOM files (default: ${DEFAULT-VALUE}).")
    Path input;

    @Option(names = "--output", paramLabel = "DIR", defaultValue = "lumen-data/demo",
            description = "Where to write the results (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--max-images", defaultValue = "60", description = "Render at most this many images (default: ${DEFAULT-VALUE}).")
    int maxImages;

    private record Row(String file, String modality, String sopClass, String syntax, String png, String note) {
    }

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(input)) {
            throw new BadInputException("No sample folder at " + input.toAbsolutePath()
                    + "; pass --input DIR with DICOM files (the shared sample data lives in ../shared/data/dicom)");
        }
        Path pngDir = Files.createDirectories(output.resolve("png"));
        List<Path> files = candidates(input);
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> byModality = new TreeMap<>();
        int errors = 0;
        int rendered = 0;
        java.util.Set<String> renderedSeries = new java.util.HashSet<>();
        long start = System.nanoTime();
        for (Path file : files) {
            String name = input.relativize(file).toString();
            DicomFile dicom;
            try {
                dicom = DicomReader.read(file, ReadOptions.DEFAULT);
            } catch (DicomParseException e) {
                errors++;
                rows.add(new Row(name, "", "", "", "", "not readable: " + e.getMessage()));
                continue;
            }
            Attributes ds = dicom.dataset();
            String modality = ds.getString(Tag.Modality, "?");
            byModality.merge(modality, 1, Integer::sum);
            String png = "";
            String note = dicom.warnings().isEmpty() ? "" : dicom.warnings().size() + " tolerated defect(s)";
            // One image per series keeps the page varied: the corpus has long series of near-identical slices.
            if (ds.contains(Tag.PixelData) && rendered < maxImages && renderedSeries.add(ds.getString(Tag.SeriesInstanceUID, name))) {
                String pngName = String.format("%03d.png", rendered + 1);
                try (OutputStream out = Files.newOutputStream(pngDir.resolve(pngName))) {
                    FrameRenderer.toPng(dicom, 0, Optional.empty(), out);
                    png = "png/" + pngName;
                    rendered++;
                } catch (RuntimeException e) {
                    Files.deleteIfExists(pngDir.resolve(pngName));
                    note = "not rendered: " + e.getMessage();
                }
            }
            rows.add(new Row(name, modality, sopClassName(ds), dicom.transferSyntax().name(), png, note));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Files.writeString(output.resolve("index.html"), html(rows), StandardCharsets.UTF_8);
        System.out.printf("Read %d files in %.1f s (%d not readable, each with its reason); rendered %d images.%n",
                files.size(), seconds, errors, rendered);
        System.out.println("Modalities: " + byModality);
        System.out.println("Open " + output.resolve("index.html").toAbsolutePath() + " to look at them.");
        return 0;
    }

    private static List<Path> candidates(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).filter(p -> {
                String n = p.getFileName().toString();
                return n.endsWith(".dcm") || n.equals("DICOMDIR");
            }).sorted().toList();
        }
    }

    private static String sopClassName(Attributes ds) {
        String uid = ds.getString(Tag.SOPClassUID, "");
        String name = UidDictionary.nameOf(uid);
        return name != null ? name : uid;
    }

    private static String html(List<Row> rows) {
        StringBuilder sb = new StringBuilder("<!doctype html><meta charset=utf-8><title>Lumen demo</title>"
                + "<style>body{font:14px sans-serif;margin:2em}td,th{padding:4px 8px;border-bottom:1px solid #ddd;"
                + "vertical-align:top}img{max-width:160px;max-height:160px}</style><h1>Lumen: sample files</h1><table>"
                + "<tr><th>image</th><th>file</th><th>modality</th><th>SOP class</th><th>transfer syntax</th><th>note</th></tr>");
        for (Row r : rows) {
            sb.append("<tr><td>").append(r.png().isEmpty() ? "" : "<img src='" + r.png() + "'>").append("</td><td>")
                    .append(escape(r.file())).append("</td><td>").append(escape(r.modality())).append("</td><td>")
                    .append(escape(r.sopClass())).append("</td><td>").append(escape(r.syntax())).append("</td><td>")
                    .append(escape(r.note())).append("</td></tr>\n");
        }
        return sb.append("</table>").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;");
    }
}
