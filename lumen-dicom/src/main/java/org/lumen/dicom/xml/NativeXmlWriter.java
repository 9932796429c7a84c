package org.lumen.dicom.xml;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Sequence;
import org.lumen.dicom.data.Tags;
import org.lumen.dicom.dict.ElementDictionary;
import org.lumen.dicom.io.DicomFile;
import org.lumen.dicom.model.ModelValue;
import org.lumen.dicom.model.ModelValues;
import org.lumen.dicom.model.ModelWriteOptions;
import org.lumen.dicom.model.PersonNameGroups;

/**
 * Writes {@link Attributes} as the Native DICOM Model XML of PS3.19 A.1: {@code <NativeDicomModel>} holding
 * {@code <DicomAttribute tag vr keyword [privateCreator]>} elements with {@code <Value number>}, {@code <PersonName number>}
 * (components split out), {@code <Item number>}, {@code <BulkData uri>} or {@code <InlineBinary>}.
 *
 * <p>Choices that keep the round trip exact (see also {@link ModelValues}):
 * <ul>
 *   <li>A private data element (gggg,xxee) is written, as dcmtk and dcm4che do, as tag {@code gggg00ee} with its
 *       {@code privateCreator}, but only when that creator's first block in the group is xx; otherwise (duplicate creators,
 *       a creator XML attributes cannot carry) with its full tag and no {@code privateCreator}.</li>
 *   <li>Empty values inside a multi-valued element are empty {@code <Value number>} elements, so the value count survives.</li>
 *   <li>Person name components are written up to the last one present, the last even when empty, so trailing '^' and '='
 *       survive.</li>
 *   <li>CR is written as {@code &#13;} (a literal CR would read back as LF); a string with a character XML 1.0 cannot hold
 *       (most control characters) makes the element InlineBinary of its raw bytes.</li>
 * </ul>
 *
 * <p>Immutable; one writer may serve many threads.
 */
public final class NativeXmlWriter {
    /** The namespace of the PS3.19 schema. */
    public static final String NAMESPACE = "http://dicom.nema.org/PS3.19/models/NativeDICOM";

    private final ModelWriteOptions options;
    private final ElementDictionary dictionary = ElementDictionary.standard();

    public NativeXmlWriter() {
        this(ModelWriteOptions.DEFAULT);
    }

    public NativeXmlWriter(ModelWriteOptions options) {
        this.options = options;
    }

    public ModelWriteOptions options() {
        return options;
    }

    /** Writes one dataset as a UTF-8 document; the stream is flushed, not closed. */
    public void write(Attributes dataset, OutputStream out) throws IOException {
        write(List.of(dataset), out);
    }

    /** Writes a file's dataset, preceded by its File Meta Information when the options include it. */
    public void write(DicomFile file, OutputStream out) throws IOException {
        write(options.includeFileMeta() ? List.of(file.fileMeta(), file.dataset()) : List.of(file.dataset()), out);
    }

