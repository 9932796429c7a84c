package org.lumen.dicom.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Sequence;
import org.lumen.dicom.data.Tags;
import org.lumen.dicom.data.VR;
import org.lumen.dicom.dict.ElementDictionary;
import org.lumen.dicom.json.JsonTree.ArrayNode;
import org.lumen.dicom.json.JsonTree.LiteralNode;
import org.lumen.dicom.json.JsonTree.Node;
import org.lumen.dicom.json.JsonTree.NumberNode;
import org.lumen.dicom.json.JsonTree.ObjectNode;
import org.lumen.dicom.json.JsonTree.StringNode;
import org.lumen.dicom.model.BulkDataUris;
import org.lumen.dicom.model.ModelReadOptions;
import org.lumen.dicom.model.ModelValueParsers;
import org.lumen.dicom.model.PersonNameGroups;
import org.lumen.dicom.model.ValueFormatException;

/**
 * Reads the DICOM JSON Model (PS3.18 F.2) into {@link Attributes}. Tolerant where the standard leaves room or producers
 * differ: members in any order, DS/IS as numbers or strings, binary numbers as strings, a missing {@code "vr"} (taken from
 * the dictionary), PN as a plain string, lower-case hex in tags. Strict where a guess would change the data: unknown VRs or
 * members, wrong JSON types, duplicate members, values out of range, bad base64.
 *
 * <p>Every problem with the document is a {@link DicomJsonException} naming the JSON path, line and column; nesting depth
 * and document size are limited by {@link ModelReadOptions}. Values come back as {@code String[]} for strings, little
 * endian bytes for numbers and InlineBinary, {@link org.lumen.dicom.data.Fragments} for an encapsulated InlineBinary, and
 * {@link org.lumen.dicom.data.BulkDataUri} (or, for trusted {@code file:} URIs, {@link org.lumen.dicom.data.BulkData}) for
 * BulkDataURI.
 *
 * <p>Immutable; one reader may serve many threads.
 */
public final class DicomJsonReader {
    /** JSON levels per sequence level: the item object, the attribute object, the Value array. */
    private static final int JSON_LEVELS_PER_SEQUENCE = 3;
    /** Root array, dataset object, attribute object, Value array, PN object. */
    private static final int JSON_LEVELS_OUTSIDE = 5;

    private final ModelReadOptions options;
    private final JsonFactory factory;
    private final ElementDictionary dictionary = ElementDictionary.standard();

    public DicomJsonReader() {
        this(ModelReadOptions.DEFAULT);
    }

    public DicomJsonReader(ModelReadOptions options) {
        this.options = options;
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(maxJsonDepth() + 10)
                .maxDocumentLength(options.maxDocumentBytes())
                .maxStringLength((int) Math.min(options.maxDocumentBytes(), Integer.MAX_VALUE - 64))
                .maxNumberLength(1000)
                .build();
        this.factory = JsonFactory.builder().streamReadConstraints(constraints).build();
    }

    public ModelReadOptions options() {
        return options;
    }

    /** One dataset from a JSON object. */
    public Attributes read(byte[] json) throws DicomJsonException {
        return datasetOf(parseInMemory(() -> factory.createParser(json)));
    }

    public Attributes read(String json) throws DicomJsonException {
        return datasetOf(parseInMemory(() -> factory.createParser(json)));
    }

    /** One dataset from a stream (not closed). A failure of the stream itself is a plain IOException. */
    public Attributes read(InputStream in) throws IOException {
        return datasetOf(parseStream(in));
    }

    /** The datasets of a JSON array (a DICOMweb response), or the single dataset of a JSON object. */
    public List<Attributes> readList(byte[] json) throws DicomJsonException {
        return datasetsOf(parseInMemory(() -> factory.createParser(json)));
    }

    public List<Attributes> readList(InputStream in) throws IOException {
        return datasetsOf(parseStream(in));
    }

    /** Opens a parser on input that is already in memory, so that every IOException is about the document. */
    private interface ParserSource {
        JsonParser open() throws IOException;
    }

    private Node parseInMemory(ParserSource source) throws DicomJsonException {
        try {
            return parse(source.open());
        } catch (DicomJsonException e) {
            throw e;
        } catch (IOException e) {
            throw asJsonError(e);
        }
    }

