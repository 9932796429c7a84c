package org.lumen.dicom.xml;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Sequence;
import org.lumen.dicom.data.Tags;
import org.lumen.dicom.data.VR;
import org.lumen.dicom.dict.ElementDictionary;
import org.lumen.dicom.model.BulkDataUris;
import org.lumen.dicom.model.ModelReadOptions;
import org.lumen.dicom.model.ModelValueParsers;
import org.lumen.dicom.model.PersonNameGroups;
import org.lumen.dicom.model.ValueFormatException;

/**
 * Reads the Native DICOM Model XML of PS3.19 A.1 into {@link Attributes}. Safe with hostile documents: DTDs (and with them
 * external entities and entity expansion) are refused, nesting and size are limited by {@link ModelReadOptions}.
 *
 * <p>Tolerant of what producers differ in: namespace or none, any element order, missing {@code number} attributes (taken
 * in document order), a missing {@code vr} (from the dictionary) or {@code tag} (from the {@code keyword}), private
 * elements written with their block ({@code 00091001}) or masked with a {@code privateCreator} ({@code 00090001}), and
 * {@code <BulkData uuid>} as well as {@code uri}. Everything else wrong is a {@link DicomXmlException} with line and column.
 *
 * <p>Immutable; one reader may serve many threads.
 */
public final class NativeXmlReader {
    /** A document's Value numbers may leave a few gaps (empty values), not millions. */
    private static final int MAX_NUMBER_SLACK = 16;

    private final ModelReadOptions options;
    private final ElementDictionary dictionary = ElementDictionary.standard();

    public NativeXmlReader() {
        this(ModelReadOptions.DEFAULT);
    }

    public NativeXmlReader(ModelReadOptions options) {
        this.options = options;
    }

