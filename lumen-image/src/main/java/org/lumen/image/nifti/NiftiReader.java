package org.lumen.image.nifti;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipException;
import org.lumen.image.Geometry;
import org.lumen.image.Volume;
import org.lumen.image.VoxelType;

/**
 * Reads NIfTI-1 images ({@code .nii}, {@code .nii.gz}, and {@code .hdr}/{@code .img} pairs, either byte order) into a
 * {@link Volume} in DICOM patient coordinates.
 *
 * <p>Values are scaled by scl_slope/scl_inter. Placement follows the NIfTI-1 rule (sform when sform_code > 0, else qform
 * when qform_code > 0, else pixdim alone), converted from NIfTI's RAS+ world to LPS and from the file's spatial unit to mm.
 *
 * <p>A header is not trusted with memory: the voxel count is checked against a byte limit and, for an uncompressed file,
 * against the file size before anything is allocated; a compressed file's voxel array grows only as data actually arrives.
 */
public final class NiftiReader {
    /** Default ceiling on the voxel data a header may claim: 2 GiB. */
    public static final long DEFAULT_MAX_DATA_BYTES = 2L << 30;
    private static final int CHUNK_BYTES = 1 << 20;
    /** What a compressed file's voxel array starts at before it has proved it holds more. */
    private static final int INITIAL_VOXELS = 1 << 20;
    /** Java arrays stop a little short of Integer.MAX_VALUE. */
    private static final int MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

    private NiftiReader() {
    }

    /** The header alone (the pair's .hdr when given a .img). */
    public static NiftiHeader readHeader(Path file) throws NiftiException {
        Path headerFile = headerFileOf(file);
        try (InputStream in = NiftiFiles.open(headerFile)) {
            return NiftiHeader.parse(readHeaderBytes(in), headerFile);
        } catch (NiftiException e) {
            throw e;
        } catch (IOException e) {
            throw failure(headerFile, e);
        }
    }

    /** The image, with voxel data of at most {@link #DEFAULT_MAX_DATA_BYTES}. */
    public static Volume read(Path file) throws NiftiException {
        return read(file, DEFAULT_MAX_DATA_BYTES);
    }

    /** The image, refusing a header that claims more than {@code maxDataBytes} of voxel data. A 4D file is refused. */
    public static Volume read(Path file, long maxDataBytes) throws NiftiException {
        return readVolumes(file, maxDataBytes, false).get(0);
    }

    /**
     * Every frame of a 4D time series (dim[4] frames, e.g. a heart through the cardiac cycle) as 3D volumes in time
     * order, each placed like {@link #read} places a 3D image (all frames share the geometry); a 3D file gives one frame.
     * The data limit of {@link #DEFAULT_MAX_DATA_BYTES} applies to all frames together.
     */
    public static List<Volume> readFrames(Path file) throws NiftiException {
        return readFrames(file, DEFAULT_MAX_DATA_BYTES);
    }

    /** Every frame, refusing a header that claims more than {@code maxDataBytes} of voxel data for all of them. */
    public static List<Volume> readFrames(Path file, long maxDataBytes) throws NiftiException {
        return readVolumes(file, maxDataBytes, true);
    }

    private static List<Volume> readVolumes(Path file, long maxDataBytes, boolean timeSeries) throws NiftiException {
        Path headerFile = headerFileOf(file);
        try (InputStream in = NiftiFiles.open(headerFile)) {
            NiftiHeader header = NiftiHeader.parse(readHeaderBytes(in), headerFile, timeSeries);
            checkClaimedSize(header, headerFile, maxDataBytes);
            Geometry geometry = geometryOf(header, headerFile);
            if (header.singleFile()) {
                checkFileHoldsData(header, headerFile);
                skip(in, header.voxOffset() - NiftiHeader.HEADER_SIZE, header, headerFile);
                return readFrameVolumes(in, header, headerFile, geometry);
            }
            Path imageFile = NiftiFiles.imageFileOf(headerFile);
            checkFileHoldsData(header, imageFile);
            try (InputStream image = NiftiFiles.open(imageFile)) {
                skip(image, header.voxOffset(), header, imageFile);
                return readFrameVolumes(image, header, imageFile, geometry);
            } catch (IOException e) {
                throw failure(imageFile, e);
            }
        } catch (NiftiException e) {
            throw e;
        } catch (IOException e) {
            throw failure(headerFile, e);
        }
    }

