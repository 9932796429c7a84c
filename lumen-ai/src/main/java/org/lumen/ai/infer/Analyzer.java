package org.lumen.ai.infer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.lumen.ai.data.ImageLoader;
import org.lumen.ai.data.Preprocessing;
import org.lumen.ai.data.RawImage;
import org.lumen.ai.model.Classifier;
import org.lumen.ai.model.DjlClassifier;
import org.lumen.ai.model.Finding;
import org.lumen.ai.model.ModelManifest;
import org.lumen.ai.model.ModelManifest.OutputContract;
import org.lumen.ai.model.ModelPackage;
import org.lumen.ai.model.ModelRegistry;

/**
 * Runs the models that apply to image files: each file is read ({@link ImageLoader}: DICOM, PNG, JPEG, NIfTI), the
 * installed models whose input contract accepts it are chosen ({@link ModelFit}), the image is prepared as each model's
 * manifest says and classified through the {@link ModelService}; the answer names the finding when the score reaches the
 * model's operating threshold. A file no model accepts gets the reason and the installed models' contracts; a file that
 * cannot be read gets the reader's message. Nothing here throws for a bad file.
 * <p>
 * DICOM series: the single-frame slices given together (a folder, or several files) that share a Series Instance UID and
 * are placed in space (Image Position (Patient)) are also offered as one volume ({@link ImageLoader#loadSeries}) to the
 * 3D models, as one more analysis labelled {@code "series UID (N slices, FIRST ... LAST)"}; the slices stay offered one
 * by one to the 2D models. A series the builder refuses (a gap, mixed orientations) is reported as unreadable with the
 * builder's reason. When the user names a model, only the form it takes is listed: a 3D model lists the series, not
 * the slices; a 2D model the slices, not the series.
 */
public final class Analyzer {
    private final ModelRegistry registry;
    private final ModelService service;
    private final DicomSegOutput dicomSeg;

    /** {@code service} must load models from the same registry ({@link ModelService#over}). */
    public Analyzer(ModelRegistry registry, ModelService service) {
        this(registry, service, null);
    }

    private Analyzer(ModelRegistry registry, ModelService service, DicomSegOutput dicomSeg) {
        this.registry = registry;
        this.service = service;
        this.dicomSeg = dicomSeg;
    }

    /**
     * This analyzer, and where label maps are written ({@code labelsDir}) a segmentation of a DICOM series is also written
     * as a DICOM SEG ({@code STEM.MODEL.seg.dcm}) through {@code output}.
     */
    public Analyzer withDicomSeg(DicomSegOutput output) {
        return new Analyzer(registry, service, output);
    }

    /**
     * Analyses a file, or every file under a folder (sorted, hidden files skipped), and the DICOM series among them.
     *
     * @param model      the model to run (its name, or a package folder), or null for every installed model that applies
     * @param heatmapDir where to write Grad-CAM pictures, or null for none
     * @throws org.lumen.ai.model.ModelPackageException when {@code model} names no installed model
     * @throws IOException when the path does not exist or the folder cannot be listed
     */
    public List<FileAnalysis> analyze(Path path, String model, Path heatmapDir) throws IOException {
        return analyze(List.of(path), model, heatmapDir);
    }

    /** Analyses files and folders together, so that the slices of one series given as several files make a volume. */
    public List<FileAnalysis> analyze(List<Path> paths, String model, Path heatmapDir) throws IOException {
        return analyze(paths, model, heatmapDir, (Path) null);
    }

    /**
     * As {@link #analyze(List, String, Path)}, and segmentation models write their label maps as NIfTI into
     * {@code labelsDir} ({@code STEM.MODEL.labels.nii.gz}) when it is given, and as DICOM SEG for a DICOM series when
     * this analyzer has a {@link #withDicomSeg DICOM SEG output}.
     */
    public List<FileAnalysis> analyze(List<Path> paths, String model, Path heatmapDir, Path labelsDir) throws IOException {
        if (labelsDir != null) {
            Files.createDirectories(labelsDir);
        }
        try (Segmentations segmentations = new Segmentations(labelsDir, dicomSeg)) {
            return analyzeAll(paths, model, heatmapDir, segmentations);
        }
    }

