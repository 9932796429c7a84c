/** The Lumen node: archive, DIMSE services over it, DICOMweb, the serve process. See lumen-server/README.md. */
package org.lumen.server;
