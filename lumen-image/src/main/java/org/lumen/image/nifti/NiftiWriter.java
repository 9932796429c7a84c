package org.lumen.image.nifti;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.zip.GZIPOutputStream;
import org.lumen.image.Volume;
import org.lumen.image.VoxelType;

/**
 * Writes a {@link Volume} as a single-file NIfTI-1 image ({@code n+1}, voxels at offset 352), gzip-compressed when the
 * file name ends in {@code .gz}.
 *
 * <p>Both qform and sform are written with the same code. The sform holds the exact affine; the qform holds its rotation
 * (qfac = -1 for a left-handed grid, the nearest rotation for a sheared one), so readers that only know the qform still
 * place the image. Voxels are stored as the volume's {@link VoxelType}, integer types rounded to the nearest integer; a
 * value the type cannot hold is refused rather than clipped. The file appears complete or not at all: it is written
 * beside the target and moved into place.
 */
public final class NiftiWriter {
    private static final int CHUNK_VOXELS = 1 << 17;
    private static final int DESCRIPTION_BYTES = 80;
    /** NIFTI_UNITS_MM: Volume geometry is always in millimetres. */
    private static final byte UNITS_MM = 2;

    /**
     * How to write.
     *
     * @param byteOrder byte order of header and voxels
     * @param xformCode qform_code and sform_code
     * @param description the header's descrip field (ASCII, at most 79 characters kept)
     */
    public record Options(ByteOrder byteOrder, XformCode xformCode, String description) {
        /** Little endian, scanner coordinates, "Lumen". */
        public static final Options DEFAULTS = new Options(ByteOrder.LITTLE_ENDIAN, XformCode.SCANNER_ANAT, "Lumen");

        public Options {
            Objects.requireNonNull(byteOrder, "byteOrder");
            Objects.requireNonNull(xformCode, "xformCode");
            description = description == null ? "" : description;
        }

        public Options withByteOrder(ByteOrder order) {
            return new Options(order, xformCode, description);
        }

        public Options withXformCode(XformCode code) {
            return new Options(byteOrder, code, description);
        }
    }

    private NiftiWriter() {
    }

    public static void write(Volume volume, Path file) throws NiftiException {
        write(volume, file, Options.DEFAULTS);
    }

    public static void write(Volume volume, Path file, Options options) throws NiftiException {
        if (volume.nx() > Short.MAX_VALUE || volume.ny() > Short.MAX_VALUE || volume.nz() > Short.MAX_VALUE) {
            throw new NiftiException(file, "NIfTI-1 holds at most " + Short.MAX_VALUE + " voxels per axis, the volume is "
                    + volume.nx() + " x " + volume.ny() + " x " + volume.nz());
        }
        Path target = file.toAbsolutePath();
        Path partial = null;
        try {
            partial = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
            try (OutputStream out = open(partial, target.getFileName().toString().toLowerCase().endsWith(".gz"))) {
                out.write(header(volume, options));
                writeVoxels(volume, options.byteOrder(), out, file);
            }
            moveIntoPlace(partial, target);
            partial = null;
        } catch (IOException e) {
            throw new NiftiException(file, "cannot write: " + e, e);
        } finally {
            deleteQuietly(partial);
        }
    }

    private static OutputStream open(Path file, boolean gzip) throws IOException {
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        return gzip ? new GZIPOutputStream(out, 1 << 16) : out;
    }

