package org.lumen.ai.train;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.lumen.ai.net.NetworkSpec;

/**
 * The checkpoint folder of a run: after every epoch the current weights ({@code last.params}), the best weights so far
 * ({@code best.params}) and the loop's state ({@code state.json}), each written to a temporary file and moved into place
 * so that a run killed mid-write leaves the previous checkpoint whole. The optimiser's moment estimates are not kept: a
 * resumed run restarts AdamW's moments (the learning-rate schedule continues where it was).
 */
public final class Checkpoints {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path dir;

    /**
     * @param epoch                  the last epoch done
     * @param bestEpoch              the epoch of {@code best.params}
     * @param bestAuc                its validation AUC
     * @param epochsWithoutImprovement for early stopping
     * @param history                metrics of epochs 1..epoch
     * @param bestScores             validation scores of the best epoch
     * @param bestProbabilities      every class's validation probabilities at the best epoch (absent in older checkpoints)
     */
    record State(String task, NetworkSpec network, int epoch, int bestEpoch, double bestAuc, int epochsWithoutImprovement,
                 List<EpochMetrics> history, double[] bestScores, double[][] bestProbabilities) {
    }

    Checkpoints(Path dir) {
        this.dir = dir;
    }

    boolean exists() {
        return Files.isRegularFile(dir.resolve("state.json"));
    }

    void save(State state, byte[] lastParameters, byte[] bestParameters) throws IOException {
        Files.createDirectories(dir);
        write("last.params", lastParameters);
        if (bestParameters != null) {
            write("best.params", bestParameters);
        }
        write("state.json", JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(state));
    }

    State state() throws IOException {
        if (!exists()) {
            throw new IOException("nothing to resume: no checkpoint in " + dir + " (run once without --resume)");
        }
        return JSON.readValue(dir.resolve("state.json").toFile(), State.class);
    }

    byte[] last() throws IOException {
        return Files.readAllBytes(dir.resolve("last.params"));
    }

    byte[] best() throws IOException {
        return Files.readAllBytes(dir.resolve("best.params"));
    }

    private void write(String name, byte[] bytes) throws IOException {
        writeAtomically(dir, name, bytes);
    }

    /** Writes {@code dir/name} through a temporary file and an atomic rename, so a crash never leaves half a checkpoint. */
    public static void writeAtomically(Path dir, String name, byte[] bytes) throws IOException {
        Path temporary = dir.resolve(name + ".tmp");
        Files.write(temporary, bytes);
        Files.move(temporary, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** A network's parameters in DJL's own format. */
    public static byte[] parameters(Block block) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            block.saveParameters(out);
        }
        return bytes.toByteArray();
    }

    static void load(Block block, NDManager manager, byte[] parameters) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(parameters))) {
            block.loadParameters(manager, in);
        } catch (MalformedModelException e) {
            throw new IOException("checkpoint weights do not fit the network: " + e.getMessage(), e);
        }
    }
}
