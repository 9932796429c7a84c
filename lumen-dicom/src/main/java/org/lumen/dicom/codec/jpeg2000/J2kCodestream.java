package org.lumen.dicom.codec.jpeg2000;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * A parsed JPEG 2000 codestream (ISO 15444-1 Annex A): the image and tile geometry of SIZ, the main header's coding
 * parameters and, per tile, its own parameters, packet data (its tile-parts joined) and packed packet headers (PPM or
 * PPT) when the codestream carries them apart from the packets.
 */
public final class J2kCodestream {
    static final int SOC = 0xFF4F;
    static final int SOT = 0xFF90;
    static final int SOD = 0xFF93;
    static final int EOC = 0xFFD9;
    static final int SIZ = 0xFF51;
    static final int COD = 0xFF52;
    static final int COC = 0xFF53;
    static final int TLM = 0xFF55;
    static final int PLM = 0xFF57;
    static final int PLT = 0xFF58;
    static final int QCD = 0xFF5C;
    static final int QCC = 0xFF5D;
    static final int RGN = 0xFF5E;
    static final int POC = 0xFF5F;
    static final int PPM = 0xFF60;
    static final int PPT = 0xFF61;
    static final int CRG = 0xFF63;
    static final int COM = 0xFF64;
    static final int CAP = 0xFF50;
    static final int CPF = 0xFF59;

    /** Image area on the reference grid: [x0, x1) x [y0, y1). */
    int x0, y0, x1, y1;
    int tileWidth, tileHeight, tileX0, tileY0;
    int tilesX, tilesY;
    int components;
    int[] precision;
    boolean[] signed;
    int[] dx, dy;
    J2kHeaderParameters main;
    Tile[] tiles;
    /** True when the codestream ended before a tile-part said it would (the packets there are decoded as far as they go). */
    boolean truncated;

    /** What one tile holds once its tile-parts are read. */
    static final class Tile {
        final int index;
        J2kHeaderParameters parameters;
        final ByteArrayOutputStream packets = new ByteArrayOutputStream();
        ByteArrayOutputStream packedHeaders;
        final TreeMap<Integer, byte[]> ppt = new TreeMap<>();
        int nextPart;

        Tile(int index) {
            this.index = index;
        }
    }

    private J2kCodestream() {
    }

    public int width() {
        return x1 - x0;
    }

    public int height() {
        return y1 - y0;
    }

    public int components() {
        return components;
    }

    public int precision(int c) {
        return precision[c];
    }

    public boolean isSigned(int c) {
        return signed[c];
    }

    /** Width of component {@code c} (its samples per row after subsampling). */
    public int componentWidth(int c) {
        return ceilDiv(x1, dx[c]) - ceilDiv(x0, dx[c]);
    }

    public int componentHeight(int c) {
        return ceilDiv(y1, dy[c]) - ceilDiv(y0, dy[c]);
    }

    /** Whether the main header's COD asks for a multiple component transform. */
    public boolean multipleComponentTransform() {
        return main.cod.mct() != 0;
    }

    /** Whether the main header's COD names the reversible 5/3 wavelet. */
    public boolean reversible() {
        return main.cod.coding().reversible();
    }

    static int ceilDiv(int a, int b) {
        return (int) (((long) a + b - 1) / b);
    }

    /** Parses the main header only (up to the first SOT), for callers that need the image parameters. */
    public static J2kCodestream parseHeader(byte[] data, int start, int end) {
        return parse(data, start, end, false);
    }

    /** Parses the whole codestream: main header, then every tile-part. */
    public static J2kCodestream parse(byte[] data, int start, int end) {
        return parse(data, start, end, true);
    }

