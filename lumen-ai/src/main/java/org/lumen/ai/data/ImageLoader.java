package org.lumen.ai.data;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.io.DicomFile;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.pixel.PixelData;
import org.lumen.dicom.pixel.Window;
import org.lumen.image.Volume;
import org.lumen.image.nifti.NiftiException;
import org.lumen.image.nifti.NiftiReader;
import org.lumen.image.png.Windowing;

/**
 * Reads one PNG, JPEG, DICOM or NIfTI file into a {@link RawImage} on the 0-255 display scale the models are trained on:
 * <ul>
 * <li>PNG/JPEG: grey images give one channel, anything else (colour, palette) three; alpha is dropped; 16-bit grey is
 *     scaled to 0-255.</li>
 * <li>DICOM: through lumen-dicom's pixel pipeline as {@code lumen dicom render} shows it: modality transform (rescale or
 *     LUT), then the given window, else the file's own window or VOI LUT, else the frame's range; MONOCHROME1 inverted.
 *     Colour images give three channels. One frame gives {@code {C,H,W}}, several frames a volume {@code {C,D,H,W}}.</li>
 * <li>NIfTI: the voxels through the given window, else the volume's range; one slice gives {@code {1,H,W}}, more a
 *     volume {@code {1,D,H,W}} in stored order (x fastest, no reorientation).</li>
 * </ul>
 * The format is recognised from the content (PNG, JPEG, DICOM "DICM" magic) and, for NIfTI and preamble-less DICOM,
 * from the name ({@code .nii}, {@code .nii.gz}, {@code .dcm}).
 */
public final class ImageLoader {
    public static final String PNG = "png";
    public static final String JPEG = "jpeg";
    public static final String DICOM = "dicom";
    public static final String NIFTI = "nifti";

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private ImageLoader() {
    }

    /** The image with the file's own window (DICOM) or range (NIfTI). */
    public static RawImage load(Path file) throws IOException {
        return load(file, (double[]) null);
    }

    /** The image with the window of {@code p} when it declares one: what a model with this preprocessing must see. */
    public static RawImage load(Path file, Preprocessing p) throws IOException {
        return load(file, p.window());
    }

