package org.lumen.cli.ai;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a MedMNIST-style {@code .npz} holding one split, as NumPy's {@code np.savez} would: a zip of
 * {@code <split>_images.npy} (uint8, shape (N, H, W)) and {@code <split>_labels.npy} (int64, shape (N, 1)), each in the
 * .npy 1.0 format (magic, header length, a Python-dict header padded to 64 bytes, then the data, C order).
 */
final class NpzWriter {
    private NpzWriter() {
    }

    static void writeSplit(Path npz, String split, List<float[]> images, int height, int width, int[] labels)
            throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(npz))) {
            byte[] pixels = new byte[images.size() * height * width];
            for (int i = 0; i < images.size(); i++) {
                float[] image = images.get(i);
                for (int p = 0; p < image.length; p++) {
                    pixels[i * height * width + p] = (byte) Math.round(image[p]);
                }
            }
            entry(zip, split + "_images.npy", "|u1", "(" + images.size() + ", " + height + ", " + width + ")", pixels);
            ByteBuffer label = ByteBuffer.allocate(labels.length * 8).order(ByteOrder.LITTLE_ENDIAN);
            for (int l : labels) {
                label.putLong(l);
            }
            entry(zip, split + "_labels.npy", "<i8", "(" + labels.length + ", 1)", label.array());
        }
    }

    private static void entry(ZipOutputStream zip, String name, String descr, String shape, byte[] data) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
        int unpadded = 10 + dict.length() + 1;
        StringBuilder header = new StringBuilder(dict);
        header.append(" ".repeat((64 - unpadded % 64) % 64)).append('\n');
        byte[] headerBytes = header.toString().getBytes(StandardCharsets.US_ASCII);
        OutputStream out = zip;
        out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        out.write(new byte[] {(byte) (headerBytes.length & 0xFF), (byte) (headerBytes.length >> 8)});
        out.write(headerBytes);
        out.write(data);
        zip.closeEntry();
    }
}
