package org.lumen.server.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds a {@link NodeConfig}: defaults, then the YAML file, then environment variables. Every scalar setting has one
 * variable named after its path: {@code dicom.aeTitle} is {@code LUMEN_DICOM_AE_TITLE}, {@code archive.jdbcUrl} is
 * {@code LUMEN_ARCHIVE_JDBC_URL}. Command-line flags are applied last by the caller. Unknown keys are errors, so a typo
 * never silently leaves a default in place.
 */
public final class NodeConfigLoader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new SimpleModule().addSerializer(Path.class, ToStringSerializer.instance))
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private NodeConfigLoader() {
    }

    /**
     * @param file the YAML file, or null for none
     * @param env  the environment (System.getenv() in production)
     */
    public static NodeConfig load(Path file, Map<String, String> env) throws ConfigException {
        ObjectNode tree = YAML.valueToTree(NodeConfig.defaults());
        if (file != null) {
            mergeInto(tree, readFile(file), "");
        }
        applyEnvironment(tree, "", env);
        try {
            return YAML.treeToValue(tree, NodeConfig.class);
        } catch (JsonMappingException e) {
            String setting = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName()
                    : String.valueOf(r.getIndex())).collect(Collectors.joining("."));
            throw new ConfigException("configuration" + (file == null ? "" : " " + file) + ": setting '" + setting
                    + "': " + e.getOriginalMessage());
        } catch (JacksonException e) {
            throw new ConfigException("configuration" + (file == null ? "" : " " + file) + ": " + e.getOriginalMessage());
        }
    }

    /** The effective configuration as YAML (for `lumen serve --print-config` and docs). */
    public static String toYaml(NodeConfig config) {
        try {
            return YAML.writeValueAsString(config);
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot write configuration", e);
        }
    }

    /** The variable that overrides a setting, from its dotted path: dicom.aeTitle -> LUMEN_DICOM_AE_TITLE. */
    public static String environmentName(String path) {
        return "LUMEN_" + path.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replace('.', '_').toUpperCase();
    }

    /** Every setting's dotted path, in file order (for documentation and its test). */
    public static List<String> settingPaths() {
        List<String> paths = new ArrayList<>();
        collectPaths(YAML.valueToTree(NodeConfig.defaults()), "", paths);
        return paths;
    }

    private static void collectPaths(JsonNode node, String prefix, List<String> out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String path = prefix + field.getKey();
            if (field.getValue().isObject() && !field.getValue().isEmpty()) {
                collectPaths(field.getValue(), path + ".", out);
            } else {
                out.add(path);
            }
        }
    }

    private static JsonNode readFile(Path file) throws ConfigException {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("configuration file not found: " + file);
        }
        try {
            JsonNode node = YAML.readTree(file.toFile());
            if (node == null || node.isMissingNode() || node.isNull()) {
                return YAML.createObjectNode();
            }
            if (!node.isObject()) {
                throw new ConfigException("configuration " + file + ": the top level must be a mapping of settings");
            }
            return node;
        } catch (JacksonException e) {
            throw new ConfigException("configuration " + file + " is not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException("cannot read configuration " + file + ": " + e.getMessage());
        }
    }

    /** Deep merge: mappings merge key by key; anything else replaces. Keys we do not know are reported by path. */
    private static void mergeInto(ObjectNode target, JsonNode source, String prefix) throws ConfigException {
        for (Iterator<Map.Entry<String, JsonNode>> it = source.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String path = prefix + field.getKey();
            JsonNode existing = target.get(field.getKey());
            if (existing == null) {
                throw new ConfigException("unknown setting '" + path + "' (see docs/configuration.md)");
            }
            boolean openMapping = existing.isObject() && existing.isEmpty();   // e.g. remoteAes: keys are the user's
            if (existing.isObject() && field.getValue().isObject() && !openMapping) {
                mergeInto((ObjectNode) existing, field.getValue(), path + ".");
            } else {
                target.set(field.getKey(), field.getValue());
            }
        }
    }

    private static void applyEnvironment(ObjectNode node, String prefix, Map<String, String> env) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String path = prefix + field.getKey();
            if (field.getValue().isObject() && !field.getValue().isEmpty()) {
                applyEnvironment((ObjectNode) field.getValue(), path + ".", env);
            } else {
                String value = env.get(environmentName(path));
                if (value != null && field.getValue().isArray()) {
                    ArrayNode list = node.arrayNode();          // lists are comma-separated in a variable
                    Arrays.stream(value.split(",")).map(String::strip).filter(v -> !v.isEmpty()).forEach(list::add);
                    field.setValue(list);
                } else if (value != null && field.getValue().isValueNode()) {
                    field.setValue(TextNode.valueOf(value));   // Jackson coerces "11113" to an int field
                }
            }
        }
    }
}