    private List<FileAnalysis> analyzeAll(List<Path> paths, String model, Path heatmapDir, Segmentations segmentations)
            throws IOException {
        List<ModelPackage> candidates = model != null ? List.of(registry.find(model)) : registry.all();
        if (heatmapDir != null) {
            Files.createDirectories(heatmapDir);
        }
        List<Source> files = new ArrayList<>();
        for (Path path : paths) {
            for (Path file : files(path)) {
                String label = Files.isDirectory(path) ? path.relativize(file).toString() : file.toString();
                String stem = stem(Files.isDirectory(path) ? label : file.getFileName().toString());
                files.add(new Source(label, stem, List.of(file)));
            }
        }
        Integer namedDimensions = model != null ? candidates.get(0).manifest().input().dimensions() : null;
        boolean listVolumes = namedDimensions == null || namedDimensions == 3;
        boolean listSlices = namedDimensions == null || namedDimensions == 2;
        Map<Path, Source> seriesStartingAt = new LinkedHashMap<>();
        Set<Path> inSeries = new HashSet<>();
        for (DicomSeriesGroups.Group group : DicomSeriesGroups.of(files.stream().map(f -> f.files().get(0)).toList())) {
            Set<Path> members = Set.copyOf(group.files());
            List<Source> slices = files.stream().filter(f -> members.contains(f.files().get(0))).toList();
            String label = "series " + group.seriesInstanceUid() + " (" + slices.size() + " slices, " + slices.get(0).label()
                    + " ... " + slices.get(slices.size() - 1).label() + ")";
            seriesStartingAt.put(slices.get(0).files().get(0), new Source(label, "series-" + group.seriesInstanceUid(),
                    group.files()));
            inSeries.addAll(group.files());
        }
        List<FileAnalysis> analyses = new ArrayList<>();
        for (Source file : files) {
            Source series = seriesStartingAt.get(file.files().get(0));
            if (series != null && listVolumes) {
                analyses.add(analyzeSource(series, candidates, model != null, heatmapDir, segmentations));
            }
            if (listSlices || !inSeries.contains(file.files().get(0))) {
                analyses.add(analyzeSource(file, candidates, model != null, heatmapDir, segmentations));
            }
        }
        return analyses;
    }

    /**
     * An image to analyse: one file, or the slices of a DICOM series as one volume.
     *
     * @param stem names the heat-map files: the file name without its extension (the relative path in a folder), or
     *             {@code series-UID}
     */
    private record Source(String label, String stem, List<Path> files) {
        RawImage load(double[] window) throws IOException {
            return files.size() == 1 ? ImageLoader.load(files.get(0), window) : ImageLoader.loadSeries(files, window);
        }
    }

    private FileAnalysis analyzeSource(Source source, List<ModelPackage> candidates, boolean named, Path heatmapDir,
                                       Segmentations segmentations) {
        String label = source.label();
        RawImage image;
        try {
            image = source.load(null);
        } catch (IOException | RuntimeException e) {
            return new FileAnalysis(label, FileAnalysis.Status.UNREADABLE, null, List.of(), messageOf(e));
        }
        String described = ModelFit.describe(image);
        List<ModelPackage> fitting = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        for (ModelPackage pkg : candidates) {
            String whyNot = ModelFit.whyNot(pkg.manifest(), image, named);
            if (whyNot == null) {
                fitting.add(pkg);
            } else {
                refusals.add(pkg.name() + " " + whyNot);
            }
        }
        if (fitting.isEmpty()) {
            return new FileAnalysis(label, FileAnalysis.Status.NOT_APPLICABLE, described, List.of(),
                    refusal(described, candidates, refusals, named));
        }
        try {
            List<Prepared> inputs = new ArrayList<>();
            for (ModelPackage pkg : fitting) {
                if (!pkg.manifest().segments()) {
                    inputs.add(prepare(source, image, pkg));
                }
            }
            List<ModelResult> results = new ArrayList<>();
            for (ModelPackage pkg : fitting) {
                if (pkg.manifest().segments()) {
                    results.add(segmentations.segment(pkg, source.files(), source.stem(), heatmapDir != null));
                } else {
                    Prepared input = inputs.remove(0);
                    results.add(result(input, input.answer().join(), source.stem(), heatmapDir));
                }
            }
            return new FileAnalysis(label, FileAnalysis.Status.ANALYSED, described, results, null);
        } catch (IOException | RuntimeException e) {
            return new FileAnalysis(label, FileAnalysis.Status.FAILED, described, List.of(), messageOf(e));
        }
    }

    /** One model's input for the file, already submitted to the service. */
    private record Prepared(ModelPackage pkg, RawImage image, float[] input, CompletableFuture<float[]> answer) {
    }

