package org.lumen.image.series;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.io.DicomFile;
import org.lumen.dicom.io.DicomParseException;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.ReadOptions;
import org.lumen.dicom.pixel.PixelData;

/**
 * The slices a volume may be built from: every frame of every image read from a folder, a list of files, parsed files or
 * in-memory datasets, with the files that were left out while reading (not DICOM, no pixel data). Headers are read with
 * pixel data left as a reference into the file; pixels are read only when the volume is assembled.
 */
public final class SeriesInput {
    private final String name;
    private final List<Slice> slices;
    private final List<SeriesIssue> issues;

    private SeriesInput(String name, List<Slice> slices, List<SeriesIssue> issues) {
        this.name = name;
        this.slices = List.copyOf(slices);
        this.issues = List.copyOf(issues);
    }

    /**
     * Every regular file under {@code folderOrFile} (recursively, hidden files skipped), or that one file. Files that are
     * not DICOM are reported and left out.
     *
     * @throws IOException when the folder or a file cannot be read at all (not for a file that is not DICOM)
     */
    public static SeriesInput of(Path folderOrFile) throws IOException {
        if (!Files.isDirectory(folderOrFile)) {
            if (!Files.isRegularFile(folderOrFile)) {
                throw new IOException(folderOrFile + ": no such file or folder");
            }
            return read(folderOrFile.toString(), List.of(folderOrFile), folderOrFile.getParent());
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folderOrFile)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> !folderOrFile.relativize(p).toString().startsWith(".")
                            && !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        }
        return read(folderOrFile.toString(), files, folderOrFile);
    }

    /** These files; each is named in messages by its file name. */
    public static SeriesInput ofPaths(List<Path> files) throws IOException {
        return read(files.size() + " files", files, null);
    }

    /** Files already parsed (pixel data may be a reference into the file, as {@link ReadOptions#DEFAULT} leaves it). */
    public static SeriesInput ofFiles(List<DicomFile> files) {
        List<Slice> slices = new ArrayList<>();
        List<String> notImages = new ArrayList<>();
        for (DicomFile file : files) {
            String source = file.path() != null ? file.path().getFileName().toString() : file.source();
            addSlices(file.dataset(), source, new LazyPixels(() -> PixelData.of(file)), slices, notImages);
        }
        return new SeriesInput(files.size() + " DICOM files", slices, notImageIssues(notImages));
    }

    /**
     * In-memory datasets, named "dataset 1", "dataset 2", ... in messages. Native pixel data is read in the dataset's byte
     * order; encapsulated pixel data needs the Transfer Syntax UID (0002,0010) in the dataset.
     */
    public static SeriesInput ofDatasets(List<Attributes> datasets) {
        List<Slice> slices = new ArrayList<>();
        List<String> notImages = new ArrayList<>();
        for (int i = 0; i < datasets.size(); i++) {
            Attributes dataset = datasets.get(i);
            addSlices(dataset, "dataset " + (i + 1), new LazyPixels(() -> PixelData.of(dataset)), slices, notImages);
        }
        return new SeriesInput(datasets.size() + " datasets", slices, notImageIssues(notImages));
    }

    /** How the input is named in messages: the folder, or a count of files or datasets. */
    public String name() {
        return name;
    }

    /** The headers of all slices found, in input order (frames of a multi-frame image in frame order). */
    public List<SliceHeader> headers() {
        return slices.stream().map(Slice::header).toList();
    }

    List<Slice> slices() {
        return slices;
    }

    List<SeriesIssue> issues() {
        return issues;
    }

    private static SeriesInput read(String name, List<Path> files, Path base) throws IOException {
        List<Slice> slices = new ArrayList<>();
        List<String> notImages = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (Path path : files) {
            String source = base != null ? base.relativize(path).toString() : path.getFileName().toString();
            DicomFile file;
            try {
                file = DicomReader.read(path, ReadOptions.DEFAULT);
            } catch (DicomParseException e) {
                unreadable.add(source);
                reasons.add(source + " (" + e.getMessage() + ")");
                continue;
            }
            addSlices(file.dataset(), source, new LazyPixels(() -> PixelData.of(file)), slices, notImages);
        }
        List<SeriesIssue> issues = new ArrayList<>(notImageIssues(notImages));
        if (!unreadable.isEmpty()) {
            issues.add(0, SeriesIssue.warning(IssueKind.UNREADABLE_FILE, unreadable.size() + " files are not DICOM or"
                    + " cannot be read and were left out: " + String.join("; ", reasons.subList(0, Math.min(8,
                    reasons.size()))) + (reasons.size() > 8 ? "; and " + (reasons.size() - 8) + " more" : ""), unreadable));
        }
        return new SeriesInput(name, slices, issues);
    }

    private static void addSlices(Attributes dataset, String source, LazyPixels pixels, List<Slice> slices,
            List<String> notImages) {
        if (!SliceHeaders.isImage(dataset)) {
            notImages.add(source);
            return;
        }
        for (SliceHeader header : SliceHeaders.of(dataset, source)) {
            int frame = header.frame();
            slices.add(new Slice(header, () -> pixels.get().modalityValues(frame)));
        }
    }

    private static List<SeriesIssue> notImageIssues(List<String> notImages) {
        if (notImages.isEmpty()) {
            return List.of();
        }
        return List.of(SeriesIssue.warning(IssueKind.NOT_AN_IMAGE, notImages.size() + " DICOM instances have no pixel"
                + " data (reports, structure sets, directories) and were left out: " + String.join(", ",
                notImages.subList(0, Math.min(8, notImages.size()))) + (notImages.size() > 8 ? " and "
                + (notImages.size() - 8) + " more" : ""), notImages));
    }

    /** The pixel pipeline of one instance, set up on first use and shared by its frames. */
    private static final class LazyPixels {
        private final Supplier<PixelData> factory;
        private PixelData pixels;

        LazyPixels(Supplier<PixelData> factory) {
            this.factory = factory;
        }

        synchronized PixelData get() {
            if (pixels == null) {
                pixels = factory.get();
            }
            return pixels;
        }
    }
}
