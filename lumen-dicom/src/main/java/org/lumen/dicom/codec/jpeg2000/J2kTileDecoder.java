package org.lumen.dicom.codec.jpeg2000;

import java.util.ArrayList;
import java.util.List;
import org.lumen.dicom.pixel.PixelDataException;

/**
 * Decodes the tiles of a codestream into one plane of samples per component: builds each tile-component's resolutions,
 * subbands, precincts and code-blocks (ISO 15444-1 Annex B), reads the packets in the order the progression (and POC)
 * says (tier-2), decodes the code-blocks (tier-1), dequantises, runs the inverse wavelet transform, the inverse
 * component transform and the DC level shift, and clamps to each component's range. Code-blocks are decoded on the
 * common fork-join pool when there are enough of them, the rest in the calling thread; one instance decodes one
 * codestream.
 */
final class J2kTileDecoder {
    private final J2kCodestream cs;
    /** Decoded samples per component, componentWidth x componentHeight, after level shift and clamping. */
    private final int[][] planes;
    /** One block decoder (with its scratch arrays) per thread: code-blocks are decoded in parallel. */
    private static final ThreadLocal<J2kBlockDecoder> BLOCK_DECODERS = ThreadLocal.withInitial(J2kBlockDecoder::new);
    /** Below this many coded blocks in a tile-component, handing them to other threads costs more than it saves. */
    private static final int PARALLEL_BLOCKS = 8;
    private final J2kInverseWavelet wavelet = new J2kInverseWavelet();
    private final J2kPacketReader packets = new J2kPacketReader();
    private boolean truncated;

    /** For tests: told where each packet lies. */
    void listener(J2kPacketReader.PacketListener listener) {
        packets.listener(listener);
    }

    J2kTileDecoder(J2kCodestream codestream) {
        this.cs = codestream;
        this.truncated = codestream.truncated;
        planes = new int[cs.components][];
        for (int c = 0; c < cs.components; c++) {
            planes[c] = new int[cs.componentWidth(c) * cs.componentHeight(c)];
        }
    }

    int[][] planes() {
        return planes;
    }

    /** True when some packet data was missing (the codestream ended early); what was there was decoded. */
    boolean truncated() {
        return truncated;
    }

    void decodeAll() {
        for (J2kCodestream.Tile tile : cs.tiles) {
            if (tile != null) {
                decode(tile);
            }
        }
    }

    private void decode(J2kCodestream.Tile tile) {
        int p = tile.index % cs.tilesX;
        int q = tile.index / cs.tilesX;
        int tx0 = (int) Math.max((long) cs.tileX0 + (long) p * cs.tileWidth, cs.x0);
        int ty0 = (int) Math.max((long) cs.tileY0 + (long) q * cs.tileHeight, cs.y0);
        int tx1 = (int) Math.min((long) cs.tileX0 + (long) (p + 1) * cs.tileWidth, cs.x1);
        int ty1 = (int) Math.min((long) cs.tileY0 + (long) (q + 1) * cs.tileHeight, cs.y1);
        J2kCodingStyle style = cs.codingStyle(tile);
        J2kTileComponent[] comps = new J2kTileComponent[cs.components];
        int maxResolutions = 0;
        List<J2kPrecinct> all = new ArrayList<>();
        for (int c = 0; c < cs.components; c++) {
            comps[c] = build(tile, c, tx0, ty0, tx1, ty1, all);
            maxResolutions = Math.max(maxResolutions, comps[c].coding.levels() + 1);
        }
        if (packets.read(cs, tile, style, comps, all, maxResolutions)) {
            truncated = true;
        }
        for (int c = 0; c < cs.components; c++) {
            decodeBlocks(comps[c]);
            J2kTileComponent tc = comps[c];
            if (tc.coding.reversible()) {
                wavelet.reversible(tc.ints, tc.width(), tc.resolutions);
            } else {
                wavelet.irreversible(tc.floats, tc.width(), tc.resolutions);
            }
        }
        boolean mct = style.mct() != 0 && cs.components >= 3;
        if (mct) {
            for (int c = 1; c < 3; c++) {
                if (comps[c].width() != comps[0].width() || comps[c].height() != comps[0].height()
                        || comps[c].coding.reversible() != comps[0].coding.reversible()) {
                    throw new PixelDataException("JPEG 2000: the component transform needs the first three components "
                            + "of tile " + tile.index + " to have one size and one wavelet");
                }
            }
            if (comps[0].coding.reversible()) {
                J2kComponentTransform.inverseRct(comps[0].ints, comps[1].ints, comps[2].ints, comps[0].width() * comps[0].height());
            } else {
                J2kComponentTransform.inverseIct(comps[0].floats, comps[1].floats, comps[2].floats,
                        comps[0].width() * comps[0].height());
            }
        }
        for (int c = 0; c < cs.components; c++) {
            store(c, comps[c]);
        }
    }

