package org.lumen.dicom.deid;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Sequence;
import org.lumen.dicom.data.Tags;
import org.lumen.dicom.data.VR;
import org.lumen.dicom.deid.DeidentificationResult.Outcome;
import org.lumen.dicom.io.DicomFile;
import org.lumen.dicom.io.DicomParseException;
import org.lumen.dicom.io.DicomReader;

/**
 * De-identifies instances by PS3.15 Annex E: the Basic Application Level Confidentiality Profile with any of the
 * options of {@link ProfileOption}, driven by {@link DeidentificationTable}.
 *
 * <p>For every element at every nesting depth: private elements are removed (no Retain Safe Private option); an element
 * the table lists gets the option's action when a chosen option lists it, else the Basic Profile action (compound codes
 * resolved as {@link ActionCode#resolved()} says); an element the table does not list is kept, and its sequence items
 * are processed in turn. D on a sequence writes one empty item, Z an empty sequence, K and C keep the sequence and process
 * its items. The profile's own attributes are then added: Patient Identity Removed, De-identification Method and its
 * Code Sequence, and Longitudinal Temporal Information Modified.
 *
 * <p>The same {@link UidMapper} and {@link DateShifter} secrets give the same output for the same input, across files
 * and sessions. The patient's date offset is chosen by the original Patient ID (else Patient's Name, else Study Instance
 * UID), so every study of a patient moves by the same number of days.
 */
public final class Deidentifier {
    private static final int BURNED_IN_ANNOTATION = 0x00280301;
    private static final int PATIENT_IDENTITY_REMOVED = 0x00120062;
    private static final int DEIDENTIFICATION_METHOD = 0x00120063;
    private static final int DEIDENTIFICATION_METHOD_CODE_SEQUENCE = 0x00120064;
    private static final int LONGITUDINAL_TEMPORAL_INFORMATION_MODIFIED = 0x00280303;
    private static final int CODE_VALUE = 0x00080100;
    private static final int CODING_SCHEME_DESIGNATOR = 0x00080102;
    private static final int CODE_MEANING = 0x00080104;
    private static final int SOP_CLASS_UID = 0x00080016;
    private static final int SOP_INSTANCE_UID = 0x00080018;
    private static final int MODALITY = 0x00080060;
    private static final int CONVERSION_TYPE = 0x00080064;
    private static final int STUDY_INSTANCE_UID = 0x0020000D;
    private static final int MEDIA_STORAGE_SOP_CLASS_UID = 0x00020002;
    private static final int MEDIA_STORAGE_SOP_INSTANCE_UID = 0x00020003;
    /** Source, Sending and Receiving AE Titles and the private information of the meta header: station identity. */
    private static final Set<Integer> META_REMOVED = Set.of(0x00020016, 0x00020017, 0x00020018, 0x00020100, 0x00020102);
    private static final String SECONDARY_CAPTURE_CLASS_ROOT = "1.2.840.10008.5.1.4.1.1.7";
    private static final String MEDIA_STORAGE_DIRECTORY = "1.2.840.10008.1.3.10";
    /** Modalities whose pixel data often carries burned-in text when the flag is missing. */
    private static final Set<String> ANNOTATION_PRONE_MODALITIES = Set.of("US", "OT", "SC", "XC", "ES", "GM", "DOC");

    private final DeidentificationProfile profile;
    private final UidMapper uidMapper;
    private final DateShifter dateShifter;
    private final DeidentificationTable table;
    private final DescriptorCleaner cleaner;

    public Deidentifier(DeidentificationProfile profile, UidMapper uidMapper, DateShifter dateShifter) {
        this(profile, uidMapper, dateShifter, DeidentificationTable.standard(), DescriptorCleaner.standard());
    }

    public Deidentifier(DeidentificationProfile profile, UidMapper uidMapper, DateShifter dateShifter,
            DeidentificationTable table, DescriptorCleaner cleaner) {
        this.profile = Objects.requireNonNull(profile, "profile");
        this.uidMapper = Objects.requireNonNull(uidMapper, "uidMapper");
        this.dateShifter = Objects.requireNonNull(dateShifter, "dateShifter");
        this.table = Objects.requireNonNull(table, "table");
        this.cleaner = Objects.requireNonNull(cleaner, "cleaner");
    }

