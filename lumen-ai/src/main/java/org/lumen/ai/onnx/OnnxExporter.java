package org.lumen.ai.onnx;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Convolution;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.ndarray.types.Shape;
import ai.onnx.proto.OnnxMl;
import com.google.protobuf.ByteString;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.lumen.ai.model.DjlClassifier;
import org.lumen.ai.model.ModelManifest;
import org.lumen.ai.model.ModelPackage;
import org.lumen.ai.model.ModelPackageException;
import org.lumen.ai.net.NetworkSpec;
import org.lumen.ai.net.Networks;

/**
 * Writes a trained network as an ONNX model (opset {@value #OPSET}) by re-emitting its graph from the DJL blocks that
 * {@link Networks#build} makes, node by node, with the trained parameters as initializers: convolutions as {@code Conv},
 * batch norm in inference form ({@code BatchNormalization} with the running mean and variance), ReLU, the residual join
 * as {@code Add}, {@code GlobalAveragePool}, {@code Flatten} and the linear head as {@code Gemm}. Dropout is left out (it
 * does nothing at inference). Input {@code "input"} is {@code [batch, C, H, W]} or {@code [batch, C, D, H, W]} with a
 * free batch size; output {@code "logits"} is {@code [batch, classes]} (a manifest for it says
 * {@code "scores": "logits"}).
 */
public final class OnnxExporter {
    public static final int OPSET = 17;
    /** The IR version that goes with opset 17. */
    public static final int IR_VERSION = 8;
    public static final String INPUT = "input";
    public static final String OUTPUT = "logits";
    /** The epsilon of DJL's batch norm, which {@link Networks} uses unchanged (the block does not expose it). */
    private static final float BATCH_NORM_EPSILON = 1e-5f;

    private final OnnxMl.GraphProto.Builder graph = OnnxMl.GraphProto.newBuilder();
    private int counter;

    private OnnxExporter() {
    }

    /** Exports the network of a "djl" package to an .onnx file. */
    public static void export(ModelPackage pkg, Path out) {
        ModelManifest m = pkg.manifest();
        if (!ModelManifest.FORMAT_DJL.equals(m.format())) {
            throw new ModelPackageException("model package " + pkg.location() + " is already " + m.format()
                    + "; only \"djl\" packages are exported to ONNX (copy its " + m.weightsFile() + " instead)");
        }
        try (DjlClassifier classifier = (DjlClassifier) pkg.classifier()) {
            write(toOnnx(m.network(), classifier.block(), m.input().preprocessing().inputShape(), m.name()), out);
        }
    }

    /** Exports a network built by {@link Networks#build} with its parameters loaded. */
    public static void export(NetworkSpec spec, SequentialBlock block, int[] inputShape, String name, Path out) {
        write(toOnnx(spec, block, inputShape, name), out);
    }

    /** The ONNX model of the network, serialised. */
    public static byte[] toOnnx(NetworkSpec spec, SequentialBlock block, int[] inputShape, String name) {
        if (inputShape.length != spec.dimensions() + 1 || inputShape[0] != spec.inChannels()) {
            throw new IllegalArgumentException("input shape " + Arrays.toString(inputShape) + " does not fit " + spec);
        }
        OnnxExporter exporter = new OnnxExporter();
        String last = exporter.emit(block, INPUT);
        exporter.graph.addNode(OnnxMl.NodeProto.newBuilder().setOpType("Identity").setName("output")
                .addInput(last).addOutput(OUTPUT));
        List<Long> input = new ArrayList<>();
        input.add(-1L);
        for (int d : inputShape) {
            input.add((long) d);
        }
        exporter.graph.setName(name).addInput(valueInfo(INPUT, input)).addOutput(valueInfo(OUTPUT, List.of(-1L, (long) spec.classes())));
        return OnnxMl.ModelProto.newBuilder().setIrVersion(IR_VERSION).setProducerName("lumen").setModelVersion(1)
                .setDocString("Lumen model " + name + ": " + spec)
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setGraph(exporter.graph).build().toByteArray();
    }

    private static void write(byte[] model, Path out) {
        try {
            Path target = out.toAbsolutePath();
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
            Files.write(temp, model);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ModelPackageException("cannot write the ONNX model " + out + ": " + e, e);
        }
    }

