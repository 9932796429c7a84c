package org.lumen.server.dicomweb;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.lumen.dicom.io.DicomFile;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.ReadOptions;
import org.lumen.dicom.pixel.FrameRenderer;
import org.lumen.dicom.pixel.PixelData;
import org.lumen.dicom.pixel.PixelDataException;
import org.lumen.dicom.pixel.VoiFunction;
import org.lumen.dicom.pixel.Window;
import org.lumen.dicom.transcode.Transcoder;

/**
 * Renders one frame for people (PS3.18 8.3.5.1): the toolkit's {@link FrameRenderer} (modality and VOI transforms, the
 * requested window or the dataset's), then the viewport, then JPEG at the requested quality or PNG.
 */
final class Rendering {
    static final String JPEG = "image/jpeg";
    static final String PNG = "image/png";

    private Rendering() {
    }

    /**
     * What to render.
     *
     * @param window   the window asked for, or empty for the dataset's own
     * @param viewport output size and source region, or null for the frame as it is
     * @param quality  JPEG quality 1..100
     */
    record Params(Optional<Window> window, Viewport viewport, int quality) {
    }

    /**
     * PS3.18 viewport {@code vw,vh[,sx,sy,sw,sh]}: the output is exactly vw x vh; the source region (the whole frame by
     * default) is scaled to fit inside it keeping its aspect ratio and centred on black.
     */
    record Viewport(int width, int height, Integer sx, Integer sy, Integer sw, Integer sh) {
    }

    static BufferedImage render(DicomWebBackend.InstanceLocation instance, int frameIndex, Params params) throws IOException {
        DicomFile file = DicomReader.read(instance.path(), ReadOptions.DEFAULT);
        PixelData pixels = FramesHandler.pixels(file, Transcoder.sourceSyntax(file).uid());
        if (frameIndex >= pixels.frameCount()) {
            throw DicomWebException.notFound("Frame " + (frameIndex + 1) + " does not exist; the instance has "
                    + pixels.frameCount() + " frame(s)");
        }
        BufferedImage image;
        try {
            image = FrameRenderer.toImage(pixels, frameIndex, params.window());
        } catch (PixelDataException e) {
            throw new DicomWebException(DicomWebError.UNPROCESSABLE, null, "Cannot render the frame: " + e.getMessage(), e);
        }
        return params.viewport() == null ? image : fit(image, params.viewport());
    }

    static BufferedImage fit(BufferedImage image, Viewport v) {
        int sx = v.sx() == null ? 0 : v.sx();
        int sy = v.sy() == null ? 0 : v.sy();
        int sw = v.sw() == null ? image.getWidth() - sx : v.sw();
        int sh = v.sh() == null ? image.getHeight() - sy : v.sh();
        if (sw == 0 || sh == 0) {
            throw DicomWebException.badParameter("viewport", "The viewport's source region is empty");
        }
        double scale = Math.min(v.width() / (double) Math.abs(sw), v.height() / (double) Math.abs(sh));
        int w = Math.max(1, (int) Math.round(Math.abs(sw) * scale));
        int h = Math.max(1, (int) Math.round(Math.abs(sh) * scale));
        int dx = (v.width() - w) / 2;
        int dy = (v.height() - h) / 2;
        BufferedImage out = new BufferedImage(v.width(), v.height(), image.getType() == BufferedImage.TYPE_BYTE_GRAY
                ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.BLACK);
            g.fillRect(0, 0, v.width(), v.height());
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            // A negative sw or sh flips the region (drawImage maps corner to corner).
            g.drawImage(image, dx, dy, dx + w, dy + h, sx, sy, sx + sw, sy + sh, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** An image no larger than {@code size} on its longer side, aspect kept (thumbnails). */
    static BufferedImage shrink(BufferedImage image, int size) {
        double scale = Math.min(1.0, size / (double) Math.max(image.getWidth(), image.getHeight()));
        int w = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(image.getHeight() * scale));
        return fit(image, new Viewport(w, h, null, null, null, null));
    }

    static void write(BufferedImage image, String mediaType, int quality, OutputStream out) throws IOException {
        if (mediaType.equals(PNG)) {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("No PNG writer in this Java runtime");
            }
            out.flush();
            return;
        }
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        if (!writers.hasNext()) {
            throw new IOException("No JPEG writer in this Java runtime");
        }
        ImageWriter writer = writers.next();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality / 100f);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        out.flush();
    }

    /** Parses window=center,width[,function]; 400 naming "window". */
    static Optional<Window> parseWindow(String text, String parameter) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String[] p = text.split(",");
        try {
            if (p.length < 2 || p.length > 3) {
                throw new NumberFormatException();
            }
            double center = Double.parseDouble(p[0].trim());
            double width = Double.parseDouble(p[1].trim());
            VoiFunction function = p.length == 3 ? VoiFunction.of(p[2]) : VoiFunction.LINEAR;
            return Optional.of(new Window(center, width, function));
        } catch (NumberFormatException e) {
            throw DicomWebException.badParameter(parameter, parameter + " must be center,width[,function], got '" + text + "'");
        } catch (PixelDataException e) {
            throw DicomWebException.badParameter(parameter, e.getMessage());
        }
    }

    /** Parses viewport=vw,vh[,sx,sy,sw,sh]; 400 naming "viewport". */
    static Viewport parseViewport(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String[] p = text.split(",", -1);
        try {
            if (p.length != 2 && p.length != 6) {
                throw new NumberFormatException();
            }
            int vw = Integer.parseInt(p[0].trim());
            int vh = Integer.parseInt(p[1].trim());
            if (vw < 1 || vh < 1 || vw > 8192 || vh > 8192) {
                throw DicomWebException.badParameter("viewport", "viewport width and height must be 1 to 8192, got "
                        + vw + "," + vh);
            }
            if (p.length == 2) {
                return new Viewport(vw, vh, null, null, null, null);
            }
            return new Viewport(vw, vh, opt(p[2]), opt(p[3]), opt(p[4]), opt(p[5]));
        } catch (NumberFormatException e) {
            throw DicomWebException.badParameter("viewport", "viewport must be vw,vh or vw,vh,sx,sy,sw,sh, got '" + text + "'");
        }
    }

    private static Integer opt(String s) {
        return s.isBlank() ? null : Integer.parseInt(s.trim());
    }

    static int parseQuality(String text, String parameter) {
        if (text == null || text.isBlank()) {
            return 90;
        }
        try {
            int q = Integer.parseInt(text.trim());
            if (q < 1 || q > 100) {
                throw new NumberFormatException();
            }
            return q;
        } catch (NumberFormatException e) {
            throw DicomWebException.badParameter(parameter, parameter + " must be an integer from 1 to 100, got '" + text + "'");
        }
    }

    /** image/jpeg unless the client prefers image/png; 406 when it takes neither. */
    static String chooseType(AcceptHeader accept) {
        String chosen = accept.firstSingle(java.util.List.of(JPEG, PNG));
        if (chosen == null) {
            throw DicomWebException.notAcceptable(accept.raw(), "image/jpeg or image/png");
        }
        return chosen;
    }
}