    private static int ceilShift(long v, int s) {
        return (int) -Math.floorDiv(-v, 1L << s);
    }

    private J2kTileComponent build(J2kCodestream.Tile tile, int c, int tx0, int ty0, int tx1, int ty1, List<J2kPrecinct> all) {
        J2kTileComponent tc = new J2kTileComponent();
        tc.x0 = J2kCodestream.ceilDiv(tx0, cs.dx[c]);
        tc.y0 = J2kCodestream.ceilDiv(ty0, cs.dy[c]);
        tc.x1 = J2kCodestream.ceilDiv(tx1, cs.dx[c]);
        tc.y1 = J2kCodestream.ceilDiv(ty1, cs.dy[c]);
        J2kComponentCoding coding = cs.componentCoding(tile, c);
        J2kQuantization quant = cs.quantization(tile, c);
        int roi = cs.roiShift(tile, c);
        tc.coding = coding;
        int levels = coding.levels();
        int area = tc.width() * tc.height();
        if (coding.reversible()) {
            tc.ints = new int[area];
        } else {
            tc.floats = new float[area];
        }
        tc.resolutions = new int[levels + 1][];
        tc.precincts = new J2kPrecinct[levels + 1][];
        for (int r = 0; r <= levels; r++) {
            int shift = levels - r;
            tc.resolutions[r] = new int[] {ceilShift(tc.x0, shift), ceilShift(tc.y0, shift), ceilShift(tc.x1, shift),
                ceilShift(tc.y1, shift)};
        }
        for (int r = 0; r <= levels; r++) {
            int[] rr = tc.resolutions[r];
            List<J2kSubband> bands = new ArrayList<>(3);
            if (r == 0) {
                bands.add(subband(0, rr[0], rr[1], rr[2], rr[3], 0, 0, 0, levels, quant, roi, c));
            } else {
                int nb = levels - r + 1;
                int lw = tc.resolutions[r - 1][2] - tc.resolutions[r - 1][0];
                int lh = tc.resolutions[r - 1][3] - tc.resolutions[r - 1][1];
                for (int o = 1; o <= 3; o++) {
                    long xo = (o & 1) != 0 ? 1L << (nb - 1) : 0;
                    long yo = o >= 2 ? 1L << (nb - 1) : 0;
                    bands.add(subband(o, ceilShift(tc.x0 - xo, nb), ceilShift(tc.y0 - yo, nb), ceilShift(tc.x1 - xo, nb),
                            ceilShift(tc.y1 - yo, nb), xo != 0 ? lw : 0, yo != 0 ? lh : 0, 3 * (r - 1) + o, levels, quant, roi, c));
                }
            }
            int ppx = coding.precinctWidthExp()[r];
            int ppy = coding.precinctHeightExp()[r];
            int wide = rr[2] > rr[0] ? ceilShift(rr[2], ppx) - (rr[0] >> ppx) : 0;
            int high = rr[3] > rr[1] ? ceilShift(rr[3], ppy) - (rr[1] >> ppy) : 0;
            if ((long) wide * high > 1 << 22) {
                throw new PixelDataException("JPEG 2000: resolution " + r + " of component " + c + " has " + wide + " x " + high
                        + " precincts");
            }
            int bandPpx = r == 0 ? ppx : ppx - 1;
            int bandPpy = r == 0 ? ppy : ppy - 1;
            int xcb = Math.min(coding.blockWidthExp(), bandPpx);
            int ycb = Math.min(coding.blockHeightExp(), bandPpy);
            J2kPrecinct[] precincts = new J2kPrecinct[wide * high];
            int kx0 = rr[0] >> ppx;
            int ky0 = rr[1] >> ppy;
            int gridShiftX = ppx + levels - r;
            int gridShiftY = ppy + levels - r;
            for (int ky = 0; ky < high; ky++) {
                for (int kx = 0; kx < wide; kx++) {
                    J2kPrecinct.Band[] pbands = new J2kPrecinct.Band[bands.size()];
                    for (int b = 0; b < pbands.length; b++) {
                        pbands[b] = precinctBand(bands.get(b), (long) (kx0 + kx) << bandPpx, (long) (ky0 + ky) << bandPpy,
                                bandPpx, bandPpy, xcb, ycb);
                    }
                    long gx = Math.max(tx0, (long) (kx0 + kx) * cs.dx[c] << gridShiftX);
                    long gy = Math.max(ty0, (long) (ky0 + ky) * cs.dy[c] << gridShiftY);
                    J2kPrecinct precinct = new J2kPrecinct(c, r, ky * wide + kx, gx, gy, pbands);
                    precincts[ky * wide + kx] = precinct;
                    all.add(precinct);
                }
            }
            tc.precincts[r] = precincts;
        }
        return tc;
    }

