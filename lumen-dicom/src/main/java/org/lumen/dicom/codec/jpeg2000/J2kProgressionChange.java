package org.lumen.dicom.codec.jpeg2000;

/**
 * One progression of a POC marker segment (ISO 15444-1 A.6.6): packets of resolutions [resStart, resEnd), components
 * [compStart, compEnd) and layers below layerEnd, in the given order. The main progression is one of these covering
 * everything.
 */
record J2kProgressionChange(int resStart, int compStart, int layerEnd, int resEnd, int compEnd, int order) {
}
