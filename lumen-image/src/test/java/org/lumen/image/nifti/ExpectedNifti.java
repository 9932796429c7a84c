package org.lumen.image.nifti;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.lumen.dicom.testing.TestData;
import org.lumen.image.Matrix3;
import org.lumen.image.Vec3;

/**
 * One row of {@code nifti/expected.tsv}: what an independent reader (make_fixtures.py, from the header fields) says a file
 * holds.
 */
record ExpectedNifti(String label, Path file, int nx, int ny, int nz, String storedType, String valueType, String source,
        Vec3 spacing, Vec3 origin, Matrix3 direction, double sum, double weightedSum) {

    static List<ExpectedNifti> all() {
        try {
            return Files.readAllLines(fixture("expected.tsv")).stream()
                    .filter(line -> !line.startsWith("#") && !line.startsWith("file\t") && !line.isBlank())
                    .map(ExpectedNifti::parse)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file under the test resources' {@code nifti/} folder. */
    static Path fixture(String relative) {
        try {
            var url = ExpectedNifti.class.getResource("/nifti/" + relative);
            if (url == null) {
                throw new IllegalStateException("test fixture missing: nifti/" + relative);
            }
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ExpectedNifti parse(String line) {
        String[] c = line.split("\t");
        String label = c[0];
        Path file = label.startsWith("shared:") ? TestData.data(label.substring("shared:".length()))
                : fixture(label.substring("fixture:".length()));
        double[] d = new double[9];
        for (int i = 0; i < 9; i++) {
            d[i] = Double.parseDouble(c[13 + i]);
        }
        return new ExpectedNifti(label, file, Integer.parseInt(c[1]), Integer.parseInt(c[2]), Integer.parseInt(c[3]), c[4],
                c[5], c[6], vec(c, 7), vec(c, 10), Matrix3.ofRows(d), Double.parseDouble(c[22]), Double.parseDouble(c[23]));
    }

    private static Vec3 vec(String[] cells, int from) {
        return new Vec3(Double.parseDouble(cells[from]), Double.parseDouble(cells[from + 1]),
                Double.parseDouble(cells[from + 2]));
    }

    @Override
    public String toString() {
        return label;
    }
}
