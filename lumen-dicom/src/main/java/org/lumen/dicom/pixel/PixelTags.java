package org.lumen.dicom.pixel;

/** The tags the pixel pipeline reads (hex literals until the generated {@code Tag} constants are on main). */
final class PixelTags {
    static final int TRANSFER_SYNTAX_UID = 0x00020010;
    static final int SAMPLES_PER_PIXEL = 0x00280002;
    static final int PHOTOMETRIC_INTERPRETATION = 0x00280004;
    static final int PLANAR_CONFIGURATION = 0x00280006;
    static final int NUMBER_OF_FRAMES = 0x00280008;
    static final int ROWS = 0x00280010;
    static final int COLUMNS = 0x00280011;
    static final int BITS_ALLOCATED = 0x00280100;
    static final int BITS_STORED = 0x00280101;
    static final int HIGH_BIT = 0x00280102;
    static final int PIXEL_REPRESENTATION = 0x00280103;
    static final int WINDOW_CENTER = 0x00281050;
    static final int WINDOW_WIDTH = 0x00281051;
    static final int RESCALE_INTERCEPT = 0x00281052;
    static final int RESCALE_SLOPE = 0x00281053;
    static final int VOI_LUT_FUNCTION = 0x00281056;
    static final int RED_PALETTE_DESCRIPTOR = 0x00281101;
    static final int GREEN_PALETTE_DESCRIPTOR = 0x00281102;
    static final int BLUE_PALETTE_DESCRIPTOR = 0x00281103;
    static final int RED_PALETTE_DATA = 0x00281201;
    static final int GREEN_PALETTE_DATA = 0x00281202;
    static final int BLUE_PALETTE_DATA = 0x00281203;
    static final int SEGMENTED_RED_PALETTE_DATA = 0x00281221;
    static final int SEGMENTED_GREEN_PALETTE_DATA = 0x00281222;
    static final int SEGMENTED_BLUE_PALETTE_DATA = 0x00281223;
    static final int MODALITY_LUT_SEQUENCE = 0x00283000;
    static final int LUT_DESCRIPTOR = 0x00283002;
    static final int LUT_DATA = 0x00283006;
    static final int VOI_LUT_SEQUENCE = 0x00283010;
    static final int FRAME_VOI_LUT_SEQUENCE = 0x00289132;
    static final int PIXEL_VALUE_TRANSFORMATION_SEQUENCE = 0x00289145;
    static final int SHARED_FUNCTIONAL_GROUPS_SEQUENCE = 0x52009229;
    static final int PER_FRAME_FUNCTIONAL_GROUPS_SEQUENCE = 0x52009230;
    static final int EXTENDED_OFFSET_TABLE = 0x7FE00001;
    static final int EXTENDED_OFFSET_TABLE_LENGTHS = 0x7FE00002;
    static final int FLOAT_PIXEL_DATA = 0x7FE00008;
    static final int DOUBLE_FLOAT_PIXEL_DATA = 0x7FE00009;
    static final int PIXEL_DATA = 0x7FE00010;

    private PixelTags() {
    }
}
