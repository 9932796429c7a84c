package org.lumen.net.pdu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lumen.net.pdu.Pdu.Abort;
import org.lumen.net.pdu.Pdu.AssociateAc;
import org.lumen.net.pdu.Pdu.AssociateRj;
import org.lumen.net.pdu.Pdu.AssociateRq;
import org.lumen.net.pdu.Pdu.PData;
import org.lumen.net.pdu.Pdu.Pdv;
import org.lumen.net.pdu.UserInfo.AsyncOps;
import org.lumen.net.pdu.UserInfo.CommonExtendedNegotiation;
import org.lumen.net.pdu.UserInfo.ExtendedNegotiation;
import org.lumen.net.pdu.UserInfo.RoleSelection;
import org.lumen.net.pdu.UserInfo.UserIdentity;

class PduCodecTest {
    private static final PduCodec.Limits LIMITS = new PduCodec.Limits(16384, 65536);

    static AssociateRq fullRequest() {
        UserInfo info = UserInfo.of(16384, "1.2.3.4", "LUMEN_TEST")
                .withAsyncOps(new AsyncOps(3, 2))
                .withRoleSelections(List.of(new RoleSelection("1.2.840.10008.5.1.4.1.1.2", true, true)))
                .withExtendedNegotiations(List.of(new ExtendedNegotiation("1.2.840.10008.5.1.4.1.2.2.1", new byte[] {1, 1, 0})))
                .withCommonExtendedNegotiations(List.of(new CommonExtendedNegotiation("1.2.840.10008.5.1.4.1.1.88.22",
                        "1.2.840.10008.4.2", List.of("1.2.840.10008.5.1.4.1.1.88.11", "1.2.840.10008.5.1.4.1.1.88.33"))))
                .withUserIdentity(new UserIdentity(UserIdentity.USERNAME_AND_PASSCODE, true,
                        "alice".getBytes(StandardCharsets.UTF_8), "secret".getBytes(StandardCharsets.UTF_8)));
        return new AssociateRq("LUMEN", "MODALITY", Pdu.DICOM_APPLICATION_CONTEXT, List.of(
                PresentationContext.proposed(1, "1.2.840.10008.1.1", "1.2.840.10008.1.2"),
                PresentationContext.proposed(3, "1.2.840.10008.5.1.4.1.1.2", "1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.1")),
                info);
    }

    @Test
    void associateRequestWithEverySubItemRoundTrips() throws Exception {
        AssociateRq rq = fullRequest();
        AssociateRq back = (AssociateRq) PduCodec.decode(PduCodec.encode(rq), LIMITS);
        assertThat(back.calledAe()).isEqualTo("LUMEN");
        assertThat(back.callingAe()).isEqualTo("MODALITY");
        assertThat(back.contexts()).isEqualTo(rq.contexts());
        UserInfo info = back.userInfo();
        assertThat(info.maxLength()).isEqualTo(16384);
        assertThat(info.implementationClassUid()).isEqualTo("1.2.3.4");
        assertThat(info.implementationVersionName()).isEqualTo("LUMEN_TEST");
        assertThat(info.asyncOps()).isEqualTo(new AsyncOps(3, 2));
        assertThat(info.roleSelections()).isEqualTo(rq.userInfo().roleSelections());
        assertThat(info.extendedNegotiations().get(0).info()).containsExactly(1, 1, 0);
        assertThat(info.commonExtendedNegotiations()).isEqualTo(rq.userInfo().commonExtendedNegotiations());
        assertThat(info.userIdentity().type()).isEqualTo(2);
        assertThat(info.userIdentity().positiveResponseRequested()).isTrue();
        assertThat(new String(info.userIdentity().primary(), StandardCharsets.UTF_8)).isEqualTo("alice");
        assertThat(new String(info.userIdentity().secondary(), StandardCharsets.UTF_8)).isEqualTo("secret");
    }