    /** The frames one after another (a 3D image is one frame), all on the same grid. */
    private static List<Volume> readFrameVolumes(InputStream in, NiftiHeader header, Path file, Geometry geometry)
            throws IOException, NiftiException {
        List<Volume> frames = new ArrayList<>(header.frameCount());
        for (int t = 0; t < header.frameCount(); t++) {
            float[] values = readVoxels(in, header, file, t * header.dataBytes());
            frames.add(new Volume(header.nx(), header.ny(), header.nz(), values, header.valueType(), geometry));
        }
        return frames;
    }

    private static Path headerFileOf(Path file) throws NiftiException {
        try {
            return NiftiFiles.headerFileOf(file);
        } catch (NoSuchFileException e) {
            throw failure(file, e);
        }
    }

    private static byte[] readHeaderBytes(InputStream in) throws IOException {
        try {
            return in.readNBytes(NiftiHeader.HEADER_SIZE);
        } catch (EOFException e) {
            // A gzip stream cut inside the header: report it as a short header.
            return new byte[0];
        }
    }

    private static void checkClaimedSize(NiftiHeader header, Path file, long maxDataBytes) throws NiftiException {
        long count = header.voxelCount();
        long bytes = allDataBytes(header);
        if (count > MAX_ARRAY_LENGTH) {
            throw new NiftiException(file, "header claims " + describe(header) + " = " + count
                    + " voxels, more than one array holds (" + MAX_ARRAY_LENGTH + "): a corrupt header or an image too"
                    + " large for Lumen");
        }
        if (bytes > maxDataBytes) {
            throw new NiftiException(file, "header claims " + describe(header) + " = " + bytes + " bytes of voxel data,"
                    + " above the limit of " + maxDataBytes + " bytes: a corrupt header, or raise the limit");
        }
        long floatBytes = count * header.frameCount() * Float.BYTES;
        if (floatBytes > Runtime.getRuntime().maxMemory()) {
            throw new NiftiException(file, "needs " + mebibytes(floatBytes) + " MiB for its voxels but the JVM may use at"
                    + " most " + mebibytes(Runtime.getRuntime().maxMemory()) + " MiB; raise the heap (-Xmx)");
        }
    }

    /** For an uncompressed data file the size is known: refuse a short file before allocating anything. */
    private static void checkFileHoldsData(NiftiHeader header, Path dataFile) throws IOException, NiftiException {
        if (NiftiFiles.isGzip(dataFile)) {
            return;
        }
        long needed = header.voxOffset() + allDataBytes(header);
        long size = Files.size(dataFile);
        if (size < needed) {
            throw new NiftiException(dataFile, "file is truncated: the header promises " + describe(header) + " voxels ("
                    + allDataBytes(header) + " bytes from offset " + header.voxOffset() + ", " + needed
                    + " bytes in all) but the file has " + size + " bytes");
        }
    }

    private static Geometry geometryOf(NiftiHeader header, Path file) throws NiftiException {
        try {
            return header.geometry();
        } catch (IllegalArgumentException e) {
            throw new NiftiException(file, "cannot place the image in space from its " + header.geometrySource()
                    + " fields: " + e.getMessage(), e);
        }
    }

    private static void skip(InputStream in, long bytes, NiftiHeader header, Path file) throws IOException, NiftiException {
        try {
            in.skipNBytes(bytes);
        } catch (EOFException e) {
            throw truncated(header, file, 0);
        }
    }

