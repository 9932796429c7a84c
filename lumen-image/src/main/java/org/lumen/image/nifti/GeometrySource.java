package org.lumen.image.nifti;

/** Which header fields placed a NIfTI image in space, by the NIfTI-1 rule: sform first, then qform, then pixdim alone. */
public enum GeometrySource {
    /** The affine rows srow_x/y/z, used when sform_code > 0. */
    SFORM,
    /** The quaternion, qoffset and pixdim, used when sform_code is 0 and qform_code > 0. */
    QFORM,
    /** Neither code set: voxel sizes from pixdim, no rotation, origin at 0 (NIfTI's "method 1", for ANALYZE files). */
    PIXDIM
}