    private Prepared prepare(Source source, RawImage image, ModelPackage pkg) throws IOException {
        Preprocessing p = pkg.manifest().input().preprocessing();
        // A model that declares a window must see the file's values through it, not through the file's own window.
        RawImage forModel = p.window() != null && !ImageLoader.PNG.equals(image.kind())
                && !ImageLoader.JPEG.equals(image.kind()) ? source.load(p.window()) : image;
        float[] input = forModel.prepare(p);
        return new Prepared(pkg, forModel, input, service.submit(pkg.name(), input));
    }

    private ModelResult result(Prepared input, float[] probabilities, String stem, Path heatmapDir)
            throws IOException {
        ModelManifest m = input.pkg().manifest();
        OutputContract out = m.output();
        List<String> classes = out.classes();
        Map<String, Double> byClass = new LinkedHashMap<>();
        for (int i = 0; i < classes.size(); i++) {
            byClass.put(classes.get(i), (double) probabilities[i]);
        }
        boolean binary = classes.size() == 2;
        int scoreIndex = binary ? out.positiveClass() : Classifier.argMax(probabilities);
        double score = probabilities[scoreIndex];
        boolean reported = !binary || score >= out.threshold();
        Finding finding = reported ? findingOf(out, classes.get(scoreIndex)) : null;
        List<String> heatmaps = new ArrayList<>();
        String note = null;
        if (heatmapDir != null) {
            Classifier classifier = service.classifier(m.name());
            if (classifier instanceof DjlClassifier djl) {
                heatmaps = writeHeatmaps(djl, input, scoreIndex, heatmapDir, stem + "." + m.name() + ".gradcam");
            } else {
                note = "no heat map: Grad-CAM needs a network Lumen built (this model is " + m.format() + ")";
            }
        }
        return new ModelResult(m.name(), m.version(), byClass, classes.get(scoreIndex), score,
                binary ? out.threshold() : null, finding, heatmaps, note);
    }

    private static List<String> writeHeatmaps(DjlClassifier djl, Prepared input, int classIndex, Path dir, String stem)
            throws IOException {
        int[] inputShape = djl.inputShape();
        Heatmap heat = GradCam.heatmap(djl.block(), djl.manager(), input.input(), inputShape, classIndex);
        Path png = dir.resolve(stem + ".png");
        if (heat.dimensions() == 2) {
            HeatmapFiles.overlayPng(input.image().raw(), input.image().shape(), heat, png);
            return List.of(png.toString());
        }
        Path nifti = dir.resolve(stem + ".nii.gz");
        try {
            HeatmapFiles.nifti(heat, nifti);
        } catch (org.lumen.image.nifti.NiftiException e) {
            throw new IOException("cannot write " + nifti + ": " + e.getMessage(), e);
        }
        HeatmapFiles.middleSlicesPng(input.input(), inputShape, heat, png);
        return List.of(nifti.toString(), png.toString());
    }

    private static Finding findingOf(OutputContract out, String className) {
        if (out.findings() == null) {
            return null;
        }
        return out.findings().stream().filter(f -> className.equals(f.className())).findFirst().orElse(null);
    }

    private static String refusal(String described, List<ModelPackage> candidates, List<String> refusals, boolean named) {
        if (named) {
            return "model " + refusals.get(0);
        }
        if (candidates.isEmpty()) {
            return "no models are installed (see lumen models list)";
        }
        // a model whose contract fits but that refuses the size says why: the contracts listed would not tell
        String bySize = refusals.stream().filter(r -> r.contains(ModelFit.CROP_FIRST)).collect(Collectors.joining("; "));
        return "no installed model accepts " + described + "; installed: " + candidates.stream()
                .map(pkg -> pkg.name() + " (" + ModelFit.describe(pkg.manifest().input()) + ")")
                .collect(Collectors.joining(", ")) + (bySize.isEmpty() ? "" : "; " + bySize);
    }

    private static List<Path> files(Path path) throws IOException {
        if (!Files.exists(path)) {
            throw new java.nio.file.NoSuchFileException(path.toString());
        }
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> walk = Files.walk(path)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        }
    }

    private static String stem(String label) {
        String name = label.replace('/', '_').replace('\\', '_');
        for (String ext : new String[] {".nii.gz", ".nii", ".dcm", ".png", ".jpg", ".jpeg"}) {
            if (name.toLowerCase(java.util.Locale.ROOT).endsWith(ext)) {
                return name.substring(0, name.length() - ext.length());
            }
        }
        return name;
    }

    private static String messageOf(Throwable e) {
        Throwable t = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        String message = t.getMessage();
        return message != null && !message.isBlank() ? message : t.getClass().getSimpleName();
    }
}
