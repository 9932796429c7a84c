package org.lumen.image.nifti;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** File naming and opening shared by the reader: gzip is recognised by content, pairs by name. */
final class NiftiFiles {
    private static final int BUFFER_BYTES = 1 << 16;

    private NiftiFiles() {
    }

    /** True when the file starts with the gzip magic bytes. */
    static boolean isGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    /** The file's bytes, decompressed on the fly when it is gzip, whatever its name. */
    static InputStream open(Path file) throws IOException {
        boolean gzip = isGzip(file);
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), BUFFER_BYTES);
        return gzip ? new GZIPInputStream(raw, BUFFER_BYTES) : raw;
    }

    /** The header of a {@code .hdr}/{@code .img} pair when given the image half; else the file itself. */
    static Path headerFileOf(Path file) throws NoSuchFileException {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase();
        if (lower.endsWith(".img") || lower.endsWith(".img.gz")) {
            int at = lower.lastIndexOf(".img");
            return existingSibling(file, name.substring(0, at), ".hdr");
        }
        return file;
    }

    /** The image file beside a pair's {@code .hdr} (with or without .gz). */
    static Path imageFileOf(Path headerFile) throws NoSuchFileException {
        String name = headerFile.getFileName().toString();
        int at = name.toLowerCase().lastIndexOf(".hdr");
        if (at < 0) {
            throw new NoSuchFileException(headerFile.toString(), null,
                    "header has magic ni1 (voxels in a separate .img) but the file is not named .hdr");
        }
        return existingSibling(headerFile, name.substring(0, at), ".img");
    }

    private static Path existingSibling(Path file, String stem, String extension) throws NoSuchFileException {
        for (String candidate : new String[] {stem + extension, stem + extension + ".gz",
                stem + extension.toUpperCase(), stem + extension.toUpperCase() + ".gz"}) {
            Path sibling = file.resolveSibling(candidate);
            if (Files.isRegularFile(sibling)) {
                return sibling;
            }
        }
        throw new NoSuchFileException(file.resolveSibling(stem + extension).toString(), null,
                "the other half of the .hdr/.img pair is missing");
    }
}