    /** A de-identifier whose UIDs, pseudonyms and date offsets all derive from one secret (at least 16 bytes). */
    public static Deidentifier withSecret(DeidentificationProfile profile, byte[] secret) {
        return new Deidentifier(profile, new UidMapper(secret), DateShifter.keyed(secret));
    }

    public DeidentificationProfile profile() {
        return profile;
    }

    public Deidentified deidentify(DicomFile file) throws DeidentificationException {
        return deidentify(file.fileMeta(), file.dataset(), file.source());
    }

    /**
     * De-identifies one instance; the inputs are not modified.
     *
     * @param source  the file or stream name, used only in the message of a refusal
     * @throws DeidentificationException when Burned In Annotation is YES and the profile does not allow it
     */
    public Deidentified deidentify(Attributes fileMeta, Attributes dataset, String source) throws DeidentificationException {
        boolean burnedIn = "YES".equalsIgnoreCase(dataset.getString(BURNED_IN_ANNOTATION, "").trim());
        if (burnedIn && !profile.allowBurnedIn()) {
            throw new DeidentificationException(source, "Burned In Annotation (0028,0301) is YES: the pixel data may show"
                    + " identifying text, which Lumen does not remove. Not de-identified; allow burned-in annotation in the"
                    + " profile to pass such instances with a warning after checking them.");
        }
        int offset = profile.has(ProfileOption.RETAIN_LONGITUDINAL_MODIFIED_DATES) ? dateShifter.offsetDays(patientKey(dataset)) : 0;
        InstanceDeidentification run = new InstanceDeidentification(table, profile, uidMapper, cleaner, offset);
        Attributes result = dataset.deepCopy();
        run.apply(result);
        if (burnedIn) {
            run.warn("Burned In Annotation (0028,0301) is YES: the pixel data may show identifying text that was not removed");
        } else if (mayHideBurnedInText(dataset)) {
            run.warn("Burned In Annotation (0028,0301) is absent on a " + kindOf(dataset)
                    + " instance: check the pixel data for burned-in text");
        }
        addProfileAttributes(result);
        Attributes meta = deidentifyMeta(fileMeta, result);
        return new Deidentified(meta, result, new DeidentificationResult(run.counts(), run.warnings(), burnedIn));
    }

