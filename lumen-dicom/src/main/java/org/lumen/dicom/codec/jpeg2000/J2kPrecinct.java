package org.lumen.dicom.codec.jpeg2000;

/**
 * One precinct of one resolution of one tile-component (ISO 15444-1 B.6): the code-blocks of each of the resolution's
 * subbands that fall in it, with their inclusion and zero bit-plane tag trees, and how many layers of its packets
 * have been read.
 */
final class J2kPrecinct {
    final int component;
    final int resolution;
    final int index;
    /** Where the position-driven progressions (B.12.1.3-5) meet this precinct on the reference grid. */
    final long gridX;
    final long gridY;
    final Band[] bands;
    int layersRead;

    /** The code-blocks of one subband inside this precinct, in raster order. */
    static final class Band {
        final J2kSubband subband;
        final J2kCodeBlock[] blocks;
        final J2kTagTree inclusion;
        final J2kTagTree zeroPlanes;

        Band(J2kSubband subband, J2kCodeBlock[] blocks, int blocksWide, int blocksHigh) {
            this.subband = subband;
            this.blocks = blocks;
            this.inclusion = blocks.length == 0 ? null : new J2kTagTree(blocksWide, blocksHigh);
            this.zeroPlanes = blocks.length == 0 ? null : new J2kTagTree(blocksWide, blocksHigh);
        }
    }

    J2kPrecinct(int component, int resolution, int index, long gridX, long gridY, Band[] bands) {
        this.component = component;
        this.resolution = resolution;
        this.index = index;
        this.gridX = gridX;
        this.gridY = gridY;
        this.bands = bands;
    }
}
