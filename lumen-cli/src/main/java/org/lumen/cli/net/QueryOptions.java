package org.lumen.cli.net;

import java.util.List;
import java.util.Locale;
import org.lumen.cli.BadInputException;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.data.UID;
import org.lumen.dicom.data.VR;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** The query/retrieve information model (-P patient root, -S study root), the level and the -k keys of find, move and get. */
public final class QueryOptions {
    static final class Model {
        @Option(names = {"-P", "--patient"}, description = "Patient Root information model.")
        boolean patient;

        @Option(names = {"-S", "--study"}, description = "Study Root information model (the default).")
        boolean study;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Model model = new Model();

    @Option(names = "--level", paramLabel = "LEVEL",
            description = "Query/Retrieve Level: PATIENT, STUDY, SERIES or IMAGE (default: PATIENT with -P, STUDY with -S).")
    String level;

    @Option(names = {"-k", "--key"}, paramLabel = "KEY[=VALUE]",
            description = "A key: keyword or gggg,eeee, sequence items as Seq[0].Keyword; without a value a return key.")
    List<String> keys;

    boolean patientRoot() {
        return model != null && model.patient;
    }

    /** The SOP class of the information model for FIND, MOVE or GET. */
    String sopClass(char service) {
        boolean p = patientRoot();
        return switch (service) {
            case 'F' -> p ? UID.PatientRootQueryRetrieveInformationModelFind : UID.StudyRootQueryRetrieveInformationModelFind;
            case 'M' -> p ? UID.PatientRootQueryRetrieveInformationModelMove : UID.StudyRootQueryRetrieveInformationModelMove;
            case 'G' -> p ? UID.PatientRootQueryRetrieveInformationModelGet : UID.StudyRootQueryRetrieveInformationModelGet;
            default -> throw new IllegalArgumentException(String.valueOf(service));
        };
    }

    /** The identifier: the level (default, or -k QueryRetrieveLevel, or --level) and the keys. */
    Attributes identifier() {
        Attributes identifier = new Attributes();
        identifier.setString(Tag.QueryRetrieveLevel, VR.CS, patientRoot() ? "PATIENT" : "STUDY");
        QueryKeys.apply(identifier, keys);
        if (level != null) {
            String l = level.trim().toUpperCase(Locale.ROOT);
            if (!List.of("PATIENT", "STUDY", "SERIES", "IMAGE").contains(l)) {
                throw new BadInputException("--level must be PATIENT, STUDY, SERIES or IMAGE: " + level);
            }
            identifier.setString(Tag.QueryRetrieveLevel, VR.CS, l);
        }
        return identifier;
    }
}