    @Test
    void acceptRejectDataReleaseAbortRoundTrip() throws Exception {
        AssociateAc ac = new AssociateAc("LUMEN", "MODALITY", Pdu.DICOM_APPLICATION_CONTEXT, List.of(
                PresentationContext.answer(1, 0, "1.2.840.10008.1.2"), PresentationContext.answer(3, 3, null)),
                UserInfo.of(0, "1.2.3", null).withUserIdentityResponse(new byte[] {7, 8}));
        AssociateAc acBack = (AssociateAc) PduCodec.decode(PduCodec.encode(ac), LIMITS);
        assertThat(acBack.contexts()).isEqualTo(ac.contexts());
        assertThat(acBack.userInfo().userIdentityResponse()).containsExactly(7, 8);
        assertThat(PduCodec.decode(PduCodec.encode(new AssociateRj(1, 1, 7)), LIMITS)).isEqualTo(new AssociateRj(1, 1, 7));
        PData data = (PData) PduCodec.decode(PduCodec.encode(new PData(List.of(new Pdv(1, true, true, new byte[] {1, 2}),
                new Pdv(1, false, false, new byte[] {3})))), LIMITS);
        assertThat(data.pdvs()).hasSize(2);
        assertThat(data.pdvs().get(0).command()).isTrue();
        assertThat(data.pdvs().get(0).last()).isTrue();
        assertThat(data.pdvs().get(1).data()).containsExactly(3);
        assertThat(PduCodec.decode(PduCodec.encode(new Pdu.ReleaseRq()), LIMITS)).isInstanceOf(Pdu.ReleaseRq.class);
        assertThat(PduCodec.decode(PduCodec.encode(new Pdu.ReleaseRp()), LIMITS)).isInstanceOf(Pdu.ReleaseRp.class);
        assertThat(PduCodec.decode(PduCodec.encode(new Abort(2, 6)), LIMITS)).isEqualTo(new Abort(2, 6));
    }

    @Test
    void writePDataMatchesTheGeneralEncoder() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] payload = {9, 8, 7, 6, 5};
        PduCodec.writePData(out, 5, false, true, payload, 1, 3);
        byte[] expected = PduCodec.encode(new PData(List.of(new Pdv(5, false, true, new byte[] {8, 7, 6}))));
        assertThat(out.toByteArray()).isEqualTo(expected);
    }

    @Test
    void unknownPduTypeIsRefused() {
        assertThatThrownBy(() -> PduCodec.decode(new byte[] {0x08, 0, 0, 0, 0, 4, 0, 0, 0, 0}, LIMITS))
                .isInstanceOf(PduFormatException.class).hasMessageContaining("Unknown PDU type 0x08");
    }

    @Test
    void oversizedPduIsRefusedBeforeAllocating() {
        // A P-DATA-TF claiming 4 GiB - 1: refused from the header alone; the stream has no body to read.
        byte[] header = {0x04, 0, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff};
        assertThatThrownBy(() -> PduCodec.read(new ByteArrayInputStream(header), LIMITS))
                .isInstanceOf(PduFormatException.class).hasMessageContaining("exceeds the maximum of 16384");
    }

    @Test
    void pdvLongerThanItsPduIsRefused() {
        byte[] pdu = {0x04, 0, 0, 0, 0, 8, 0, 0, 0, 100, 1, 3, 0, 0};
        assertThatThrownBy(() -> PduCodec.decode(pdu, LIMITS)).isInstanceOf(PduFormatException.class)
                .hasMessageContaining("PDV item length 100");
    }

    @Test
    void itemLengthOverrunningTheAssociateRequestIsRefused() {
        byte[] pdu = PduCodec.encode(fullRequest());
        // The application context item starts at 6 + 68: make its length run past the end.
        pdu[6 + 68 + 2] = (byte) 0x7f;
        assertThatThrownBy(() -> PduCodec.decode(pdu, LIMITS)).isInstanceOf(PduFormatException.class)
                .hasMessageContaining("declares length");
    }

    @Test
    void wrongPduLengthIsRefused() {
        byte[] pdu = PduCodec.encode(new Pdu.ReleaseRq());
        pdu[5] = 6;
        assertThatThrownBy(() -> PduCodec.decode(pdu, LIMITS)).isInstanceOf(PduFormatException.class)
                .hasMessageContaining("length must be 4");
    }

    @Test
    void truncatedStreamIsAnEofNotAHang() {
        byte[] pdu = PduCodec.encode(fullRequest());
        byte[] cut = java.util.Arrays.copyOf(pdu, pdu.length - 10);
        assertThatThrownBy(() -> PduCodec.read(new ByteArrayInputStream(cut), LIMITS))
                .isInstanceOf(java.io.EOFException.class).hasMessageContaining("A-ASSOCIATE-RQ body");
    }
}
