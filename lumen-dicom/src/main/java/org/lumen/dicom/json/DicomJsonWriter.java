package org.lumen.dicom.json;

import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Sequence;
import org.lumen.dicom.data.Tags;
import org.lumen.dicom.io.DicomFile;
import org.lumen.dicom.model.ModelValue;
import org.lumen.dicom.model.ModelValues;
import org.lumen.dicom.model.ModelWriteOptions;
import org.lumen.dicom.model.PersonNameGroups;

/**
 * Writes {@link Attributes} as the DICOM JSON Model (PS3.18 F.2): one object per dataset keyed by 8-hex-digit tags in
 * ascending order, each attribute {@code {"vr": .., "Value": [..]}} or {@code "InlineBinary"} or {@code "BulkDataURI"}.
 *
 * <p>Forms chosen, all readable back to the same dataset by {@link DicomJsonReader}:
 * <ul>
 *   <li>US, SS, UL, SL, FL, FD as JSON numbers; SV and UV as numbers within ±2^53 and as strings beyond (F.2.3.1);
 *       FL/FD NaN and infinities as the strings "NaN", "Infinity", "-Infinity".</li>
 *   <li>DS and IS as JSON numbers when their text is valid JSON number syntax, written with exactly that text (so "1.50"
 *       stays 1.50); otherwise ("+5", ".5", "0001") as strings, which F.2.3.1 allows.</li>
 *   <li>PN as {@code {"Alphabetic", "Ideographic", "Phonetic"}}; a trailing empty group is written as "" so that
 *       "Doe^John=" reads back unchanged.</li>
 *   <li>Empty values: no "Value"; an empty value inside a multi-valued element: null.</li>
 *   <li>Encapsulated pixel data: InlineBinary of the encapsulated value field (items and delimiter, see
 *       {@link org.lumen.dicom.model.EncapsulatedValue}), or a BulkDataURI from the caller's function.</li>
 *   <li>Values the standard forms cannot carry exactly: InlineBinary of the value field (see {@link ModelValues}).</li>
 * </ul>
 *
 * <p>Immutable; one writer may serve many threads.
 */
public final class DicomJsonWriter {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private final ModelWriteOptions options;

    public DicomJsonWriter() {
        this(ModelWriteOptions.DEFAULT);
    }

    public DicomJsonWriter(ModelWriteOptions options) {
        this.options = options;
    }

    public ModelWriteOptions options() {
        return options;
    }

    /** Writes one dataset as a JSON object, UTF-8; the stream is flushed, not closed. */
    public void write(Attributes dataset, OutputStream out) throws IOException {
        try (JsonGenerator generator = open(out)) {
            writeDataset(generator, List.of(dataset), "");
        }
    }

    /** Writes a file's dataset, preceded by its File Meta Information when the options include it. */
    public void write(DicomFile file, OutputStream out) throws IOException {
        try (JsonGenerator generator = open(out)) {
            writeDataset(generator, options.includeFileMeta() ? List.of(file.fileMeta(), file.dataset()) : List.of(file.dataset()), "");
        }
    }

    /** Writes datasets as a JSON array, as DICOMweb responses carry them. */
    public void writeList(List<Attributes> datasets, OutputStream out) throws IOException {
        try (JsonGenerator generator = open(out)) {
            generator.writeStartArray();
            for (Attributes dataset : datasets) {
                writeDataset(generator, List.of(dataset), "");
            }
            generator.writeEndArray();
        }
    }

    /** The JSON text of one dataset. */
    public String toJson(Attributes dataset) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(dataset, out);
        } catch (IOException e) {
            // Only a string that is not Unicode text (an unpaired surrogate set by code) gets here; there is no I/O.
            throw new UncheckedIOException("Cannot write DICOM JSON: " + e.getMessage(), e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private JsonGenerator open(OutputStream out) throws IOException {
        JsonGenerator generator = FACTORY.createGenerator(out, JsonEncoding.UTF8);
        generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        if (options.prettyPrint()) {
            generator.useDefaultPrettyPrinter();
        }
        return generator;
    }

    /** Writes the elements of one or more datasets (file meta and dataset) merged in tag order as one object. */
    private void writeDataset(JsonGenerator generator, List<Attributes> parts, String pathPrefix) throws IOException {
        generator.writeStartObject();
        int[] next = new int[parts.size()];
        while (true) {
            int chosen = -1;
            for (int p = 0; p < parts.size(); p++) {
                if (next[p] < parts.get(p).size() && (chosen < 0
                        || Integer.compareUnsigned(parts.get(p).tagAt(next[p]), parts.get(chosen).tagAt(next[chosen])) < 0)) {
                    chosen = p;
                }
            }
            if (chosen < 0) {
                break;
            }
            writeElement(generator, parts.get(chosen), next[chosen]++, pathPrefix);
        }
        generator.writeEndObject();
    }

    private void writeElement(JsonGenerator generator, Attributes dataset, int index, String pathPrefix) throws IOException {
        int tag = dataset.tagAt(index);
        if (!included(dataset, tag)) {
            return;
        }
        String hex = Tags.toHex(tag);
        String path = pathPrefix + hex;
        ModelValue value = ModelValues.describe(dataset, index, options, path, s -> true);
        if (value instanceof ModelValue.Omitted) {
            return;
        }
        generator.writeFieldName(hex);
        generator.writeStartObject();
        generator.writeStringField("vr", dataset.vrAt(index).name());
        if (value instanceof ModelValue.Texts texts) {
            generator.writeArrayFieldStart("Value");
            for (int k = 0; k < texts.values().length; k++) {
                String text = texts.values()[k];
                if (text == null) {
                    generator.writeNull();
                } else if (texts.numeric()[k]) {
                    generator.writeNumber(text);
                } else {
                    generator.writeString(text);
                }
            }
            generator.writeEndArray();
        } else if (value instanceof ModelValue.PersonNames names) {
            generator.writeArrayFieldStart("Value");
            for (String name : names.values()) {
                writePersonName(generator, name);
            }
            generator.writeEndArray();
        } else if (value instanceof ModelValue.Items items) {
            writeItems(generator, items.sequence(), path);
        } else if (value instanceof ModelValue.Inline inline) {
            generator.writeFieldName("InlineBinary");
            generator.writeBinary(Base64Variants.MIME_NO_LINEFEEDS, inline.bytes(), 0, inline.bytes().length);
        } else if (value instanceof ModelValue.Uri uri) {
            generator.writeStringField("BulkDataURI", uri.uri());
        }
        generator.writeEndObject();
    }

    private boolean included(Attributes dataset, int tag) {
        if (Tags.isGroupLength(tag) && !options.includeGroupLengths()) {
            return false;
        }
        return Tags.group(tag) != 0x0002 || dataset.parent() != null || options.includeFileMeta();
    }

    private static void writePersonName(JsonGenerator generator, String name) throws IOException {
        if (name == null) {
            generator.writeNull();
            return;
        }
        String[] groups = PersonNameGroups.groups(name);
        generator.writeStartObject();
        for (int g = 0; g < groups.length; g++) {
            if (groups[g] != null) {
                generator.writeStringField(PersonNameGroups.GROUP_NAMES.get(g), groups[g]);
            }
        }
        generator.writeEndObject();
    }

    private void writeItems(JsonGenerator generator, Sequence sequence, String path) throws IOException {
        if (sequence.isEmpty()) {
            return;
        }
        generator.writeArrayFieldStart("Value");
        for (int k = 0; k < sequence.size(); k++) {
            writeDataset(generator, List.of(sequence.get(k)), path + "/" + k + "/");
        }
        generator.writeEndArray();
    }
}
