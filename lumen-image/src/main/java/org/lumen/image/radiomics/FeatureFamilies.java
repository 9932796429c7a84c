package org.lumen.image.radiomics;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.lumen.image.radiomics.texture.TextureFamily;

/**
 * The feature families the pipeline finds by name: morphology and the six texture families, each in its own class
 * written alongside the pipeline. A family whose class is not on the classpath is skipped and listed by
 * {@link #unavailable()}, so the pipeline runs (and says what it lacks) in any build. One instance of each texture family
 * serves every run, also runs side by side, so a family must keep no state between calls.
 */
public final class FeatureFamilies {
    /** Texture family classes in the IBSI's order (GLCM, GLRLM, GLSZM, GLDZM, NGTDM, NGLDM). */
    static final List<String> TEXTURE_CLASSES = List.of(
            "org.lumen.image.radiomics.texture.GlcmFamily",
            "org.lumen.image.radiomics.texture.GlrlmFamily",
            "org.lumen.image.radiomics.texture.GlszmFamily",
            "org.lumen.image.radiomics.texture.GldzmFamily",
            "org.lumen.image.radiomics.texture.NgtdmFamily",
            "org.lumen.image.radiomics.texture.NgldmFamily");
    /** Holds {@code public static FeatureTable compute(RoiImage)}. */
    static final String MORPHOLOGY_CLASS = "org.lumen.image.radiomics.features.Morphology";

    private static final FeatureFamilies LOADED = load();

    private final List<TextureFamily> textures;
    private final Method morphology;
    private final List<String> unavailable;

    private FeatureFamilies(List<TextureFamily> textures, Method morphology, List<String> unavailable) {
        this.textures = textures;
        this.morphology = morphology;
        this.unavailable = unavailable;
    }

    /** The texture families present, in IBSI order. */
    public static List<TextureFamily> textures() {
        return LOADED.textures;
    }

    /** Morphology features of the ROI, or empty when the morphology family is not in this build. */
    public static Optional<FeatureTable> morphology(RoiImage roi) {
        if (LOADED.morphology == null) {
            return Optional.empty();
        }
        try {
            return Optional.of((FeatureTable) LOADED.morphology.invoke(null, roi));
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("morphology failed", e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call " + MORPHOLOGY_CLASS + ".compute", e);
        }
    }

    /** The simple class names of the families missing from this build; empty when all are there. */
    public static List<String> unavailable() {
        return LOADED.unavailable;
    }

    private static FeatureFamilies load() {
        List<TextureFamily> textures = new ArrayList<>();
        List<String> unavailable = new ArrayList<>();
        Method morphology = null;
        try {
            morphology = Class.forName(MORPHOLOGY_CLASS).getMethod("compute", RoiImage.class);
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            unavailable.add(simpleName(MORPHOLOGY_CLASS));
        }
        for (String name : TEXTURE_CLASSES) {
            try {
                textures.add((TextureFamily) Class.forName(name).getConstructor().newInstance());
            } catch (ClassNotFoundException e) {
                unavailable.add(simpleName(name));
            } catch (ReflectiveOperationException | ClassCastException e) {
                throw new IllegalStateException(name + " must implement TextureFamily with a public no-argument"
                        + " constructor", e);
            }
        }
        return new FeatureFamilies(Collections.unmodifiableList(textures), morphology,
                Collections.unmodifiableList(unavailable));
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
