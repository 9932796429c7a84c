package org.lumen.ai.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Reads a folder with one subfolder per class ({@code root/glioma/*.jpg, root/notumor/*.jpg, ...}) into prepared
 * {@link LabelledImages}. Classes are the subfolder names in sorted order (index = label); every regular, non-hidden file
 * in a class folder is an image (PNG or JPEG, grey or colour, any size: each is loaded by {@link ImageLoader} and made
 * ready by {@link ImagePreparer}). Files directly in the root (a licence, a README) are not images of any class and are
 * left alone.
 */
public final class ImageFolderReader {

    /**
     * @param images  the images that were read, prepared
     * @param skipped the files that could not be decoded (empty unless read with skipping)
     */
    public record Result(LabelledImages images, List<Path> skipped) {
        public Result {
            skipped = List.copyOf(skipped);
        }
    }

    private ImageFolderReader() {
    }

    /**
     * @throws ImageReadException naming the file when an image cannot be decoded, or the folder when it holds no class
     *                            folders or a class folder is empty
     */
    public static LabelledImages read(Path root, Preprocessing p) throws IOException {
        return read(root, p, false).images();
    }

    /** Like {@link #read(Path, Preprocessing)}, but files that cannot be decoded are left out and listed. */
    public static Result readSkippingUndecodable(Path root, Preprocessing p) throws IOException {
        return read(root, p, true);
    }

    private static Result read(Path root, Preprocessing p, boolean skip) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new ImageReadException(root, "not a folder");
        }
        List<Path> classFolders = list(root).filter(Files::isDirectory).toList();
        if (classFolders.isEmpty()) {
            throw new ImageReadException(root, "no class folders: put the images of each class in a subfolder named "
                    + "after the class");
        }
        List<String> classes = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        List<Integer> fileLabels = new ArrayList<>();
        for (Path folder : classFolders) {
            List<Path> images = list(folder).filter(Files::isRegularFile).toList();
            if (images.isEmpty()) {
                throw new ImageReadException(folder, "class folder without images");
            }
            for (Path image : images) {
                files.add(image);
                fileLabels.add(classes.size());
            }
            classes.add(folder.getFileName().toString());
        }
        float[][] prepared = new float[files.size()][];
        IOException[] failures = new IOException[files.size()];
        IntStream.range(0, files.size()).parallel().forEach(i -> {
            try {
                RawImage raw = ImageLoader.load(files.get(i));
                if (!ImageLoader.PNG.equals(raw.kind()) && !ImageLoader.JPEG.equals(raw.kind())) {
                    throw new ImageReadException(files.get(i), "a " + raw.kind() + " file among the PNG/JPEG images of an "
                            + "image folder; use the DICOM or NIfTI readers for those");
                }
                prepared[i] = prepare(raw, p, files.get(i));
            } catch (IOException e) {
                failures[i] = e;
            }
        });
        List<float[]> images = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<Path> skipped = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            if (failures[i] != null) {
                if (!skip) {
                    throw failures[i];
                }
                skipped.add(files.get(i));
            } else {
                images.add(prepared[i]);
                labels.add(fileLabels.get(i));
            }
        }
        int[] labelArray = labels.stream().mapToInt(Integer::intValue).toArray();
        return new Result(new LabelledImages(p.inputShape(), images, labelArray, classes), skipped);
    }

    /** {@link RawImage#prepare} with the file named when the image does not fit the preprocessing. */
    static float[] prepare(RawImage raw, Preprocessing p, Path file) throws ImageReadException {
        try {
            return raw.prepare(p);
        } catch (IllegalArgumentException e) {
            throw new ImageReadException(file, e.getMessage(), e);
        }
    }

    /** The non-hidden entries of a folder, sorted by name. */
    private static Stream<Path> list(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList().stream();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