    private J2kSubband subband(int orientation, int x0, int y0, int x1, int y1, int offsetX, int offsetY, int index, int levels,
            J2kQuantization quant, int roi, int c) {
        int exponent = quant.exponent(index, levels);
        int mb = quant.guardBits() + exponent - 1 + roi;
        int gain = orientation == 0 ? 0 : orientation == 3 ? 2 : 1;
        float step = (float) (Math.pow(2.0, cs.precision[c] + gain - exponent) * (1.0 + quant.mantissa(index) / 2048.0));
        return new J2kSubband(orientation, x0, y0, x1, y1, offsetX, offsetY, mb, roi, step);
    }

    private static J2kPrecinct.Band precinctBand(J2kSubband band, long px0, long py0, int bandPpx, int bandPpy, int xcb, int ycb) {
        long ix0 = Math.max(px0, band.x0());
        long iy0 = Math.max(py0, band.y0());
        long ix1 = Math.min(px0 + (1L << bandPpx), band.x1());
        long iy1 = Math.min(py0 + (1L << bandPpy), band.y1());
        if (ix0 >= ix1 || iy0 >= iy1) {
            return new J2kPrecinct.Band(band, new J2kCodeBlock[0], 0, 0);
        }
        int bx0 = (int) (ix0 >> xcb);
        int by0 = (int) (iy0 >> ycb);
        int bx1 = (int) ((ix1 + (1L << xcb) - 1) >> xcb);
        int by1 = (int) ((iy1 + (1L << ycb) - 1) >> ycb);
        int wide = bx1 - bx0;
        int high = by1 - by0;
        J2kCodeBlock[] blocks = new J2kCodeBlock[wide * high];
        for (int j = 0; j < high; j++) {
            for (int i = 0; i < wide; i++) {
                long x0 = Math.max((long) (bx0 + i) << xcb, ix0);
                long y0 = Math.max((long) (by0 + j) << ycb, iy0);
                long x1 = Math.min((long) (bx0 + i + 1) << xcb, ix1);
                long y1 = Math.min((long) (by0 + j + 1) << ycb, iy1);
                blocks[j * wide + i] = new J2kCodeBlock((int) (x0 - band.x0()), (int) (y0 - band.y0()), (int) (x1 - band.x0()),
                        (int) (y1 - band.y0()));
            }
        }
        return new J2kPrecinct.Band(band, blocks, wide, high);
    }

    // ---- tier 1, dequantisation ----

    /** A coded block with the subband it belongs to. */
    private record CodedBlock(J2kSubband subband, J2kCodeBlock block) {
    }

