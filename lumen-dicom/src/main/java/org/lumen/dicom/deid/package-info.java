/**
 * De-identification by DICOM PS3.15 Annex E: the Basic Application Level Confidentiality Profile with the options Retain
 * Longitudinal Temporal Information with Modified Dates, Retain Patient Characteristics and Clean Descriptors.
 *
 * <h2>Data</h2>
 * {@code table-e1-1.tsv} holds Table E.1-1 as facts: 655 rows (651 attributes, curve data {@code (50xx,xxxx)}, overlay
 * data {@code (60xx,3000)}, overlay comments {@code (60xx,4000)} and private attributes). The Basic Profile column is that
 * of the current edition (2026d); the three option columns come from the 2020 edition for the rows it had, and for date
 * and time rows added since, the modified-dates option is set by VR as PS3.15 E.3.6 describes. Rows added since 2020 have
 * no patient-characteristics or clean-descriptors entry, so those options fall back to removal there. The file header
 * records this provenance row by row ({@code option_source}).
 *
 * <h2>Choices the standard leaves open</h2>
 * <ul>
 *   <li>Compound codes (X/Z, X/D, Z/D, X/Z/D, X/Z/U*) depend on the attribute's Type in each IOD, which Lumen does not
 *       track; every alternative discards the original, so Lumen takes the one that keeps any IOD valid: D where offered,
 *       Z for X/Z, and for X/Z/U* the sequence is kept with its instance UIDs replaced.</li>
 *   <li>D on a sequence writes one empty item; Z an empty sequence; K and C keep the sequence and process its items.
 *       The Content Sequence of an SR (D) is therefore dropped: Lumen does not implement Clean Structured Content.</li>
 *   <li>Z on Patient's Name writes the dummy {@code ANONYMOUS}; D on Patient ID writes a keyed pseudonym
 *       ({@code ANON} + 16 hex digits) so that patients stay apart.</li>
 *   <li>U: {@code 2.25.} + a version-8 UUID from an HMAC of the original UID under a secret ({@link
 *       org.lumen.dicom.deid.UidMapper}); UIDs under {@code 1.2.840.10008.} are never changed.</li>
 *   <li>Modified dates: DA and DT move by a whole number of days per patient ({@link org.lumen.dicom.deid.DateShifter});
 *       TM is kept, which keeps every interval. A value that is not a complete date gets the Basic Profile action and a
 *       warning. Non-date rows of that option (Timezone Offset From UTC) get the Basic Profile action.</li>
 *   <li>Clean (descriptors, and the C rows of Retain Patient Characteristics): kept only when every word is on the
 *       allow-list {@code descriptor-vocabulary.txt} or is a number of at most four digits; otherwise the Basic Profile
 *       action applies ({@link org.lumen.dicom.deid.DescriptorCleaner}).</li>
 *   <li>All private elements are removed, and so are the forbidden odd groups 0001-0007; group lengths are dropped for
 *       the writer to recompute. Elements the table does not list are kept; their sequence items are processed.</li>
 *   <li>Burned In Annotation YES is refused with {@link org.lumen.dicom.deid.DeidentificationException} unless the
 *       profile allows it; its absence on US, OT, SC, XC, ES, GM, DOC or secondary capture instances is reported.</li>
 *   <li>Pixel data is never examined or changed (no Clean Pixel Data option).</li>
 * </ul>
 */
package org.lumen.dicom.deid;