    /** Emits the nodes of one block reading {@code input}; returns the name of its output. */
    private String emit(Block block, String input) {
        if (block instanceof SequentialBlock sequence) {
            String current = input;
            for (Block child : sequence.getChildren().values()) {
                current = emit(child, current);
            }
            return current;
        }
        if (block instanceof ParallelBlock parallel) {
            // Networks joins the branches of its only parallel block (the residual) by adding them
            List<Block> branches = parallel.getChildren().values();
            if (branches.size() != 2) {
                throw unsupported(block, "a residual join of " + branches.size() + " branches");
            }
            return node("Add", List.of(emit(branches.get(0), input), emit(branches.get(1), input)), List.of());
        }
        if (block instanceof Convolution conv) {
            return conv(conv, input);
        }
        if (block instanceof BatchNorm bn) {
            return node("BatchNormalization", List.of(input, initializer(bn, Parameter.Type.GAMMA),
                    initializer(bn, Parameter.Type.BETA), initializer(bn, Parameter.Type.RUNNING_MEAN),
                    initializer(bn, Parameter.Type.RUNNING_VAR)), List.of(floatAttribute("epsilon", BATCH_NORM_EPSILON)));
        }
        if (block instanceof Dropout) {
            return input;
        }
        if (block instanceof Linear linear) {
            return node("Gemm", List.of(input, initializer(linear, Parameter.Type.WEIGHT), initializer(linear, Parameter.Type.BIAS)),
                    List.of(intAttribute("transB", 1)));
        }
        if (block instanceof LambdaBlock lambda) {
            return switch (lambda.getName()) {
                case "ReLU" -> node("Relu", List.of(input), List.of());
                case "identity" -> input;
                case "globalAvgPool2d", "globalAvgPool3d" -> node("GlobalAveragePool", List.of(input), List.of());
                case "batchFlatten" -> node("Flatten", List.of(input), List.of(intAttribute("axis", 1)));
                default -> throw unsupported(block, "the operation \"" + lambda.getName() + "\"");
            };
        }
        throw unsupported(block, block.getClass().getSimpleName());
    }

    private String conv(Convolution conv, String input) {
        if (conv.getGroups() != 1) {
            throw unsupported(conv, "a grouped convolution");
        }
        List<String> inputs = new ArrayList<>(List.of(input, initializer(conv, Parameter.Type.WEIGHT)));
        if (conv.isIncludeBias()) {
            inputs.add(initializer(conv, Parameter.Type.BIAS));
        }
        List<Long> pads = new ArrayList<>(longs(conv.getPadding()));
        pads.addAll(longs(conv.getPadding()));
        return node("Conv", inputs, List.of(intsAttribute("kernel_shape", longs(conv.getKernelShape())),
                intsAttribute("strides", longs(conv.getStride())), intsAttribute("pads", pads),
                intsAttribute("dilations", longs(conv.getDilation())), intAttribute("group", 1)));
    }

    private String node(String op, List<String> inputs, List<OnnxMl.AttributeProto> attributes) {
        String name = op.toLowerCase(java.util.Locale.ROOT) + "_" + counter++;
        graph.addNode(OnnxMl.NodeProto.newBuilder().setOpType(op).setName(name).addAllInput(inputs).addOutput(name)
                .addAllAttribute(attributes));
        return name;
    }

    /** Adds the block's parameter of that type as an initializer (float32, raw little-endian) and returns its name. */
    private String initializer(Block block, Parameter.Type type) {
        Parameter parameter = null;
        for (Parameter p : block.getDirectParameters().values()) {
            if (p.getType() == type) {
                parameter = p;
            }
        }
        if (parameter == null || !parameter.isInitialized()) {
            throw unsupported(block, "a block without an initialised " + type + " parameter");
        }
        NDArray array = parameter.getArray();
        float[] values = array.toFloatArray();
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        String name = "p" + counter++ + "_" + parameter.getName();
        graph.addInitializer(OnnxMl.TensorProto.newBuilder().setName(name)
                .setDataType(OnnxMl.TensorProto.DataType.FLOAT.getNumber())
                .addAllDims(longs(array.getShape())).setRawData(ByteString.copyFrom(bytes.array())));
        return name;
    }

    private static OnnxMl.ValueInfoProto valueInfo(String name, List<Long> dims) {
        OnnxMl.TensorShapeProto.Builder shape = OnnxMl.TensorShapeProto.newBuilder();
        for (long d : dims) {
            shape.addDim(d < 0 ? OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimParam("batch")
                    : OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return OnnxMl.ValueInfoProto.newBuilder().setName(name).setType(OnnxMl.TypeProto.newBuilder().setTensorType(
                OnnxMl.TypeProto.Tensor.newBuilder().setElemType(OnnxMl.TensorProto.DataType.FLOAT.getNumber())
                        .setShape(shape))).build();
    }

    private static OnnxMl.AttributeProto intAttribute(String name, long value) {
        return OnnxMl.AttributeProto.newBuilder().setName(name).setType(OnnxMl.AttributeProto.AttributeType.INT).setI(value).build();
    }

    private static OnnxMl.AttributeProto floatAttribute(String name, float value) {
        return OnnxMl.AttributeProto.newBuilder().setName(name).setType(OnnxMl.AttributeProto.AttributeType.FLOAT).setF(value).build();
    }

    private static OnnxMl.AttributeProto intsAttribute(String name, List<Long> values) {
        return OnnxMl.AttributeProto.newBuilder().setName(name).setType(OnnxMl.AttributeProto.AttributeType.INTS)
                .addAllInts(values).build();
    }

    private static List<Long> longs(Shape shape) {
        return Arrays.stream(shape.getShape()).boxed().toList();
    }

    private static ModelPackageException unsupported(Block block, String what) {
        return new ModelPackageException("cannot export to ONNX: " + what + " (" + block + ") is not one of the blocks "
                + "Networks.build makes");
    }
}
