package org.lumen.dicom.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A value left in its file: where it is, how long it is and in which byte order it was written. Reading it is the caller's
 * explicit choice, so parsing a header never loads pixel data.
 *
 * @param file       the file holding the value
 * @param offset     byte offset of the value's first byte in the file
 * @param length     value length in bytes
 * @param bigEndian  byte order of the value's words in the file
 */
public record BulkData(Path file, long offset, long length, boolean bigEndian) {

    public BulkData {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("Bulk data offset and length must be >= 0, got " + offset + " and " + length);
        }
    }

    /** The value's bytes, in the file's byte order. */
    public byte[] read() {
        if (length > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("Bulk data of " + length + " bytes is too large for one array; read it in frames");
        }
        return read(0, (int) length);
    }

    /** {@code count} bytes starting {@code start} bytes into the value. */
    public byte[] read(long start, int count) {
        if (start < 0 || count < 0 || start + count > length) {
            throw new IndexOutOfBoundsException("Range " + start + "+" + count + " outside bulk data of " + length + " bytes");
        }
        byte[] out = new byte[count];
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.wrap(out);
            long position = offset + start;
            while (buffer.hasRemaining()) {
                int n = channel.read(buffer, position);
                if (n < 0) {
                    throw new IOException("File ends inside bulk data at byte offset " + position);
                }
                position += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** A BulkDataURI for DICOM JSON/XML: the file URI with the offset and length as a fragment. */
    public String uri() {
        return file.toUri() + "#offset=" + offset + ",length=" + length;
    }
}
