package org.lumen.ai.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.lumen.ai.eval.BinaryEvaluation;
import org.lumen.ai.eval.ReliabilityBin;
import org.lumen.ai.eval.RocPoint;

/**
 * The evaluation and training plots of model cards, drawn with Java2D (headless) and written as PNG: ROC curve,
 * reliability diagram, training curves. Each returns the image it wrote so callers can embed or test it.
 */
public final class Charts {
    /** Colour of the model's curve in every chart (ROC, observed rate, training loss). */
    public static final Color CURVE = new Color(0x1F, 0x77, 0xB4);
    /** Colour of the second curve (validation loss) and of the training chart's AUC line. */
    public static final Color SECOND = new Color(0xD6, 0x27, 0x28);
    public static final Color REFERENCE = new Color(0x88, 0x88, 0x88);
    public static final int WIDTH = 640;
    public static final int HEIGHT = 560;
    public static final int TRAINING_WIDTH = 1100;
    public static final int TRAINING_HEIGHT = 480;

    private static final Stroke CURVE_STROKE = new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    private static final Stroke DASHED = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {6f, 5f}, 0f);

    static {
        // Java2D needs no display for BufferedImage drawing; say so before any AWT class loads a toolkit.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private Charts() {
    }

    /** The ROC curve of an evaluation, its AUC and interval in the title. */
    public static BufferedImage roc(BinaryEvaluation evaluation, String title, Path out) throws IOException {
        return roc(evaluation.roc(), evaluation.auc(), evaluation.aucCiLow(), evaluation.aucCiHigh(), title, out);
    }

    /** The reliability diagram of an evaluation, its ECE in the title. */
    public static BufferedImage reliability(BinaryEvaluation evaluation, String title, Path out) throws IOException {
        return reliability(evaluation.reliability(), evaluation.ece(), title, out);
    }

    /** The ROC curve with the chance diagonal; {@code auc} (and its interval, if finite) in the title. */
    public static BufferedImage roc(List<RocPoint> curve, double auc, double ciLow, double ciHigh, String title, Path out)
            throws IOException {
        BufferedImage image = canvas(WIDTH, HEIGHT);
        Graphics2D g = graphics(image);
        String ci = Double.isFinite(ciLow) && Double.isFinite(ciHigh)
                ? String.format(Locale.ROOT, " (95%% CI %.3f-%.3f)", ciLow, ciHigh) : "";
        title(g, WIDTH, title + " - AUC " + String.format(Locale.ROOT, "%.3f", auc) + ci);
        PlotArea area = new PlotArea(g, 80, 50, WIDTH - 110, HEIGHT - 130, 0, 1, 0, 1);
        area.axes(0.1, 0.1, "False positive rate (1 - specificity)", "True positive rate (sensitivity)");
        area.line(new double[] {0, 1}, new double[] {0, 1}, REFERENCE, DASHED);
        double[] fpr = new double[curve.size()];
        double[] tpr = new double[curve.size()];
        for (int i = 0; i < curve.size(); i++) {
            fpr[i] = curve.get(i).falsePositiveRate();
            tpr[i] = curve.get(i).truePositiveRate();
        }
        area.line(fpr, tpr, CURVE, CURVE_STROKE);
        area.legend(0, PlotArea.Corner.LOWER_RIGHT, CURVE, "model");
        area.legend(1, PlotArea.Corner.LOWER_RIGHT, REFERENCE, "chance");
        return write(image, g, out);
    }

    /**
     * The reliability diagram: observed positive rate of each bin as a bar over the bin, the mean prediction of the bin as
     * a point joined by a line, the diagonal of perfect calibration, and each bin's count above it; ECE in the title.
     */
    public static BufferedImage reliability(List<ReliabilityBin> bins, double ece, String title, Path out)
            throws IOException {
        BufferedImage image = canvas(WIDTH, HEIGHT);
        Graphics2D g = graphics(image);
        title(g, WIDTH, title + " - ECE " + String.format(Locale.ROOT, "%.3f", ece));
        PlotArea area = new PlotArea(g, 80, 50, WIDTH - 110, HEIGHT - 130, 0, 1, 0, 1.1);
        area.axes(0.1, 0.1, "Predicted probability", "Observed positive rate");
        FontMetrics metrics = g.getFontMetrics();
        double[] xs = new double[bins.size()];
        double[] ys = new double[bins.size()];
        Color bar = new Color(CURVE.getRed(), CURVE.getGreen(), CURVE.getBlue(), 90);
        for (int i = 0; i < bins.size(); i++) {
            ReliabilityBin b = bins.get(i);
            xs[i] = b.meanPredicted();
            ys[i] = b.observedRate();
            int x0 = (int) Math.round(area.x(b.lower())) + 2;
            int x1 = (int) Math.round(area.x(b.upper())) - 2;
            if (b.count() > 0) {
                int yTop = (int) Math.round(area.y(b.observedRate()));
                g.setColor(bar);
                g.fillRect(x0, yTop, x1 - x0, (int) Math.round(area.y(0)) - yTop);
            }
            String count = "n=" + b.count();
            g.setColor(Color.DARK_GRAY);
            g.drawString(count, (x0 + x1 - metrics.stringWidth(count)) / 2, (int) Math.round(area.y(1.04)));
        }
        area.line(new double[] {0, 1}, new double[] {0, 1}, REFERENCE, DASHED);
        area.line(xs, ys, CURVE, CURVE_STROKE);
        g.setColor(CURVE);
        for (int i = 0; i < xs.length; i++) {
            if (Double.isFinite(xs[i]) && Double.isFinite(ys[i])) {
                g.fillOval((int) Math.round(area.x(xs[i])) - 4, (int) Math.round(area.y(ys[i])) - 4, 9, 9);
            }
        }
        // rows 1 and 2: row 0 is level with the bin counts
        area.legend(1, PlotArea.Corner.UPPER_LEFT, CURVE, "observed rate at mean prediction");
        area.legend(2, PlotArea.Corner.UPPER_LEFT, REFERENCE, "perfect calibration");
        return write(image, g, out);
    }

    /** Two panels: training and validation loss per epoch, and validation AUC per epoch. */
    public static BufferedImage trainingCurves(List<CurvePoint> points, String title, Path out) throws IOException {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("no epochs to plot");
        }
        BufferedImage image = canvas(TRAINING_WIDTH, TRAINING_HEIGHT);
        Graphics2D g = graphics(image);
        title(g, TRAINING_WIDTH, title);
        int n = points.size();
        double[] epochs = new double[n];
        double[] train = new double[n];
        double[] val = new double[n];
        double[] auc = new double[n];
        double lossMax = 0;
        double aucMin = 1;
        for (int i = 0; i < n; i++) {
            CurvePoint p = points.get(i);
            epochs[i] = p.epoch();
            train[i] = p.trainLoss();
            val[i] = p.valLoss();
            auc[i] = p.valAuc();
            lossMax = Math.max(lossMax, finiteOr(p.trainLoss(), 0));
            lossMax = Math.max(lossMax, finiteOr(p.valLoss(), 0));
            aucMin = Math.min(aucMin, finiteOr(p.valAuc(), 1));
        }
        double first = epochs[0];
        double last = Math.max(epochs[n - 1], first + 1);
        double epochStep = Math.max(1, PlotArea.niceStep(last - first, 8));
        int panel = (TRAINING_WIDTH - 60) / 2;
        double lossStep = PlotArea.niceStep(lossMax, 6);
        double lossTop = Math.max(lossStep, Math.ceil(lossMax / lossStep) * lossStep);
        PlotArea loss = new PlotArea(g, 80, 50, panel - 100, TRAINING_HEIGHT - 130, first, last, 0, lossTop);
        loss.axes(epochStep, lossStep, "Epoch", "Loss");
        loss.line(epochs, train, CURVE, CURVE_STROKE);
        loss.line(epochs, val, SECOND, CURVE_STROKE);
        loss.legend(0, PlotArea.Corner.UPPER_RIGHT, CURVE, "training loss");
        loss.legend(1, PlotArea.Corner.UPPER_RIGHT, SECOND, "validation loss");

        double aucBottom = Math.max(0, Math.floor(Math.min(aucMin, 0.9) * 10) / 10 - 0.1);
        PlotArea aucArea = new PlotArea(g, 80 + panel + 20, 50, panel - 100, TRAINING_HEIGHT - 130, first, last,
                aucBottom, 1);
        aucArea.axes(epochStep, PlotArea.niceStep(1 - aucBottom, 6), "Epoch", "Validation AUC");
        aucArea.line(epochs, auc, SECOND, CURVE_STROKE);
        aucArea.legend(0, PlotArea.Corner.LOWER_RIGHT, SECOND, "validation AUC");
        return write(image, g, out);
    }

    private static double finiteOr(double value, double fallback) {
        return Double.isFinite(value) ? value : fallback;
    }

    private static BufferedImage canvas(int width, int height) {
        return new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    }

    private static Graphics2D graphics(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        return g;
    }

    private static void title(Graphics2D g, int width, String text) {
        Font font = g.getFont();
        g.setFont(font.deriveFont(Font.BOLD, 16f));
        g.setColor(Color.BLACK);
        g.drawString(text, (width - g.getFontMetrics().stringWidth(text)) / 2, 30);
        g.setFont(font);
    }

    private static BufferedImage write(BufferedImage image, Graphics2D g, Path out) throws IOException {
        g.dispose();
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!ImageIO.write(image, "png", out.toFile())) {
            throw new IOException("No PNG writer in this Java runtime");
        }
        return image;
    }
}
