package org.lumen.ai.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumen.ai.eval.BinaryEvaluation;

class ChartsTest {
    private static BinaryEvaluation evaluation;

    @TempDir
    Path dir;

    @BeforeAll
    static void evaluate() {
        Random random = new Random(5);
        double[] scores = new double[400];
        int[] labels = new int[400];
        for (int i = 0; i < scores.length; i++) {
            labels[i] = random.nextDouble() < 0.4 ? 1 : 0;
            scores[i] = 1 / (1 + Math.exp(-(random.nextGaussian() * 1.2 + (labels[i] == 1 ? 1.0 : -1.0))));
        }
        evaluation = BinaryEvaluation.of(scores, labels, 1, 0.5);
    }

    @Test
    void rocPngHasTheSizeAndTheCurve() throws IOException {
        Path out = dir.resolve("nested/roc.png");
        Charts.roc(evaluation, "pneumonia-cxr validation", out);
        BufferedImage png = ImageIO.read(out.toFile());
        assertThat(png.getWidth()).isEqualTo(Charts.WIDTH);
        assertThat(png.getHeight()).isEqualTo(Charts.HEIGHT);
        assertThat(count(png, Charts.CURVE)).isGreaterThan(200);
        assertThat(count(png, Charts.REFERENCE)).as("diagonal").isGreaterThan(100);
        assertThat(count(png, Color.BLACK)).as("axes and text").isGreaterThan(500);
        // above the diagonal: at x = 0.3 of the axis (pixels 80 + 0.3 * 530) the curve lies in the upper part
        int column = 80 + (int) (0.3 * (Charts.WIDTH - 110));
        int firstCurveRow = -1;
        for (int y = 50; y < Charts.HEIGHT - 80 && firstCurveRow < 0; y++) {
            if (png.getRGB(column, y) == Charts.CURVE.getRGB()) {
                firstCurveRow = y;
            }
        }
        int diagonalRow = 50 + (int) ((1 - 0.3) * (Charts.HEIGHT - 130));
        assertThat(firstCurveRow).isPositive().isLessThan(diagonalRow);
    }

    @Test
    void reliabilityPngShowsBarsAndCurve() throws IOException {
        Path out = dir.resolve("reliability.png");
        BufferedImage drawn = Charts.reliability(evaluation, "calibration", out);
        BufferedImage png = ImageIO.read(out.toFile());
        assertThat(png.getWidth()).isEqualTo(drawn.getWidth()).isEqualTo(Charts.WIDTH);
        assertThat(count(png, Charts.CURVE)).isGreaterThan(100);
        assertThat(distinctColours(png)).as("bars blended over white").isGreaterThan(20);
    }

    @Test
    void trainingCurvesPngHasBothPanels() throws IOException {
        List<CurvePoint> points = new ArrayList<>();
        for (int epoch = 1; epoch <= 12; epoch++) {
            points.add(new CurvePoint(epoch, 0.7 / epoch + 0.1, 0.6 / Math.sqrt(epoch) + 0.15,
                    epoch == 3 ? Double.NaN : 0.99 - 0.3 / epoch));
        }
        Path out = dir.resolve("training.png");
        Charts.trainingCurves(points, "breast-us training", out);
        BufferedImage png = ImageIO.read(out.toFile());
        assertThat(png.getWidth()).isEqualTo(Charts.TRAINING_WIDTH);
        assertThat(png.getHeight()).isEqualTo(Charts.TRAINING_HEIGHT);
        int half = png.getWidth() / 2;
        assertThat(count(png.getSubimage(0, 0, half, png.getHeight()), Charts.CURVE)).as("training loss").isGreaterThan(100);
        assertThat(count(png.getSubimage(0, 0, half, png.getHeight()), Charts.SECOND)).as("validation loss").isGreaterThan(100);
        assertThat(count(png.getSubimage(half, 0, half, png.getHeight()), Charts.SECOND)).as("AUC").isGreaterThan(100);
        assertThatThrownBy(() -> Charts.trainingCurves(List.of(), "x", out)).hasMessageContaining("no epochs");
    }

    private static int count(BufferedImage image, Color colour) {
        int wanted = colour.getRGB() & 0xFFFFFF;
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == wanted) {
                    n++;
                }
            }
        }
        return n;
    }

    private static int distinctColours(BufferedImage image) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
