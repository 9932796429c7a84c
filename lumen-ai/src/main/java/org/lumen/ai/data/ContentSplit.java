package org.lumen.ai.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * An image folder (one subfolder per class, as {@link ImageFolderReader} reads it) split into training and validation
 * images <em>by content</em>: every image is decoded and its pixels (with its shape) hashed with SHA-256, images with the
 * same hash form one group, and a whole group goes to one side. A folder that holds copies of an image (the brain-tumour
 * MRI set does, under different names) therefore never has one copy in training and another in validation, which would
 * flatter the validation figures.
 *
 * <p>The split is stratified and seeded: within each class the groups are shuffled by {@code new Random(seed)} and taken
 * into validation until the class's validation share reaches {@code valFraction}. A group whose copies carry different
 * labels is put on one side whole (the class of its first file decides) and listed in {@link #conflicts()}.
 *
 * @param classes       class names (sorted subfolder names), index = label
 * @param train         training files, in folder order
 * @param val           validation files, in folder order
 * @param duplicates    files that are a copy of an earlier file (the number of files minus the number of groups)
 * @param conflicts     content hashes whose copies carry different labels
 * @param prepared      every file's prepared image (by path), so that the images are decoded only once
 * @param shape         the prepared shape
 */
public record ContentSplit(List<String> classes, List<Entry> train, List<Entry> val, int duplicates, List<String> conflicts,
                           Map<Path, float[]> prepared, int[] shape) {

    /** One image file: its path, class index and content hash (hex SHA-256 of shape and pixels). */
    public record Entry(Path file, int label, String hash) {
    }

    public ContentSplit {
        classes = List.copyOf(classes);
        train = List.copyOf(train);
        val = List.copyOf(val);
        conflicts = List.copyOf(conflicts);
    }

    /**
     * Reads, hashes, prepares and splits every image of the folder.
     *
     * @param valFraction the share of each class put into validation, in (0, 1)
     * @throws ImageReadException naming a file that cannot be decoded, or the folder when it has no class folders
     */
    public static ContentSplit of(Path root, Preprocessing p, double valFraction, long seed) throws IOException {
        if (!(valFraction > 0 && valFraction < 1)) {
            throw new IllegalArgumentException("the validation share must be between 0 and 1, not " + valFraction);
        }
        List<String> classes = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        listClasses(root, classes, files, labels);
        String[] hashes = new String[files.size()];
        float[][] prepared = new float[files.size()][];
        IOException[] failures = new IOException[files.size()];
        IntStream.range(0, files.size()).parallel().forEach(i -> {
            try {
                RawImage raw = ImageLoader.load(files.get(i));
                hashes[i] = hash(raw);
                prepared[i] = ImageFolderReader.prepare(raw, p, files.get(i));
            } catch (IOException e) {
                failures[i] = e;
            }
        });
        for (IOException failure : failures) {
            if (failure != null) {
                throw failure;
            }
        }
        List<Entry> entries = new ArrayList<>();
        Map<Path, float[]> byPath = new LinkedHashMap<>();
        for (int i = 0; i < files.size(); i++) {
            entries.add(new Entry(files.get(i), labels.get(i), hashes[i]));
            byPath.put(files.get(i), prepared[i]);
        }
        return split(classes, entries, valFraction, seed, byPath, p.inputShape());
    }

    /** The split of already hashed entries (no images read); {@link #prepared()} is empty. */
    public static ContentSplit split(List<String> classes, List<Entry> entries, double valFraction, long seed) {
        return split(classes, entries, valFraction, seed, Map.of(), new int[0]);
    }

    private static ContentSplit split(List<String> classes, List<Entry> entries, double valFraction, long seed,
                                      Map<Path, float[]> prepared, int[] shape) {
        Map<String, List<Entry>> groups = new LinkedHashMap<>();
        for (Entry e : entries) {
            groups.computeIfAbsent(e.hash(), h -> new ArrayList<>()).add(e);
        }
        List<String> conflicts = new ArrayList<>();
        List<List<List<Entry>>> byClass = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            byClass.add(new ArrayList<>());
        }
        for (Map.Entry<String, List<Entry>> g : groups.entrySet()) {
            List<Entry> members = g.getValue();
            if (members.stream().mapToInt(Entry::label).distinct().count() > 1) {
                conflicts.add(g.getKey());
            }
            byClass.get(members.get(0).label()).add(members);
        }
        Random random = new Random(seed);
        Set<Path> valFiles = new HashSet<>();
        for (List<List<Entry>> classGroups : byClass) {
            Collections.shuffle(classGroups, random);
            int total = classGroups.stream().mapToInt(List::size).sum();
            long wanted = Math.round(total * valFraction);
            int taken = 0;
            for (List<Entry> group : classGroups) {
                if (taken >= wanted) {
                    break;
                }
                group.forEach(e -> valFiles.add(e.file()));
                taken += group.size();
            }
        }
        List<Entry> train = new ArrayList<>();
        List<Entry> val = new ArrayList<>();
        for (Entry e : entries) {
            (valFiles.contains(e.file()) ? val : train).add(e);
        }
        return new ContentSplit(classes, train, val, entries.size() - groups.size(), conflicts, prepared, shape);
    }

    /** The training images, prepared. */
    public LabelledImages trainImages() {
        return images(train);
    }

    /** The validation images, prepared. */
    public LabelledImages valImages() {
        return images(val);
    }

    private LabelledImages images(List<Entry> entries) {
        List<float[]> images = entries.stream().map(e -> prepared.get(e.file())).toList();
        return new LabelledImages(shape, images, entries.stream().mapToInt(Entry::label).toArray(), classes);
    }

    /**
     * The split as text, one line per file (a run with a training limit trains on a seeded sample of the "train" lines): {@code side<TAB>class<TAB>sha256<TAB>path relative to root} (training
     * first), so a run can be checked or repeated without the code that made it.
     */
    public String listing(Path root) {
        StringBuilder s = new StringBuilder("# side\tclass\tsha256 of shape and pixels\tfile\n");
        for (Entry e : train) {
            s.append(line("train", e, root));
        }
        for (Entry e : val) {
            s.append(line("val", e, root));
        }
        return s.toString();
    }

    private String line(String side, Entry e, Path root) {
        Path shown = e.file().startsWith(root) ? root.relativize(e.file()) : e.file();
        return side + '\t' + classes.get(e.label()) + '\t' + e.hash() + '\t' + shown.toString().replace('\\', '/') + '\n';
    }

    /** Hex SHA-256 of the image's shape and its decoded pixel values (so copies saved differently still match). */
    static String hash(RawImage image) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks SHA-256", e);
        }
        ByteBuffer buffer = ByteBuffer.allocate(4 * (image.shape().length + image.raw().length));
        for (int s : image.shape()) {
            buffer.putInt(s);
        }
        for (float v : image.raw()) {
            buffer.putFloat(v);
        }
        return HexFormat.of().formatHex(sha.digest(buffer.array()));
    }

    private static void listClasses(Path root, List<String> classes, List<Path> files, List<Integer> labels)
            throws IOException {
        if (!Files.isDirectory(root)) {
            throw new ImageReadException(root, "not a folder");
        }
        List<Path> folders = list(root).stream().filter(Files::isDirectory).toList();
        if (folders.isEmpty()) {
            throw new ImageReadException(root, "no class folders: put the images of each class in a subfolder named after"
                    + " the class");
        }
        for (Path folder : folders) {
            List<Path> images = list(folder).stream().filter(Files::isRegularFile).toList();
            if (images.isEmpty()) {
                throw new ImageReadException(folder, "class folder without images");
            }
            for (Path image : images) {
                files.add(image);
                labels.add(classes.size());
            }
            classes.add(folder.getFileName().toString());
        }
    }

    private static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