    private Node parseStream(InputStream in) throws IOException {
        TrackingInputStream tracked = new TrackingInputStream(in);
        try {
            return parse(factory.createParser(tracked));
        } catch (DicomJsonException e) {
            throw e;
        } catch (IOException e) {
            if (tracked.failed) {
                throw e;
            }
            throw asJsonError(e);
        }
    }

    private Node parse(JsonParser parser) throws IOException {
        try (parser) {
            parser.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
            return JsonTree.read(parser, maxJsonDepth());
        }
    }

    private int maxJsonDepth() {
        return JSON_LEVELS_OUTSIDE + JSON_LEVELS_PER_SEQUENCE * options.maxSequenceDepth();
    }

    private static DicomJsonException asJsonError(IOException e) {
        if (e instanceof JsonProcessingException jpe) {
            JsonLocation at = jpe.getLocation();
            return new DicomJsonException("not valid JSON: " + jpe.getOriginalMessage(), "$",
                    at == null ? -1 : at.getLineNr(), at == null ? -1 : at.getColumnNr(), e);
        }
        // Character decoding problems (malformed UTF-32 and the like) surface as other IOExceptions.
        return new DicomJsonException("not valid JSON text: " + e.getMessage(), "$", -1, -1, e);
    }

    private List<Attributes> datasetsOf(Node root) throws DicomJsonException {
        if (root instanceof ObjectNode) {
            return List.of(datasetOf(root));
        }
        if (!(root instanceof ArrayNode array)) {
            throw error("the document must be a JSON array of datasets or one dataset object, found " + root.kind(), JsonPath.ROOT, root);
        }
        List<Attributes> datasets = new ArrayList<>(array.elements().size());
        for (int i = 0; i < array.elements().size(); i++) {
            Node element = array.elements().get(i);
            if (!(element instanceof ObjectNode object)) {
                throw error("each dataset must be a JSON object, found " + element.kind(), JsonPath.ROOT.index(i), element);
            }
            datasets.add(dataset(object, JsonPath.ROOT.index(i), 0));
        }
        return datasets;
    }

    private Attributes datasetOf(Node root) throws DicomJsonException {
        if (!(root instanceof ObjectNode object)) {
            throw error("a DICOM JSON dataset must be a JSON object, found " + root.kind(), JsonPath.ROOT, root);
        }
        return dataset(object, JsonPath.ROOT, 0);
    }

    private Attributes dataset(ObjectNode object, JsonPath path, int depth) throws DicomJsonException {
        Attributes dataset = new Attributes(Math.max(object.members().size(), 4));
        for (Map.Entry<String, Node> member : object.members().entrySet()) {
            JsonPath memberPath = path.member(member.getKey());
            int tag = tagOf(member.getKey(), memberPath, member.getValue());
            if (dataset.contains(tag)) {
                throw error("tag " + Tags.toString(tag) + " appears twice", memberPath, member.getValue());
            }
            element(dataset, tag, member.getValue(), memberPath, depth);
        }
        return dataset;
    }

    private static int tagOf(String key, JsonPath path, Node node) throws DicomJsonException {
        if (key.length() != 8 || !ModelValueParsers.isHex(key)) {
            throw error("\"" + ModelValueParsers.abbreviate(key) + "\" is not a tag: attribute names are 8 hex digits such as \"00100010\"",
                    path, node);
        }
        int tag = (int) Long.parseLong(key, 16);
        if (Tags.isDelimiter(tag)) {
            throw error(Tags.toString(tag) + " is an item or delimitation tag, not an attribute", path, node);
        }
        return tag;
    }

