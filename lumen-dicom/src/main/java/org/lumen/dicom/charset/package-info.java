/**
 * Specific Character Set (0008,0005): which repertoire a dataset's character strings use, and their decoding and
 * encoding, ISO 2022 code extensions included. The entry point is
 * {@link org.lumen.dicom.charset.SpecificCharacterSet}.
 */
package org.lumen.dicom.charset;
