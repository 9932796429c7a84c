package org.lumen.server.index;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.data.VR;
import org.lumen.server.archive.QueryLevel;

/**
 * An attribute the index keeps in a column: its level, tag, VR and the column (qualified by the table alias used in queries:
 * p, st, se, i). Computed attributes (counts, Modalities in Study) are columns too but are not read from the data set.
 */
public record IndexColumn(QueryLevel level, int tag, VR vr, String column, boolean computed) {

    static IndexColumn of(QueryLevel level, int tag, VR vr, String column) {
        return new IndexColumn(level, tag, vr, column, false);
    }

    static IndexColumn computed(QueryLevel level, int tag, VR vr, String column) {
        return new IndexColumn(level, tag, vr, column, true);
    }

    /** The table alias of the level in queries. */
    public static String alias(QueryLevel level) {
        return switch (level) {
            case PATIENT -> "p";
            case STUDY -> "st";
            case SERIES -> "se";
            case IMAGE -> "i";
        };
    }

    public String qualified() {
        return alias(level) + "." + column;
    }

    public static final List<IndexColumn> ALL = List.of(
            of(QueryLevel.PATIENT, Tag.PatientID, VR.LO, "patient_id"),
            of(QueryLevel.PATIENT, Tag.IssuerOfPatientID, VR.LO, "issuer"),
            of(QueryLevel.PATIENT, Tag.PatientName, VR.PN, "patient_name"),
            of(QueryLevel.PATIENT, Tag.PatientBirthDate, VR.DA, "birth_date"),
            of(QueryLevel.PATIENT, Tag.PatientSex, VR.CS, "sex"),
            of(QueryLevel.STUDY, Tag.StudyInstanceUID, VR.UI, "study_uid"),
            of(QueryLevel.STUDY, Tag.StudyDate, VR.DA, "study_date"),
            of(QueryLevel.STUDY, Tag.StudyTime, VR.TM, "study_time"),
            of(QueryLevel.STUDY, Tag.AccessionNumber, VR.SH, "accession"),
            of(QueryLevel.STUDY, Tag.ReferringPhysicianName, VR.PN, "ref_physician"),
            of(QueryLevel.STUDY, Tag.StudyID, VR.SH, "study_id"),
            of(QueryLevel.STUDY, Tag.StudyDescription, VR.LO, "study_description"),
            computed(QueryLevel.STUDY, Tag.ModalitiesInStudy, VR.CS, "modalities"),
            computed(QueryLevel.STUDY, Tag.NumberOfStudyRelatedSeries, VR.IS, "num_series"),
            computed(QueryLevel.STUDY, Tag.NumberOfStudyRelatedInstances, VR.IS, "num_instances"),
            of(QueryLevel.SERIES, Tag.SeriesInstanceUID, VR.UI, "series_uid"),
            of(QueryLevel.SERIES, Tag.Modality, VR.CS, "modality"),
            of(QueryLevel.SERIES, Tag.SeriesNumber, VR.IS, "series_number"),
            of(QueryLevel.SERIES, Tag.SeriesDescription, VR.LO, "series_description"),
            of(QueryLevel.SERIES, Tag.BodyPartExamined, VR.CS, "body_part"),
            of(QueryLevel.SERIES, Tag.SeriesDate, VR.DA, "series_date"),
            of(QueryLevel.SERIES, Tag.SeriesTime, VR.TM, "series_time"),
            of(QueryLevel.SERIES, Tag.PerformedProcedureStepStartDate, VR.DA, "pps_start_date"),
            of(QueryLevel.SERIES, Tag.PerformedProcedureStepStartTime, VR.TM, "pps_start_time"),
            computed(QueryLevel.SERIES, Tag.NumberOfSeriesRelatedInstances, VR.IS, "num_instances"),
            of(QueryLevel.IMAGE, Tag.SOPInstanceUID, VR.UI, "sop_uid"),
            of(QueryLevel.IMAGE, Tag.SOPClassUID, VR.UI, "sop_class_uid"),
            of(QueryLevel.IMAGE, Tag.InstanceNumber, VR.IS, "instance_number"),
            of(QueryLevel.IMAGE, Tag.NumberOfFrames, VR.IS, "num_frames"),
            of(QueryLevel.IMAGE, Tag.Rows, VR.US, "num_rows"),
            of(QueryLevel.IMAGE, Tag.Columns, VR.US, "num_columns"),
            of(QueryLevel.IMAGE, Tag.ContentDate, VR.DA, "content_date"),
            of(QueryLevel.IMAGE, Tag.ContentTime, VR.TM, "content_time"));

    private static final Map<Integer, IndexColumn> BY_TAG = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(IndexColumn::tag, Function.identity()));

    /** The column of {@code tag}, or null when the index does not keep it (it is then read from the file). */
    public static IndexColumn forTag(int tag) {
        return BY_TAG.get(tag);
    }

    /** The columns of one level. */
    public static List<IndexColumn> ofLevel(QueryLevel level) {
        return ALL.stream().filter(c -> c.level() == level).toList();
    }
}
