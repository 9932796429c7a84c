/**
 * What the DICOM JSON Model (PS3.18 Annex F) and the Native DICOM Model XML (PS3.19 Annex A.1) share: the writer options
 * and reader limits, how each element's value is carried in a text model ({@link org.lumen.dicom.model.ModelValue}), person
 * name component groups, the inline form of encapsulated pixel data, and our own {@code file:} bulk data URIs.
 */
package org.lumen.dicom.model;