    /** The XML text of one dataset. */
    public String toXml(Attributes dataset) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(dataset, out);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write Native DICOM XML: " + e.getMessage(), e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private void write(List<Attributes> parts, OutputStream out) throws IOException {
        try {
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
            new Document(xml).write(parts);
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("Cannot write Native DICOM XML: " + e.getMessage(), e);
        }
    }

    /** One document being written; knows the indentation depth. */
    private final class Document {
        private final XMLStreamWriter xml;
        private int depth;

        Document(XMLStreamWriter xml) {
            this.xml = xml;
        }

        void write(List<Attributes> parts) throws XMLStreamException {
            xml.writeStartDocument("UTF-8", "1.0");
            newLine();
            xml.writeStartElement("NativeDicomModel");
            xml.writeDefaultNamespace(NAMESPACE);
            xml.writeAttribute("xml", XMLConstants.XML_NS_URI, "space", "preserve");
            writeElements(parts, "");
            indent(0);
            xml.writeEndElement();
            newLine();
            xml.writeEndDocument();
        }

        /** The elements of one or more datasets (file meta and dataset) merged in tag order. */
        private void writeElements(List<Attributes> parts, String pathPrefix) throws XMLStreamException {
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
                    return;
                }
                writeElement(parts.get(chosen), next[chosen]++, pathPrefix);
            }
        }

        private void writeElement(Attributes dataset, int index, String pathPrefix) throws XMLStreamException {
            int tag = dataset.tagAt(index);
            if (!included(dataset, tag)) {
                return;
            }
            String path = pathPrefix + Tags.toHex(tag);
            ModelValue value = ModelValues.describe(dataset, index, options, path, XmlText::isRepresentable);
            if (value instanceof ModelValue.Omitted) {
                return;
            }
            depth++;
            indent(depth);
            xml.writeStartElement("DicomAttribute");
            writeTagAttributes(dataset, tag);
            xml.writeAttribute("vr", dataset.vrAt(index).name());
            boolean hasChildren = true;
            if (value instanceof ModelValue.Texts texts) {
                for (int k = 0; k < texts.values().length; k++) {
                    writeLeaf("Value", k + 1, texts.values()[k]);
                }
            } else if (value instanceof ModelValue.PersonNames names) {
                for (int k = 0; k < names.values().length; k++) {
                    writePersonName(k + 1, names.values()[k]);
                }
            } else if (value instanceof ModelValue.Items items) {
                writeItems(items.sequence(), path);
                hasChildren = !items.sequence().isEmpty();
            } else if (value instanceof ModelValue.Inline inline) {
                indent(depth + 1);
                xml.writeStartElement("InlineBinary");
                xml.writeCharacters(Base64.getEncoder().encodeToString(inline.bytes()));
                xml.writeEndElement();
            } else if (value instanceof ModelValue.Uri uri) {
                indent(depth + 1);
                xml.writeEmptyElement("BulkData");
                xml.writeAttribute("uri", uri.uri());
            } else {
                hasChildren = false;
            }
            if (hasChildren) {
                indent(depth);
            }
            xml.writeEndElement();
            depth--;
        }

        private void writeTagAttributes(Attributes dataset, int tag) throws XMLStreamException {
            String creator = dataset.privateCreatorOf(tag);
            if (creator != null && XmlText.isAttributeSafe(creator) && dataset.privateTag(creator, tag, false) == tag) {
                xml.writeAttribute("tag", Tags.toHex(tag & 0xFFFF00FF));
                xml.writeAttribute("privateCreator", creator);
                return;
            }
            xml.writeAttribute("tag", Tags.toHex(tag));
            String keyword = Tags.isPrivate(tag) ? null : dictionary.keywordOf(tag);
            if (keyword != null && !keyword.isEmpty()) {
                xml.writeAttribute("keyword", keyword);
            }
        }

        private void writeLeaf(String name, int number, String text) throws XMLStreamException {
            indent(depth + 1);
            xml.writeStartElement(name);
            xml.writeAttribute("number", Integer.toString(number));
            if (text != null) {
                writeText(text);
            }
            xml.writeEndElement();
        }

        private void writePersonName(int number, String name) throws XMLStreamException {
            indent(depth + 1);
            xml.writeStartElement("PersonName");
            xml.writeAttribute("number", Integer.toString(number));
            if (name != null) {
                String[] groups = PersonNameGroups.groups(name);
                for (int g = 0; g < groups.length; g++) {
                    if (groups[g] != null) {
                        writeGroup(PersonNameGroups.GROUP_NAMES.get(g), groups[g]);
                    }
                }
                indent(depth + 1);
            }
            xml.writeEndElement();
        }

        private void writeGroup(String groupName, String group) throws XMLStreamException {
            indent(depth + 2);
            xml.writeStartElement(groupName);
            String[] components = PersonNameGroups.components(group);
            boolean any = false;
            for (int c = 0; c < components.length; c++) {
                if (components[c] != null) {
                    indent(depth + 3);
                    xml.writeStartElement(PersonNameGroups.COMPONENT_NAMES.get(c));
                    writeText(components[c]);
                    xml.writeEndElement();
                    any = true;
                }
            }
            if (any) {
                indent(depth + 2);
            }
            xml.writeEndElement();
        }

        private void writeItems(Sequence sequence, String path) throws XMLStreamException {
            for (int k = 0; k < sequence.size(); k++) {
                depth++;
                indent(depth);
                xml.writeStartElement("Item");
                xml.writeAttribute("number", Integer.toString(k + 1));
                Attributes item = sequence.get(k);
                writeElements(List.of(item), path + "/" + k + "/");
                if (!item.isEmpty()) {
                    indent(depth);
                }
                xml.writeEndElement();
                depth--;
            }
        }

        /** Element text, with CR as a character reference so that it is not read back as LF. */
        private void writeText(String text) throws XMLStreamException {
            int start = 0;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\r') {
                    if (i > start) {
                        xml.writeCharacters(text.substring(start, i));
                    }
                    xml.writeEntityRef("#13");
                    start = i + 1;
                }
            }
            if (start < text.length()) {
                xml.writeCharacters(text.substring(start));
            }
        }

        private void indent(int level) throws XMLStreamException {
            if (options.prettyPrint()) {
                xml.writeCharacters("\n" + "  ".repeat(level));
            }
        }

        private void newLine() throws XMLStreamException {
            xml.writeCharacters("\n");
        }
    }

    private boolean included(Attributes dataset, int tag) {
        if (Tags.isGroupLength(tag) && !options.includeGroupLengths()) {
            return false;
        }
        return Tags.group(tag) != 0x0002 || dataset.parent() != null || options.includeFileMeta();
    }
}
