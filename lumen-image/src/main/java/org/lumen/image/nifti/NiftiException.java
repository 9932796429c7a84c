package org.lumen.image.nifti;

import java.nio.file.Path;

/** A NIfTI file that cannot be read or written; the message names the file and what is wrong with it. */
public class NiftiException extends Exception {
    private final transient Path file;

    public NiftiException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    public NiftiException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    /** The file concerned. */
    public Path file() {
        return file;
    }
}
