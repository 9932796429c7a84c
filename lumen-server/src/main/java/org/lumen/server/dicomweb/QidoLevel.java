package org.lumen.server.dicomweb;

import java.util.List;
import org.lumen.dicom.data.Tag;

/** The three QIDO-RS search levels and the attributes each returns by default (PS3.18 Table 10.6.3-3 to -5). */
public enum QidoLevel {
    STUDY(List.of(Tag.SpecificCharacterSet, Tag.StudyDate, Tag.StudyTime, Tag.AccessionNumber, Tag.InstanceAvailability,
            Tag.ModalitiesInStudy, Tag.ReferringPhysicianName, Tag.TimezoneOffsetFromUTC, Tag.PatientName, Tag.PatientID,
            Tag.PatientBirthDate, Tag.PatientSex, Tag.StudyInstanceUID, Tag.StudyID, Tag.NumberOfStudyRelatedSeries,
            Tag.NumberOfStudyRelatedInstances, Tag.StudyDescription)),
    SERIES(List.of(Tag.SpecificCharacterSet, Tag.Modality, Tag.TimezoneOffsetFromUTC, Tag.SeriesDescription,
            Tag.StudyInstanceUID, Tag.SeriesInstanceUID, Tag.SeriesNumber, Tag.NumberOfSeriesRelatedInstances,
            Tag.PerformedProcedureStepStartDate, Tag.PerformedProcedureStepStartTime)),
    INSTANCE(List.of(Tag.SpecificCharacterSet, Tag.SOPClassUID, Tag.SOPInstanceUID, Tag.InstanceAvailability,
            Tag.TimezoneOffsetFromUTC, Tag.StudyInstanceUID, Tag.SeriesInstanceUID, Tag.InstanceNumber, Tag.Rows,
            Tag.Columns, Tag.BitsAllocated, Tag.NumberOfFrames));

    private final List<Integer> defaultReturnKeys;

    QidoLevel(List<Integer> defaultReturnKeys) {
        this.defaultReturnKeys = defaultReturnKeys;
    }

    public List<Integer> defaultReturnKeys() {
        return defaultReturnKeys;
    }
}
