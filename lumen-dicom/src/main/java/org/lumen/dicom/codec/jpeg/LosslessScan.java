package org.lumen.dicom.codec.jpeg;

import org.lumen.dicom.codec.jpeg.JpegDecoder.Component;
import org.lumen.dicom.pixel.PixelDataException;

/**
 * Lossless scans (T.81 Annex H, process 14): every sample is a Huffman-coded difference from a prediction (Table H.1)
 * of its already decoded neighbours, within the component's plane; the first line of the scan and of each restart
 * interval predicts from the left, the first column from above, the first sample from half the range.
 */
final class LosslessScan {
    private LosslessScan() {
    }

    /** A lossless scan (H.1.2): each sample is a Huffman-coded difference from a prediction of its decoded neighbours. */
    static void decode(JpegDecoder frame, EntropyReader in, Component[] scan, int predictor, int pt) {
        boolean single = scan.length == 1;
        int mcusX = single ? scan[0].width : JpegDecoder.ceilDiv(frame.width, frame.hMax);
        int mcusY = single ? scan[0].height : JpegDecoder.ceilDiv(frame.height, frame.vMax);
        if (frame.restartInterval > 0 && frame.restartInterval % mcusX != 0) {
            throw new PixelDataException("JPEG: a lossless restart interval of " + frame.restartInterval
                    + " MCUs that is not a whole number of lines of " + mcusX + " is not supported");
        }
        int initial = 1 << (frame.precision - pt - 1);
        if (single || allFullySampled(scan)) {
            decodeLines(frame, in, scan, predictor, initial, mcusX, mcusY);
            return;
        }
        int restart = 0;
        boolean firstLine = true;
        for (int my = 0, mcu = 0; my < mcusY; my++) {
            if (frame.restartInterval > 0 && mcu > 0 && mcu % frame.restartInterval == 0) {
                in.restart(restart);
                restart = (restart + 1) & 7;
                firstLine = true;
            }
            for (int mx = 0; mx < mcusX; mx++, mcu++) {
                for (Component c : scan) {
                    for (int v = 0; v < c.v; v++) {
                        for (int h = 0; h < c.h; h++) {
                            int y = my * c.v + v;
                            int x = mx * c.h + h;
                            int w = c.planeWidth;
                            int[] p = c.plane;
                            int i = y * w + x;
                            int prediction;
                            if (firstLine && v == 0) {
                                prediction = x == 0 ? initial : p[i - 1];
                            } else if (x == 0) {
                                prediction = p[i - w];
                            } else {
                                prediction = predict(predictor, p[i - 1], p[i - w], p[i - w - 1]);
                            }
                            p[i] = (prediction + difference(in, c.dcTable)) & 0xFFFF;
                        }
                    }
                }
            }
            firstLine = false;
        }
    }

    private static boolean allFullySampled(Component[] scan) {
        for (Component c : scan) {
            if (c.h != 1 || c.v != 1) {
                return false;
            }
        }
        return true;
    }

    /** The common case, line by line: one component, or components all sampled 1x1, interleaved sample by sample. */
    private static void decodeLines(JpegDecoder frame, EntropyReader in, Component[] scan, int predictor, int initial,
            int mcusX, int mcusY) {
        int n = scan.length;
        int[][] planes = new int[n][];
        HuffmanDecodingTable[] tables = new HuffmanDecodingTable[n];
        int w = scan[0].planeWidth;
        for (int c = 0; c < n; c++) {
            planes[c] = scan[c].plane;
            tables[c] = scan[c].dcTable;
            if (scan[c].planeWidth != w) {
                throw new PixelDataException("JPEG: interleaved lossless components of different widths");
            }
        }
        int restart = 0;
        boolean firstLine = true;
        for (int y = 0; y < mcusY; y++) {
            if (frame.restartInterval > 0 && y > 0 && (y * mcusX) % frame.restartInterval == 0) {
                in.restart(restart);
                restart = (restart + 1) & 7;
                firstLine = true;
            }
            int row = y * w;
            for (int c = 0; c < n; c++) {
                // The first sample of a line: the initial value on the first line, else the sample above.
                int[] p = planes[c];
                int prediction = firstLine ? initial : p[row - w];
                p[row] = (prediction + difference(in, tables[c])) & 0xFFFF;
            }
            if (n == 1) {
                decodeLine(in, tables[0], planes[0], row, w, mcusX, firstLine ? 1 : predictor);
            } else {
                int sel = firstLine ? 1 : predictor;
                for (int x = 1; x < mcusX; x++) {
                    int i = row + x;
                    for (int c = 0; c < n; c++) {
                        int[] p = planes[c];
                        p[i] = (predict(sel, p[i - 1], sel == 1 ? 0 : p[i - w], sel == 1 ? 0 : p[i - w - 1])
                                + difference(in, tables[c])) & 0xFFFF;
                    }
                }
            }
            firstLine = false;
        }
    }

    /** Samples 1.. of one line of a single-component scan, the predictor chosen once for the line. */
    private static void decodeLine(EntropyReader in, HuffmanDecodingTable table, int[] p, int row, int w, int count,
            int predictor) {
        int last = row + count;
        switch (predictor) {
            case 1 -> {
                int ra = p[row];
                for (int i = row + 1; i < last; i++) {
                    ra = (ra + difference(in, table)) & 0xFFFF;
                    p[i] = ra;
                }
            }
            case 2 -> {
                for (int i = row + 1; i < last; i++) {
                    p[i] = (p[i - w] + difference(in, table)) & 0xFFFF;
                }
            }
            default -> {
                for (int i = row + 1; i < last; i++) {
                    p[i] = (predict(predictor, p[i - 1], p[i - w], p[i - w - 1]) + difference(in, table)) & 0xFFFF;
                }
            }
        }
    }

    /** The predictions of T.81 Table H.1 from the left (a), above (b) and above-left (c) samples. */
    private static int predict(int selection, int a, int b, int c) {
        return switch (selection) {
            case 1 -> a;
            case 2 -> b;
            case 3 -> c;
            case 4 -> a + b - c;
            case 5 -> a + ((b - c) >> 1);
            case 6 -> b + ((a - c) >> 1);
            default -> (a + b) >> 1;
        };
    }

    /** A lossless difference (H.1.2.2): category 16 is 32768 with no extra bits. */
    private static int difference(EntropyReader in, HuffmanDecodingTable table) {
        int f = table.fastDifference[in.peek(HuffmanDecodingTable.LOOKAHEAD)];
        if (f != 0) {
            in.skip(f & 0xFF);
            return f >> 16;
        }
        int t = table.decode(in);
        if (t == 0) {
            return 0;
        }
        if (t > 16) {
            throw new PixelDataException("JPEG: lossless difference category " + t + " is out of range (corrupt data)");
        }
        return t == 16 ? 32768 : in.receiveExtend(t);
    }
}
