package org.lumen.dicom.codec.jpeg2000;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.lumen.dicom.pixel.PixelDataException;

/**
 * Tier-2 decoding (ISO 15444-1 B.9-B.12): walks a tile's packets in the order its progression and POC changes give,
 * reads each packet header (inclusion and zero bit-plane tag trees, coding passes, Lblock, codeword segment lengths),
 * from the packets or from PPM/PPT packed headers, and hands each code-block its bytes. One instance per tile decoder.
 */
final class J2kPacketReader {
    private static final int MAX_PASSES = 3 * 38 + 1;

    /** Told where each packet lies in a tile's packet data (headers in the packets only); for tests that repack them. */
    interface PacketListener {
        void packet(int tile, int start, int headerStart, int headerEnd, int end);
    }

    private final J2kPacketHeaderReader header = new J2kPacketHeaderReader();
    private final List<J2kCodeBlock> inPacket = new ArrayList<>();
    private PacketListener listener;
    private int currentTile;

    void listener(PacketListener packetListener) {
        this.listener = packetListener;
    }

    private byte[] body;
    private int bodyPos;
    private int bodyEnd;
    private byte[] packed;
    private boolean sop;
    private boolean eph;
    private J2kTileComponent[] tileComponents;

    /** Reads the packets of {@code tile} into its code-blocks; true when the packet data ended early. */
    boolean read(J2kCodestream cs, J2kCodestream.Tile tile, J2kCodingStyle style, J2kTileComponent[] comps,
            List<J2kPrecinct> all, int maxResolutions) {
        body = tile.packets.toByteArray();
        bodyPos = 0;
        bodyEnd = body.length;
        packed = tile.packedHeaders == null ? null : tile.packedHeaders.toByteArray();
        if (packed != null) {
            header.reset(packed, 0, packed.length);
        }
        tileComponents = comps;
        sop = style.sop();
        eph = style.eph();
        currentTile = tile.index;
        layers = style.layers();
        sortedByOrder.clear();
        work = 0;
        workLimit = 64L * (body.length + (packed == null ? 0 : packed.length)) + (1L << 24);
        try {
            for (J2kProgressionChange change : cs.progressions(tile, style, maxResolutions)) {
                progress(change, comps, all);
            }
        } catch (J2kPacketHeaderReader.Truncated e) {
            return true;
        }
        return false;
    }

    private int layers;
    private final java.util.Map<Integer, List<J2kPrecinct>> sortedByOrder = new java.util.HashMap<>();
    private long work;
    private long workLimit;

    /**
     * Counts packet visits, read or skipped: every packet read takes at least a byte, but POC changes may revisit packets
     * already read; a codestream that makes us revisit far more than its size allows is corrupt.
     */
    private void tick(long n) {
        work += n;
        if (work > workLimit) {
            throw new PixelDataException("JPEG 2000: the progression (POC) of a tile visits more than " + workLimit
                    + " packets for " + body.length + " bytes of packet data (corrupt codestream)");
        }
    }

    private void progress(J2kProgressionChange ch, J2kTileComponent[] comps, List<J2kPrecinct> all) {
        int compEnd = Math.min(ch.compEnd(), comps.length);
        int layerEnd = Math.min(ch.layerEnd(), layers);
        switch (ch.order()) {
            case J2kCodingStyle.LRCP -> {
                for (int l = 0; l < layerEnd; l++) {
                    for (int r = ch.resStart(); r < ch.resEnd(); r++) {
                        for (int c = ch.compStart(); c < compEnd; c++) {
                            layerOfResolution(comps[c], r, l);
                        }
                    }
                }
            }
            case J2kCodingStyle.RLCP -> {
                for (int r = ch.resStart(); r < ch.resEnd(); r++) {
                    for (int l = 0; l < layerEnd; l++) {
                        for (int c = ch.compStart(); c < compEnd; c++) {
                            layerOfResolution(comps[c], r, l);
                        }
                    }
                }
            }
            default -> {
                tick(all.size());
                for (J2kPrecinct p : sortedByOrder.computeIfAbsent(ch.order(), o -> sorted(all, o))) {
                    if (p.component >= ch.compStart() && p.component < compEnd && p.resolution >= ch.resStart()
                            && p.resolution < ch.resEnd()) {
                        while (p.layersRead < layerEnd) {
                            readPacket(p, p.layersRead);
                        }
                    }
                }
            }
        }
    }