    /** A parser factory per document: configuration stays ours, and no factory is shared between threads. */
    private static XMLInputFactory safeFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        // Problems become exceptions with a location; warnings are not printed.
        factory.setXMLReporter((message, type, info, location) -> { });
        return factory;
    }

    public ModelReadOptions options() {
        return options;
    }

    public Attributes read(byte[] xml) throws DicomXmlException {
        try {
            return read(new ByteArrayInputStream(xml));
        } catch (DicomXmlException e) {
            throw e;
        } catch (IOException e) {
            throw new DicomXmlException("unreadable document: " + e.getMessage(), -1, -1, e);
        }
    }

    public Attributes read(String xml) throws DicomXmlException {
        if (xml.length() > options.maxDocumentBytes()) {
            throw new DicomXmlException("document of " + xml.length() + " characters exceeds the limit of "
                    + options.maxDocumentBytes(), 1, 1);
        }
        try {
            return parse(safeFactory().createXMLStreamReader(new StringReader(xml)));
        } catch (XMLStreamException e) {
            throw asXmlError(e);
        }
    }

    /** One dataset from a stream (not closed). A failure of the stream itself is a plain IOException. */
    public Attributes read(InputStream in) throws IOException {
        LimitedInputStream limited = new LimitedInputStream(in, options.maxDocumentBytes());
        try {
            return parse(safeFactory().createXMLStreamReader(limited));
        } catch (XMLStreamException e) {
            if (limited.transportFailure != null) {
                throw limited.transportFailure;
            }
            if (limited.overLimit) {
                throw new DicomXmlException("document exceeds the limit of " + options.maxDocumentBytes() + " bytes", -1, -1, e);
            }
            throw asXmlError(e);
        }
    }

    private Attributes parse(XMLStreamReader xml) throws XMLStreamException, DicomXmlException {
        try {
            int event = nextStructural(xml);
            if (event != XMLStreamConstants.START_ELEMENT || !"NativeDicomModel".equals(xml.getLocalName())) {
                throw error(xml, "the document element must be <NativeDicomModel>"
                        + (event == XMLStreamConstants.START_ELEMENT ? ", found <" + xml.getLocalName() + ">" : ""));
            }
            Attributes dataset = datasetContent(xml, 0);
            while (xml.hasNext()) {
                int after = xml.next();
                if (after == XMLStreamConstants.DTD) {
                    throw error(xml, "DTDs are not allowed");
                }
            }
            return dataset;
        } finally {
            xml.close();
        }
    }

    /** The DicomAttribute children of the current element, up to its end tag. */
    private Attributes datasetContent(XMLStreamReader xml, int depth) throws XMLStreamException, DicomXmlException {
        Attributes dataset = new Attributes();
        List<Pending> masked = new ArrayList<>();
        while (nextStructural(xml) == XMLStreamConstants.START_ELEMENT) {
            if (!"DicomAttribute".equals(xml.getLocalName())) {
                throw error(xml, "unexpected element <" + xml.getLocalName() + ">; a dataset holds <DicomAttribute> elements");
            }
            Pending element = attribute(xml, depth);
            if (element.creator() != null) {
                masked.add(element);
            } else {
                element.storeIn(dataset, element.tag());
            }
        }
        for (Pending element : masked) {
            int tag = dataset.privateTag(element.creator(), element.tag(), true);
            if (tag < 0) {
                throw element.error("no free private block in group " + String.format("%04X", Tags.group(element.tag()))
                        + " for creator \"" + ModelValueParsers.abbreviate(element.creator()) + "\"");
            }
            element.storeIn(dataset, tag);
        }
        return dataset;
    }

    private Pending attribute(XMLStreamReader xml, int depth) throws XMLStreamException, DicomXmlException {
        Location at = xml.getLocation();
        int tag = tagOf(xml);
        String creator = xml.getAttributeValue(null, "privateCreator");
        boolean isMasked = creator != null && Tags.isPrivate(tag) && (Tags.element(tag) & 0xFF00) == 0;
        if (isMasked && (creator.isEmpty() || creator.indexOf('\\') >= 0)) {
            // The creator becomes a one-valued LO element when its block has to be reserved.
            throw error(xml, Tags.toString(tag) + ": privateCreator=\"" + ModelValueParsers.abbreviate(creator)
                    + "\" must be a non-empty LO value without a backslash");
        }
        VR vr = vrOf(xml, tag);
        String context = Tags.toString(tag) + ": ";
        Children children = new Children();
        while (nextStructural(xml) == XMLStreamConstants.START_ELEMENT) {
            children.add(xml, vr, depth, context);
        }
        Object value = children.value(xml, vr, at, context);
        return new Pending(tag, vr, value, isMasked ? creator : null, at);
    }

    private int tagOf(XMLStreamReader xml) throws DicomXmlException {
        String text = xml.getAttributeValue(null, "tag");
        int tag;
        if (text != null) {
            if (text.length() != 8 || !ModelValueParsers.isHex(text)) {
                throw error(xml, "tag=\"" + ModelValueParsers.abbreviate(text) + "\" is not 8 hex digits such as 00100010");
            }
            tag = (int) Long.parseLong(text, 16);
        } else {
            String keyword = xml.getAttributeValue(null, "keyword");
            if (keyword == null) {
                throw error(xml, "<DicomAttribute> has neither a tag nor a keyword");
            }
            tag = dictionary.tagOf(keyword);
            if (tag == -1) {
                throw error(xml, "<DicomAttribute> has no tag and the dictionary does not know keyword \""
                        + ModelValueParsers.abbreviate(keyword) + "\"");
            }
        }
        if (Tags.isDelimiter(tag)) {
            throw error(xml, Tags.toString(tag) + " is an item or delimitation tag, not an attribute");
        }
        return tag;
    }

    private VR vrOf(XMLStreamReader xml, int tag) throws DicomXmlException {
        String name = xml.getAttributeValue(null, "vr");
        if (name != null) {
            VR vr = VR.ofName(name);
            if (vr == null) {
                throw error(xml, Tags.toString(tag) + ": unknown VR \"" + ModelValueParsers.abbreviate(name) + "\"");
            }
            return vr;
        }
        VR vr = Tags.isPrivateCreator(tag) ? VR.LO : dictionary.vrOf(tag);
        return vr == null ? VR.UN : vr;
    }

    /** What one DicomAttribute holds, collected in any order and checked when complete. */
    private final class Children {
        private final TreeMap<Integer, String> values = new TreeMap<>();
        private final TreeMap<Integer, String> names = new TreeMap<>();
        private final TreeMap<Integer, Attributes> items = new TreeMap<>();
        private String inline;
        private String uri;
        private String firstKind;

        void add(XMLStreamReader xml, VR vr, int depth, String context) throws XMLStreamException, DicomXmlException {
            String kind = xml.getLocalName();
            if (firstKind != null && !firstKind.equals(kind)) {
                throw error(xml, context + "<" + kind + "> cannot follow <" + firstKind + "> in one attribute");
            }
            firstKind = kind;
            switch (kind) {
                case "Value" -> put(values, number(xml, values, context), leafText(xml, context), xml, context);
                case "PersonName" -> put(names, number(xml, names, context), personName(xml, context), xml, context);
                case "Item" -> {
                    int number = number(xml, items, context);
                    if (depth + 1 > options.maxSequenceDepth()) {
                        throw error(xml, context + "sequences nested more than " + options.maxSequenceDepth() + " deep");
                    }
                    put(items, number, datasetContent(xml, depth + 1), xml, context);
                }
                case "InlineBinary" -> {
                    once(inline, xml, context);
                    inline = leafText(xml, context);
                }
                case "BulkData" -> {
                    once(uri, xml, context);
                    uri = bulkDataUri(xml, context);
                }
                default -> throw error(xml, context + "unexpected element <" + kind
                        + "> (expected Value, PersonName, Item, BulkData or InlineBinary)");
            }
        }

        Object value(XMLStreamReader xml, VR vr, Location at, String context) throws DicomXmlException {
            try {
                if (vr == VR.SQ) {
                    if (inline != null || uri != null || !values.isEmpty() || !names.isEmpty()) {
                        throw new ValueFormatException(-1, "a sequence holds <Item> elements only");
                    }
                    return new ArrayList<>(items.values());
                }
                if (!items.isEmpty()) {
                    throw new ValueFormatException(-1, "only a sequence (VR SQ) holds <Item> elements, not " + vr);
                }
                if (inline != null) {
                    byte[] bytes = ModelValueParsers.base64(inline);
                    return bytes.length == 0 ? null : ModelValueParsers.inline(vr, bytes);
                }
                if (uri != null) {
                    return uri.isEmpty() ? null : BulkDataUris.parse(uri, options.trustFileUris());
                }
                if (!names.isEmpty() && vr != VR.PN) {
                    throw new ValueFormatException(-1, "only VR PN holds <PersonName> elements, not " + vr);
                }
                List<String> texts = dense(vr == VR.PN && !names.isEmpty() ? names : values);
                return texts.isEmpty() ? null : stored(vr, texts);
            } catch (ValueFormatException e) {
                throw new DicomXmlException(context + e.getMessage()
                        + (e.valueIndex() >= 0 ? " (Value number " + (e.valueIndex() + 1) + ")" : ""),
                        at.getLineNumber(), at.getColumnNumber());
            }
        }

        private Object stored(VR vr, List<String> texts) throws ValueFormatException {
            switch (vr.kind()) {
                case BYTES -> throw new ValueFormatException(-1, vr + " values are carried in <InlineBinary> or <BulkData>, not <Value>");
                case BINARY_NUMBER, TAG -> {
                    List<String> present = nullForEmpty(texts);
                    byte[] bytes = vr == VR.AT ? ModelValueParsers.tags(present) : ModelValueParsers.numbers(vr, present);
                    return bytes.length == 0 ? null : bytes;
                }
                default -> {
                    if (vr.kind() == VR.Kind.TEXT && texts.size() > 1) {
                        throw new ValueFormatException(1, vr + " holds one value, found " + texts.size());
                    }
                    for (int k = 0; k < texts.size(); k++) {
                        if (vr.kind() == VR.Kind.STRING && texts.get(k).indexOf('\\') >= 0) {
                            throw new ValueFormatException(k, "a " + vr + " value contains a backslash, which DICOM reserves to separate values");
                        }
                    }
                    return texts.toArray(new String[0]);
                }
            }
        }

        private List<String> dense(TreeMap<Integer, String> numbered) throws ValueFormatException {
            if (numbered.isEmpty()) {
                return List.of();
            }
            int last = numbered.lastKey();
            if (last > 2 * numbered.size() + MAX_NUMBER_SLACK) {
                throw new ValueFormatException(-1, "Value numbers run to " + last + " for " + numbered.size() + " values");
            }
            List<String> texts = new ArrayList<>(last);
            for (int n = 1; n <= last; n++) {
                String text = numbered.get(n);
                texts.add(text == null ? "" : text);
            }
            return texts;
        }
    }

    /** Binary values have no empty form: trailing empty Values are dropped (they move no other value), others stay null. */
    private static List<String> nullForEmpty(List<String> texts) {
        int count = texts.size();
        while (count > 0 && texts.get(count - 1).isEmpty()) {
            count--;
        }
        List<String> out = new ArrayList<>(count);
        for (String text : texts.subList(0, count)) {
            out.add(text.isEmpty() ? null : text);
        }
        return out;
    }

    private static <T> void put(Map<Integer, T> numbered, int number, T value, XMLStreamReader xml, String context)
            throws DicomXmlException {
        if (numbered.putIfAbsent(number, value) != null) {
            throw error(xml, context + "number=\"" + number + "\" appears twice");
        }
    }

    private static void once(String previous, XMLStreamReader xml, String context) throws DicomXmlException {
        if (previous != null) {
            throw error(xml, context + "<" + xml.getLocalName() + "> appears twice");
        }
    }

    /** The element's number attribute, or the next number in document order when it has none. */
    private static int number(XMLStreamReader xml, TreeMap<Integer, ?> seen, String context) throws DicomXmlException {
        String text = xml.getAttributeValue(null, "number");
        if (text == null) {
            return seen.isEmpty() ? 1 : seen.lastKey() + 1;
        }
        try {
            int number = Integer.parseInt(text.trim());
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw error(xml, context + "number=\"" + ModelValueParsers.abbreviate(text) + "\" is not a positive integer");
    }

    private String personName(XMLStreamReader xml, String context) throws XMLStreamException, DicomXmlException {
        String[] groups = new String[PersonNameGroups.GROUP_NAMES.size()];
        while (nextStructural(xml) == XMLStreamConstants.START_ELEMENT) {
            int group = PersonNameGroups.GROUP_NAMES.indexOf(xml.getLocalName());
            if (group < 0) {
                throw error(xml, context + "unexpected element <" + xml.getLocalName()
                        + "> in <PersonName> (expected Alphabetic, Ideographic or Phonetic)");
            }
            if (groups[group] != null) {
                throw error(xml, context + "<" + xml.getLocalName() + "> appears twice in one <PersonName>");
            }
            String[] components = new String[PersonNameGroups.COMPONENT_NAMES.size()];
            while (nextStructural(xml) == XMLStreamConstants.START_ELEMENT) {
                int component = PersonNameGroups.COMPONENT_NAMES.indexOf(xml.getLocalName());
                if (component < 0) {
                    throw error(xml, context + "unexpected element <" + xml.getLocalName() + "> in a person name group");
                }
                if (components[component] != null) {
                    throw error(xml, context + "<" + xml.getLocalName() + "> appears twice in one person name group");
                }
                components[component] = leafText(xml, context);
            }
            groups[group] = PersonNameGroups.join(components, '^');
        }
        return PersonNameGroups.join(groups, '=');
    }

    private static String bulkDataUri(XMLStreamReader xml, String context) throws XMLStreamException, DicomXmlException {
        String uri = xml.getAttributeValue(null, "uri");
        if (uri == null) {
            String uuid = xml.getAttributeValue(null, "uuid");
            if (uuid == null) {
                throw error(xml, context + "<BulkData> has neither a uri nor a uuid");
            }
            uri = "urn:uuid:" + uuid;
        }
        if (nextStructural(xml) != XMLStreamConstants.END_ELEMENT) {
            throw error(xml, context + "<BulkData> must be empty");
        }
        return uri;
    }

    /** The text of an element that holds only text (comments aside), exactly as written. */
    private static String leafText(XMLStreamReader xml, String context) throws XMLStreamException, DicomXmlException {
        String name = xml.getLocalName();
        StringBuilder text = new StringBuilder();
        while (true) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> text.append(xml.getText());
                case XMLStreamConstants.END_ELEMENT -> {
                    return text.toString();
                }
                case XMLStreamConstants.COMMENT, XMLStreamConstants.PROCESSING_INSTRUCTION -> {
                }
                case XMLStreamConstants.START_ELEMENT -> throw error(xml, context + "unexpected element <" + xml.getLocalName()
                        + "> inside <" + name + ">, which holds text only");
                default -> throw unexpected(xml, event);
            }
        }
    }

    /**
     * Moves to the next start or end tag, passing over comments, processing instructions and whitespace; refuses text,
     * DTDs and entity references.
     */
    private static int nextStructural(XMLStreamReader xml) throws XMLStreamException, DicomXmlException {
        while (true) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT, XMLStreamConstants.END_ELEMENT -> {
                    return event;
                }
                case XMLStreamConstants.COMMENT, XMLStreamConstants.PROCESSING_INSTRUCTION, XMLStreamConstants.SPACE,
                        XMLStreamConstants.START_DOCUMENT -> {
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                    if (!xml.isWhiteSpace()) {
                        throw error(xml, "unexpected text \"" + ModelValueParsers.abbreviate(xml.getText().strip()) + "\"");
                    }
                }
                default -> throw unexpected(xml, event);
            }
        }
    }

    private static DicomXmlException unexpected(XMLStreamReader xml, int event) {
        return switch (event) {
            case XMLStreamConstants.DTD -> error(xml, "DTDs are not allowed (they open the door to external entities)");
            case XMLStreamConstants.ENTITY_REFERENCE -> error(xml, "entity references are not allowed");
            case XMLStreamConstants.END_DOCUMENT -> error(xml, "the document ends early");
            default -> error(xml, "unexpected XML event " + event);
        };
    }

    private static DicomXmlException error(XMLStreamReader xml, String problem) {
        Location at = xml.getLocation();
        return new DicomXmlException(problem, at == null ? -1 : at.getLineNumber(), at == null ? -1 : at.getColumnNumber());
    }

    private static DicomXmlException asXmlError(XMLStreamException e) {
        Location at = e.getLocation();
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        int marker = message.indexOf("Message: ");
        return new DicomXmlException("not well-formed XML: " + (marker >= 0 ? message.substring(marker + 9) : message).strip(),
                at == null ? -1 : at.getLineNumber(), at == null ? -1 : at.getColumnNumber(), e);
    }

    /** One element read, waiting to be stored once its private block is known. */
    private record Pending(int tag, VR vr, Object value, String creator, Location at) {

        @SuppressWarnings("unchecked")
        void storeIn(Attributes dataset, int actualTag) throws DicomXmlException {
            if (dataset.contains(actualTag)) {
                throw error("attribute " + Tags.toString(actualTag) + " appears twice");
            }
            if (vr == VR.SQ) {
                List<Attributes> items = (List<Attributes>) value;
                Sequence sequence = dataset.newSequence(actualTag, items.size());
                for (Attributes item : items) {
                    sequence.add(item);
                }
            } else {
                dataset.setValue(actualTag, vr, value);
            }
        }

        DicomXmlException error(String problem) {
            return new DicomXmlException(problem, at.getLineNumber(), at.getColumnNumber());
        }
    }

    /** Caps the document size and remembers whether the underlying stream failed (a transport problem, not bad XML). */
    private static final class LimitedInputStream extends FilterInputStream {
        private final long limit;
        private long count;
        private boolean overLimit;
        private IOException transportFailure;

        LimitedInputStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n;
            try {
                n = super.read(b, off, len);
            } catch (IOException e) {
                transportFailure = e;
                throw e;
            }
            if (n > 0) {
                count += n;
                if (count > limit) {
                    overLimit = true;
                    throw new IOException("document exceeds " + limit + " bytes");
                }
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            return Math.max(0, read(new byte[(int) Math.min(n, 8192)], 0, (int) Math.min(n, 8192)));
        }
    }
}
