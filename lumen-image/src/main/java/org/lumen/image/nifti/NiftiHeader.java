package org.lumen.image.nifti;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.lumen.image.Geometry;
import org.lumen.image.VoxelType;

/**
 * The fields of a NIfTI-1 header that Lumen uses, as found in the file (world coordinates still in NIfTI's RAS+ and in the
 * file's spatial unit). {@link #geometry()} gives the place of the image in DICOM patient coordinates.
 *
 * @param byteOrder byte order of the file, found from sizeof_hdr
 * @param singleFile true for magic {@code n+1} (header and voxels in one .nii), false for {@code ni1} (.hdr + .img)
 * @param dim dim[0..7]: the number of dimensions, then the size of each
 * @param datatype the datatype code
 * @param pixdim pixdim[0..7]: qfac, then voxel sizes
 * @param voxOffset byte offset of the voxel data in the data file
 * @param quaternion quatern_b, quatern_c, quatern_d
 * @param qoffset qoffset_x, qoffset_y, qoffset_z
 * @param srow srow_x, srow_y, srow_z, row by row (12 values)
 */
public record NiftiHeader(ByteOrder byteOrder, boolean singleFile, int[] dim, int datatype, int bitpix, float[] pixdim,
        long voxOffset, float sclSlope, float sclInter, int xyztUnits, int qformCode, int sformCode, float[] quaternion,
        float[] qoffset, float[] srow, String description) {

    /** Size of a NIfTI-1 header. */
    public static final int HEADER_SIZE = 348;
    /** The smallest voxel offset of a single-file NIfTI-1: header plus the 4-byte extension flag. */
    public static final int MIN_SINGLE_FILE_OFFSET = 352;
    private static final int NIFTI2_HEADER_SIZE = 540;

    public NiftiHeader {
        dim = dim.clone();
        pixdim = pixdim.clone();
        quaternion = quaternion.clone();
        qoffset = qoffset.clone();
        srow = srow.clone();
    }

    @Override
    public int[] dim() {
        return dim.clone();
    }

    @Override
    public float[] pixdim() {
        return pixdim.clone();
    }

    @Override
    public float[] quaternion() {
        return quaternion.clone();
    }

    @Override
    public float[] qoffset() {
        return qoffset.clone();
    }

    @Override
    public float[] srow() {
        return srow.clone();
    }

    public int nx() {
        return dim[1];
    }

    /** Size along y; 1 for a 1D image. */
    public int ny() {
        return dim[0] >= 2 ? dim[2] : 1;
    }

    /** Size along z; 1 for a 2D image. */
    public int nz() {
        return dim[0] >= 3 ? dim[3] : 1;
    }

    /** Frames of a time series (dim[4]); 1 for a 3D image. */
    public int frameCount() {
        return dim[0] >= 4 ? dim[4] : 1;
    }

    /** Number of voxels of one 3D frame, as a long: a hostile header can claim more than an int holds. */
    public long voxelCount() {
        return (long) nx() * ny() * nz();
    }

    /** The type of the stored voxels. */
    public VoxelType storedType() {
        return NiftiDatatype.ofCode(datatype).voxelType();
    }

    /** Bytes of voxel data of one 3D frame. */
    public long dataBytes() {
        return voxelCount() * storedType().bytes();
    }

    /** True when scl_slope and scl_inter change the stored values (a slope of 0 means "no scaling" in NIfTI). */
    public boolean hasScaling() {
        return isUsableSlope() && (sclSlope != 1f || effectiveIntercept() != 0);
    }

    /** The voxel type of the values after scaling: the stored type, or a float type when scaling makes fractions. */
    public VoxelType valueType() {
        if (!hasScaling()) {
            return storedType();
        }
        return storedType() == VoxelType.FLOAT64 ? VoxelType.FLOAT64 : VoxelType.FLOAT32;
    }

    double effectiveSlope() {
        return isUsableSlope() ? sclSlope : 1.0;
    }

    double effectiveIntercept() {
        return isUsableSlope() && Float.isFinite(sclInter) ? sclInter : 0.0;
    }

    private boolean isUsableSlope() {
        return sclSlope != 0f && Float.isFinite(sclSlope);
    }

    /** Millimetres per unit of the file's world coordinates (xyzt_units; unknown is taken as mm). */
    public double spatialUnitInMm() {
        return switch (xyztUnits & 0x07) {
            case 1 -> 1000.0; // metre
            case 3 -> 0.001; // micron
            default -> 1.0; // mm, or unknown: mm is what nearly every writer means
        };
    }

    /** Which fields place the image in space, by the NIfTI-1 rule. */
    public GeometrySource geometrySource() {
        return NiftiGeometry.source(this);
    }

    /** The place of the image in DICOM patient coordinates (LPS, mm). */
    public Geometry geometry() {
        return NiftiGeometry.toGeometry(this);
    }

    /** Parses and checks the first 348 bytes of a NIfTI-1 file of one 3D image; the checks name the field at fault. */
    static NiftiHeader parse(byte[] bytes, Path file) throws NiftiException {
        return parse(bytes, file, false);
    }

    /**
     * Parses and checks the first 348 bytes of a NIfTI-1 file; with {@code timeSeries} a 4D image (dim[4] frames of 3D
     * volumes) is accepted too. Higher dimensions (vectors, dim[5..7] above 1) are always refused.
     */
    static NiftiHeader parse(byte[] bytes, Path file, boolean timeSeries) throws NiftiException {
        if (bytes.length < HEADER_SIZE) {
            throw new NiftiException(file, "file has " + bytes.length + " bytes, less than the " + HEADER_SIZE
                    + "-byte NIfTI-1 header: it is truncated or not NIfTI");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, HEADER_SIZE);
        ByteOrder order = byteOrderOf(buffer, file);
        buffer.order(order);

        String magic = new String(bytes, 344, 3, StandardCharsets.US_ASCII);
        boolean singleFile = magic.equals("n+1");
        if (!singleFile && !magic.equals("ni1") || bytes[347] != 0) {
            throw new NiftiException(file, "magic is not \"n+1\" or \"ni1\": an ANALYZE 7.5 header or not NIfTI-1");
        }
        int[] dim = new int[8];
        for (int i = 0; i < 8; i++) {
            dim[i] = buffer.getShort(40 + 2 * i);
        }
        checkDimensions(dim, file, timeSeries);
        int datatype = buffer.getShort(70);
        checkDatatype(datatype, file);
        float[] pixdim = floats(buffer, 76, 8);
        long voxOffset = checkVoxOffset(buffer.getFloat(108), singleFile, file);
        int xyztUnits = bytes[123] & 0xFF;
        String description = new String(bytes, 148, 80, StandardCharsets.ISO_8859_1);
        int end = description.indexOf('\0');
        return new NiftiHeader(order, singleFile, dim, datatype, buffer.getShort(72), pixdim, voxOffset,
                buffer.getFloat(112), buffer.getFloat(116), xyztUnits, buffer.getShort(252), buffer.getShort(254),
                floats(buffer, 256, 3), floats(buffer, 268, 3), floats(buffer, 280, 12),
                end >= 0 ? description.substring(0, end) : description.strip());
    }

    private static ByteOrder byteOrderOf(ByteBuffer buffer, Path file) throws NiftiException {
        int little = buffer.order(ByteOrder.LITTLE_ENDIAN).getInt(0);
        int big = buffer.order(ByteOrder.BIG_ENDIAN).getInt(0);
        if (little == HEADER_SIZE) {
            return ByteOrder.LITTLE_ENDIAN;
        }
        if (big == HEADER_SIZE) {
            return ByteOrder.BIG_ENDIAN;
        }
        if (little == NIFTI2_HEADER_SIZE || big == NIFTI2_HEADER_SIZE) {
            throw new NiftiException(file, "this is a NIfTI-2 file (sizeof_hdr 540); only NIfTI-1 is supported");
        }
        throw new NiftiException(file, "sizeof_hdr is " + little + " (expected " + HEADER_SIZE + "): not a NIfTI-1 file");
    }

    private static void checkDimensions(int[] dim, Path file, boolean timeSeries) throws NiftiException {
        if (dim[0] < 1 || dim[0] > 7) {
            throw new NiftiException(file, "dim[0] is " + dim[0] + ", not a number of dimensions between 1 and 7");
        }
        for (int i = 1; i <= dim[0]; i++) {
            if (dim[i] < 1) {
                throw new NiftiException(file, "dim[" + i + "] is " + dim[i] + "; every size must be at least 1");
            }
        }
        for (int i = timeSeries ? 5 : 4; i <= dim[0]; i++) {
            if (dim[i] > 1) {
                throw new NiftiException(file, "dim[" + i + "] is " + dim[i] + (i == 4
                        ? ": a time series; NiftiReader.read reads one 3D image, NiftiReader.readFrames every frame"
                        : ": a multi-component image; Lumen reads 3D scalar images and 4D time series only"));
            }
        }
    }

    private static void checkDatatype(int datatype, Path file) throws NiftiException {
        NiftiDatatype type = NiftiDatatype.ofCode(datatype);
        if (type == null) {
            throw new NiftiException(file, "datatype " + datatype + " is not a NIfTI-1 datatype code; supported: "
                    + NiftiDatatype.supportedList());
        }
        if (type.voxelType() == null) {
            throw new NiftiException(file, "datatype " + datatype + " (" + type.name().toLowerCase()
                    + ") is not supported; supported: " + NiftiDatatype.supportedList());
        }
    }

    private static long checkVoxOffset(float voxOffset, boolean singleFile, Path file) throws NiftiException {
        if (!Float.isFinite(voxOffset) || voxOffset != Math.rint(voxOffset) || voxOffset < 0 || voxOffset > Integer.MAX_VALUE) {
            throw new NiftiException(file, "vox_offset " + voxOffset + " is not a byte offset");
        }
        if (singleFile && voxOffset < MIN_SINGLE_FILE_OFFSET) {
            throw new NiftiException(file, "vox_offset " + voxOffset + " points into the header; a .nii file keeps its"
                    + " voxels at " + MIN_SINGLE_FILE_OFFSET + " or later");
        }
        return (long) voxOffset;
    }

    private static float[] floats(ByteBuffer buffer, int offset, int count) {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = buffer.getFloat(offset + 4 * i);
        }
        return values;
    }
}