    /** The precincts in the order of a position-driven progression (B.12.1.3-5), layers aside. */
    private static List<J2kPrecinct> sorted(List<J2kPrecinct> all, int progression) {
        List<J2kPrecinct> order = new ArrayList<>(all);
        Comparator<J2kPrecinct> byPosition = Comparator.<J2kPrecinct>comparingLong(p -> p.gridY).thenComparingLong(p -> p.gridX);
        order.sort(switch (progression) {
            case J2kCodingStyle.RPCL -> Comparator.<J2kPrecinct>comparingInt(p -> p.resolution).thenComparing(byPosition)
                    .thenComparingInt(p -> p.component);
            case J2kCodingStyle.PCRL -> byPosition.thenComparingInt(p -> p.component).thenComparingInt(p -> p.resolution);
            default -> Comparator.<J2kPrecinct>comparingInt(p -> p.component).thenComparing(byPosition)
                    .thenComparingInt(p -> p.resolution);
        });
        return order;
    }

    private void layerOfResolution(J2kTileComponent tc, int r, int layer) {
        if (r >= tc.precincts.length) {
            return;
        }
        tick(tc.precincts[r].length);
        for (J2kPrecinct p : tc.precincts[r]) {
            if (p.layersRead == layer) {
                readPacket(p, layer);
            }
        }
    }

    private void readPacket(J2kPrecinct p, int layer) {
        int packetStart = bodyPos;
        if (sop && bodyPos + 1 < bodyEnd && (body[bodyPos] & 0xFF) == 0xFF && (body[bodyPos + 1] & 0xFF) == 0x91) {
            bodyPos += 6;
        }
        int headerStart = bodyPos;
        if (packed == null) {
            header.reset(body, Math.min(bodyPos, bodyEnd), bodyEnd);
        }
        inPacket.clear();
        if (header.bit() != 0) {
            for (J2kPrecinct.Band band : p.bands) {
                J2kCodeBlock[] blocks = band.blocks;
                for (int i = 0; i < blocks.length; i++) {
                    readBlockHeader(band, i, blocks[i], layer, p.component);
                }
            }
        }
        header.align();
        if (eph) {
            header.skipMarker(0xFF92, 2);
        }
        if (packed == null) {
            bodyPos = header.position();
        }
        int headerEnd = bodyPos;
        p.layersRead++;
        for (J2kCodeBlock block : inPacket) {
            int n = block.newBytes;
            if (bodyPos + n > bodyEnd) {
                if (bodyPos < bodyEnd) {
                    block.append(body, bodyPos, bodyEnd - bodyPos);
                }
                bodyPos = bodyEnd;
                throw new J2kPacketHeaderReader.Truncated();
            }
            block.append(body, bodyPos, n);
            bodyPos += n;
        }
        if (listener != null) {
            listener.packet(currentTile, packetStart, headerStart, headerEnd, bodyPos);
        }
    }

    private void readBlockHeader(J2kPrecinct.Band band, int i, J2kCodeBlock block, int layer, int component) {
        boolean included;
        if (!block.included) {
            included = band.inclusion.decode(header, i, layer + 1);
        } else {
            included = header.bit() != 0;
        }
        if (!included) {
            return;
        }
        if (!block.included) {
            block.zeroBitPlanes = band.zeroPlanes.value(header, i, 80);
            block.included = true;
        }
        int passes = passCount();
        if (block.passes + passes > MAX_PASSES) {
            throw new PixelDataException("JPEG 2000: a code-block of component " + component + " has more than " + MAX_PASSES
                    + " coding passes (corrupt packet header)");
        }
        while (header.bit() != 0) {
            if (++block.lblock > 32) {
                throw new PixelDataException("JPEG 2000: a code-block length indicator grows beyond 32 bits (corrupt packet header)");
            }
        }
        int style = tileComponents[component].coding.blockStyle();
        int remaining = passes;
        block.newBytes = 0;
        while (remaining > 0) {
            if (!block.segmentOpen) {
                block.openSegment();
            }
            int s = block.segments - 1;
            int first = block.passes - block.segmentPasses[s];
            int capacity = J2kCodeBlock.segmentCapacity(style, first);
            int n = Math.min(remaining, capacity - block.segmentPasses[s]);
            int bits = block.lblock + 31 - Integer.numberOfLeadingZeros(n);
            if (bits > 31) {
                throw new PixelDataException("JPEG 2000: a code-block segment length of " + bits + " bits (corrupt packet header)");
            }
            int length = header.bits(bits);
            block.segmentPasses[s] += n;
            block.segmentLengths[s] += length;
            block.passes += n;
            block.newBytes += length;
            if (block.newBytes < 0) {
                throw new PixelDataException("JPEG 2000: code-block lengths overflow (corrupt packet header)");
            }
            remaining -= n;
            if (block.segmentPasses[s] == capacity) {
                block.segmentOpen = false;
            }
        }
        inPacket.add(block);
    }

    /** Number of new coding passes (Table B.4). */
    private int passCount() {
        if (header.bit() == 0) {
            return 1;
        }
        if (header.bit() == 0) {
            return 2;
        }
        int v = header.bits(2);
        if (v != 3) {
            return 3 + v;
        }
        v = header.bits(5);
        if (v != 31) {
            return 6 + v;
        }
        return 37 + header.bits(7);
    }
}