    /** The 348-byte header plus the 4-byte extension flag (no extensions); dimensions already checked to fit a short. */
    static byte[] header(Volume volume, Options options) {
        NiftiDatatype datatype = NiftiDatatype.of(volume.voxelType());
        NiftiGeometry.Xforms xforms = NiftiGeometry.fromGeometry(volume.geometry());
        ByteBuffer h = ByteBuffer.allocate(NiftiHeader.MIN_SINGLE_FILE_OFFSET).order(options.byteOrder());
        h.putInt(0, NiftiHeader.HEADER_SIZE);
        h.put(38, (byte) 'r'); // "regular", kept for ANALYZE-era readers
        short[] dim = {3, (short) volume.nx(), (short) volume.ny(), (short) volume.nz(), 1, 1, 1, 1};
        for (int i = 0; i < 8; i++) {
            h.putShort(40 + 2 * i, dim[i]);
        }
        h.putShort(70, (short) datatype.code());
        h.putShort(72, (short) (volume.voxelType().bytes() * 8));
        float[] pixdim = {(float) xforms.qfac(), (float) xforms.spacing().x(), (float) xforms.spacing().y(),
            (float) xforms.spacing().z(), 1, 1, 1, 1};
        for (int i = 0; i < 8; i++) {
            h.putFloat(76 + 4 * i, pixdim[i]);
        }
        h.putFloat(108, NiftiHeader.MIN_SINGLE_FILE_OFFSET);
        h.putFloat(112, 1f); // scl_slope: values are stored as they are
        h.putFloat(116, 0f);
        h.put(123, UNITS_MM);
        byte[] description = ascii(options.description());
        h.put(148, description, 0, Math.min(description.length, DESCRIPTION_BYTES - 1));
        h.putShort(252, (short) options.xformCode().code());
        h.putShort(254, (short) options.xformCode().code());
        double[] quaternion = xforms.quaternion();
        for (int i = 0; i < 3; i++) {
            h.putFloat(256 + 4 * i, (float) quaternion[i]);
            h.putFloat(268 + 4 * i, (float) xforms.qoffset().get(i));
        }
        double[] srow = xforms.srow();
        for (int i = 0; i < 12; i++) {
            h.putFloat(280 + 4 * i, (float) srow[i]);
        }
        h.put(344, "n+1".getBytes(StandardCharsets.US_ASCII));
        return h.array();
    }

    private static void writeVoxels(Volume volume, ByteOrder order, OutputStream out, Path file)
            throws IOException, NiftiException {
        VoxelType type = volume.voxelType();
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK_VOXELS * type.bytes()).order(order);
        int count = volume.voxelCount();
        for (int start = 0; start < count; start += CHUNK_VOXELS) {
            int end = Math.min(count, start + CHUNK_VOXELS);
            chunk.clear();
            for (int index = start; index < end; index++) {
                put(chunk, type, volume.get(index), index, volume, file);
            }
            out.write(chunk.array(), 0, chunk.position());
        }
    }

    private static void put(ByteBuffer chunk, VoxelType type, float value, int index, Volume volume, Path file)
            throws NiftiException {
        if (type == VoxelType.FLOAT32) {
            chunk.putFloat(value);
            return;
        }
        if (type == VoxelType.FLOAT64) {
            chunk.putDouble(value);
            return;
        }
        double rounded = Math.rint(value);
        if (!(rounded >= type.min() && rounded <= type.max())) {
            throw new NiftiException(file, "voxel " + position(index, volume) + " is " + value + ", which " + type
                    + " cannot hold (" + (long) type.min() + " to " + (long) type.max() + "); write the volume as FLOAT32"
                    + " (volume.withData(volume.data(), VoxelType.FLOAT32))");
        }
        switch (type) {
            case UINT8, INT8 -> chunk.put((byte) (long) rounded);
            case INT16, UINT16 -> chunk.putShort((short) (long) rounded);
            case INT32, UINT32 -> chunk.putInt((int) (long) rounded);
            default -> throw new IllegalStateException("unhandled voxel type " + type);
        }
    }

    private static String position(int index, Volume volume) {
        int i = index % volume.nx();
        int j = (index / volume.nx()) % volume.ny();
        int k = index / (volume.nx() * volume.ny());
        return "(" + i + ", " + j + ", " + k + ")";
    }

    private static byte[] ascii(String text) {
        return text.replaceAll("[^\\x20-\\x7e]", "?").getBytes(StandardCharsets.US_ASCII);
    }

    private static void moveIntoPlace(Path partial, Path target) throws IOException {
        try {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // Best effort: the partial file is hidden (dot name) and a later write replaces it.
        }
    }
}
