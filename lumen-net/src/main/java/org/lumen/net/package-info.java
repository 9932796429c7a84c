/** DICOM upper layer (PS3.8) and DIMSE (PS3.7): see lumen-net/README.md. */
package org.lumen.net;
