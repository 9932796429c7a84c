package org.lumen.image.png;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Writes 8-bit grey and RGB pixels as PNG with the JDK's encoder. */
public final class PngWriter {
    private PngWriter() {
    }

    /** Writes {@code width * height} grey levels, row by row from the top-left. */
    public static void writeGray8(byte[] pixels, int width, int height, Path file) throws IOException {
        checkSize(pixels, width, height, 1);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] raster = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        System.arraycopy(pixels, 0, raster, 0, pixels.length);
        write(image, file);
    }

    /** Writes {@code width * height} pixels of three bytes each (red, green, blue), row by row from the top-left. */
    public static void writeRgb8(byte[] pixels, int width, int height, Path file) throws IOException {
        checkSize(pixels, width, height, 3);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        byte[] raster = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int p = 0; p < pixels.length; p += 3) {
            raster[p] = pixels[p + 2];
            raster[p + 1] = pixels[p + 1];
            raster[p + 2] = pixels[p];
        }
        write(image, file);
    }

    private static void checkSize(byte[] pixels, int width, int height, int samplesPerPixel) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("image size must be at least 1 x 1, got " + width + " x " + height);
        }
        long expected = (long) width * height * samplesPerPixel;
        if (pixels == null || pixels.length != expected) {
            throw new IllegalArgumentException(width + " x " + height + " pixels of " + samplesPerPixel + " byte(s) need "
                    + expected + " bytes, got " + (pixels == null ? "none" : pixels.length));
        }
    }

    private static void write(BufferedImage image, Path file) throws IOException {
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG encoder available in this JDK to write " + file);
        }
    }
}
