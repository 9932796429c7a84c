package org.lumen.net.pdu;

import java.util.List;
import java.util.Objects;

/** The seven PDUs of the DICOM upper layer protocol (PS3.8 section 9.3), as immutable values. */
public sealed interface Pdu {

    int TYPE_ASSOCIATE_RQ = 0x01;
    int TYPE_ASSOCIATE_AC = 0x02;
    int TYPE_ASSOCIATE_RJ = 0x03;
    int TYPE_P_DATA_TF = 0x04;
    int TYPE_RELEASE_RQ = 0x05;
    int TYPE_RELEASE_RP = 0x06;
    int TYPE_ABORT = 0x07;

    /** The DICOM application context name, the only one PS3.7 Annex A defines. */
    String DICOM_APPLICATION_CONTEXT = "1.2.840.10008.3.1.1.1";

    int type();

    /** A-ASSOCIATE-RQ: what the requestor proposes. */
    record AssociateRq(String calledAe, String callingAe, String applicationContext, List<PresentationContext> contexts,
            UserInfo userInfo) implements Pdu {
        public AssociateRq {
            contexts = List.copyOf(contexts);
            Objects.requireNonNull(userInfo, "userInfo");
        }

        @Override
        public int type() {
            return TYPE_ASSOCIATE_RQ;
        }
    }

    /** A-ASSOCIATE-AC: the acceptor's answer, one result per proposed presentation context. */
    record AssociateAc(String calledAe, String callingAe, String applicationContext, List<PresentationContext> contexts,
            UserInfo userInfo) implements Pdu {
        public AssociateAc {
            contexts = List.copyOf(contexts);
            Objects.requireNonNull(userInfo, "userInfo");
        }

        @Override
        public int type() {
            return TYPE_ASSOCIATE_AC;
        }
    }

    /**
     * A-ASSOCIATE-RJ. result 1 permanent, 2 transient; source 1 service user, 2 service provider (ACSE), 3 service provider
     * (presentation); reason depends on the source (PS3.8 table 9-21).
     */
    record AssociateRj(int result, int source, int reason) implements Pdu {
        public static final int PERMANENT = 1;
        public static final int TRANSIENT = 2;
        public static final int SOURCE_USER = 1;
        public static final int SOURCE_ACSE = 2;
        public static final int SOURCE_PRESENTATION = 3;
        public static final int USER_NO_REASON = 1;
        public static final int USER_APPLICATION_CONTEXT_NOT_SUPPORTED = 2;
        public static final int USER_CALLING_AE_NOT_RECOGNIZED = 3;
        public static final int USER_CALLED_AE_NOT_RECOGNIZED = 7;
        public static final int ACSE_PROTOCOL_VERSION_NOT_SUPPORTED = 2;
        public static final int PRESENTATION_TEMPORARY_CONGESTION = 1;
        public static final int PRESENTATION_LOCAL_LIMIT_EXCEEDED = 2;

        @Override
        public int type() {
            return TYPE_ASSOCIATE_RJ;
        }

        public String describe() {
            String src = switch (source) {
                case SOURCE_USER -> "service user";
                case SOURCE_ACSE -> "service provider (ACSE)";
                case SOURCE_PRESENTATION -> "service provider (presentation)";
                default -> "source " + source;
            };
            String why = switch (source * 100 + reason) {
                case 101 -> "no reason given";
                case 102 -> "application context name not supported";
                case 103 -> "calling AE title not recognized";
                case 107 -> "called AE title not recognized";
                case 201 -> "no reason given";
                case 202 -> "protocol version not supported";
                case 301 -> "temporary congestion";
                case 302 -> "local limit exceeded";
                default -> "reason " + reason;
            };
            return (result == PERMANENT ? "rejected permanently" : result == TRANSIENT ? "rejected transiently" : "rejected (result "
                    + result + ")") + " by the " + src + ": " + why;
        }
    }

    /** P-DATA-TF: one or more presentation data values. */
    record PData(List<Pdv> pdvs) implements Pdu {
        public PData {
            pdvs = List.copyOf(pdvs);
        }

        @Override
        public int type() {
            return TYPE_P_DATA_TF;
        }
    }

    /** One presentation data value: a fragment of a command or a data set for one presentation context. */
    record Pdv(int contextId, boolean command, boolean last, byte[] data) {
    }

    record ReleaseRq() implements Pdu {
        @Override
        public int type() {
            return TYPE_RELEASE_RQ;
        }
    }

    record ReleaseRp() implements Pdu {
        @Override
        public int type() {
            return TYPE_RELEASE_RP;
        }
    }

    /** A-ABORT. source 0 service user, 2 service provider; reason (provider only) per PS3.8 table 9-26. */
    record Abort(int source, int reason) implements Pdu {
        public static final int SOURCE_USER = 0;
        public static final int SOURCE_PROVIDER = 2;
        public static final int REASON_NOT_SPECIFIED = 0;
        public static final int REASON_UNRECOGNIZED_PDU = 1;
        public static final int REASON_UNEXPECTED_PDU = 2;
        public static final int REASON_UNRECOGNIZED_PDU_PARAMETER = 4;
        public static final int REASON_UNEXPECTED_PDU_PARAMETER = 5;
        public static final int REASON_INVALID_PDU_PARAMETER_VALUE = 6;

        @Override
        public int type() {
            return TYPE_ABORT;
        }

        public String describe() {
            String who = source == SOURCE_USER ? "service user" : source == SOURCE_PROVIDER ? "service provider" : "source " + source;
            String why = switch (reason) {
                case 0 -> "reason not specified";
                case 1 -> "unrecognized PDU";
                case 2 -> "unexpected PDU";
                case 4 -> "unrecognized PDU parameter";
                case 5 -> "unexpected PDU parameter";
                case 6 -> "invalid PDU parameter value";
                default -> "reason " + reason;
            };
            return "aborted by the " + who + " (" + why + ")";
        }
    }
}
