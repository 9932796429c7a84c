package org.lumen.net.dimse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CommandTest {

    @Test
    void requestRoundTripsWithGroupLength() throws Exception {
        Command rq = Command.request(CommandField.C_STORE_RQ, 7, "1.2.840.10008.5.1.4.1.1.2", true)
                .set(Command.AFFECTED_SOP_INSTANCE_UID, "1.2.3").set(Command.PRIORITY, 0)
                .set(Command.MOVE_ORIGINATOR_AE_TITLE, "MOVER").set(Command.MOVE_ORIGINATOR_MESSAGE_ID, 3);
        byte[] encoded = rq.encode();
        // (0000,0000) UL, length 4, value = bytes after it.
        assertThat(encoded[0] | encoded[1] | encoded[2] | encoded[3]).isZero();
        int groupLength = (encoded[8] & 0xff) | (encoded[9] & 0xff) << 8;
        assertThat(groupLength).isEqualTo(encoded.length - 12);
        Command back = Command.decode(encoded);
        assertThat(back.commandField()).isEqualTo(CommandField.C_STORE_RQ);
        assertThat(back.messageId()).isEqualTo(7);
        assertThat(back.sopClassUid()).isEqualTo("1.2.840.10008.5.1.4.1.1.2");
        assertThat(back.sopInstanceUid()).isEqualTo("1.2.3");
        assertThat(back.getString(Command.MOVE_ORIGINATOR_AE_TITLE)).isEqualTo("MOVER");
        assertThat(back.hasDataSet()).isTrue();
        // Odd-length UIDs are padded with NUL and come back without it.
        assertThat(encoded.length % 2).isZero();
    }

    @Test
    void responseCarriesStatusAndAttributeList() throws Exception {
        Command rq = Command.request(CommandField.C_FIND_RQ, 2, "1.2", true);
        Command rsp = Command.responseTo(rq, Status.PENDING, true).setTags(Command.OFFENDING_ELEMENT, 0x00100010, 0x7FE00010);
        Command back = Command.decode(rsp.encode());
        assertThat(back.isResponse()).isTrue();
        assertThat(back.messageIdBeingRespondedTo()).isEqualTo(2);
        assertThat(back.status()).isEqualTo(Status.PENDING);
        assertThat(back.getTags(Command.OFFENDING_ELEMENT)).containsExactly(0x00100010, 0x7FE00010);
        assertThat(back.toString()).isEqualTo("C-FIND-RSP to #2 status 0xFF00 class 1.2");
    }

    @Test
    void malformedCommandsAreRefused() {
        assertThatThrownBy(() -> Command.decode(new byte[] {8, 0, 0x10, 0, 2, 0, 0, 0, 1, 0}))
                .isInstanceOf(DimseFormatException.class).hasMessageContaining("not in group 0000");
        assertThatThrownBy(() -> Command.decode(new byte[] {0, 0, 0, 1, 4, 0, 0, 0, 1, 0}))
                .isInstanceOf(DimseFormatException.class).hasMessageContaining("declares length 4");
        assertThatThrownBy(() -> Command.decode(new byte[] {0, 0, 0, 1, 4, 0, 0, 0, 1, 0, 0, 0}))
                .isInstanceOf(DimseFormatException.class).hasMessageContaining("length 4, not 2");
        assertThatThrownBy(() -> Command.decode(new byte[] {0, 0, 0x10, 1, 2, 0, 0, 0, 1, 0}))
                .isInstanceOf(DimseFormatException.class).hasMessageContaining("without a Command Field");
        assertThatThrownBy(() -> Command.decode(new byte[] {0, 0, 0, 1, 2, 0, 0, 0, 1, 0}))
                .isInstanceOf(DimseFormatException.class).hasMessageContaining("without a Message ID");
    }
}
