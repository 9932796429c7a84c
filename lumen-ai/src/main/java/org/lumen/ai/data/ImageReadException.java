package org.lumen.ai.data;

import java.io.IOException;
import java.nio.file.Path;

/** A file that cannot be read as an image or a dataset that does not hold together; the message names the file. */
public class ImageReadException extends IOException {
    private final Path file;

    public ImageReadException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    public ImageReadException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    /** The file the problem is in. */
    public Path file() {
        return file;
    }
}
