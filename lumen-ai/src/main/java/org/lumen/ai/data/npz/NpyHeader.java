package org.lumen.ai.data.npz;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The header of one NumPy {@code .npy} array (format versions 1 to 3): element type, byte order and shape. Only C-order
 * numeric arrays are accepted; anything else is refused with a message naming what was found.
 */
record NpyHeader(char kind, int itemSize, ByteOrder order, long[] shape) {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=])([iuf])(\\d+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");
    private static final int MAX_HEADER = 1 << 16;

    static NpyHeader read(InputStream stream, String name) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        byte[] magic = new byte[6];
        in.readFully(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new NpzException(name + " is not a NumPy .npy array (bad magic)");
        }
        int major = in.readUnsignedByte();
        in.readUnsignedByte();
        long length = major == 1 ? Short.toUnsignedInt(Short.reverseBytes(in.readShort()))
                : Integer.toUnsignedLong(Integer.reverseBytes(in.readInt()));
        if (major < 1 || major > 3 || length > MAX_HEADER) {
            throw new NpzException(name + ": unsupported .npy version " + major + " or header of " + length + " bytes");
        }
        byte[] header = new byte[(int) length];
        in.readFully(header);
        return parse(new String(header, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1), name);
    }

    static NpyHeader parse(String header, String name) {
        Matcher descr = DESCR.matcher(header);
        Matcher fortran = FORTRAN.matcher(header);
        Matcher shape = SHAPE.matcher(header);
        if (!descr.find() || !fortran.find() || !shape.find()) {
            throw new NpzException(name + ": only numeric NumPy arrays can be read; header was " + header.trim());
        }
        if (fortran.group(1).equals("True")) {
            throw new NpzException(name + ": Fortran-order arrays are not supported; save with C order");
        }
        int itemSize = Integer.parseInt(descr.group(3));
        char kind = descr.group(2).charAt(0);
        boolean known = switch (kind) {
            case 'f' -> itemSize == 4 || itemSize == 8;
            default -> itemSize == 1 || itemSize == 2 || itemSize == 4 || itemSize == 8;
        };
        if (!known) {
            throw new NpzException(name + ": element type " + descr.group(0) + " is not supported");
        }
        ByteOrder order = descr.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        List<Long> dims = new ArrayList<>();
        for (String part : shape.group(1).split(",")) {
            if (!part.isBlank()) {
                long dim = Long.parseLong(part.trim());
                if (dim < 0) {
                    throw new NpzException(name + ": negative dimension in shape " + shape.group(1));
                }
                dims.add(dim);
            }
        }
        return new NpyHeader(kind, itemSize, order, dims.stream().mapToLong(Long::longValue).toArray());
    }

    long elements() {
        long n = 1;
        for (long d : shape) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }
}
