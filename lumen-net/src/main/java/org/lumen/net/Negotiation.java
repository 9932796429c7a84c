package org.lumen.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.lumen.dicom.dict.UidDictionary;
import org.lumen.dicom.io.TransferSyntax;
import org.lumen.net.pdu.Pdu;
import org.lumen.net.pdu.Pdu.AssociateAc;
import org.lumen.net.pdu.Pdu.AssociateRj;
import org.lumen.net.pdu.Pdu.AssociateRq;
import org.lumen.net.pdu.PresentationContext;
import org.lumen.net.pdu.UserInfo;
import org.lumen.net.pdu.UserInfo.AsyncOps;
import org.lumen.net.pdu.UserInfo.RoleSelection;
import org.lumen.dicom.io.Implementation;

/**
 * The acceptor's answer to an A-ASSOCIATE-RQ: an A-ASSOCIATE-RJ for the whole association (called AE, calling AE, limits,
 * application context) or an A-ASSOCIATE-AC with a result per presentation context.
 */
final class Negotiation {
    /** Every transfer syntax lumen-dicom reads: all the syntaxes it knows (PS3.5 and PS3.6). */
    static final Set<String> ACCEPTED_TRANSFER_SYNTAXES = readableTransferSyntaxes();

    private Negotiation() {
    }

    private static Set<String> readableTransferSyntaxes() {
        Set<String> out = new java.util.LinkedHashSet<>();
        for (UidDictionary.Entry e : UidDictionary.entries()) {
            if ("Transfer Syntax".equals(e.type()) && TransferSyntax.isKnown(e.uid())) {
                out.add(e.uid());
            }
        }
        return Set.copyOf(out);
    }

    /** Either an {@link AssociateAc} or an {@link AssociateRj}, with the reason logged by the caller. */
    record Outcome(Pdu answer, String why) {
    }

