package org.lumen.ai.seg;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.lumen.ai.train.Checkpoints;

/**
 * Every epoch's checkpoint of a segmentation run: {@code last.params}, {@code best.params} (when the epoch improved) and
 * {@code history.json} (epochs and the kept one), each written to a temporary file and renamed, so a crash never leaves a
 * half-written file. Resuming from them is not implemented yet (the weights can be loaded with {@link Segmenter#load}).
 */
final class SegmentationCheckpoints {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Path dir;

    SegmentationCheckpoints(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
    }

    void save(List<SegmentationEpoch> history, int bestEpoch, byte[] last, boolean best) throws IOException {
        write("last.params", last);
        if (best) {
            write("best.params", last);
        }
        write("history.json", JSON.writeValueAsBytes(Map.of("best_epoch", bestEpoch, "epochs", history)));
    }

    private void write(String name, byte[] bytes) throws IOException {
        Checkpoints.writeAtomically(dir, name, bytes);
    }
}