    private void element(Attributes dataset, int tag, Node node, JsonPath path, int depth) throws DicomJsonException {
        if (!(node instanceof ObjectNode attribute)) {
            throw error("an attribute must be an object with \"vr\" and \"Value\", \"InlineBinary\" or \"BulkDataURI\", found "
                    + node.kind(), path, node);
        }
        String vrName = null;
        ArrayNode values = null;
        StringNode inline = null;
        StringNode uri = null;
        int forms = 0;
        for (Map.Entry<String, Node> member : attribute.members().entrySet()) {
            JsonPath memberPath = path.member(member.getKey());
            Node value = member.getValue();
            switch (member.getKey()) {
                case "vr" -> vrName = expect(StringNode.class, value, memberPath, "\"vr\" must be a string such as \"CS\"").value();
                case "Value" -> {
                    values = expect(ArrayNode.class, value, memberPath, "\"Value\" must be an array");
                    forms++;
                }
                case "InlineBinary" -> {
                    inline = expect(StringNode.class, value, memberPath, "\"InlineBinary\" must be a base64 string");
                    forms++;
                }
                case "BulkDataURI" -> {
                    uri = expect(StringNode.class, value, memberPath, "\"BulkDataURI\" must be a string");
                    forms++;
                }
                default -> throw error("unknown member \"" + ModelValueParsers.abbreviate(member.getKey())
                        + "\" (an attribute has \"vr\" and one of \"Value\", \"InlineBinary\", \"BulkDataURI\")", memberPath, value);
            }
        }
        if (forms > 1) {
            throw error("an attribute has at most one of \"Value\", \"InlineBinary\" and \"BulkDataURI\"", path, node);
        }
        VR vr = vrOf(tag, vrName, values != null, path, attribute);
        Object stored;
        if (inline != null) {
            stored = inlineValue(vr, inline, path.member("InlineBinary"));
        } else if (uri != null) {
            if (vr == VR.SQ) {
                throw error("a sequence cannot be a BulkDataURI", path.member("BulkDataURI"), uri);
            }
            // An empty URI (seen from pydicom) refers to nothing: the element is present without a value.
            stored = uri.value().isEmpty() ? null : BulkDataUris.parse(uri.value(), options.trustFileUris());
        } else if (values != null) {
            if (vr == VR.SQ) {
                sequence(dataset, tag, values, path.member("Value"), depth);
                return;
            }
            stored = values(vr, values, path.member("Value"));
        } else {
            stored = null;
        }
        if (vr == VR.SQ && stored == null) {
            dataset.newSequence(tag, 0);
        } else {
            dataset.setValue(tag, vr, stored);
        }
    }

    private VR vrOf(int tag, String vrName, boolean hasValues, JsonPath path, ObjectNode attribute) throws DicomJsonException {
        if (vrName != null) {
            VR vr = VR.ofName(vrName);
            if (vr == null) {
                throw error("unknown VR \"" + ModelValueParsers.abbreviate(vrName) + "\"", path.member("vr"), attribute.members().get("vr"));
            }
            return vr;
        }
        VR vr = Tags.isPrivateCreator(tag) ? VR.LO : dictionary.vrOf(tag);
        if ((vr == null || vr == VR.UN) && hasValues) {
            throw error("no \"vr\" and the dictionary does not know " + Tags.toString(tag) + "; add its \"vr\"", path, attribute);
        }
        return vr == null ? VR.UN : vr;
    }

    private Object inlineValue(VR vr, StringNode inline, JsonPath path) throws DicomJsonException {
        if (vr == VR.SQ) {
            throw error("a sequence cannot be InlineBinary", path, inline);
        }
        try {
            byte[] bytes = ModelValueParsers.base64(inline.value());
            return bytes.length == 0 ? null : ModelValueParsers.inline(vr, bytes);
        } catch (ValueFormatException e) {
            throw error(e.getMessage(), path, inline);
        }
    }

    private void sequence(Attributes dataset, int tag, ArrayNode values, JsonPath path, int depth) throws DicomJsonException {
        if (depth + 1 > options.maxSequenceDepth()) {
            throw error("sequences nested more than " + options.maxSequenceDepth() + " deep", path, values);
        }
        List<Attributes> items = new ArrayList<>(values.elements().size());
        for (int i = 0; i < values.elements().size(); i++) {
            Node element = values.elements().get(i);
            if (!(element instanceof ObjectNode item)) {
                throw error("a sequence item must be a JSON object, found " + element.kind(), path.index(i), element);
            }
            items.add(dataset(item, path.index(i), depth + 1));
        }
        Sequence sequence = dataset.newSequence(tag, items.size());
        for (Attributes item : items) {
            sequence.add(item);
        }
    }

    private Object values(VR vr, ArrayNode array, JsonPath path) throws DicomJsonException {
        List<Node> elements = array.elements();
        if (elements.isEmpty()) {
            return null;
        }
        switch (vr.kind()) {
            case BYTES -> throw error(vr + " values are carried in \"InlineBinary\" or \"BulkDataURI\", not \"Value\"", path, array);
            case BINARY_NUMBER, TAG -> {
                List<String> texts = numberTexts(vr, elements, path);
                try {
                    byte[] bytes = vr == VR.AT ? ModelValueParsers.tags(texts) : ModelValueParsers.numbers(vr, texts);
                    return bytes.length == 0 ? null : bytes;
                } catch (ValueFormatException e) {
                    throw error(e.getMessage(), e.valueIndex() < 0 ? path : path.index(e.valueIndex()),
                            e.valueIndex() < 0 ? array : elements.get(e.valueIndex()));
                }
            }
            default -> {
                return strings(vr, elements, path);
            }
        }
    }

