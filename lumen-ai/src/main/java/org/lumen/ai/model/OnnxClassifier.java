package org.lumen.ai.model;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;

/**
 * An "onnx" package's model run by ONNX Runtime. The graph takes one float input, batch first, at the manifest's input
 * shape, and gives one row of scores per input: logits (softmax applied here) or probabilities, as
 * {@code output.scores} in the manifest says. ONNX Runtime sessions may be run from several threads at once.
 */
public final class OnnxClassifier implements Classifier {
    private final OrtSession session;
    private final String inputName;
    private final int[] inputShape;
    private final List<String> classes;
    private final boolean outputsLogits;
    private final String location;

    private OnnxClassifier(OrtSession session, int[] inputShape, List<String> classes, boolean outputsLogits, String location) {
        this.session = session;
        this.inputName = session.getInputNames().iterator().next();
        this.inputShape = inputShape.clone();
        this.classes = List.copyOf(classes);
        this.outputsLogits = outputsLogits;
        this.location = location;
    }

    static OnnxClassifier load(ModelPackage pkg) {
        ModelManifest m = pkg.manifest();
        OrtSession session = session(pkg.weights(), "model package " + pkg.location() + " (" + m.weightsFile() + ")");
        if (session.getNumInputs() != 1) {
            closeQuietly(session);
            throw new ModelPackageException("the ONNX model of package " + pkg.location() + " takes " + session.getNumInputs()
                    + " inputs; an image classifier takes one");
        }
        return new OnnxClassifier(session, m.input().preprocessing().inputShape(), m.output().classes(),
                m.output().outputsLogits(), pkg.location());
    }

    /** Opens an ONNX model with ONNX Runtime; a file that is not a valid model gives an error naming {@code what}. */
    static OrtSession session(byte[] model, String what) {
        try {
            return OrtEnvironment.getEnvironment().createSession(model, new OrtSession.SessionOptions());
        } catch (OrtException e) {
            throw new ModelPackageException(what + " is not a model ONNX Runtime can load: " + e.getMessage(), e);
        }
    }

    @Override
    public int[] inputShape() {
        return inputShape.clone();
    }

    @Override
    public List<String> classes() {
        return classes;
    }

    @Override
    public float[][] predict(List<float[]> preparedBatch) {
        float[][] scores = scores(preparedBatch);
        return outputsLogits ? Classifier.softmax(scores) : scores;
    }

    /** The graph's raw output rows (logits or probabilities, as the manifest declares). */
    public float[][] scores(List<float[]> preparedBatch) {
        float[] packed = Classifier.pack(preparedBatch, inputShape);
        long[] shape = new long[inputShape.length + 1];
        shape[0] = preparedBatch.size();
        for (int i = 0; i < inputShape.length; i++) {
            shape[i + 1] = inputShape[i];
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(packed), shape);
             OrtSession.Result result = session.run(Map.of(inputName, input))) {
            Object value = result.get(0).getValue();
            if (!(value instanceof float[][] rows) || rows.length != preparedBatch.size() || rows[0].length != classes.size()) {
                throw new ModelPackageException("the ONNX model of package " + location + " gave output "
                        + result.get(0).getInfo() + "; expected float[" + preparedBatch.size() + "][" + classes.size() + "]");
            }
            return rows;
        } catch (OrtException e) {
            throw new ModelPackageException("ONNX Runtime failed on the model of package " + location + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        closeQuietly(session);
    }

    private static void closeQuietly(OrtSession session) {
        try {
            session.close();
        } catch (OrtException ignored) {
            // closing a session releases native memory only; nothing to recover
        }
    }
}
