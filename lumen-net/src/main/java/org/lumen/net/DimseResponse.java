package org.lumen.net;

import org.lumen.dicom.data.Attributes;
import org.lumen.net.dimse.Command;
import org.lumen.net.dimse.Status;

/** A response received: its command and its data set (identifier, failed instance list...) or null. */
public record DimseResponse(Command command, Attributes dataset) {

    public int status() {
        return command.status();
    }

    public boolean isSuccess() {
        return Status.isSuccess(status());
    }

    public String errorComment() {
        return command.getString(Command.ERROR_COMMENT);
    }

    public int completed() {
        return command.getInt(Command.NUMBER_OF_COMPLETED_SUB_OPERATIONS, 0);
    }

    public int failed() {
        return command.getInt(Command.NUMBER_OF_FAILED_SUB_OPERATIONS, 0);
    }

    public int warning() {
        return command.getInt(Command.NUMBER_OF_WARNING_SUB_OPERATIONS, 0);
    }

    public int remaining() {
        return command.getInt(Command.NUMBER_OF_REMAINING_SUB_OPERATIONS, -1);
    }

    @Override
    public String toString() {
        return command.toString() + (errorComment() == null ? "" : " (" + errorComment() + ")");
    }
}