    static Outcome negotiate(AssociateRq rq, AeConfig config, DimseServiceRegistry registry, boolean overLimit) {
        if (!Pdu.DICOM_APPLICATION_CONTEXT.equals(rq.applicationContext())) {
            return reject(AssociateRj.PERMANENT, AssociateRj.SOURCE_USER, AssociateRj.USER_APPLICATION_CONTEXT_NOT_SUPPORTED,
                    "application context " + rq.applicationContext() + " is not DICOM's");
        }
        if (!config.aeTitle().equals(rq.calledAe())) {
            return reject(AssociateRj.PERMANENT, AssociateRj.SOURCE_USER, AssociateRj.USER_CALLED_AE_NOT_RECOGNIZED,
                    "called AE '" + rq.calledAe() + "' is not ours ('" + config.aeTitle() + "')");
        }
        if (rq.callingAe().isEmpty()
                || !config.allowedCallingAes().isEmpty() && !config.allowedCallingAes().contains(rq.callingAe())) {
            return reject(AssociateRj.PERMANENT, AssociateRj.SOURCE_USER, AssociateRj.USER_CALLING_AE_NOT_RECOGNIZED,
                    "calling AE '" + rq.callingAe() + "' is not allowed");
        }
        if (overLimit) {
            return reject(AssociateRj.TRANSIENT, AssociateRj.SOURCE_PRESENTATION, AssociateRj.PRESENTATION_LOCAL_LIMIT_EXCEEDED,
                    "already " + config.maxAssociations() + " associations open (the configured maximum)");
        }
        byte[] identityResponse = null;
        if (rq.userInfo().userIdentity() != null && config.userIdentityVerifier() != null) {
            try {
                byte[] response = config.userIdentityVerifier().verify(rq.callingAe(), rq.userInfo().userIdentity());
                if (rq.userInfo().userIdentity().positiveResponseRequested()) {
                    identityResponse = response == null ? new byte[0] : response;
                }
            } catch (SecurityException e) {
                return reject(AssociateRj.PERMANENT, AssociateRj.SOURCE_USER, AssociateRj.USER_NO_REASON,
                        "user identity refused: " + e.getMessage());
            }
        }
        List<PresentationContext> answers = new ArrayList<>();
        boolean anyAccepted = false;
        boolean anyNotAllowed = false;
        for (PresentationContext pc : rq.contexts()) {
            DimseServiceRegistry.Support support = registry.support(pc.abstractSyntax(), rq.callingAe());
            if (support == DimseServiceRegistry.Support.NOT_SUPPORTED && proposesScpRole(rq.userInfo(), pc.abstractSyntax())
                    && DimseServiceRegistry.isStorageClass(pc.abstractSyntax())) {
                // A C-GET SCU proposing to receive this storage class from us: we act as its SCU.
                support = DimseServiceRegistry.Support.SUPPORTED;
            }
            if (support == DimseServiceRegistry.Support.NOT_SUPPORTED) {
                answers.add(PresentationContext.answer(pc.id(), PresentationContext.ABSTRACT_SYNTAX_NOT_SUPPORTED, null));
                continue;
            }
            if (support == DimseServiceRegistry.Support.CALLING_AE_NOT_ALLOWED) {
                anyNotAllowed = true;
                answers.add(PresentationContext.answer(pc.id(), PresentationContext.USER_REJECTION, null));
                continue;
            }
            // The proposer's order is its preference; take the first syntax we read.
            String chosen = pc.transferSyntaxes().stream().filter(ACCEPTED_TRANSFER_SYNTAXES::contains).findFirst()
                    .orElse(null);
            if (chosen == null) {
                answers.add(PresentationContext.answer(pc.id(), PresentationContext.TRANSFER_SYNTAXES_NOT_SUPPORTED, null));
            } else {
                answers.add(PresentationContext.answer(pc.id(), PresentationContext.ACCEPTANCE, chosen));
                anyAccepted = true;
            }
        }
        if (!anyAccepted && anyNotAllowed) {
            return reject(AssociateRj.PERMANENT, AssociateRj.SOURCE_USER, AssociateRj.USER_CALLING_AE_NOT_RECOGNIZED,
                    "calling AE '" + rq.callingAe() + "' is not allowed for any proposed service");
        }
        UserInfo proposed = rq.userInfo();
        UserInfo info = UserInfo.of(config.maxPduLengthReceive(), Implementation.CLASS_UID, Implementation.VERSION_NAME);
        if (proposed.asyncOps() != null) {
            int invoked = proposed.asyncOps().maxInvoked() == 0 ? config.maxOpsPerformed()
                    : Math.min(proposed.asyncOps().maxInvoked(), config.maxOpsPerformed());
            info = info.withAsyncOps(new AsyncOps(invoked, 1));
        }
        List<RoleSelection> roles = new ArrayList<>();
        for (RoleSelection role : proposed.roleSelections()) {
            // The requestor may act as SCU (it always can) and as SCP for storage classes (C-GET sub-operations to it).
            roles.add(new RoleSelection(role.sopClassUid(), role.scu(), role.scp()));
        }
        info = info.withRoleSelections(roles);
        // Extended negotiation: answered where the registry declares what a service supports (the lesser of proposed and
        // supported, byte by byte); elsewhere not answered, which PS3.7 D.3.3.5 reads as the defaults.
        List<UserInfo.ExtendedNegotiation> agreed = new ArrayList<>();
        for (UserInfo.ExtendedNegotiation ext : proposed.extendedNegotiations()) {
            byte[] answer = registry.agreedExtendedNegotiation(ext.sopClassUid(), ext.info());
            if (answer != null && answer.length > 0) {
                agreed.add(new UserInfo.ExtendedNegotiation(ext.sopClassUid(), answer));
            }
        }
        info = info.withExtendedNegotiations(agreed);
        if (identityResponse != null) {
            info = info.withUserIdentityResponse(identityResponse);
        }
        return new Outcome(new AssociateAc(rq.calledAe(), rq.callingAe(), Pdu.DICOM_APPLICATION_CONTEXT, answers, info),
                anyAccepted ? null : "no presentation context accepted");
    }

    private static boolean proposesScpRole(UserInfo info, String sopClassUid) {
        return info.roleSelections().stream().anyMatch(r -> r.scp() && r.sopClassUid().equals(sopClassUid));
    }

    private static Outcome reject(int result, int source, int reason, String why) {
        return new Outcome(new AssociateRj(result, source, reason), why);
    }
}
