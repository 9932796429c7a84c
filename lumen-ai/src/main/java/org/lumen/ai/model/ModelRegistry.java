package org.lumen.ai.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The models Lumen knows: the packages bundled on the class path (listed by {@code /org/lumen/ai/models/index.txt}) and
 * the package folders directly under the user models folders. A user package with the name of a bundled one replaces it
 * (a hospital's retrained version wins). The user folders are {@code $LUMEN_MODELS} (several separated by the path
 * separator; the system property {@code lumen.models} takes precedence, for tests and embedding) or else
 * {@code lumen-data/models} in the working folder.
 */
public final class ModelRegistry {
    public static final String MODELS_ENV = "LUMEN_MODELS";
    public static final String MODELS_PROPERTY = "lumen.models";
    public static final Path DEFAULT_USER_DIR = Path.of("lumen-data", "models");

    private final List<Path> userDirs;
    private final ClassLoader bundledFrom;

    /** Bundled packages from Lumen's own class path, user packages from the folders given. */
    public ModelRegistry(List<Path> userDirs) {
        this(userDirs, ModelRegistry.class.getClassLoader());
    }

    /** Bundled packages from {@code bundledFrom}'s resources, user packages from the folders given. */
    public ModelRegistry(List<Path> userDirs, ClassLoader bundledFrom) {
        this.userDirs = List.copyOf(userDirs);
        this.bundledFrom = bundledFrom;
    }

    /** The registry over the bundled packages and the user folders from {@code $LUMEN_MODELS} or the default. */
    public static ModelRegistry standard() {
        String env = System.getProperty(MODELS_PROPERTY, System.getenv(MODELS_ENV));
        if (env == null || env.isBlank()) {
            return new ModelRegistry(List.of(DEFAULT_USER_DIR));
        }
        List<Path> dirs = new ArrayList<>();
        for (String part : env.split(java.io.File.pathSeparator)) {
            if (!part.isBlank()) {
                dirs.add(Path.of(part.trim()));
            }
        }
        return new ModelRegistry(dirs);
    }

    /** The user folders searched (they need not exist). */
    public List<Path> userDirs() {
        return userDirs;
    }

    /** What a scan found: the usable packages by name, and one message for each folder that is not a usable package. */
    public record Scan(List<ModelPackage> packages, List<String> problems) {
    }

    /** Every usable package, sorted by name. */
    public List<ModelPackage> all() {
        return scan().packages();
    }

    /** Opens every bundled and user package; broken ones are reported in {@link Scan#problems()}, not thrown. */
    public Scan scan() {
        Map<String, ModelPackage> byName = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (String name : bundledNames()) {
            try {
                byName.put(name, ModelPackage.bundled(bundledFrom, name));
            } catch (ModelPackageException e) {
                problems.add(e.getMessage());
            }
        }
        for (Path folder : userFolders()) {
            try {
                ModelPackage pkg = ModelPackage.open(folder);
                byName.put(pkg.name(), pkg);
            } catch (ModelPackageException e) {
                problems.add(e.getMessage());
            }
        }
        return new Scan(List.copyOf(byName.values()), List.copyOf(problems));
    }

    /**
     * The package called {@code name}, or the package folder at that path.
     *
     * @throws ModelPackageException when there is none (the message lists the known names), or when the folder of that
     *                               name is broken (the message says how)
     */
    public ModelPackage find(String name) {
        Path asPath = Path.of(name);
        if (Files.isRegularFile(asPath.resolve(ModelPackage.MANIFEST))) {
            return ModelPackage.open(asPath);
        }
        for (Path dir : userDirs) {
            if (Files.isDirectory(dir.resolve(name))) {
                return ModelPackage.open(dir.resolve(name));
            }
        }
        Scan scan = scan();
        for (ModelPackage pkg : scan.packages()) {
            if (pkg.name().equals(name)) {
                return pkg;
            }
        }
        String known = scan.packages().stream().map(ModelPackage::name).collect(Collectors.joining(", "));
        throw new ModelPackageException("no model named \"" + name + "\"; known models: "
                + (known.isEmpty() ? "(none)" : known) + " (bundled, and package folders under "
                + userDirs.stream().map(Path::toString).collect(Collectors.joining(", ")) + ")"
                + (scan.problems().isEmpty() ? "" : "; packages that could not be read: " + String.join("; ", scan.problems())));
    }

    /** The names in the bundled index, in its order (blank lines and {@code #} comments skipped). */
    public List<String> bundledNames() {
        try (InputStream in = bundledFrom.getResourceAsStream(ModelPackage.BUNDLED_ROOT + "/index.txt")) {
            if (in == null) {
                return List.of();
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return reader.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Path> userFolders() {
        List<Path> folders = new ArrayList<>();
        for (Path dir : userDirs) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, p -> Files.isDirectory(p)
                    && !p.getFileName().toString().startsWith("."))) {
                entries.forEach(folders::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list the models folder " + dir, e);
            }
        }
        folders.sort(null);
        return folders;
    }
}
