package org.lumen.ai.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.lumen.ai.model.Classifier;
import org.lumen.ai.model.ManifestJson;
import org.lumen.ai.model.ModelCard;
import org.lumen.ai.model.ModelManifest;
import org.lumen.ai.model.ModelPackage;
import org.lumen.ai.model.ModelPackageException;

/**
 * Makes an "onnx" model package from an .onnx file made elsewhere and a manifest written for it. The model is checked
 * before anything is written: ONNX Runtime must load it, it must take one float tensor whose shape fits the manifest's
 * input ({@code [batch, C, H, W]} or {@code [batch, C, D, H, W]}; free dimensions allowed), and a test run on one
 * image must give one score per class in the manifest. The manifest says in {@code output.scores} whether those scores
 * are logits or probabilities.
 */
public final class OnnxImporter {
    private OnnxImporter() {
    }

    /**
     * @param onnx     the model
     * @param manifest its manifest.json; format "onnx" (or left out), weightsFile and weightsSha256 are filled in here
     * @param out      the package folder to write
     */
    public static ModelPackage importModel(Path onnx, Path manifest, Path out) {
        ModelManifest m;
        try (InputStream in = Files.newInputStream(manifest)) {
            m = ManifestJson.read(in, "manifest " + manifest, false);
        } catch (NoSuchFileException e) {
            throw new ModelPackageException("no such manifest: " + manifest);
        } catch (IOException e) {
            throw new ModelPackageException("cannot read the manifest " + manifest + ": " + e.getMessage(), e);
        }
        if (!ModelManifest.FORMAT_ONNX.equals(m.format())) {
            throw new ModelPackageException("manifest " + manifest + " says format \"" + m.format()
                    + "\"; an imported ONNX model's manifest says \"format\": \"onnx\"");
        }
        byte[] model;
        try {
            model = Files.readAllBytes(onnx);
        } catch (NoSuchFileException e) {
            throw new ModelPackageException("no such ONNX file: " + onnx);
        } catch (IOException e) {
            throw new ModelPackageException("cannot read the ONNX file " + onnx + ": " + e.getMessage(), e);
        }
        check(model, onnx, m);
        ModelManifest complete = m.withWeights("model.onnx", null);
        return ModelPackage.write(out, complete, ModelPackage.copyOf(onnx), ModelCard.markdown(complete, null, List.of()));
    }

    private static void check(byte[] model, Path onnx, ModelManifest m) {
        int[] inputShape = m.input().preprocessing().inputShape();
        int classes = m.output().classes().size();
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(model, new OrtSession.SessionOptions())) {
            if (session.getNumInputs() != 1 || session.getNumOutputs() < 1) {
                throw new ModelPackageException(onnx + " has " + session.getNumInputs() + " inputs and "
                        + session.getNumOutputs() + " outputs; an image classifier has one input and gives scores first");
            }
            NodeInfo input = session.getInputInfo().values().iterator().next();
            if (!(input.getInfo() instanceof TensorInfo tensor) || tensor.type != OnnxJavaType.FLOAT
                    || !fits(tensor.getShape(), inputShape)) {
                throw new ModelPackageException(onnx + " takes " + input.getInfo() + " but the manifest's input is float [batch, "
                        + Arrays.toString(inputShape).substring(1));
            }
        } catch (OrtException e) {
            throw new ModelPackageException(onnx + " is not an ONNX model that ONNX Runtime can load: " + e.getMessage(), e);
        }
        // run it once, through the classifier the package will use, to prove the output has one score per class
        Path probe = null;
        try {
            probe = Files.createTempDirectory("lumen-onnx-import-");
            ModelPackage trial = ModelPackage.write(probe.resolve("trial"), m.withWeights("model.onnx", null),
                    file -> Files.write(file, model), "");
            int size = Arrays.stream(inputShape).reduce(1, (a, b) -> a * b);
            try (Classifier classifier = trial.classifier()) {
                classifier.predict(List.of(new float[size]));
            }
        } catch (IOException e) {
            throw new ModelPackageException("cannot check " + onnx + ": " + e.getMessage(), e);
        } catch (ModelPackageException e) {
            throw new ModelPackageException(onnx + " does not fit its manifest: " + e.getMessage(), e);
        } finally {
            deleteQuietly(probe);
        }
    }

    /** Whether an ONNX input shape (-1 or 0 for free dimensions) takes {@code [batch, inputShape...]}. */
    private static boolean fits(long[] onnxShape, int[] inputShape) {
        if (onnxShape.length != inputShape.length + 1) {
            return false;
        }
        for (int i = 0; i < inputShape.length; i++) {
            long d = onnxShape[i + 1];
            if (d > 0 && d != inputShape[i]) {
                return false;
            }
        }
        return true;
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }
}
