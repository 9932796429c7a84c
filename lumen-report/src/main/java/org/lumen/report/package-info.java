/**
 * Standard results out: the objects Lumen writes from its analyses for other systems to read. {@link org.lumen.report.Code}
 * and {@link org.lumen.report.Uids} serve every writer; {@code seg} writes DICOM Segmentations.
 */
package org.lumen.report;
