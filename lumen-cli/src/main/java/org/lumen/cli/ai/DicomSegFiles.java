package org.lumen.cli.ai;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.lumen.ai.infer.DicomSegOutput;
import org.lumen.ai.model.Finding;
import org.lumen.ai.model.ModelManifest;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.ReadOptions;
import org.lumen.image.Volume;
import org.lumen.report.Code;
import org.lumen.report.seg.SegmentAlgorithm;
import org.lumen.report.seg.SegmentDescription;
import org.lumen.report.seg.SegmentDescriptions;
import org.lumen.report.seg.SegmentationOptions;
import org.lumen.report.seg.SegmentationWriter;

/**
 * {@code analyze}'s DICOM SEG output: the label map a segmentation model made on a DICOM series, written by lumen-report's
 * {@link SegmentationWriter} against the series' own slices, one segment per foreground label named as the model names
 * it, typed by the code the manifest's {@code output.findings} gives that label, made by the model (AUTOMATIC, Artificial
 * Intelligence, the model's name and version).
 */
final class DicomSegFiles implements DicomSegOutput {
    /**
     * Segmented Property Category of every segment: Lumen's segmentation models outline anatomy (CID 7150, "Anatomical
     * Structure"); a lesion model would need the category in its manifest.
     */
    static final Code ANATOMICAL_STRUCTURE = Code.sct("123037004", "Anatomical Structure");
    private static final int CODE_STRING = 16;

    @Override
    public void write(ModelManifest model, Volume labels, List<Path> sourceFiles, Path file) throws IOException {
        List<Attributes> slices = new ArrayList<>();
        for (Path slice : sourceFiles) {
            // pixel data stays in the file (a bulk-data reference), but its presence marks the dataset as an image slice
            slices.add(DicomReader.read(slice, ReadOptions.DEFAULT).dataset());
        }
        SegmentationOptions options = SegmentationOptions.defaults()
                .withSeries(1000, model.name() + " segmentation")
                .withContent(contentLabel(model.name()), model.name() + " " + model.version());
        SegmentationWriter.save(SegmentationWriter.write(labels, slices, descriptions(model), options), file);
    }

    /** One description per foreground label of {@code model}, in label order. */
    static SegmentDescriptions descriptions(ModelManifest model) {
        Map<Integer, SegmentDescription> byLabel = new TreeMap<>();
        model.labelNames().forEach((label, name) -> byLabel.put(label,
                new SegmentDescription(name, ANATOMICAL_STRUCTURE, typeOf(model, name))));
        return SegmentDescriptions.of(SegmentAlgorithm.automatic(model.name(), model.version()), byLabel);
    }

    private static Code typeOf(ModelManifest model, String label) {
        List<Finding> findings = model.output().findings() == null ? List.of() : model.output().findings();
        return findings.stream().filter(f -> label.equals(f.className())).findFirst()
                .map(f -> new Code(f.codeValue(), f.codeScheme(), f.codeMeaning()))
                .orElseThrow(() -> new IllegalArgumentException("model " + model.name() + " gives no code for its label '"
                        + label + "' (manifest output.findings), and a DICOM SEG must type every segment; write the label"
                        + " maps as NIfTI only, or add the codes to the manifest"));
    }

    /** The model name as a DICOM code string: capitals, digits, space and underscore, at most 16 characters. */
    static String contentLabel(String modelName) {
        String label = modelName.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9 _]", "_");
        return label.length() > CODE_STRING ? label.substring(0, CODE_STRING) : label;
    }
}