    private static J2kCodestream parse(byte[] data, int start, int end, boolean withTiles) {
        J2kMarkerReader in = new J2kMarkerReader(data, start, end);
        if (in.remaining() < 2 || in.u16() != SOC) {
            throw in.error("the codestream does not start with SOC (FF4F)");
        }
        J2kCodestream cs = new J2kCodestream();
        if (in.remaining() < 2 || in.u16() != SIZ) {
            throw in.error("SIZ (FF51) must follow SOC");
        }
        int sizEnd = segmentEnd(in, "SIZ");
        cs.readSiz(in);
        in.seek(sizEnd);
        cs.main = new J2kHeaderParameters(cs.components);
        TreeMap<Integer, byte[]> ppm = new TreeMap<>();
        while (true) {
            int marker = in.u16();
            if (marker == SOT) {
                break;
            }
            int segEnd = segmentEnd(in, hex(marker));
            cs.readParameterSegment(in, marker, segEnd, cs.main, ppm, null);
            in.seek(segEnd);
        }
        if (cs.main.cod == null) {
            throw in.error("the main header has no COD marker segment");
        }
        if (cs.main.qcd == null) {
            throw in.error("the main header has no QCD marker segment");
        }
        if (!withTiles) {
            return cs;
        }
        cs.readTileParts(in, joined(ppm));
        return cs;
    }

    private void readSiz(J2kMarkerReader in) {
        in.u16(); // Rsiz: capabilities; HTJ2K is recognised by its code-block style instead (COD/COC)
        x1 = in.u32();
        y1 = in.u32();
        x0 = in.u32();
        y0 = in.u32();
        tileWidth = in.u32();
        tileHeight = in.u32();
        tileX0 = in.u32();
        tileY0 = in.u32();
        components = in.u16();
        if (x0 >= x1 || y0 >= y1) {
            throw in.error("SIZ gives an empty image area " + x0 + ".." + x1 + " x " + y0 + ".." + y1);
        }
        if (tileWidth == 0 || tileHeight == 0 || tileX0 > x0 || tileY0 > y0
                || (long) tileX0 + tileWidth <= x0 || (long) tileY0 + tileHeight <= y0) {
            throw in.error("SIZ gives tiles of " + tileWidth + " x " + tileHeight + " at " + tileX0 + "," + tileY0
                    + " that do not cover the image at " + x0 + "," + y0);
        }
        if (components == 0 || components > 16384) {
            throw in.error("SIZ gives " + components + " components");
        }
        tilesX = ceilDiv(x1 - tileX0, tileWidth);
        tilesY = ceilDiv(y1 - tileY0, tileHeight);
        if ((long) tilesX * tilesY > 65535) {
            throw in.error("SIZ gives " + ((long) tilesX * tilesY) + " tiles (at most 65535)");
        }
        precision = new int[components];
        signed = new boolean[components];
        dx = new int[components];
        dy = new int[components];
        for (int c = 0; c < components; c++) {
            int ssiz = in.u8();
            precision[c] = (ssiz & 0x7F) + 1;
            signed[c] = (ssiz & 0x80) != 0;
            dx[c] = in.u8();
            dy[c] = in.u8();
            if (precision[c] > 38 || dx[c] == 0 || dy[c] == 0) {
                throw in.error("SIZ gives component " + c + " a precision of " + precision[c] + " bits and subsampling "
                        + dx[c] + " x " + dy[c]);
            }
        }
        tiles = new Tile[tilesX * tilesY];
    }

    private static int segmentEnd(J2kMarkerReader in, String marker) {
        int length = in.u16();
        if (length < 2 || in.position() - 2 + length > in.end()) {
            throw in.error(marker + " marker segment length " + length + " runs past the codestream's end at byte " + in.end());
        }
        return in.position() - 2 + length;
    }

