package org.lumen.ai.model;

import ai.djl.nn.Block;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.lumen.ai.seg.Segmenter;
import org.lumen.ai.seg.UNetSpec;

/**
 * A model package: a folder holding {@code manifest.json} ({@link ModelManifest}), the weights file the manifest names
 * (with its SHA-256), {@code model-card.md} and the card's plots. Packages are written whole or not at all (into a
 * temporary sibling folder, then renamed), and checked when opened: the manifest must be complete and the weights must
 * hash to what it says. Bundled packages are read from the class path ({@link #bundled(String)}).
 */
public final class ModelPackage {
    public static final String MANIFEST = "manifest.json";
    public static final String MODEL_CARD = "model-card.md";
    public static final String TRAINING_CURVES = "training-curves.png";
    public static final String ROC = "roc.png";
    public static final String RELIABILITY = "reliability.png";
    /** Class-path folder of the bundled packages; {@code index.txt} there lists their names, one a line. */
    public static final String BUNDLED_ROOT = "org/lumen/ai/models";

    /** Writes one file of a package being made (the weights, a plot) to the path given. */
    @FunctionalInterface
    public interface FileWriter {
        void writeTo(Path file) throws IOException;
    }

    private final PackageFiles files;
    private final ModelManifest manifest;

    private ModelPackage(PackageFiles files, ModelManifest manifest) {
        this.files = files;
        this.manifest = manifest;
    }

    /** {@link #write(Path, ModelManifest, FileWriter, String, Map)} without plots. */
    public static ModelPackage write(Path dir, ModelManifest manifest, FileWriter weights, String modelCardMarkdown) {
        return write(dir, manifest, weights, modelCardMarkdown, Map.of());
    }

    /**
     * Writes a package folder atomically: everything goes into a temporary sibling folder which is then renamed to
     * {@code dir}. An existing package in {@code dir} (or an empty folder) is replaced; any other existing folder is
     * refused rather than deleted.
     *
     * @param manifest          the manifest; its weights file name and SHA-256 are filled in here
     * @param weights           writes the weights file ({@link #djlParameters(Block)} for a trained network)
     * @param modelCardMarkdown the model card ({@link ModelCard#markdown})
     * @param otherFiles        further files by plain name, e.g. {@link #TRAINING_CURVES}, {@link #ROC}
     * @return the package as written, opened and checked
     */
    public static ModelPackage write(Path dir, ModelManifest manifest, FileWriter weights, String modelCardMarkdown,
                                     Map<String, FileWriter> otherFiles) {
        Path target = dir.toAbsolutePath().normalize();
        String weightsFile = manifest.weightsFileOrDefault();
        var problems = ManifestJson.problems(manifest.withWeights(weightsFile, null), false);
        if (!problems.isEmpty()) {
            throw new ModelPackageException("cannot write package " + target + ": its manifest is incomplete or inconsistent: "
                    + String.join("; ", problems));
        }
        for (String name : otherFiles.keySet()) {
            if (name.contains("/") || name.contains("\\") || name.startsWith(".")
                    || Set.of(MANIFEST, MODEL_CARD, weightsFile).contains(name)) {
                throw new ModelPackageException("cannot write package " + target + ": \"" + name
                        + "\" is not a plain file name or clashes with the manifest, card or weights");
            }
        }
        Path temp = null;
        try {
            Path parent = Files.createDirectories(target.getParent());
            temp = Files.createTempDirectory(parent, "." + target.getFileName() + ".writing-");
            Path weightsPath = temp.resolve(weightsFile);
            weights.writeTo(weightsPath);
            if (!Files.isRegularFile(weightsPath)) {
                throw new ModelPackageException("cannot write package " + target + ": the weights writer made no " + weightsFile);
            }
            ModelManifest complete = manifest.withWeights(weightsFile, sha256(weightsPath));
            for (Map.Entry<String, FileWriter> other : otherFiles.entrySet()) {
                other.getValue().writeTo(temp.resolve(other.getKey()));
            }
            Files.writeString(temp.resolve(MODEL_CARD), modelCardMarkdown == null ? "" : modelCardMarkdown, StandardCharsets.UTF_8);
            Files.writeString(temp.resolve(MANIFEST), ManifestJson.write(complete), StandardCharsets.UTF_8);
            install(temp, target);
            temp = null;
            return open(target);
        } catch (IOException e) {
            throw new ModelPackageException("cannot write package " + target + ": " + e, e);
        } finally {
            if (temp != null) {
                deleteQuietly(temp);
            }
        }
    }