    /** One frame's voxels; {@code before} is the number of data bytes of the frames read before it (for messages). */
    private static float[] readVoxels(InputStream in, NiftiHeader header, Path file, long before)
            throws IOException, NiftiException {
        int count = (int) header.voxelCount();
        VoxelType type = header.storedType();
        int voxelBytes = type.bytes();
        VoxelDecoder decoder = new VoxelDecoder(type, header.hasScaling(), header.effectiveSlope(),
                header.effectiveIntercept());
        byte[] chunk = new byte[CHUNK_BYTES];
        ByteBuffer buffer = ByteBuffer.wrap(chunk).order(header.byteOrder());
        float[] values = allocate(Math.min(count, INITIAL_VOXELS), header, file);
        int done = 0;
        while (done < count) {
            int voxels = Math.min(CHUNK_BYTES / voxelBytes, count - done);
            int wanted = voxels * voxelBytes;
            int got = readFully(in, chunk, wanted, header, file, before + (long) done * voxelBytes);
            if (got < wanted) {
                throw truncated(header, file, before + (long) done * voxelBytes + got);
            }
            if (done + voxels > values.length) {
                values = grow(values, (int) Math.min(count, Math.max((long) done + voxels, 2L * values.length)), header, file);
            }
            decoder.decode(buffer, voxels, values, done);
            done += voxels;
        }
        return values;
    }

    private static int readFully(InputStream in, byte[] chunk, int wanted, NiftiHeader header, Path file, long readSoFar)
            throws IOException, NiftiException {
        try {
            return in.readNBytes(chunk, 0, wanted);
        } catch (EOFException e) {
            throw truncated(header, file, readSoFar);
        } catch (ZipException e) {
            throw new NiftiException(file, "compressed voxel data is corrupt: " + e.getMessage(), e);
        }
    }

    private static float[] allocate(int length, NiftiHeader header, Path file) throws NiftiException {
        try {
            return new float[length];
        } catch (OutOfMemoryError e) {
            throw outOfMemory(header, file);
        }
    }

    private static float[] grow(float[] values, int length, NiftiHeader header, Path file) throws NiftiException {
        try {
            return Arrays.copyOf(values, length);
        } catch (OutOfMemoryError e) {
            throw outOfMemory(header, file);
        }
    }

    private static NiftiException outOfMemory(NiftiHeader header, Path file) {
        return new NiftiException(file, "not enough memory for " + describe(header) + " voxels ("
                + mebibytes(header.voxelCount() * header.frameCount() * Float.BYTES) + " MiB as floats); raise the heap"
                + " (-Xmx)");
    }

    private static NiftiException truncated(NiftiHeader header, Path file, long bytesRead) {
        return new NiftiException(file, "voxel data is truncated: the header promises " + describe(header) + " voxels ("
                + allDataBytes(header) + " bytes from offset " + header.voxOffset() + ") but the data ends after "
                + bytesRead + " bytes");
    }

    private static NiftiException failure(Path file, IOException e) {
        if (e instanceof NoSuchFileException missing) {
            String reason = missing.getReason() == null ? "file not found" : missing.getReason();
            return new NiftiException(file, reason + " (" + missing.getFile() + ")", e);
        }
        if (e instanceof ZipException || e instanceof EOFException) {
            return new NiftiException(file, "compressed data is corrupt or truncated: " + e.getMessage(), e);
        }
        return new NiftiException(file, "cannot read: " + e, e);
    }

    private static String describe(NiftiHeader header) {
        return header.nx() + " x " + header.ny() + " x " + header.nz()
                + (header.frameCount() > 1 ? " x " + header.frameCount() : "") + " "
                + NiftiDatatype.ofCode(header.datatype()).name().toLowerCase();
    }

    /** The voxel data of all frames (one frame for a 3D image). */
    private static long allDataBytes(NiftiHeader header) {
        return header.dataBytes() * header.frameCount();
    }

    private static long mebibytes(long bytes) {
        return (bytes + (1 << 20) - 1) >> 20;
    }
}
