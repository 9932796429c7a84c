package org.lumen.ai.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.ReadOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads labelled DICOM images: a folder of DICOM files (searched recursively) and a CSV with the header {@code uid,label}
 * whose uid is either a SOP Instance UID (that image) or a Study Instance UID (every image of the study); where both name
 * an image, its own SOP Instance UID wins. Labels are class names. Pixels come through {@link ImageLoader} (modality
 * transform, then the preprocessing's window, else the file's own) and {@link ImagePreparer}.
 *
 * <p>Every UID in the CSV must match at least one image (a typo would otherwise silently drop cases); files that are not
 * DICOM, or DICOM without pixel data, or images the CSV does not name are passed over.
 */
public final class DicomLabelReader {
    private static final Logger LOG = LoggerFactory.getLogger(DicomLabelReader.class);

    private DicomLabelReader() {
    }

    /** Classes are the CSV's labels in sorted order. */
    public static LabelledImages read(Path folder, Path csv, Preprocessing p) throws IOException {
        return read(folder, csv, p, null);
    }

    /**
     * @param classes the class names in the model's order (index = label), or null for the CSV's labels sorted; a CSV
     *                label outside them is an error
     * @throws ImageReadException naming the CSV line or the image file that is wrong
     */
    public static LabelledImages read(Path folder, Path csv, Preprocessing p, List<String> classes) throws IOException {
        Map<String, String> labelOf = readCsv(csv);
        List<String> classNames = classes != null ? List.copyOf(classes) : List.copyOf(new TreeSet<>(labelOf.values()));
        for (Map.Entry<String, String> e : labelOf.entrySet()) {
            if (!classNames.contains(e.getValue())) {
                throw new ImageReadException(csv, "label '" + e.getValue() + "' of " + e.getKey() + " is not one of the classes "
                        + classNames);
            }
        }
        if (!Files.isDirectory(folder)) {
            throw new ImageReadException(folder, "not a folder");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        Set<String> matched = new LinkedHashSet<>();
        List<float[]> images = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        int passedOver = 0;
        for (Path file : files) {
            Attributes header = header(file);
            if (header == null || !header.contains(Tag.PixelData) && !header.contains(Tag.FloatPixelData)
                    && !header.contains(Tag.DoubleFloatPixelData)) {
                passedOver++;
                continue;
            }
            String sop = header.getString(Tag.SOPInstanceUID);
            String study = header.getString(Tag.StudyInstanceUID);
            String uid = sop != null && labelOf.containsKey(sop.trim()) ? sop.trim()
                    : study != null && labelOf.containsKey(study.trim()) ? study.trim() : null;
            if (uid == null) {
                passedOver++;
                continue;
            }
            matched.add(uid);
            RawImage raw = ImageLoader.load(file, p);
            images.add(ImageFolderReader.prepare(raw, p, file));
            labels.add(classNames.indexOf(labelOf.get(uid)));
        }
        Set<String> unmatched = new LinkedHashSet<>(labelOf.keySet());
        unmatched.removeAll(matched);
        if (!unmatched.isEmpty()) {
            throw new ImageReadException(csv, unmatched.size() + " UID(s) match no DICOM image under " + folder + ": "
                    + unmatched.stream().limit(5).toList() + (unmatched.size() > 5 ? " ..." : ""));
        }
        LOG.debug("{}: {} labelled images, {} files passed over", folder, images.size(), passedOver);
        return new LabelledImages(p.inputShape(), images, labels.stream().mapToInt(Integer::intValue).toArray(),
                classNames);
    }

    /** The dataset with its pixel data left in the file, or null for a file that is not DICOM. */
    private static Attributes header(Path file) {
        try {
            return DicomReader.read(file, ReadOptions.DEFAULT).dataset(); // bulk data stays in the file
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** uid -> label from a CSV with the header {@code uid,label}. */
    static Map<String, String> readCsv(Path csv) throws IOException {
        if (!Files.isRegularFile(csv)) {
            throw new ImageReadException(csv, "no such file");
        }
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !isHeader(lines.get(0))) {
            throw new ImageReadException(csv, "the first line must be the header 'uid,label'");
        }
        Map<String, String> labelOf = new LinkedHashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split(",", -1);
            if (fields.length != 2 || unquote(fields[0]).isEmpty() || unquote(fields[1]).isEmpty()) {
                throw new ImageReadException(csv, "line " + (i + 1) + " is not 'uid,label': " + line);
            }
            String uid = unquote(fields[0]);
            String label = unquote(fields[1]);
            String earlier = labelOf.put(uid, label);
            if (earlier != null) {
                throw new ImageReadException(csv, "line " + (i + 1) + ": UID " + uid + " is listed twice");
            }
        }
        if (labelOf.isEmpty()) {
            throw new ImageReadException(csv, "no labelled UIDs after the header");
        }
        return labelOf;
    }

    private static boolean isHeader(String line) {
        String[] fields = line.replace("\uFEFF", "").strip().split(",", -1);
        return fields.length == 2 && unquote(fields[0]).equalsIgnoreCase("uid") && unquote(fields[1]).equalsIgnoreCase("label");
    }

    private static String unquote(String field) {
        String f = field.strip();
        if (f.length() >= 2 && f.startsWith("\"") && f.endsWith("\"")) {
            f = f.substring(1, f.length() - 1).strip();
        }
        return f;
    }
}
