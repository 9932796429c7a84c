package org.lumen.image.atlas;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lumen.image.Volume;
import org.lumen.image.nifti.NiftiException;
import org.lumen.image.nifti.NiftiReader;
import org.lumen.image.volumetry.LabelVolumes;

/**
 * The Colin27 template (skull-stripped, {@code ch2bet.nii.gz}) and the AAL label atlas in its space ({@code aal.nii.gz}),
 * as Debian's mricron-data package installs them. Lumen does not bundle them: they are found in {@code $LUMEN_ATLAS_DIR},
 * then in {@value #DEBIAN_TEMPLATES}.
 *
 * @param folder where the two files were found
 * @param template the Colin27 T1 template
 * @param labels the AAL atlas on the template's grid (label numbers as in aal.nii.txt)
 */
public record BrainAtlas(Path folder, Volume template, Volume labels) {
    public static final String ENVIRONMENT_VARIABLE = "LUMEN_ATLAS_DIR";
    public static final String DEBIAN_TEMPLATES = "/usr/share/mricron/templates";
    public static final String TEMPLATE_FILE = "ch2bet.nii.gz";
    public static final String LABELS_FILE = "aal.nii.gz";
    public static final String INSTALL_HINT = "apt-get install -y mricron-data";

    /** AAL label numbers (aal.nii.txt). */
    public static final int HIPPOCAMPUS_LEFT = 37;
    public static final int HIPPOCAMPUS_RIGHT = 38;

    /** The folders searched, in order: $LUMEN_ATLAS_DIR (when set) and the Debian templates folder. */
    public static List<Path> searchPath(Map<String, String> environment) {
        List<Path> folders = new ArrayList<>();
        String configured = environment.get(ENVIRONMENT_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            folders.add(Path.of(configured));
        }
        folders.add(Path.of(DEBIAN_TEMPLATES));
        return folders;
    }

    /** The first folder holding both files; fails naming every place looked in and how to install the atlas. */
    public static Path locate(List<Path> folders) throws IOException {
        for (Path folder : folders) {
            if (Files.isRegularFile(folder.resolve(TEMPLATE_FILE)) && Files.isRegularFile(folder.resolve(LABELS_FILE))) {
                return folder;
            }
        }
        throw new IOException("the Colin27 template and AAL atlas (" + TEMPLATE_FILE + ", " + LABELS_FILE + ") were not"
                + " found in $" + ENVIRONMENT_VARIABLE + " (" + (folders.size() > 1 ? folders.get(0) : "not set") + ") or in "
                + DEBIAN_TEMPLATES + "; install them with `" + INSTALL_HINT + "` (Debian/Ubuntu) or set $"
                + ENVIRONMENT_VARIABLE + " to a folder holding both files");
    }

    /** Finds and reads the atlas as the environment says. */
    public static BrainAtlas load(Map<String, String> environment) throws IOException, NiftiException {
        return read(locate(searchPath(environment)));
    }

    /** Reads both files from {@code folder}; fails when the labels are not on the template's grid. */
    public static BrainAtlas read(Path folder) throws IOException, NiftiException {
        Volume template = NiftiReader.read(folder.resolve(TEMPLATE_FILE));
        Volume labels = NiftiReader.read(folder.resolve(LABELS_FILE));
        if (!template.sameGeometry(labels, 1e-3)) {
            throw new IOException(folder.resolve(LABELS_FILE) + " is not on the grid of " + folder.resolve(TEMPLATE_FILE)
                    + ": " + labels + " vs " + template);
        }
        return new BrainAtlas(folder, template, labels);
    }

    /** Voxels carrying {@code label} in the atlas itself. */
    public int atlasVoxels(int label) {
        return LabelVolumes.count(labels, label);
    }
}
