package org.lumen.ai.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the files of a package are read from: a folder on disk, or a folder on the class path (a bundled package, which
 * may sit inside a jar and so has no {@link Path}).
 */
sealed interface PackageFiles {

    /** Opens one file of the package; {@link NoSuchFileException} when it is not there. */
    InputStream open(String file) throws IOException;

    /** Where the package is, for messages and listings: the folder, or {@code classpath:/org/lumen/ai/models/NAME}. */
    String location();

    /** The folder on disk, when the package has one. */
    Optional<Path> folder();

    default boolean exists(String file) {
        try (InputStream in = open(file)) {
            return in != null;
        } catch (IOException e) {
            return false;
        }
    }

    record Folder(Path dir) implements PackageFiles {
        @Override
        public InputStream open(String file) throws IOException {
            return Files.newInputStream(dir.resolve(file));
        }

        @Override
        public String location() {
            return dir.toString();
        }

        @Override
        public Optional<Path> folder() {
            return Optional.of(dir);
        }
    }

    /** @param resourceFolder e.g. {@code org/lumen/ai/models/NAME} (no leading slash, as class loaders take it) */
    record Classpath(ClassLoader loader, String resourceFolder) implements PackageFiles {
        @Override
        public InputStream open(String file) throws IOException {
            InputStream in = loader.getResourceAsStream(resourceFolder + "/" + file);
            if (in == null) {
                throw new NoSuchFileException(location() + "/" + file);
            }
            return in;
        }

        @Override
        public String location() {
            return "classpath:/" + resourceFolder;
        }

        @Override
        public Optional<Path> folder() {
            return Optional.empty();
        }
    }
}
