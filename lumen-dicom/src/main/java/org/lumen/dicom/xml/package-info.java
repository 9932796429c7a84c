/**
 * The Native DICOM Model of PS3.19 Annex A.1 as XML: {@link org.lumen.dicom.xml.NativeXmlWriter} and
 * {@link org.lumen.dicom.xml.NativeXmlReader}, on the JDK's StAX. The reader refuses DTDs and external entities (XXE).
 */
package org.lumen.dicom.xml;
