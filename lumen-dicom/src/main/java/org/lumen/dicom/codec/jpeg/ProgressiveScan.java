package org.lumen.dicom.codec.jpeg;

import static org.lumen.dicom.codec.jpeg.JpegDecoder.ZIGZAG;

import org.lumen.dicom.codec.jpeg.JpegDecoder.Component;
import org.lumen.dicom.pixel.PixelDataException;

/**
 * One scan of a progressive DCT frame (T.81 Annex G): adds to the frame's stored coefficients either DC values (first
 * pass or one refining bit, possibly interleaved) or one band of AC coefficients of one component (first pass with
 * end-of-band runs across blocks, or a refining pass). The frame transforms the coefficients after its last scan.
 */
final class ProgressiveScan {
    private final JpegDecoder frame;
    private final EntropyReader in;
    private final int ss;
    private final int se;
    private final int ah;
    private final int al;
    /** Blocks left in the current end-of-band run. */
    private int eobRun;

    ProgressiveScan(JpegDecoder frame, EntropyReader in, int ss, int se, int ah, int al) {
        this.frame = frame;
        this.in = in;
        this.ss = ss;
        this.se = se;
        this.ah = ah;
        this.al = al;
    }

    /**
     * One scan of a progressive frame (G.1.2): the DC scan (first or refining, possibly interleaved) or an AC band of one
     * component (first or refining), adding to the stored coefficients. End-of-band runs span blocks.
     */
    void decode(Component[] scan) {
        boolean dc = ss == 0;
        if (dc ? se != 0 : se < ss || se > 63 || scan.length != 1) {
            throw new PixelDataException("JPEG: a progressive scan with spectral selection " + ss + ".." + se + " over "
                    + scan.length + " component(s) is invalid");
        }
        if (al > 13 || ah > 13 || (ah != 0 && ah != al + 1)) {
            throw new PixelDataException("JPEG: progressive successive approximation " + ah + "," + al + " is invalid");
        }
        int mcusX;
        int mcusY;
        if (scan.length == 1) {
            mcusX = JpegDecoder.ceilDiv(scan[0].width, 8);
            mcusY = JpegDecoder.ceilDiv(scan[0].height, 8);
        } else {
            mcusX = JpegDecoder.ceilDiv(frame.width, 8 * frame.hMax);
            mcusY = JpegDecoder.ceilDiv(frame.height, 8 * frame.vMax);
        }
        int restart = 0;
        int mcu = 0;
        eobRun = 0;
        for (int my = 0; my < mcusY; my++) {
            for (int mx = 0; mx < mcusX; mx++, mcu++) {
                if (frame.restartInterval > 0 && mcu > 0 && mcu % frame.restartInterval == 0) {
                    in.restart(restart);
                    restart = (restart + 1) & 7;
                    eobRun = 0;
                    for (Component c : scan) {
                        c.dcPredictor = 0;
                    }
                }
                for (Component c : scan) {
                    if (scan.length == 1) {
                        block(c, (my * c.blocksPerLine + mx) * 64);
                    } else {
                        for (int v = 0; v < c.v; v++) {
                            for (int h = 0; h < c.h; h++) {
                                int at = ((my * c.v + v) * c.blocksPerLine + mx * c.h + h) * 64;
                                block(c, at);
                            }
                        }
                    }
                }
            }
        }
    }

    private void block(Component c, int at) {
        int[] coef = c.coefficients;
        if (ss == 0) {
            if (ah == 0) {
                int t = c.dcTable.decode(in);
                if (t > 16) {
                    throw new PixelDataException("JPEG: DC difference category " + t + " is out of range (corrupt data)");
                }
                c.dcPredictor += in.receiveExtend(t);
                coef[at] = c.dcPredictor * (1 << al);
            } else if (in.bit() != 0) {
                coef[at] |= 1 << al;
            }
        } else if (ah == 0) {
            acFirst(c.acTable, coef, at);
        } else {
            acRefine(c.acTable, coef, at);
        }
    }

    /** The first pass over a band (G.1.2.2): run/size codes as in sequential mode, and EOBn runs. */
    private void acFirst(HuffmanDecodingTable ac, int[] coef, int at) {
        if (eobRun > 0) {
            eobRun--;
            return;
        }
        for (int k = ss; k <= se; k++) {
            int rs = ac.decode(in);
            int r = rs >> 4;
            int s = rs & 15;
            if (s == 0) {
                if (r < 15) {
                    eobRun = (1 << r) - 1 + (r > 0 ? receive(in, r) : 0);
                    return;
                }
                k += 15;
                continue;
            }
            k += r;
            if (k > 63) {
                throw new PixelDataException("JPEG: AC coefficients run past the end of a block (corrupt data)");
            }
            coef[at + ZIGZAG[k]] = in.receiveExtend(s) * (1 << al);
        }
    }

    /**
     * A refining pass over a band (G.1.2.3): one more bit of every coefficient already non-zero (correction bits, read
     * as zero-run codes skip over them) and new coefficients of magnitude 1.
     */
    private void acRefine(HuffmanDecodingTable ac, int[] coef, int at) {
        int plus = 1 << al;
        int minus = -1 << al;
        int k = ss;
        if (eobRun == 0) {
            for (; k <= se; k++) {
                int rs = ac.decode(in);
                int r = rs >> 4;
                int s = rs & 15;
                int value = 0;
                if (s != 0) {
                    value = in.bit() != 0 ? plus : minus;
                } else if (r != 15) {
                    eobRun = (1 << r) + (r > 0 ? receive(in, r) : 0);
                    break;
                }
                while (k <= se) {
                    int z = at + ZIGZAG[k];
                    if (coef[z] != 0) {
                        refine(in, coef, z, plus, minus);
                    } else if (--r < 0) {
                        break;
                    }
                    k++;
                }
                if (value != 0) {
                    if (k > se) {
                        throw new PixelDataException("JPEG: a refined coefficient past the end of its band (corrupt data)");
                    }
                    coef[at + ZIGZAG[k]] = value;
                }
            }
        }
        if (eobRun > 0) {
            for (; k <= se; k++) {
                int z = at + ZIGZAG[k];
                if (coef[z] != 0) {
                    refine(in, coef, z, plus, minus);
                }
            }
            eobRun--;
        }
    }

    private static void refine(EntropyReader in, int[] coef, int z, int plus, int minus) {
        if (in.bit() != 0 && (coef[z] & plus) == 0) {
            coef[z] += coef[z] >= 0 ? plus : minus;
        }
    }

    /** {@code n} bits as an unsigned number (an EOB run length). */
    private static int receive(EntropyReader in, int n) {
        int v = in.peek(n);
        in.skip(n);
        return v;
    }
}