    /**
     * Tier-1 decodes every coded block of the tile-component, in parallel on the common fork-join pool when there are
     * enough of them (as OpenJPEG does inside GDCM): blocks are independent and write disjoint parts of the coefficients.
     */
    private void decodeBlocks(J2kTileComponent tc) {
        int style = tc.coding.blockStyle();
        int stride = tc.width();
        List<CodedBlock> coded = new ArrayList<>();
        for (J2kPrecinct[] precincts : tc.precincts) {
            for (J2kPrecinct p : precincts) {
                for (J2kPrecinct.Band band : p.bands) {
                    for (J2kCodeBlock block : band.blocks) {
                        if (block.passes != 0) {
                            coded.add(new CodedBlock(band.subband, block));
                        }
                    }
                }
            }
        }
        if (coded.size() < PARALLEL_BLOCKS || Runtime.getRuntime().availableProcessors() < 2) {
            coded.forEach(c -> decodeBlock(tc, c, style, stride));
            return;
        }
        try {
            coded.parallelStream().forEach(c -> decodeBlock(tc, c, style, stride));
        } catch (RuntimeException e) {
            // The fork-join pool may rethrow a copy of a worker's exception; give the caller the original.
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof PixelDataException original) {
                    throw original;
                }
            }
            throw e;
        }
    }

    private static void decodeBlock(J2kTileComponent tc, CodedBlock coded, int style, int stride) {
        J2kSubband sb = coded.subband();
        J2kCodeBlock block = coded.block();
        int top = sb.magnitudeBits() - 1 - block.zeroBitPlanes;
        if (top > 29) {
            throw new PixelDataException("JPEG 2000: a code-block has " + (top + 1)
                    + " magnitude bit-planes, more than this decoder handles (30)");
        }
        J2kBlockDecoder blockDecoder = BLOCK_DECODERS.get();
        if (blockDecoder.decode(block, sb.orientation(), style, top)) {
            place(tc, sb, block, blockDecoder.coefficients(), stride);
        }
    }

    private static void place(J2kTileComponent tc, J2kSubband sb, J2kCodeBlock block, int[] coef, int stride) {
        int w = block.x1 - block.x0;
        int h = block.y1 - block.y0;
        int roi = sb.roiShift();
        if (roi > 0) {
            int threshold = 1 << Math.min(roi + 1, 30);
            for (int k = 0; k < w * h; k++) {
                int v = coef[k];
                int mag = Math.abs(v);
                if (mag >= threshold) {
                    mag >>= roi;
                    coef[k] = v < 0 ? -mag : mag;
                }
            }
        }
        int base = (sb.offsetY() + block.y0) * stride + sb.offsetX() + block.x0;
        if (tc.ints != null) {
            int[] out = tc.ints;
            for (int y = 0; y < h; y++) {
                int o = base + y * stride;
                int k = y * w;
                for (int x = 0; x < w; x++) {
                    out[o + x] = coef[k + x] / 2;
                }
            }
        } else {
            float[] out = tc.floats;
            float half = sb.step() * 0.5f;
            for (int y = 0; y < h; y++) {
                int o = base + y * stride;
                int k = y * w;
                for (int x = 0; x < w; x++) {
                    out[o + x] = coef[k + x] * half;
                }
            }
        }
    }

    /** DC level shift, clamping to the component's range and placing the tile-component in the component plane. */
    private void store(int c, J2kTileComponent tc) {
        int prec = cs.precision[c];
        int min;
        int max;
        int shift;
        if (cs.signed[c]) {
            min = prec >= 32 ? Integer.MIN_VALUE : -(1 << (prec - 1));
            max = prec >= 32 ? Integer.MAX_VALUE : (1 << (prec - 1)) - 1;
            shift = 0;
        } else {
            min = 0;
            max = prec >= 31 ? Integer.MAX_VALUE : (1 << prec) - 1;
            shift = prec >= 32 ? 0 : 1 << (prec - 1);
        }
        int planeWidth = cs.componentWidth(c);
        int ox = tc.x0 - J2kCodestream.ceilDiv(cs.x0, cs.dx[c]);
        int oy = tc.y0 - J2kCodestream.ceilDiv(cs.y0, cs.dy[c]);
        int w = tc.width();
        int h = tc.height();
        int[] plane = planes[c];
        for (int y = 0; y < h; y++) {
            int o = (oy + y) * planeWidth + ox;
            int k = y * w;
            if (tc.ints != null) {
                int[] a = tc.ints;
                for (int x = 0; x < w; x++) {
                    int v = a[k + x] + shift;
                    plane[o + x] = v < min ? min : v > max ? max : v;
                }
            } else {
                float[] a = tc.floats;
                for (int x = 0; x < w; x++) {
                    long v = (long) Math.rint(a[k + x]) + shift;
                    plane[o + x] = (int) (v < min ? min : v > max ? max : v);
                }
            }
        }
    }
}