    /**
     * The texts of binary number or AT values. Trailing nulls (pydicom writes them for missing values) are dropped: binary
     * values have no empty form, and dropping them moves no other value. A null before a value is an error.
     */
    private static List<String> numberTexts(VR vr, List<Node> elements, JsonPath path) throws DicomJsonException {
        int count = elements.size();
        while (count > 0 && elements.get(count - 1) instanceof LiteralNode literal && literal.isNull()) {
            count--;
        }
        List<String> texts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Node element = elements.get(i);
            if (element instanceof NumberNode number && vr != VR.AT) {
                texts.add(number.text());
            } else if (element instanceof StringNode string) {
                texts.add(string.value());
            } else {
                throw error((vr == VR.AT ? "an AT value must be a string such as \"00100010\"" : "a " + vr + " value must be a number")
                        + ", found " + element.kind(), path.index(i), element);
            }
        }
        return texts;
    }

    private static String[] strings(VR vr, List<Node> elements, JsonPath path) throws DicomJsonException {
        if (vr.kind() == VR.Kind.TEXT && elements.size() > 1) {
            throw error(vr + " holds one value, found " + elements.size(), path, elements.get(1));
        }
        String[] strings = new String[elements.size()];
        for (int i = 0; i < elements.size(); i++) {
            Node element = elements.get(i);
            JsonPath elementPath = path.index(i);
            String value;
            if (element instanceof LiteralNode literal && literal.isNull()) {
                value = "";
            } else if (element instanceof StringNode string) {
                value = string.value();
            } else if (element instanceof NumberNode number && (vr == VR.DS || vr == VR.IS)) {
                value = number.text();
            } else if (element instanceof ObjectNode name && vr == VR.PN) {
                value = personName(name, elementPath);
            } else {
                throw error("a " + vr + " value must be " + (vr == VR.PN ? "an object with \"Alphabetic\"" : "a string")
                        + (vr == VR.DS || vr == VR.IS ? " or a number" : "") + " or null, found " + element.kind(), elementPath, element);
            }
            if (vr.kind() == VR.Kind.STRING && value.indexOf('\\') >= 0) {
                throw error("a " + vr + " value contains a backslash, which DICOM reserves to separate values", elementPath, element);
            }
            strings[i] = value;
        }
        return strings;
    }

    private static String personName(ObjectNode name, JsonPath path) throws DicomJsonException {
        String[] groups = new String[PersonNameGroups.GROUP_NAMES.size()];
        for (Map.Entry<String, Node> member : name.members().entrySet()) {
            int group = PersonNameGroups.GROUP_NAMES.indexOf(member.getKey());
            JsonPath memberPath = path.member(member.getKey());
            if (group < 0) {
                throw error("unknown person name member \"" + ModelValueParsers.abbreviate(member.getKey())
                        + "\" (expected Alphabetic, Ideographic or Phonetic)", memberPath, member.getValue());
            }
            Node value = member.getValue();
            if (value instanceof StringNode string) {
                groups[group] = string.value();
            } else if (!(value instanceof LiteralNode literal && literal.isNull())) {
                throw error("a person name group must be a string, found " + value.kind(), memberPath, value);
            }
        }
        return PersonNameGroups.join(groups, '=');
    }

    private static <T extends Node> T expect(Class<T> type, Node node, JsonPath path, String problem) throws DicomJsonException {
        if (!type.isInstance(node)) {
            throw error(problem + ", found " + node.kind(), path, node);
        }
        return type.cast(node);
    }

    private static DicomJsonException error(String problem, JsonPath path, Node node) {
        return new DicomJsonException(problem, path.toString(), node.line(), node.column());
    }

    /** Remembers whether the underlying stream failed, to tell a broken connection from a broken document. */
    private static final class TrackingInputStream extends FilterInputStream {
        private boolean failed;

        TrackingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                failed = true;
                throw e;
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (IOException e) {
                failed = true;
                throw e;
            }
        }
    }
}
