package org.lumen.image.nifti;

import org.lumen.image.VoxelType;

/** The NIfTI-1 {@code datatype} codes, with the voxel type each maps to (null for the ones Lumen does not read). */
enum NiftiDatatype {
    UINT8(2, VoxelType.UINT8),
    INT16(4, VoxelType.INT16),
    INT32(8, VoxelType.INT32),
    FLOAT32(16, VoxelType.FLOAT32),
    FLOAT64(64, VoxelType.FLOAT64),
    INT8(256, VoxelType.INT8),
    UINT16(512, VoxelType.UINT16),
    UINT32(768, VoxelType.UINT32),
    BINARY(1, null),
    COMPLEX64(32, null),
    RGB24(128, null),
    INT64(1024, null),
    UINT64(1280, null),
    FLOAT128(1536, null),
    COMPLEX128(1792, null),
    COMPLEX256(2048, null),
    RGBA32(2304, null);

    private final int code;
    private final VoxelType voxelType;

    NiftiDatatype(int code, VoxelType voxelType) {
        this.code = code;
        this.voxelType = voxelType;
    }

    int code() {
        return code;
    }

    /** The voxel type, or null when Lumen does not read this datatype. */
    VoxelType voxelType() {
        return voxelType;
    }

    /** The datatype with this code, or null for a code NIfTI-1 does not define. */
    static NiftiDatatype ofCode(int code) {
        for (NiftiDatatype type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        return null;
    }

    static NiftiDatatype of(VoxelType voxelType) {
        for (NiftiDatatype type : values()) {
            if (type.voxelType == voxelType) {
                return type;
            }
        }
        throw new IllegalArgumentException("no NIfTI datatype for " + voxelType);
    }

    /** The supported datatypes, for error messages. */
    static String supportedList() {
        StringBuilder list = new StringBuilder();
        for (NiftiDatatype type : values()) {
            if (type.voxelType != null) {
                list.append(list.length() == 0 ? "" : ", ").append(type.name().toLowerCase()).append(" (").append(type.code)
                        .append(')');
            }
        }
        return list.toString();
    }
}