    /**
     * De-identifies every file under {@code in} into the same relative path under {@code out}, through {@code sink}.
     * Files that are not DICOM, and DICOMDIRs (whose offsets and records would be stale), are skipped; refused instances
     * are listed. Folder and file names are copied as they are: they must not identify anyone.
     */
    public TreeResult deidentifyTree(Path in, Path out, DatasetSink sink) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(in)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        int written = 0;
        int refused = 0;
        int skipped = 0;
        int withWarnings = 0;
        Map<Outcome, Integer> totals = new EnumMap<>(Outcome.class);
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            Path relative = in.relativize(file);
            DicomFile dicom;
            try {
                dicom = DicomReader.read(file);
            } catch (DicomParseException e) {
                skipped++;
                problems.add(relative + ": not a readable DICOM file, skipped");
                continue;
            }
            if (MEDIA_STORAGE_DIRECTORY.equals(dicom.fileMeta().getString(MEDIA_STORAGE_SOP_CLASS_UID))) {
                skipped++;
                problems.add(relative + ": DICOMDIR skipped; build a new one from the de-identified files");
                continue;
            }
            Deidentified deidentified;
            try {
                deidentified = deidentify(dicom);
            } catch (DeidentificationException e) {
                refused++;
                problems.add(relative + ": refused, Burned In Annotation is YES");
                continue;
            }
            sink.write(out.resolve(relative.toString()), deidentified.fileMeta(), deidentified.dataset(), dicom.transferSyntax());
            written++;
            deidentified.result().counts().forEach((outcome, n) -> totals.merge(outcome, n, Integer::sum));
            if (!deidentified.result().warnings().isEmpty()) {
                withWarnings++;
            }
        }
        return new TreeResult(written, refused, skipped, withWarnings, totals, problems);
    }

    private static String patientKey(Attributes dataset) {
        String id = dataset.getString(InstanceDeidentification.PATIENT_ID, "").trim();
        if (!id.isEmpty()) {
            return "id:" + id;
        }
        String name = dataset.getString(InstanceDeidentification.PATIENT_NAME, "").trim();
        if (!name.isEmpty()) {
            return "name:" + name;
        }
        return "study:" + dataset.getString(STUDY_INSTANCE_UID, "").trim();
    }

    private static boolean mayHideBurnedInText(Attributes dataset) {
        if (!dataset.getString(BURNED_IN_ANNOTATION, "").isBlank()) {
            return false;
        }
        String modality = dataset.getString(MODALITY, "").trim().toUpperCase(Locale.ROOT);
        return ANNOTATION_PRONE_MODALITIES.contains(modality)
                || dataset.getString(SOP_CLASS_UID, "").startsWith(SECONDARY_CAPTURE_CLASS_ROOT)
                || dataset.containsValue(CONVERSION_TYPE);
    }

    private static String kindOf(Attributes dataset) {
        if (dataset.getString(SOP_CLASS_UID, "").startsWith(SECONDARY_CAPTURE_CLASS_ROOT)) {
            return "secondary capture";
        }
        String modality = dataset.getString(MODALITY, "").trim();
        return modality.isEmpty() ? "converted (Conversion Type present)" : modality;
    }

    private void addProfileAttributes(Attributes dataset) {
        dataset.setString(PATIENT_IDENTITY_REMOVED, VR.CS, "YES");
        List<String> methods = new ArrayList<>();
        methods.add(ProfileOption.BASIC_PROFILE_MEANING);
        Sequence codes = dataset.newSequence(DEIDENTIFICATION_METHOD_CODE_SEQUENCE);
        addCode(codes, ProfileOption.BASIC_PROFILE_CODE, ProfileOption.BASIC_PROFILE_MEANING);
        for (ProfileOption option : ProfileOption.values()) {
            if (profile.has(option)) {
                methods.add(option.codeMeaning());
                addCode(codes, option.codeValue(), option.codeMeaning());
            }
        }
        dataset.setString(DEIDENTIFICATION_METHOD, VR.LO, methods.toArray(new String[0]));
        dataset.setString(LONGITUDINAL_TEMPORAL_INFORMATION_MODIFIED, VR.CS,
                profile.has(ProfileOption.RETAIN_LONGITUDINAL_MODIFIED_DATES) ? "MODIFIED" : "REMOVED");
    }

    private static void addCode(Sequence codes, String value, String meaning) {
        Attributes item = codes.addItem();
        item.setString(CODE_VALUE, VR.SH, value);
        item.setString(CODING_SCHEME_DESIGNATOR, VR.SH, "DCM");
        item.setString(CODE_MEANING, VR.LO, meaning);
    }

    private Attributes deidentifyMeta(Attributes fileMeta, Attributes dataset) {
        Attributes meta = fileMeta.deepCopy();
        for (int tag : meta.tags()) {
            if (Tags.isGroupLength(tag) || META_REMOVED.contains(tag)) {
                meta.remove(tag);
            }
        }
        String instance = dataset.getString(SOP_INSTANCE_UID);
        if (instance != null) {
            meta.setString(MEDIA_STORAGE_SOP_INSTANCE_UID, VR.UI, instance);
        } else if (meta.containsValue(MEDIA_STORAGE_SOP_INSTANCE_UID)) {
            meta.setString(MEDIA_STORAGE_SOP_INSTANCE_UID, VR.UI, uidMapper.map(meta.getString(MEDIA_STORAGE_SOP_INSTANCE_UID)));
        }
        return meta;
    }
}
