package org.lumen.net;

import java.io.IOException;
import org.lumen.net.pdu.Pdu.AssociateRj;

/** The peer answered our A-ASSOCIATE-RQ with an A-ASSOCIATE-RJ. */
public class AssociationRejectedException extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient AssociateRj rejection;

    public AssociationRejectedException(AssociateRj rejection, String calledAe) {
        super("Association to " + calledAe + " " + rejection.describe());
        this.rejection = rejection;
    }

    public AssociateRj rejection() {
        return rejection;
    }
}
