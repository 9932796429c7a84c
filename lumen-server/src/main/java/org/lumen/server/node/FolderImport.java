package org.lumen.server.node;

import org.lumen.server.archive.Archive;
import org.lumen.server.archive.IncomingInstance;
import org.lumen.server.archive.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Imports every DICOM file under a folder through {@link Archive#store} (the same path as C-STORE and STOW-RS). Files that
 * are not DICOM or that the archive refuses are counted and logged by name and reason, never fatal: sample and legacy
 * folders hold such files.
 */
public final class FolderImport {
    private static final Logger LOG = LoggerFactory.getLogger(FolderImport.class);

    /** What an import did. */
    public record Result(int stored, int refused) {
    }

    private FolderImport() {
    }

    public static Result run(Archive archive, Path folder) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        int stored = 0;
        int refused = 0;
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                archive.store(IncomingInstance.fromPart10(in, "import"));
                stored++;
            } catch (StoreException e) {
                refused++;
                LOG.info("Not imported: {}: {}", folder.relativize(file), e.getMessage());
            }
        }
        return new Result(stored, refused);
    }
}