    /** Reads a marker segment allowed in the main or a tile-part header; {@code tile} is null in the main header. */
    private void readParameterSegment(J2kMarkerReader in, int marker, int segEnd, J2kHeaderParameters p,
            TreeMap<Integer, byte[]> ppm, Tile tile) {
        switch (marker) {
            case COD -> p.cod = J2kCodingStyle.read(in);
            case COC -> {
                int c = componentIndex(in, "COC");
                int scoc = in.u8();
                p.coc[c] = J2kComponentCoding.read(in, (scoc & 1) != 0, "COC");
            }
            case QCD -> p.qcd = J2kQuantization.read(in, segEnd, "QCD");
            case QCC -> {
                int c = componentIndex(in, "QCC");
                p.qcc[c] = J2kQuantization.read(in, segEnd, "QCC");
            }
            case RGN -> {
                int c = componentIndex(in, "RGN");
                int style = in.u8();
                if (style != 0) {
                    throw in.error("RGN names ROI style " + style + " (only 0, max-shift, exists)");
                }
                p.roiShift[c] = in.u8();
                if (p.roiShift[c] > 37) {
                    throw in.error("RGN gives a region-of-interest shift of " + p.roiShift[c]);
                }
            }
            case POC -> {
                int entry = components < 257 ? 7 : 9;
                while (segEnd - in.position() >= entry) {
                    int rs = in.u8();
                    int cs = in.component(components);
                    int lye = in.u16();
                    int re = in.u8();
                    int ce = in.component(components);
                    int order = in.u8();
                    if (order > 4) {
                        throw in.error("POC names progression order " + order);
                    }
                    p.poc.add(new J2kProgressionChange(rs, cs, lye, re, ce == 0 ? 256 : ce, order));
                }
            }
            case PPM -> {
                if (tile != null) {
                    throw in.error("PPM appears in a tile-part header");
                }
                int z = in.u8();
                ppm.put(z, java.util.Arrays.copyOfRange(in.data(), in.position(), segEnd));
            }
            case PPT -> {
                if (tile == null) {
                    throw in.error("PPT appears in the main header");
                }
                int z = in.u8();
                tile.ppt.put(z, java.util.Arrays.copyOfRange(in.data(), in.position(), segEnd));
            }
            case TLM, PLM, PLT, CRG, COM, CAP, CPF -> {
                // lengths and comments: not needed to decode
            }
            default -> {
                if (marker >= 0xFF70 && marker <= 0xFF7F) {
                    throw in.error("marker 0x" + Integer.toHexString(marker).toUpperCase()
                            + " belongs to ISO 15444-2 (Part 2 extensions), which this Part 1 decoder does not handle");
                }
                if ((marker & 0xFF00) != 0xFF00 || marker < 0xFF30) {
                    throw in.error("expected a marker segment, found 0x" + Integer.toHexString(marker));
                }
                // unknown marker segments are skipped (ISO 15444-1 A.1.4 lets decoders ignore them)
            }
        }
    }

    private int componentIndex(J2kMarkerReader in, String marker) {
        int c = in.component(components);
        if (c >= components) {
            throw in.error(marker + " names component " + c + " of " + components);
        }
        return c;
    }

