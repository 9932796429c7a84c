package org.lumen.dicom.pixel;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.io.DicomFile;

/** Renders one frame to an image: 8-bit grey for monochrome pixel data, 8-bit RGB for colour. Frame indexes are 0-based. */
public final class FrameRenderer {
    private FrameRenderer() {
    }

    /** Writes frame {@code frame} of the dataset as PNG (see {@link PixelData#of(Attributes)} for the transfer syntax). */
    public static void toPng(Attributes dataset, int frame, Optional<Window> window, OutputStream out) throws IOException {
        toPng(PixelData.of(dataset), frame, window, out);
    }

    public static void toPng(DicomFile file, int frame, Optional<Window> window, OutputStream out) throws IOException {
        toPng(PixelData.of(file), frame, window, out);
    }

    public static void toPng(PixelData pixels, int frame, Optional<Window> window, OutputStream out) throws IOException {
        if (!ImageIO.write(toImage(pixels, frame, window), "png", out)) {
            throw new IOException("No PNG writer in this Java runtime");
        }
    }

    /** Frame {@code frame} as a {@link BufferedImage}: TYPE_BYTE_GRAY for monochrome, TYPE_INT_RGB otherwise. */
    public static BufferedImage toImage(PixelData pixels, int frame, Optional<Window> window) {
        ImagePixelDescription d = pixels.description();
        if (d.photometric().isMonochrome()) {
            byte[] grey = pixels.renderGray8(frame, window);
            BufferedImage image = new BufferedImage(d.columns(), d.rows(), BufferedImage.TYPE_BYTE_GRAY);
            byte[] target = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
            System.arraycopy(grey, 0, target, 0, grey.length);
            return image;
        }
        int[] rgb = pixels.renderRgb(frame);
        BufferedImage image = new BufferedImage(d.columns(), d.rows(), BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, d.columns(), d.rows(), rgb, 0, d.columns());
        return image;
    }
}
