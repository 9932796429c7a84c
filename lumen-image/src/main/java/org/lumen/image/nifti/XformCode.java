package org.lumen.image.nifti;

/** What the world coordinates of a written NIfTI file refer to (its qform_code and sform_code). */
public enum XformCode {
    /** Scanner-based anatomical coordinates: the image is where the scanner put it. */
    SCANNER_ANAT(1),
    /** Coordinates aligned to another file or an anatomical truth. */
    ALIGNED_ANAT(2),
    /** Talairach-Tournoux atlas coordinates. */
    TALAIRACH(3),
    /** MNI 152 template coordinates. */
    MNI_152(4);

    private final int code;

    XformCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