    private void readTileParts(J2kMarkerReader in, byte[] ppmData) {
        int ppmPos = 0;
        boolean sawTile = false;
        int marker = SOT;
        while (true) {
            if (marker != SOT) {
                if (marker == EOC) {
                    break;
                }
                if (!sawTile) {
                    throw in.error("expected SOT, found 0x" + Integer.toHexString(marker));
                }
                break; // bytes after the last tile-part that are not EOC: ignored
            }
            int sotStart = in.position() - 2;
            int segEnd = segmentEnd(in, "SOT");
            int tileIndex = in.u16();
            long psot = in.u32();
            int part = in.u8();
            in.seek(segEnd);
            if (tileIndex >= tiles.length) {
                throw in.error("SOT names tile " + tileIndex + " of " + tiles.length);
            }
            Tile tile = tiles[tileIndex];
            if (tile == null) {
                tile = tiles[tileIndex] = new Tile(tileIndex);
                tile.parameters = new J2kHeaderParameters(components);
            }
            if (part != tile.nextPart) {
                throw in.error("tile " + tileIndex + " has tile-part " + part + " where " + tile.nextPart + " was expected");
            }
            tile.nextPart++;
            J2kHeaderParameters params = part == 0 ? tile.parameters : new J2kHeaderParameters(components);
            while (true) {
                int m = in.u16();
                if (m == SOD) {
                    break;
                }
                int end = segmentEnd(in, hex(m));
                readParameterSegment(in, m, end, params, null, tile);
                in.seek(end);
            }
            if (part > 0) {
                tile.parameters.poc.addAll(params.poc);
            }
            int dataStart = in.position();
            int dataEnd;
            if (psot == 0) {
                dataEnd = in.end();
                if (dataEnd - dataStart >= 2 && (in.data()[dataEnd - 2] & 0xFF) == 0xFF && (in.data()[dataEnd - 1] & 0xFF) == 0xD9) {
                    dataEnd -= 2;
                }
            } else {
                long e = sotStart + psot;
                if (e < dataStart) {
                    throw in.error("SOT gives tile-part length " + psot + ", shorter than its header");
                }
                if (e > in.end()) {
                    truncated = true;
                    e = in.end();
                }
                dataEnd = (int) e;
            }
            tile.packets.write(in.data(), dataStart, dataEnd - dataStart);
            if (ppmData != null) {
                if (ppmPos + 4 > ppmData.length) {
                    throw in.error("PPM holds no packet headers for tile-part " + part + " of tile " + tileIndex);
                }
                int n = (ppmData[ppmPos] & 0xFF) << 24 | (ppmData[ppmPos + 1] & 0xFF) << 16
                        | (ppmData[ppmPos + 2] & 0xFF) << 8 | ppmData[ppmPos + 3] & 0xFF;
                ppmPos += 4;
                if (n < 0 || n > ppmData.length - ppmPos) {
                    throw in.error("PPM gives " + n + " bytes of packet headers, more than it holds");
                }
                if (tile.packedHeaders == null) {
                    tile.packedHeaders = new ByteArrayOutputStream();
                }
                tile.packedHeaders.write(ppmData, ppmPos, n);
                ppmPos += n;
            }
            sawTile = true;
            in.seek(dataEnd);
            if (in.remaining() < 2) {
                break;
            }
            marker = in.u16();
        }
        for (Tile tile : tiles) {
            if (tile != null && !tile.ppt.isEmpty()) {
                if (ppmData != null) {
                    throw in.error("tile " + tile.index + " has PPT marker segments although the main header has PPM");
                }
                tile.packedHeaders = new ByteArrayOutputStream();
                tile.ppt.values().forEach(b -> tile.packedHeaders.write(b, 0, b.length));
            }
        }
    }

    private static byte[] joined(TreeMap<Integer, byte[]> parts) {
        if (parts.isEmpty()) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.values().forEach(b -> out.write(b, 0, b.length));
        return out.toByteArray();
    }

    private static String hex(int marker) {
        return "marker 0x" + Integer.toHexString(marker).toUpperCase();
    }

    // Effective parameters of a tile (ISO 15444-1 A.6: tile COC > tile COD > main COC > main COD).

    J2kCodingStyle codingStyle(Tile tile) {
        return tile.parameters.cod != null ? tile.parameters.cod : main.cod;
    }

    J2kComponentCoding componentCoding(Tile tile, int c) {
        J2kHeaderParameters t = tile.parameters;
        if (t.coc[c] != null) {
            return t.coc[c];
        }
        if (t.cod != null) {
            return t.cod.coding();
        }
        return main.coc[c] != null ? main.coc[c] : main.cod.coding();
    }

    J2kQuantization quantization(Tile tile, int c) {
        J2kHeaderParameters t = tile.parameters;
        if (t.qcc[c] != null) {
            return t.qcc[c];
        }
        if (t.qcd != null) {
            return t.qcd;
        }
        return main.qcc[c] != null ? main.qcc[c] : main.qcd;
    }

    int roiShift(Tile tile, int c) {
        int s = tile.parameters.roiShift[c];
        if (s < 0) {
            s = main.roiShift[c];
        }
        return Math.max(s, 0);
    }

    List<J2kProgressionChange> progressions(Tile tile, J2kCodingStyle style, int maxResolutions) {
        List<J2kProgressionChange> poc = !tile.parameters.poc.isEmpty() ? tile.parameters.poc : main.poc;
        List<J2kProgressionChange> out = new ArrayList<>(poc);
        if (out.isEmpty()) {
            out.add(new J2kProgressionChange(0, 0, style.layers(), maxResolutions, components, style.progression()));
        }
        return out;
    }
}