    /**
     * @param window {centre, width} for DICOM and NIfTI values, or null for the file's own
     * @throws ImageReadException naming the file when it is none of the formats or cannot be decoded
     */
    public static RawImage load(Path file, double[] window) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new ImageReadException(file, "no such file");
        }
        String kind = kindOf(file);
        if (kind == null) {
            throw new ImageReadException(file, "not a PNG, JPEG, DICOM (.dcm or DICM header) or NIfTI (.nii, .nii.gz) file");
        }
        return switch (kind) {
            case PNG, JPEG -> picture(file, kind);
            case DICOM -> dicom(file, window);
            default -> nifti(file, window);
        };
    }

    /** The kind of image the file holds, or null when it is none of them. */
    public static String kindOf(Path file) throws IOException {
        byte[] head = new byte[132];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n >= 8 && (head[0] & 0xFF) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G') {
            return PNG;
        }
        if (n >= 3 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8 && (head[2] & 0xFF) == 0xFF) {
            return JPEG;
        }
        if (n == 132 && head[128] == 'D' && head[129] == 'I' && head[130] == 'C' && head[131] == 'M') {
            return DICOM;
        }
        if (name.endsWith(".nii") || name.endsWith(".nii.gz")) {
            return NIFTI;
        }
        if (name.endsWith(".dcm")) {
            return DICOM;
        }
        return null;
    }

    private static RawImage picture(Path file, String kind) throws IOException {
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new ImageReadException(file, "cannot decode the " + kind.toUpperCase(Locale.ROOT) + " image: " + e.getMessage(), e);
        }
        if (image == null) {
            throw new ImageReadException(file, "no decoder in this Java runtime accepts this " + kind.toUpperCase(Locale.ROOT)
                    + " image");
        }
        int w = image.getWidth();
        int h = image.getHeight();
        Raster raster = image.getRaster();
        boolean grey = image.getColorModel().getColorSpace().getType() == java.awt.color.ColorSpace.TYPE_GRAY
                && !(image.getColorModel() instanceof java.awt.image.IndexColorModel);
        if (grey) {
            int bits = image.getColorModel().getComponentSize(0);
            float scale = bits == 8 ? 1f : 255f / ((1 << bits) - 1);
            float[] values = new float[w * h];
            raster.getSamples(0, 0, w, h, 0, values);
            if (scale != 1f) {
                for (int i = 0; i < values.length; i++) {
                    values[i] *= scale;
                }
            }
            return new RawImage(values, new int[] {1, h, w}, kind, null, null);
        }
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        return new RawImage(planes(argb), new int[] {3, h, w}, kind, null, null);
    }

    /** Packed 0x..RRGGBB pixels as three channel planes. */
    private static float[] planes(int[] rgb) {
        int plane = rgb.length;
        float[] values = new float[3 * plane];
        for (int i = 0; i < plane; i++) {
            values[i] = (rgb[i] >> 16) & 0xFF;
            values[plane + i] = (rgb[i] >> 8) & 0xFF;
            values[2 * plane + i] = rgb[i] & 0xFF;
        }
        return values;
    }

    private static RawImage dicom(Path file, double[] window) throws IOException {
        DicomFile dicom;
        try {
            dicom = DicomReader.read(file);
        } catch (IOException e) {
            throw new ImageReadException(file, "not readable as DICOM: " + e.getMessage(), e);
        }
        Attributes dataset = dicom.dataset();
        if (!dataset.contains(Tag.PixelData) && !dataset.contains(Tag.FloatPixelData) && !dataset.contains(Tag.DoubleFloatPixelData)) {
            throw new ImageReadException(file, "DICOM object without pixel data (SOP Class "
                    + dataset.getString(Tag.SOPClassUID, "unknown") + ")");
        }
        Optional<Window> voi = window == null ? Optional.empty() : Optional.of(Window.of(window[0], window[1]));
        try {
            PixelData pixels = PixelData.of(dicom);
            int rows = pixels.description().rows();
            int columns = pixels.description().columns();
            int frames = pixels.frameCount();
            boolean monochrome = pixels.description().photometric().isMonochrome();
            int channels = monochrome ? 1 : 3;
            int plane = rows * columns;
            float[] values = new float[channels * frames * plane];
            for (int f = 0; f < frames; f++) {
                if (monochrome) {
                    byte[] grey = pixels.renderGray8(f, voi);
                    for (int i = 0; i < plane; i++) {
                        values[f * plane + i] = grey[i] & 0xFF;
                    }
                } else {
                    float[] rgb = planes(pixels.renderRgb(f));
                    for (int c = 0; c < 3; c++) {
                        System.arraycopy(rgb, c * plane, values, (c * frames + f) * plane, plane);
                    }
                }
            }
            int[] shape = frames == 1 ? new int[] {channels, rows, columns} : new int[] {channels, frames, rows, columns};
            return new RawImage(values, shape, DICOM, blankToNull(dataset.getString(Tag.Modality)),
                    blankToNull(dataset.getString(Tag.BodyPartExamined)));
        } catch (RuntimeException e) {
            throw new ImageReadException(file, "cannot decode the DICOM pixel data: " + e.getMessage(), e);
        }
    }

    private static RawImage nifti(Path file, double[] window) throws IOException {
        Volume volume;
        try {
            volume = NiftiReader.read(file);
        } catch (NiftiException e) {
            throw new ImageReadException(file, "not readable as NIfTI: " + e.getMessage(), e);
        }
        float[] voxels = volume.data();
        org.lumen.image.png.Window voi;
        try {
            voi = window == null ? Windowing.auto(voxels) : new org.lumen.image.png.Window(window[0], window[1]);
        } catch (IllegalArgumentException e) {
            throw new ImageReadException(file, e.getMessage(), e);
        }
        byte[] levels = Windowing.apply(voxels, voi);
        float[] values = new float[levels.length];
        for (int i = 0; i < levels.length; i++) {
            values[i] = levels[i] & 0xFF;
        }
        int[] shape = volume.nz() == 1 ? new int[] {1, volume.ny(), volume.nx()}
                : new int[] {1, volume.nz(), volume.ny(), volume.nx()};
        return new RawImage(values, shape, NIFTI, null, null);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