    /** Writes a DJL block's parameters ({@link Block#saveParameters}), the weights of a "djl" package. */
    public static FileWriter djlParameters(Block block) {
        return file -> {
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
                block.saveParameters(out);
            }
        };
    }

    /** Copies a file into the package (an ONNX model, a plot made beforehand). */
    public static FileWriter copyOf(Path source) {
        return file -> Files.copy(source, file, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Opens and checks the package in a folder. */
    public static ModelPackage open(Path dir) {
        Path folder = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(folder)) {
            throw new ModelPackageException("no model package at " + folder + " (not a folder)");
        }
        return open(new PackageFiles.Folder(folder));
    }

    /** Opens and checks a package bundled on the class path under {@link #BUNDLED_ROOT}/{@code name}. */
    public static ModelPackage bundled(String name) {
        return bundled(ModelPackage.class.getClassLoader(), name);
    }

    /** {@link #bundled(String)} from the given class loader's resources. */
    public static ModelPackage bundled(ClassLoader loader, String name) {
        return open(new PackageFiles.Classpath(loader, BUNDLED_ROOT + "/" + name));
    }

    private static ModelPackage open(PackageFiles files) {
        String where = "model package " + files.location();
        ModelManifest manifest;
        try (InputStream in = files.open(MANIFEST)) {
            manifest = ManifestJson.read(in, MANIFEST + " of " + where, true);
        } catch (NoSuchFileException e) {
            throw new ModelPackageException(where + " has no " + MANIFEST);
        } catch (IOException e) {
            throw new ModelPackageException("cannot read " + MANIFEST + " of " + where + ": " + e.getMessage(), e);
        }
        String actual;
        try (InputStream in = files.open(manifest.weightsFile())) {
            actual = sha256(in);
        } catch (NoSuchFileException e) {
            throw new ModelPackageException(where + " has no weights file " + manifest.weightsFile()
                    + " (named by " + MANIFEST + ")");
        } catch (IOException e) {
            throw new ModelPackageException("cannot read the weights " + manifest.weightsFile() + " of " + where + ": "
                    + e.getMessage(), e);
        }
        if (!actual.equals(manifest.weightsSha256())) {
            throw new ModelPackageException(where + ": SHA-256 mismatch for " + manifest.weightsFile() + ": "
                    + MANIFEST + " says " + manifest.weightsSha256() + " but the file hashes to " + actual
                    + " (the weights were changed or damaged after the package was made)");
        }
        return new ModelPackage(files, manifest);
    }

    public ModelManifest manifest() {
        return manifest;
    }

    public String name() {
        return manifest.name();
    }

    /** The folder, or {@code classpath:/org/lumen/ai/models/NAME} for a bundled package. */
    public String location() {
        return files.location();
    }

    /** The folder on disk; empty for a bundled package read from the class path. */
    public Optional<Path> folder() {
        return files.folder();
    }

    public boolean bundled() {
        return files instanceof PackageFiles.Classpath;
    }

    /** Where the model card is: a path, or a class-path location. */
    public String modelCardLocation() {
        return files.folder().map(f -> f.resolve(MODEL_CARD).toString()).orElse(files.location() + "/" + MODEL_CARD);
    }

    /** Opens a file of the package (the weights, the card, a plot); the caller closes it. */
    public InputStream openFile(String file) throws IOException {
        return files.open(file);
    }

    /** The model card's Markdown, or an empty string when the package has none. */
    public String modelCard() {
        try (InputStream in = files.open(MODEL_CARD)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The weights file's bytes. */
    public byte[] weights() {
        try (InputStream in = files.open(manifest.weightsFile())) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new ModelPackageException("cannot read the weights of model package " + location() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Loads the model: {@link DjlClassifier} for "djl" packages, {@link OnnxClassifier} for "onnx". The caller closes it.
     *
     * @throws ModelPackageException for a segmentation model, which has no classifier ({@link #segmenter()})
     */
    public Classifier classifier() {
        if (manifest.segments()) {
            throw new ModelPackageException("model package " + location() + " is a segmentation model (it labels voxels,"
                    + " it does not classify images): use lumen analyze, or lumen evaluate --images DIR --labels DIR");
        }
        return ModelManifest.FORMAT_ONNX.equals(manifest.format()) ? OnnxClassifier.load(this) : DjlClassifier.load(this);
    }

    /**
     * Loads a segmentation model's U-Net ({@code segmentation.network}) with its weights; segment with
     * {@link Segmenter#segment} and the manifest's {@link SegmentationContract#inference()}. The caller closes it.
     *
     * @throws ModelPackageException for a classifier, or weights that do not fit the network
     */
    public Segmenter segmenter() {
        if (!manifest.segments()) {
            throw new ModelPackageException("model package " + location() + " is a classifier, not a segmentation model");
        }
        UNetSpec spec = manifest.segmentation().network();
        try {
            return Segmenter.load(spec, weights());
        } catch (IOException | RuntimeException e) {
            throw new ModelPackageException("cannot load the weights " + manifest.weightsFile() + " of model package "
                    + location() + " into its U-Net " + spec + ": " + e.getMessage(), e);
        }
    }

    /** Copies this package (bundled or not) into a folder: manifest, weights, card and the standard plots present. */
    public ModelPackage copyTo(Path dir) {
        Map<String, FileWriter> plots = new LinkedHashMap<>();
        for (String plot : new String[] {TRAINING_CURVES, ROC, RELIABILITY}) {
            if (files.exists(plot)) {
                plots.put(plot, file -> {
                    try (InputStream in = files.open(plot)) {
                        Files.copy(in, file);
                    }
                });
            }
        }
        FileWriter weights = file -> {
            try (InputStream in = files.open(manifest.weightsFile())) {
                Files.copy(in, file);
            }
        };
        return write(dir, manifest, weights, modelCard(), plots);
    }

    @Override
    public String toString() {
        return manifest.name() + " " + manifest.version() + " (" + location() + ")";
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return sha256(in);
        }
    }

    private static String sha256(InputStream in) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (DigestInputStream din = new DigestInputStream(in, digest)) {
            din.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return ManifestJson.hex(digest.digest());
    }

    private static void install(Path temp, Path target) throws IOException {
        if (!Files.exists(target)) {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        if (!Files.isDirectory(target) || !(Files.exists(target.resolve(MANIFEST)) || isEmpty(target))) {
            throw new ModelPackageException("cannot write package " + target
                    + ": it exists and is not a model package; choose another folder or remove it");
        }
        Path old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
        Files.delete(old);
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
            throw e;
        }
        deleteQuietly(old);
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            return !entries.iterator().hasNext();
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException ignored) {
            // a leftover hidden temporary folder is harmless; the package itself is complete
        }
    }
}
