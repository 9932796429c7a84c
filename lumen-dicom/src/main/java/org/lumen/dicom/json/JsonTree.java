package org.lumen.dicom.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lumen.dicom.model.ModelValueParsers;

/**
 * A minimal JSON tree with the location of every node, read with Jackson's streaming parser. The reader builds it first so
 * that members may come in any order ({@code "Value"} before {@code "vr"}), and checks while building what JSON itself does
 * not: nesting depth, duplicate member names and unpaired surrogates.
 */
final class JsonTree {

    /** A JSON value and where it starts. */
    sealed interface Node permits ObjectNode, ArrayNode, StringNode, NumberNode, LiteralNode {
        int line();

        int column();

        /** What kind of JSON value this is, for messages. */
        String kind();
    }

    record ObjectNode(Map<String, Node> members, int line, int column) implements Node {
        public String kind() {
            return "an object";
        }
    }

    record ArrayNode(List<Node> elements, int line, int column) implements Node {
        public String kind() {
            return "an array";
        }
    }

    record StringNode(String value, int line, int column) implements Node {
        public String kind() {
            return "a string";
        }
    }

    /** A number kept as its exact text, so that "1.50" stays "1.50". */
    record NumberNode(String text, int line, int column) implements Node {
        public String kind() {
            return "a number";
        }
    }

    /** true, false or null. */
    record LiteralNode(JsonToken token, int line, int column) implements Node {
        boolean isNull() {
            return token == JsonToken.VALUE_NULL;
        }

        public String kind() {
            return isNull() ? "null" : token == JsonToken.VALUE_TRUE ? "true" : "false";
        }
    }

    private final JsonParser parser;
    private final int maxDepth;

    private JsonTree(JsonParser parser, int maxDepth) {
        this.parser = parser;
        this.maxDepth = maxDepth;
    }

    /** Reads one JSON value, the whole document: anything after it is an error. */
    static Node read(JsonParser parser, int maxDepth) throws IOException {
        JsonTree tree = new JsonTree(parser, maxDepth);
        JsonToken first = parser.nextToken();
        if (first == null) {
            throw new DicomJsonException("the document is empty", "$", 1, 1);
        }
        Node root = tree.value(first, JsonPath.ROOT, 1);
        JsonToken after = parser.nextToken();
        if (after != null) {
            JsonLocation at = parser.currentTokenLocation();
            throw new DicomJsonException("unexpected content after the end of the document", "$", at.getLineNr(), at.getColumnNr());
        }
        return root;
    }

    private Node value(JsonToken token, JsonPath path, int depth) throws IOException {
        JsonLocation at = parser.currentTokenLocation();
        int line = at.getLineNr();
        int column = at.getColumnNr();
        switch (token) {
            case START_OBJECT -> {
                checkDepth(depth, path, line, column);
                return object(path, depth, line, column);
            }
            case START_ARRAY -> {
                checkDepth(depth, path, line, column);
                List<Node> elements = new ArrayList<>();
                JsonToken next;
                while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
                    elements.add(value(next, path.index(elements.size()), depth + 1));
                }
                return new ArrayNode(elements, line, column);
            }
            case VALUE_STRING -> {
                return new StringNode(checkedText(parser.getText(), path, line, column), line, column);
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new NumberNode(parser.getText(), line, column);
            }
            case VALUE_TRUE, VALUE_FALSE, VALUE_NULL -> {
                return new LiteralNode(token, line, column);
            }
            default -> throw new DicomJsonException("unexpected JSON token " + token, path.toString(), line, column);
        }
    }

    private ObjectNode object(JsonPath path, int depth, int line, int column) throws IOException {
        Map<String, Node> members = new LinkedHashMap<>();
        JsonToken next;
        while ((next = parser.nextToken()) == JsonToken.FIELD_NAME) {
            JsonLocation at = parser.currentTokenLocation();
            String name = checkedText(parser.currentName(), path, at.getLineNr(), at.getColumnNr());
            JsonPath memberPath = path.member(name);
            if (members.containsKey(name)) {
                throw new DicomJsonException("member \"" + ModelValueParsers.abbreviate(name) + "\" appears twice", memberPath.toString(),
                        at.getLineNr(), at.getColumnNr());
            }
            members.put(name, value(parser.nextToken(), memberPath, depth + 1));
        }
        if (next != JsonToken.END_OBJECT) {
            throw new DicomJsonException("unexpected JSON token " + next, path.toString(), line, column);
        }
        return new ObjectNode(members, line, column);
    }

    private void checkDepth(int depth, JsonPath path, int line, int column) throws DicomJsonException {
        if (depth > maxDepth) {
            throw new DicomJsonException("JSON nested more than " + maxDepth + " levels deep (too many nested sequences)",
                    path.toString(), line, column);
        }
    }

    /** Rejects unpaired surrogates ("\ud800"): they are not characters, and no character set can encode them. */
    private static String checkedText(String text, JsonPath path, int line, int column) throws DicomJsonException {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new DicomJsonException("a string holds an unpaired UTF-16 surrogate (\\u" + Integer.toHexString(c)
                        + "), which is not a character", path.toString(), line, column);
            }
        }
        return text;
    }
}
