package org.lumen.dicom.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Where the data set of a Part 10 file starts, found by walking the file meta elements (not trusting a group length alone),
 * so that services can stream a stored data set as it lies on disk (C-STORE sub-operations, WADO) without parsing it.
 */
public final class Part10Layout {
    private static final int PREAMBLE = 128;

    private Part10Layout() {
    }

    /** The byte offset of the first data set element; 0 for a file without preamble and file meta. */
    public static long datasetOffset(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer head = ByteBuffer.allocate(PREAMBLE + 4);
            readFully(channel, head, 0, file);
            byte[] magic = new byte[4];
            head.position(PREAMBLE);
            head.get(magic);
            if (magic[0] != 'D' || magic[1] != 'I' || magic[2] != 'C' || magic[3] != 'M') {
                return 0;
            }
            long offset = PREAMBLE + 4;
            ByteBuffer header = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
            while (true) {
                header.clear();
                int read = channel.read(header, offset);
                if (read <= 0) {
                    return offset;                     // meta only, no data set
                }
                if (read < 8) {
                    throw new DicomParseException(file.toString(), offset, DicomParseException.NO_TAG,
                            "an element header runs past the end of the file");
                }
                int group = header.getShort(0) & 0xFFFF;
                if (group != 0x0002) {
                    return offset;
                }
                char vr1 = (char) header.get(4);
                char vr2 = (char) header.get(5);
                boolean longForm = isLongFormVr(vr1, vr2);
                long length;
                int headerLength;
                if (longForm) {
                    while (header.hasRemaining() && channel.read(header, offset + header.position()) > 0) {
                        // a short read near the end of the file: keep reading the 12-byte header
                    }
                    if (header.hasRemaining()) {
                        throw new DicomParseException(file.toString(), offset, group << 16 | header.getShort(2) & 0xFFFF,
                                "file meta element header is truncated");
                    }
                    length = header.getInt(8) & 0xFFFFFFFFL;
                    headerLength = 12;
                } else {
                    length = header.getShort(6) & 0xFFFF;
                    headerLength = 8;
                }
                if (offset + headerLength + length > channel.size()) {
                    throw new DicomParseException(file.toString(), offset, group << 16 | header.getShort(2) & 0xFFFF,
                            "file meta element runs past the end of the file");
                }
                offset += headerLength + length;
            }
        }
    }

    /** Opens the file positioned at its data set. */
    public static InputStream openDataset(Path file) throws IOException {
        long offset = datasetOffset(file);
        InputStream in = Files.newInputStream(file);
        try {
            in.skipNBytes(offset);
            return in;
        } catch (IOException e) {
            in.close();
            throw e;
        }
    }

    private static boolean isLongFormVr(char a, char b) {
        String vr = "" + a + b;
        return switch (vr) {
            case "OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV" -> true;
            default -> false;
        };
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position, Path file) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                buffer.flip();
                buffer.limit(buffer.capacity());
                return;                              // short file: the magic check fails on zeros
            }
        }
    }
}
