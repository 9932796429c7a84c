package org.lumen.ai.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Stroke;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.util.Locale;

/** One set of axes on a canvas: maps data to pixels and draws the frame, grid, tick labels and lines. */
final class PlotArea {
    static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
    static final Color AXIS = Color.BLACK;

    private final Graphics2D g;
    private final int left;
    private final int top;
    private final int width;
    private final int height;
    private final double xMin;
    private final double xMax;
    private final double yMin;
    private final double yMax;

    /** The axes occupy the pixel rectangle (left, top, width, height) and show [xMin, xMax] x [yMin, yMax]. */
    PlotArea(Graphics2D g, int left, int top, int width, int height, double xMin, double xMax, double yMin, double yMax) {
        this.g = g;
        this.left = left;
        this.top = top;
        this.width = width;
        this.height = height;
        this.xMin = xMin;
        this.xMax = xMax > xMin ? xMax : xMin + 1;
        this.yMin = yMin;
        this.yMax = yMax > yMin ? yMax : yMin + 1;
    }

    double x(double value) {
        return left + (value - xMin) / (xMax - xMin) * width;
    }

    double y(double value) {
        return top + height - (value - yMin) / (yMax - yMin) * height;
    }

    /** Grid lines and labelled ticks every {@code xStep} and {@code yStep}, the frame, and the axis titles. */
    void axes(double xStep, double yStep, String xLabel, String yLabel) {
        FontMetrics metrics = g.getFontMetrics();
        g.setStroke(new BasicStroke(1f));
        for (double v = firstTick(xMin, xStep); v <= xMax + xStep * 1e-9; v += xStep) {
            int px = (int) Math.round(x(v));
            g.setColor(GRID);
            g.drawLine(px, top, px, top + height);
            g.setColor(AXIS);
            g.drawLine(px, top + height, px, top + height + 4);
            String text = format(v, xStep);
            g.drawString(text, px - metrics.stringWidth(text) / 2, top + height + 6 + metrics.getAscent());
        }
        for (double v = firstTick(yMin, yStep); v <= yMax + yStep * 1e-9; v += yStep) {
            int py = (int) Math.round(y(v));
            g.setColor(GRID);
            g.drawLine(left, py, left + width, py);
            g.setColor(AXIS);
            g.drawLine(left - 4, py, left, py);
            String text = format(v, yStep);
            g.drawString(text, left - 7 - metrics.stringWidth(text), py + metrics.getAscent() / 2 - 1);
        }
        g.setColor(AXIS);
        g.drawRect(left, top, width, height);
        g.drawString(xLabel, left + (width - metrics.stringWidth(xLabel)) / 2, top + height + 12 + 2 * metrics.getAscent());
        AffineTransform saved = g.getTransform();
        g.rotate(-Math.PI / 2);
        g.drawString(yLabel, -(top + (height + metrics.stringWidth(yLabel)) / 2), left - 48);
        g.setTransform(saved);
    }

    /** A line through the points with finite coordinates (a NaN breaks nothing: that point is skipped). */
    void line(double[] xs, double[] ys, Color colour, Stroke stroke) {
        Path2D.Double path = new Path2D.Double();
        boolean started = false;
        for (int i = 0; i < xs.length; i++) {
            if (!Double.isFinite(xs[i]) || !Double.isFinite(ys[i])) {
                continue;
            }
            if (started) {
                path.lineTo(x(xs[i]), y(ys[i]));
            } else {
                path.moveTo(x(xs[i]), y(ys[i]));
                started = true;
            }
        }
        g.setColor(colour);
        g.setStroke(stroke);
        g.draw(path);
    }

    /** Where a legend sits inside the axes. */
    enum Corner { UPPER_LEFT, UPPER_RIGHT, LOWER_RIGHT }

    /** A legend entry (line sample and text) at row {@code row} counted from the corner. */
    void legend(int row, Corner corner, Color colour, String text) {
        FontMetrics metrics = g.getFontMetrics();
        int rowHeight = metrics.getHeight() + 2;
        int textWidth = metrics.stringWidth(text);
        int px = corner == Corner.UPPER_LEFT ? left + 12 : left + width - textWidth - 40;
        int py = corner == Corner.LOWER_RIGHT ? top + height - 10 - (row + 1) * rowHeight + metrics.getAscent()
                : top + 10 + row * rowHeight + metrics.getAscent();
        g.setColor(Color.WHITE);
        g.fillRect(px - 4, py - metrics.getAscent() - 1, textWidth + 36, rowHeight);
        g.setColor(colour);
        g.setStroke(new BasicStroke(3f));
        g.drawLine(px, py - metrics.getAscent() / 2, px + 22, py - metrics.getAscent() / 2);
        g.setColor(AXIS);
        g.drawString(text, px + 28, py);
    }

    /** A step of 1, 2 or 5 times a power of ten giving about {@code ticks} intervals over {@code range}. */
    static double niceStep(double range, int ticks) {
        if (!(range > 0)) {
            return 1;
        }
        double raw = range / ticks;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double fraction = raw / power;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * power;
    }

    private static double firstTick(double min, double step) {
        return Math.ceil(min / step - 1e-9) * step;
    }

    private static String format(double value, double step) {
        int decimals = step >= 1 ? 0 : (int) Math.ceil(-Math.log10(step) - 1e-9);
        return String.format(Locale.ROOT, "%." + decimals + "f", Math.abs(value) < step * 1e-9 ? 0.0 : value);
    }
}
