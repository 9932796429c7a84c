package org.lumen.image.nifti;

/** Test helpers that derive headers with changed fields. */
final class NiftiHeaders {
    private NiftiHeaders() {
    }

    static NiftiHeader withCodes(NiftiHeader h, int qformCode, int sformCode) {
        return new NiftiHeader(h.byteOrder(), h.singleFile(), h.dim(), h.datatype(), h.bitpix(), h.pixdim(), h.voxOffset(),
                h.sclSlope(), h.sclInter(), h.xyztUnits(), qformCode, sformCode, h.quaternion(), h.qoffset(), h.srow(),
                h.description());
    }
}
