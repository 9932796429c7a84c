package org.lumen.ai.data.npz;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.lumen.ai.data.LabelledImages;

/**
 * Reads one split of a MedMNIST-style {@code .npz} (a zip of {@code .npy} arrays named {@code <split>_images} and
 * {@code <split>_labels}) into {@link LabelledImages}. Images of shape (N, H, W) or (N, D, H, W) become one channel;
 * (N, H, W, 3) colour images become three channels first. Labels of shape (N) or (N, 1) are class indices; the class
 * names are "0", "1", ... unless given. A file may hold only some splits (an evaluation file may hold only
 * {@code test_*}); asking for a missing split names the splits that are there.
 */
public final class NpzReader {
    private NpzReader() {
    }

    public static LabelledImages read(Path file, String split) throws IOException {
        return read(file, split, null);
    }

    /** Reads {@code split}, naming the classes {@code classNames} (null: by index, as many as the labels need). */
    public static LabelledImages read(Path file, String split, List<String> classNames) throws IOException {
        float[][] images = null;
        long[] imageShape = null;
        int[] labels = null;
        Set<String> arrays = new TreeSet<>();
        try (ZipInputStream zip = new ZipInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                String name = entry.getName().replaceFirst("\\.npy$", "");
                arrays.add(name);
                if (name.equals(split + "_images")) {
                    NpyHeader header = NpyHeader.read(zip, file.getFileName() + ":" + name);
                    imageShape = header.shape();
                    images = readImages(zip, header, file.getFileName() + ":" + name);
                } else if (name.equals(split + "_labels")) {
                    labels = readLabels(zip, NpyHeader.read(zip, file.getFileName() + ":" + name), name);
                }
            }
        } catch (NoSuchFileException e) {
            throw new NpzException("no such file: " + file);
        } catch (java.util.zip.ZipException e) {
            throw new NpzException(file + " is not a NumPy .npz archive: " + e.getMessage());
        }
        if (images == null || labels == null) {
            throw new NpzException(file.getFileName() + " has no split '" + split + "' (needs " + split + "_images and "
                    + split + "_labels; it holds " + arrays + ")");
        }
        if (images.length != labels.length) {
            throw new NpzException(file.getFileName() + ": " + images.length + " images but " + labels.length + " labels");
        }
        int classes = classNames != null ? classNames.size() : Arrays.stream(labels).max().orElse(0) + 1;
        List<String> names = classNames != null ? classNames : indexNames(Math.max(classes, 2));
        return new LabelledImages(channelsFirstShape(imageShape), Arrays.asList(images), labels, names);
    }

    private static List<String> indexNames(int classes) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < classes; i++) {
            names.add(Integer.toString(i));
        }
        return names;
    }

    private static int[] channelsFirstShape(long[] shape) {
        if (shape.length == 4 && shape[3] == 3) {
            return new int[] {3, (int) shape[1], (int) shape[2]};
        }
        int[] out = new int[shape.length];
        out[0] = 1;
        for (int i = 1; i < shape.length; i++) {
            out[i] = (int) shape[i];
        }
        return out;
    }

    private static float[][] readImages(InputStream in, NpyHeader header, String name) throws IOException {
        long[] shape = header.shape();
        if (shape.length < 3 || shape.length > 4) {
            throw new NpzException(name + ": images must be (N, H, W), (N, H, W, 3) or (N, D, H, W), not "
                    + Arrays.toString(shape));
        }
        long perImage = header.elements() / Math.max(1, shape[0]);
        if (perImage > 64L << 20) {
            throw new NpzException(name + ": " + perImage + " values per image is more than this reader takes");
        }
        boolean rgbLast = shape.length == 4 && shape[3] == 3;
        float[][] images = new float[(int) shape[0]][];
        DataInputStream data = new DataInputStream(in);
        byte[] raw = new byte[(int) perImage * header.itemSize()];
        for (int i = 0; i < images.length; i++) {
            data.readFully(raw);
            float[] values = decode(raw, header, (int) perImage);
            images[i] = rgbLast ? channelsFirst(values, 3) : values;
        }
        return images;
    }

    /** (H, W, C) interleaved to (C, H, W) planes. */
    private static float[] channelsFirst(float[] interleaved, int channels) {
        int plane = interleaved.length / channels;
        float[] out = new float[interleaved.length];
        for (int p = 0; p < plane; p++) {
            for (int c = 0; c < channels; c++) {
                out[c * plane + p] = interleaved[p * channels + c];
            }
        }
        return out;
    }

    private static int[] readLabels(InputStream in, NpyHeader header, String name) throws IOException {
        long[] shape = header.shape();
        if (shape.length == 0 || shape.length > 2 || (shape.length == 2 && shape[1] != 1)) {
            throw new NpzException(name + ": labels must be (N) or (N, 1) class indices, not " + Arrays.toString(shape)
                    + " (multi-label tasks are not supported)");
        }
        int n = (int) shape[0];
        byte[] raw = new byte[n * header.itemSize()];
        new DataInputStream(in).readFully(raw);
        float[] values = decode(raw, header, n);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = Math.round(values[i]);
            if (labels[i] < 0 || labels[i] != values[i]) {
                throw new NpzException(name + ": label " + values[i] + " at index " + i + " is not a class index");
            }
        }
        return labels;
    }

    private static float[] decode(byte[] raw, NpyHeader header, int count) {
        ByteBuffer buffer = ByteBuffer.wrap(raw).order(header.order());
        float[] out = new float[count];
        for (int i = 0; i < count; i++) {
            out[i] = switch (header.kind()) {
                case 'u' -> switch (header.itemSize()) {
                    case 1 -> buffer.get() & 0xFF;
                    case 2 -> buffer.getShort() & 0xFFFF;
                    case 4 -> buffer.getInt() & 0xFFFFFFFFL;
                    default -> buffer.getLong();
                };
                case 'i' -> switch (header.itemSize()) {
                    case 1 -> buffer.get();
                    case 2 -> buffer.getShort();
                    case 4 -> buffer.getInt();
                    default -> buffer.getLong();
                };
                default -> header.itemSize() == 4 ? buffer.getFloat() : (float) buffer.getDouble();
            };
        }
        return out;
    }
}
