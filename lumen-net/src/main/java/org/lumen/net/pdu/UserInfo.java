package org.lumen.net.pdu;

import java.util.List;

/**
 * The user information item (PS3.7 Annex D.3.3 and PS3.8 Annex D): maximum length received, implementation identity,
 * asynchronous operations window, SCP/SCU role selection, SOP class (common) extended negotiation and user identity.
 * Optional sub-items are null or empty lists when absent.
 *
 * @param maxLength maximum length of a P-DATA-TF variable field the sender receives; 0 means unlimited
 */
public record UserInfo(long maxLength, String implementationClassUid, String implementationVersionName, AsyncOps asyncOps,
        List<RoleSelection> roleSelections, List<ExtendedNegotiation> extendedNegotiations,
        List<CommonExtendedNegotiation> commonExtendedNegotiations, UserIdentity userIdentity, byte[] userIdentityResponse) {

    public UserInfo {
        roleSelections = List.copyOf(roleSelections);
        extendedNegotiations = List.copyOf(extendedNegotiations);
        commonExtendedNegotiations = List.copyOf(commonExtendedNegotiations);
    }

    public static UserInfo of(long maxLength, String implementationClassUid, String implementationVersionName) {
        return new UserInfo(maxLength, implementationClassUid, implementationVersionName, null, List.of(), List.of(), List.of(),
                null, null);
    }

    public UserInfo withAsyncOps(AsyncOps ops) {
        return new UserInfo(maxLength, implementationClassUid, implementationVersionName, ops, roleSelections,
                extendedNegotiations, commonExtendedNegotiations, userIdentity, userIdentityResponse);
    }

    public UserInfo withRoleSelections(List<RoleSelection> roles) {
        return new UserInfo(maxLength, implementationClassUid, implementationVersionName, asyncOps, roles, extendedNegotiations,
                commonExtendedNegotiations, userIdentity, userIdentityResponse);
    }

    public UserInfo withExtendedNegotiations(List<ExtendedNegotiation> ext) {
        return new UserInfo(maxLength, implementationClassUid, implementationVersionName, asyncOps, roleSelections, ext,
                commonExtendedNegotiations, userIdentity, userIdentityResponse);
    }

    public UserInfo withCommonExtendedNegotiations(List<CommonExtendedNegotiation> common) {
        return new UserInfo(maxLength, implementationClassUid, implementationVersionName, asyncOps, roleSelections,
                extendedNegotiations, common, userIdentity, userIdentityResponse);
    }

    public UserInfo withUserIdentity(UserIdentity identity) {
        return new UserInfo(maxLength, implementationClassUid, implementationVersionName, asyncOps, roleSelections,
                extendedNegotiations, commonExtendedNegotiations, identity, userIdentityResponse);
    }

    public UserInfo withUserIdentityResponse(byte[] response) {
        return new UserInfo(maxLength, implementationClassUid, implementationVersionName, asyncOps, roleSelections,
                extendedNegotiations, commonExtendedNegotiations, userIdentity, response);
    }

    /** Asynchronous operations window: 0 means unlimited. */
    public record AsyncOps(int maxInvoked, int maxPerformed) {
    }

    /** SCP/SCU role selection for one SOP class. */
    public record RoleSelection(String sopClassUid, boolean scu, boolean scp) {
    }

    /** SOP class extended negotiation: the service-class application information, opaque here, given to the service. */
    public record ExtendedNegotiation(String sopClassUid, byte[] info) {
    }

    /** SOP class common extended negotiation (PS3.7 D.3.3.6). */
    public record CommonExtendedNegotiation(String sopClassUid, String serviceClassUid, List<String> relatedGeneralSopClasses) {
        public CommonExtendedNegotiation {
            relatedGeneralSopClasses = List.copyOf(relatedGeneralSopClasses);
        }
    }

    /**
     * User identity negotiation request. type 1 username, 2 username and passcode, 3 Kerberos, 4 SAML, 5 JWT; the secondary
     * field (passcode) only for type 2.
     */
    public record UserIdentity(int type, boolean positiveResponseRequested, byte[] primary, byte[] secondary) {
        public static final int USERNAME = 1;
        public static final int USERNAME_AND_PASSCODE = 2;
        public static final int KERBEROS = 3;
        public static final int SAML = 4;
        public static final int JWT = 5;
    }
}
