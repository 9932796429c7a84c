package org.lumen.ai.tasks;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.lumen.ai.train.TrainConfig;

/**
 * Reads a training configuration file (YAML, so JSON too): it names a {@code task} and changes any of that preset's
 * {@link TrainConfig} fields; nested objects ({@code network}, {@code augmentation}, {@code preprocessing}) are merged
 * field by field. Paths ({@code npz}, {@code images}, {@code out}) are relative to the working folder. Example:
 * <pre>
 * task: breast-us
 * npz: ../shared/data/medmnist/breastmnist.npz
 * epochs: 30
 * augmentation: {rotationDegrees: 15}
 * </pre>
 */
public final class TrainConfigFile {
    private static final ObjectMapper YAML = new YAMLMapper();

    private TrainConfigFile() {
    }

    public static TrainConfig read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("no such configuration file: " + file);
        }
        JsonNode changes;
        try {
            changes = YAML.readTree(file.toFile());
        } catch (JacksonException e) {
            throw new IOException(file + " is not valid YAML: " + e.getOriginalMessage(), e);
        }
        if (changes == null || !changes.isObject() || !changes.hasNonNull("task")) {
            throw new IOException(file + " must be a YAML mapping naming a task (one of " + Tasks.names() + ")");
        }
        TaskPreset preset = Tasks.get(changes.get("task").asText());
        ObjectNode merged = YAML.valueToTree(preset.defaults());
        merge(merged, changes);
        try {
            return YAML.treeToValue(merged, TrainConfig.class);
        } catch (JacksonException e) {
            throw new IOException(file + ": " + e.getOriginalMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    private static void merge(ObjectNode into, JsonNode changes) {
        changes.properties().forEach(field -> {
            if (field.getValue().isObject() && into.get(field.getKey()) instanceof ObjectNode nested) {
                merge(nested, field.getValue());
            } else {
                into.set(field.getKey(), field.getValue());
            }
        });
    }
}
