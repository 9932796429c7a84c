package org.lumen.cli.dicom;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.lumen.cli.BadInputException;
import org.lumen.dicom.deid.DatasetSink;
import org.lumen.dicom.deid.DeidentificationProfile;
import org.lumen.dicom.deid.Deidentified;
import org.lumen.dicom.deid.Deidentifier;
import org.lumen.dicom.deid.ProfileOption;
import org.lumen.dicom.deid.TreeResult;
import org.lumen.dicom.io.DicomFile;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.DicomWriter;
import org.lumen.dicom.io.ReadOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lumen dicom deidentify IN OUT [--option NAME]...}: PS3.15 Annex E Basic profile, a file or a folder tree. */
@Command(name = "deidentify", mixinStandardHelpOptions = true,
        description = "De-identify with the PS3.15 Annex E Basic Application Level Confidentiality Profile. IN and OUT may"
                + " be files or folders (the folder structure is kept). UIDs, pseudonyms and date shifts derive from a"
                + " secret key, so the same key maps a study the same way every time.")
public final class DeidentifyCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "IN")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT")
    Path out;

    @Option(names = "--option", paramLabel = "NAME",
            description = "Profile option, repeatable: retain-longitudinal-modified-dates, retain-patient-characteristics,"
                    + " clean-descriptors.")
    List<String> options = new ArrayList<>();

    @Option(names = "--allow-burned-in", description = "Pass instances whose Burned In Annotation is YES, with a warning"
            + " (default: refuse them).")
    boolean allowBurnedIn;

    @Option(names = "--key-file", paramLabel = "FILE", defaultValue = "lumen-data/deid.key",
            description = "Secret key (created with 32 random bytes when missing; keep it private). Default: ${DEFAULT-VALUE}.")
    Path keyFile;

    @Override
    public Integer call() throws Exception {
        DeidentificationProfile profile = new DeidentificationProfile(java.util.Set.of(), allowBurnedIn);
        for (String name : options) {
            profile = profile.withOption(parseOption(name));
        }
        Deidentifier deidentifier = Deidentifier.withSecret(profile, loadOrCreateKey(keyFile));
        if (Files.isDirectory(in)) {
            DatasetSink sink = (target, meta, dataset, syntax) -> {
                Files.createDirectories(target.toAbsolutePath().getParent());
                DicomWriter.write(target, meta, dataset, syntax.uid());
            };
            TreeResult result = deidentifier.deidentifyTree(in, out, sink);
            System.out.printf("de-identified %d instance(s); refused %d; skipped %d; %d with warnings%n", result.written(),
                    result.refused(), result.skipped(), result.withWarnings());
            result.problems().forEach(p -> System.err.println("  " + p));
            return result.refused() > 0 ? 2 : 0;
        }
        DicomFile file = DicomReader.read(in, ReadOptions.DEFAULT);
        Deidentified result = deidentifier.deidentify(file);
        Path target = Files.isDirectory(out) ? out.resolve(in.getFileName()) : out;
        DicomWriter.write(target, result.fileMeta(), result.dataset(), file.transferSyntax().uid());
        result.result().warnings().forEach(w -> System.err.println("warning: " + w));
        return 0;
    }

    static ProfileOption parseOption(String name) {
        String key = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return switch (key) {
            case "retain-longitudinal-modified-dates", "retain-longitudinal", "modified-dates" ->
                    ProfileOption.RETAIN_LONGITUDINAL_MODIFIED_DATES;
            case "retain-patient-characteristics", "patient-characteristics" -> ProfileOption.RETAIN_PATIENT_CHARACTERISTICS;
            case "clean-descriptors" -> ProfileOption.CLEAN_DESCRIPTORS;
            default -> throw new BadInputException("Unknown --option '" + name + "'; use retain-longitudinal-modified-dates,"
                    + " retain-patient-characteristics or clean-descriptors");
        };
    }

    /** Reads the secret, or creates one readable only by its owner. */
    static byte[] loadOrCreateKey(Path file) throws IOException {
        if (Files.exists(file)) {
            byte[] key = Files.readAllBytes(file);
            if (key.length < 16) {
                throw new BadInputException(file + ": a de-identification key needs at least 16 bytes, found " + key.length);
            }
            return key;
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(file, key);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the file keeps the platform's default permissions.
        }
        System.err.println("lumen: created de-identification key " + file + " (keep it private; reuse it to map studies consistently)");
        return key;
    }
}
