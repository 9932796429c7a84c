package org.lumen.net;

import java.util.ArrayList;
import java.util.List;
import org.lumen.dicom.io.TransferSyntax;
import org.lumen.net.pdu.PresentationContext;
import org.lumen.net.pdu.UserInfo.AsyncOps;
import org.lumen.net.pdu.UserInfo.ExtendedNegotiation;
import org.lumen.net.pdu.UserInfo.RoleSelection;
import org.lumen.net.pdu.UserInfo.UserIdentity;

/**
 * What an SCU proposes: presentation contexts (IDs assigned 1, 3, 5...), SCP/SCU role selection, extended negotiation, user
 * identity and the asynchronous operations window. Immutable; each {@code with}/{@code propose} returns a new value.
 */
public record ConnectOptions(List<PresentationContext> contexts, List<RoleSelection> roles, List<ExtendedNegotiation> extended,
        UserIdentity userIdentity, AsyncOps asyncOps) {

    public ConnectOptions {
        contexts = List.copyOf(contexts);
        roles = List.copyOf(roles);
        extended = List.copyOf(extended);
    }

    public static ConnectOptions none() {
        return new ConnectOptions(List.of(), List.of(), List.of(), null, null);
    }

    /** Verification only. */
    public static ConnectOptions echo() {
        return none().propose(org.lumen.dicom.data.UID.Verification, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
    }

    /** One more presentation context for {@code abstractSyntax} with these transfer syntaxes, preferred first. */
    public ConnectOptions propose(String abstractSyntax, String... transferSyntaxes) {
        int id = contexts.size() * 2 + 1;
        if (id > 255) {
            throw new IllegalStateException("At most 128 presentation contexts can be proposed");
        }
        List<PresentationContext> list = new ArrayList<>(contexts);
        list.add(PresentationContext.proposed(id, abstractSyntax, transferSyntaxes));
        return new ConnectOptions(list, roles, extended, userIdentity, asyncOps);
    }

    public ConnectOptions propose(List<PresentationContext> more) {
        ConnectOptions out = this;
        for (PresentationContext pc : more) {
            out = out.propose(pc.abstractSyntax(), pc.transferSyntaxes().toArray(String[]::new));
        }
        return out;
    }

    /** Proposes that we also act as SCP for this SOP class (C-GET: the peer sends us C-STOREs). */
    public ConnectOptions withScpRole(String sopClassUid) {
        List<RoleSelection> list = new ArrayList<>(roles);
        list.add(new RoleSelection(sopClassUid, true, true));
        return new ConnectOptions(contexts, list, extended, userIdentity, asyncOps);
    }

    /**
     * Proposes these roles for a SOP class, e.g. {@code (StorageCommitmentPushModel, false, true)} when a Storage Commitment
     * SCP opens an association to send its N-EVENT-REPORT.
     */
    public ConnectOptions withRole(String sopClassUid, boolean scu, boolean scp) {
        List<RoleSelection> list = new ArrayList<>(roles);
        list.add(new RoleSelection(sopClassUid, scu, scp));
        return new ConnectOptions(contexts, list, extended, userIdentity, asyncOps);
    }

    public ConnectOptions withExtendedNegotiation(String sopClassUid, byte[] info) {
        List<ExtendedNegotiation> list = new ArrayList<>(extended);
        list.add(new ExtendedNegotiation(sopClassUid, info.clone()));
        return new ConnectOptions(contexts, roles, list, userIdentity, asyncOps);
    }

    public ConnectOptions withUserIdentity(UserIdentity identity) {
        return new ConnectOptions(contexts, roles, extended, identity, asyncOps);
    }

    public ConnectOptions withAsyncOps(int maxInvoked, int maxPerformed) {
        return new ConnectOptions(contexts, roles, extended, userIdentity, new AsyncOps(maxInvoked, maxPerformed));
    }
}
