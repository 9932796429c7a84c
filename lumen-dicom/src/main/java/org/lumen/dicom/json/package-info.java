/**
 * The DICOM JSON Model of PS3.18 Annex F: {@link org.lumen.dicom.json.DicomJsonWriter} and
 * {@link org.lumen.dicom.json.DicomJsonReader}, on Jackson's streaming API. The writer's output read back gives the same
 * dataset and, written again, the same text.
 */
package org.lumen.dicom.json;
