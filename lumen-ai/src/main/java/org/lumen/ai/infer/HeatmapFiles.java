package org.lumen.ai.infer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.lumen.ai.data.ImagePreparer;
import org.lumen.ai.data.Preprocessing;
import org.lumen.image.Geometry;
import org.lumen.image.Volume;
import org.lumen.image.VoxelType;
import org.lumen.image.nifti.NiftiException;
import org.lumen.image.nifti.NiftiWriter;
import org.lumen.image.png.PngWriter;

/**
 * Writes Grad-CAM maps for people to look at: a 2D overlay PNG (the image in grey, the map in colour from blue through
 * green to red, more opaque where the evidence is stronger), and for 3D a NIfTI of the map plus a PNG of the three middle
 * slices (axial, coronal, sagittal) with the same overlay. Images and maps are resampled through {@link ImagePreparer},
 * the one resize in Lumen.
 */
public final class HeatmapFiles {
    /** Longest side of a 2D overlay: small model inputs are enlarged to be seen, large originals reduced. */
    static final int MIN_SIDE = 256;
    static final int MAX_SIDE = 512;
    /** Longest side of one panel of the 3D middle-slice picture. */
    static final int PANEL_SIDE = 192;

    private HeatmapFiles() {
    }

    /**
     * Writes a 2D overlay. {@code image} is any channels-first {@code {C, H, W}} image (the original or the prepared one;
     * its values are scaled min-max for display); the map is resampled to it.
     */
    public static void overlayPng(float[] image, int[] imageShape, Heatmap heat, Path png) throws IOException {
        if (imageShape.length != 3 || heat.dimensions() != 2) {
            throw new IllegalArgumentException("a 2D overlay needs a {C, H, W} image and a 2D map, not "
                    + Arrays.toString(imageShape) + " and " + Arrays.toString(heat.size()));
        }
        int[] display = displaySize(imageShape[1], imageShape[2]);
        float[] grey = ImagePreparer.prepare(image, imageShape, new Preprocessing(display, 1, 0f, 1f, null));
        float[] values = heat.resized(display).values();
        PngWriter.writeRgb8(blend(grey, values), display[1], display[0], png);
    }

    /** Writes a 3D map as a NIfTI volume in the model's input grid (x = width, y = height, z = depth; unit spacing). */
    public static void nifti(Heatmap heat, Path file) throws NiftiException {
        int[] size = requireVolume(heat);
        NiftiWriter.write(new Volume(size[2], size[1], size[0], heat.values().clone(), VoxelType.FLOAT32,
                Geometry.identity()), file);
    }

    /**
     * Writes the middle axial, coronal and sagittal slices of a {@code {C, D, H, W}} volume side by side, each with its
     * slice of the map.
     */
    public static void middleSlicesPng(float[] volume, int[] volumeShape, Heatmap heat, Path png) throws IOException {
        requireVolume(heat);
        if (volumeShape.length != 4) {
            throw new IllegalArgumentException("middle slices need a {C, D, H, W} volume, not " + Arrays.toString(volumeShape));
        }
        int[] spatial = Arrays.copyOfRange(volumeShape, 1, 4);
        float[] grey = ImagePreparer.prepare(volume, volumeShape, new Preprocessing(spatial, 1, 0f, 1f, null));
        float[] values = heat.resized(spatial).values();
        int depth = spatial[0];
        int height = spatial[1];
        int width = spatial[2];
        Panel axial = panel(grey, values, height, width, (r, c) -> index(depth / 2, r, c, height, width));
        Panel coronal = panel(grey, values, depth, width, (r, c) -> index(depth - 1 - r, height / 2, c, height, width));
        Panel sagittal = panel(grey, values, depth, height, (r, c) -> index(depth - 1 - r, c, width / 2, height, width));
        Panel[] panels = {axial, coronal, sagittal};
        int outHeight = 0;
        int outWidth = 0;
        for (Panel p : panels) {
            outHeight = Math.max(outHeight, p.height);
            outWidth += p.width;
        }
        byte[] rgb = new byte[outHeight * outWidth * 3];
        int left = 0;
        for (Panel p : panels) {
            for (int r = 0; r < p.height; r++) {
                System.arraycopy(p.rgb, r * p.width * 3, rgb, (r * outWidth + left) * 3, p.width * 3);
            }
            left += p.width;
        }
        PngWriter.writeRgb8(rgb, outWidth, outHeight, png);
    }

    private record Panel(byte[] rgb, int width, int height) {
    }

    private interface SliceIndex {
        int at(int row, int column);
    }

    private static Panel panel(float[] grey, float[] heat, int rows, int columns, SliceIndex index) {
        float[] greySlice = new float[rows * columns];
        float[] heatSlice = new float[rows * columns];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                greySlice[r * columns + c] = grey[index.at(r, c)];
                heatSlice[r * columns + c] = heat[index.at(r, c)];
            }
        }
        double scale = (double) PANEL_SIDE / Math.max(rows, columns);
        int[] display = {Math.max(1, (int) Math.round(rows * scale)), Math.max(1, (int) Math.round(columns * scale))};
        Preprocessing resize = new Preprocessing(display, 1, 0f, 1f, null);
        float[] g = ImagePreparer.prepare(greySlice, new int[] {1, rows, columns}, resize);
        float[] h = ImagePreparer.prepare(heatSlice, new int[] {1, rows, columns}, resize);
        return new Panel(blend(g, h), display[1], display[0]);
    }

    private static int index(int z, int y, int x, int height, int width) {
        return (z * height + y) * width + x;
    }

    private static int[] requireVolume(Heatmap heat) {
        if (heat.dimensions() != 3) {
            throw new IllegalArgumentException("a 3D map is needed, not " + Arrays.toString(heat.size()));
        }
        return heat.size();
    }

    /** Longest side between {@link #MIN_SIDE} and {@link #MAX_SIDE}, aspect kept. */
    static int[] displaySize(int height, int width) {
        int longest = Math.max(height, width);
        double scale = longest < MIN_SIDE ? (double) MIN_SIDE / longest : longest > MAX_SIDE ? (double) MAX_SIDE / longest : 1;
        return new int[] {Math.max(1, (int) Math.round(height * scale)), Math.max(1, (int) Math.round(width * scale))};
    }

    /** Grey (scaled min-max to 0..255) under the map's colour, the colour's opacity growing with the map's value. */
    static byte[] blend(float[] grey, float[] heat) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : grey) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        float range = max > min ? max - min : 1f;
        byte[] rgb = new byte[grey.length * 3];
        for (int i = 0; i < grey.length; i++) {
            float g = (grey[i] - min) / range;
            float t = Math.max(0f, Math.min(1f, heat[i]));
            float alpha = 0.6f * t;
            rgb[3 * i] = toByte((1 - alpha) * g + alpha * ramp(4 * t - 3));
            rgb[3 * i + 1] = toByte((1 - alpha) * g + alpha * ramp(4 * t - 2));
            rgb[3 * i + 2] = toByte((1 - alpha) * g + alpha * ramp(4 * t - 1));
        }
        return rgb;
    }

    /** One channel of the blue-cyan-green-yellow-red scale: a tent 1.5 - |x| clipped to [0, 1]. */
    private static float ramp(float x) {
        return Math.max(0f, Math.min(1f, 1.5f - Math.abs(x)));
    }

    private static byte toByte(float unit) {
        return (byte) Math.round(Math.max(0f, Math.min(1f, unit)) * 255f);
    }
}
