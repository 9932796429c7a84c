package org.lumen.dicom.pixel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of {@code pixel/reference-values.tsv}: what pydicom 2.3.1 reads for one frame of one file (see
 * tools/fixtures/pixel_reference.py for how it was made and the two places where it corrects pydicom to PS3.5).
 */
record PixelReference(String file, String transferSyntax, int frames, int frame, int rows, int columns, int samplesPerPixel,
        String dtype, List<Point> points, String sum, List<int[]> colors, List<Double> modality) {

    /** A sample at row {@code y}, column {@code x}, sample {@code s}, with pydicom's value as text. */
    record Point(int y, int x, int s, String value) {
        int index(int columns, int samplesPerPixel) {
            return (y * columns + x) * samplesPerPixel + s;
        }

        int pixel(int columns) {
            return y * columns + x;
        }
    }

    static List<PixelReference> load() {
        List<PixelReference> rows = new ArrayList<>();
        try (InputStream in = PixelReference.class.getResourceAsStream("/pixel/reference-values.tsv")) {
            assertThat(in).as("pixel/reference-values.tsv on the test class path").isNotNull();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            assertThat(reader.readLine()).isEqualTo("file\ttransfer_syntax\tframes\tframe\tshape\tdtype\tsamples\tsum\tcolor\tmodality");
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                rows.add(parse(line));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static PixelReference parse(String line) {
        String[] f = line.split("\t", -1);
        assertThat(f).as(line).hasSize(10);
        String[] shape = f[4].split(",");
        List<Point> points = new ArrayList<>();
        for (String point : f[6].split(";")) {
            String[] coordinateAndValue = point.split("=");
            String[] c = coordinateAndValue[0].split(",");
            points.add(new Point(Integer.parseInt(c[0]), Integer.parseInt(c[1]), Integer.parseInt(c[2]), coordinateAndValue[1]));
        }
        List<int[]> colors = new ArrayList<>();
        if (!f[8].isEmpty()) {
            for (String rgb : f[8].split(";")) {
                String[] c = rgb.split(",");
                colors.add(new int[] {Integer.parseInt(c[0]), Integer.parseInt(c[1]), Integer.parseInt(c[2])});
            }
        }
        List<Double> modality = new ArrayList<>();
        if (!f[9].isEmpty()) {
            for (String v : f[9].split(";")) {
                modality.add(Double.parseDouble(v));
            }
        }
        return new PixelReference(f[0], f[1], Integer.parseInt(f[2]), Integer.parseInt(f[3]), Integer.parseInt(shape[0]),
                Integer.parseInt(shape[1]), Integer.parseInt(shape[2]), f[5], points, f[7], colors, modality);
    }

    boolean isFloat() {
        return dtype.startsWith("float");
    }

    @Override
    public String toString() {
        return file + " [frame " + frame + " of " + frames + ", " + dtype + ", " + transferSyntax + "]";
    }
}
