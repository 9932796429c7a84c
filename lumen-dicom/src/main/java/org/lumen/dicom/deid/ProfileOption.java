package org.lumen.dicom.deid;

/**
 * The options of the Basic Application Level Confidentiality Profile that Lumen implements, with the PS3.16 CID 7050
 * code recorded in De-identification Method Code Sequence (0012,0064) when the option is applied.
 */
public enum ProfileOption {
    /** Shift every date and time by a per-patient offset so that intervals are kept (PS3.15 E.3.6). */
    RETAIN_LONGITUDINAL_MODIFIED_DATES("113107", "Retain Longitudinal Temporal Information Modified Dates Option"),
    /** Keep sex, age, size, weight and the other characteristics the table lists (PS3.15 E.3.7). */
    RETAIN_PATIENT_CHARACTERISTICS("113108", "Retain Patient Characteristics Option"),
    /** Keep descriptors whose text is known not to identify; see {@link DescriptorCleaner} (PS3.15 E.3.5). */
    CLEAN_DESCRIPTORS("113105", "Clean Descriptors Option");

    /** Code value of the Basic Application Confidentiality Profile itself (DCM 113100). */
    public static final String BASIC_PROFILE_CODE = "113100";
    public static final String BASIC_PROFILE_MEANING = "Basic Application Confidentiality Profile";

    private final String codeValue;
    private final String codeMeaning;

    ProfileOption(String codeValue, String codeMeaning) {
        this.codeValue = codeValue;
        this.codeMeaning = codeMeaning;
    }

    /** Code value in coding scheme DCM. */
    public String codeValue() {
        return codeValue;
    }

    public String codeMeaning() {
        return codeMeaning;
    }
}
