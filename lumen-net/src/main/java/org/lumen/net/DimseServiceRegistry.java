package org.lumen.net;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.UID;
import org.lumen.dicom.dict.UidDictionary;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.ReadOptions;
import org.lumen.dicom.io.TransferSyntax;
import org.lumen.net.dimse.Command;
import org.lumen.net.dimse.CommandField;
import org.lumen.net.dimse.DimseException;
import org.lumen.net.dimse.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The services of an application entity by SOP Class UID, with a fallback for any storage SOP class (private and unknown ones
 * included), and per-service allow-lists of calling AE titles. It is also the one place where a request becomes responses:
 * a service's {@link DimseException} becomes its status, any other failure becomes Processing Failure (0110).
 * Verification (C-ECHO) is always available.
 */
public final class DimseServiceRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(DimseServiceRegistry.class);

    /** Whether a presentation context for an abstract syntax can be accepted for a calling AE. */
    public enum Support { SUPPORTED, CALLING_AE_NOT_ALLOWED, NOT_SUPPORTED }

    private record Entry(Object service, Set<String> allowedCallingAes) {
        boolean allows(String callingAe) {
            return allowedCallingAes.isEmpty() || allowedCallingAes.contains(callingAe);
        }
    }

    private final Map<String, Entry> services = new ConcurrentHashMap<>();
    private final Map<String, byte[]> extendedNegotiation = new ConcurrentHashMap<>();
    private volatile Entry storageFallback;
    private volatile Set<String> echoAllowed = Set.of();

    public DimseServiceRegistry registerStore(String sopClassUid, StoreService service, String... allowedCallingAes) {
        services.put(sopClassUid, new Entry(service, Set.of(allowedCallingAes)));
        return this;
    }

    /** Takes every storage SOP class without its own service: the standard ones, private and unknown UIDs. */
    public DimseServiceRegistry registerStorageFallback(StoreService service, String... allowedCallingAes) {
        storageFallback = new Entry(service, Set.of(allowedCallingAes));
        return this;
    }

    public DimseServiceRegistry registerFind(String sopClassUid, FindService service, String... allowedCallingAes) {
        services.put(sopClassUid, new Entry(service, Set.of(allowedCallingAes)));
        return this;
    }

    /** For a C-MOVE or C-GET SOP class (e.g. Study Root Query/Retrieve Information Model - MOVE). */
    public DimseServiceRegistry registerRetrieve(String sopClassUid, RetrieveService service, String... allowedCallingAes) {
        services.put(sopClassUid, new Entry(service, Set.of(allowedCallingAes)));
        return this;
    }

    public DimseServiceRegistry registerNService(String sopClassUid, NService service, String... allowedCallingAes) {
        services.put(sopClassUid, new Entry(service, Set.of(allowedCallingAes)));
        return this;
    }

    /**
     * Declares which SOP class extended negotiation options the service of {@code sopClassUid} supports, byte by byte as
     * PS3.7 D.3.3.5 lays them out (for Query/Retrieve FIND: relational queries, combined date-time matching, fuzzy
     * matching of person names, timezone adjustment; for MOVE/GET: relational retrieval). A proposer gets, byte by byte,
     * the lesser of what it asked and what is declared here; a class with no declaration gets no answer (the defaults).
     */
    public DimseServiceRegistry supportExtendedNegotiation(String sopClassUid, byte... supported) {
        extendedNegotiation.put(sopClassUid, supported.clone());
        return this;
    }

    /** The answer to a proposed extended negotiation, or null when none is due. */
    byte[] agreedExtendedNegotiation(String sopClassUid, byte[] proposed) {
        byte[] supported = extendedNegotiation.get(sopClassUid);
        if (supported == null || proposed == null) {
            return null;
        }
        byte[] agreed = new byte[Math.min(proposed.length, supported.length)];
        for (int i = 0; i < agreed.length; i++) {
            agreed[i] = (byte) Math.min(proposed[i] & 0xFF, supported[i] & 0xFF);
        }
        return agreed;
    }

    /** Restricts C-ECHO to these calling AEs (default: anyone who may associate). */
    public DimseServiceRegistry restrictEcho(String... allowedCallingAes) {
        echoAllowed = Set.of(allowedCallingAes);
        return this;
    }

    public Support support(String abstractSyntax, String callingAe) {
        if (UID.Verification.equals(abstractSyntax)) {
            return echoAllowed.isEmpty() || echoAllowed.contains(callingAe) ? Support.SUPPORTED : Support.CALLING_AE_NOT_ALLOWED;
        }
        Entry entry = entryFor(abstractSyntax);
        if (entry == null) {
            return Support.NOT_SUPPORTED;
        }
        return entry.allows(callingAe) ? Support.SUPPORTED : Support.CALLING_AE_NOT_ALLOWED;
    }

    /** True if a storage service (own or fallback) takes this SOP class: used to accept SCP role selection for C-GET. */
    boolean hasStorageService(String sopClassUid) {
        Entry entry = entryFor(sopClassUid);
        return entry != null && entry.service() instanceof StoreService;
    }

    private Entry entryFor(String sopClassUid) {
        Entry entry = services.get(sopClassUid);
        if (entry == null && storageFallback != null && isStorageClass(sopClassUid)) {
            entry = storageFallback;
        }
        return entry;
    }

    /**
     * A storage SOP class for the fallback: a standard SOP class named "... Storage", or any syntactically valid UID the
     * dictionary does not know (private classes). Known non-storage classes (query/retrieve, worklist, print...) are not.
     */
    static boolean isStorageClass(String uid) {
        if (uid == null || !uid.matches("[0-2](\\.(0|[1-9][0-9]*))+") || uid.length() > 64) {
            return false;
        }
        UidDictionary.Entry known = UidDictionary.lookup(uid);
        if (known == null) {
            return true;
        }
        return "SOP Class".equals(known.type()) && known.name().contains("Storage")
                && !known.name().contains("Storage Commitment");
    }

    // ------------------------------------------------------------------ dispatch: the one place requests become responses

    void handle(Association association, AcceptedContext pc, Command rq, InputStream data, BooleanSupplier cancelled) {
        int field = rq.commandField();
        try {
            try {
                switch (field) {
                    case CommandField.C_ECHO_RQ -> {
                        checkAllowed(association, pc.abstractSyntax());
                        association.sendResponse(pc, Command.responseTo(rq, Status.SUCCESS, false), null);
                    }
                    case CommandField.C_STORE_RQ -> store(association, pc, rq, data);
                    case CommandField.C_FIND_RQ -> find(association, pc, rq, readIdentifier(association, pc, data), cancelled);
                    case CommandField.C_MOVE_RQ, CommandField.C_GET_RQ -> retrieve(association, pc, rq,
                            readIdentifier(association, pc, data), cancelled);
                    case CommandField.N_ACTION_RQ, CommandField.N_EVENT_REPORT_RQ -> nRequest(association, pc, rq,
                            data == null ? null : readIdentifier(association, pc, data));
                    default -> throw new DimseException(Status.UNRECOGNIZED_OPERATION, CommandField.name(field)
                            + " is not supported by Lumen");
                }
            } finally {
                if (data instanceof DataPipe pipe) {
                    pipe.drain();
                }
            }
        } catch (DimseException e) {
            respondFailure(association, pc, rq, e.status(), e.getMessage());
        } catch (IOException e) {
            if (association.isOpen()) {
                LOG.warn("{}: {} failed: {}", association, CommandField.name(field), e.getMessage());
                respondFailure(association, pc, rq, Status.PROCESSING_FAILURE, "I/O error: " + e.getMessage());
            }
        } catch (RuntimeException e) {
            LOG.error("{}: {} failed in the service", association, CommandField.name(field), e);
            respondFailure(association, pc, rq, Status.PROCESSING_FAILURE, "Internal error: " + e.getClass().getSimpleName());
        }
    }

    private void respondFailure(Association association, AcceptedContext pc, Command rq, int status, String message) {
        Command rsp = Command.responseTo(rq, status, false);
        if (message != null && !message.isEmpty()) {
            // Error Comment is LO: 64 characters at most.
            rsp.set(Command.ERROR_COMMENT, message.length() > 64 ? message.substring(0, 64) : message);
        }
        if (Status.isFailure(status)) {
            LOG.info("{}: {} answered {} ({})", association, CommandField.name(rq.commandField()), Status.hex(status), message);
        }
        try {
            association.sendResponse(pc, rsp, null);
        } catch (IOException e) {
            LOG.debug("{}: cannot send the failure response: {}", association, e.getMessage());
        }
    }

    private Entry checkAllowed(Association association, String sopClassUid) throws DimseException {
        if (support(sopClassUid, association.callingAe()) == Support.CALLING_AE_NOT_ALLOWED) {
            throw new DimseException(Status.NOT_AUTHORIZED, "Calling AE not allowed for this service");
        }
        return entryFor(sopClassUid);
    }

    private void store(Association association, AcceptedContext pc, Command rq, InputStream data)
            throws DimseException, IOException {
        String sopClass = rq.getString(Command.AFFECTED_SOP_CLASS_UID);
        if (sopClass == null || !sopClass.equals(pc.abstractSyntax())) {
            throw new DimseException(Status.SOP_CLASS_NOT_SUPPORTED, "SOP class of the request differs from its context");
        }
        if (data == null) {
            throw new DimseException(Status.CANNOT_UNDERSTAND, "C-STORE-RQ without a data set");
        }
        Entry entry = checkAllowed(association, sopClass);
        if (entry == null || !(entry.service() instanceof StoreService service)) {
            throw new DimseException(Status.SOP_CLASS_NOT_SUPPORTED, "No storage service for this SOP class");
        }
        StoreRequest req = new StoreRequest(association.callingAe(), association.calledAe(), sopClass,
                rq.getString(Command.AFFECTED_SOP_INSTANCE_UID), pc.transferSyntax(),
                rq.getString(Command.MOVE_ORIGINATOR_AE_TITLE), rq.getInt(Command.MOVE_ORIGINATOR_MESSAGE_ID, -1),
                rq.getInt(Command.PRIORITY, 0), association.remoteAddress());
        service.onCStore(req, data);
        association.sendResponse(pc, Command.responseTo(rq, Status.SUCCESS, false), null);
    }

    private void find(Association association, AcceptedContext pc, Command rq, Attributes keys, BooleanSupplier cancelled)
            throws DimseException, IOException {
        Entry entry = checkAllowed(association, pc.abstractSyntax());
        if (entry == null || !(entry.service() instanceof FindService service)) {
            throw new DimseException(Status.SOP_CLASS_NOT_SUPPORTED, "No C-FIND service for this SOP class");
        }
        QueryRequest req = queryRequest(association, pc, rq, cancelled);
        int count = 0;
        try (Stream<Attributes> results = service.onCFind(req, keys)) {
            Iterator<Attributes> it = results.iterator();
            while (it.hasNext()) {
                if (cancelled.getAsBoolean()) {
                    LOG.info("{}: C-FIND cancelled after {} matches", association, count);
                    association.sendResponse(pc, Command.responseTo(rq, Status.CANCEL, false), null);
                    return;
                }
                Attributes match = it.next();
                association.sendResponse(pc, Command.responseTo(rq, Status.PENDING, true), DataWriter.of(match));
                count++;
            }
        }
        LOG.debug("{}: C-FIND returned {} matches", association, count);
        association.sendResponse(pc, Command.responseTo(rq, Status.SUCCESS, false), null);
    }

    private void retrieve(Association association, AcceptedContext pc, Command rq, Attributes keys, BooleanSupplier cancelled)
            throws DimseException, IOException {
        Entry entry = checkAllowed(association, pc.abstractSyntax());
        if (entry == null || !(entry.service() instanceof RetrieveService service)) {
            throw new DimseException(Status.SOP_CLASS_NOT_SUPPORTED, "No retrieve service for this SOP class");
        }
        QueryRequest req = queryRequest(association, pc, rq, cancelled);
        new SubOperations(association, pc, rq, req).run(service.onRetrieve(req, keys));
    }

    private void nRequest(Association association, AcceptedContext pc, Command rq, Attributes info)
            throws DimseException, IOException {
        Entry entry = checkAllowed(association, pc.abstractSyntax());
        if (entry == null || !(entry.service() instanceof NService service)) {
            throw new DimseException(Status.SOP_CLASS_NOT_SUPPORTED, "No service for this SOP class");
        }
        int field = rq.commandField();
        int typeId = rq.getInt(field == CommandField.N_ACTION_RQ ? Command.ACTION_TYPE_ID : Command.EVENT_TYPE_ID, 0);
        NService.NRequest req = new NService.NRequest(association, field, rq.sopClassUid(), rq.sopInstanceUid(), typeId);
        Attributes reply = service.onNRequest(req, info);
        Command rsp = Command.responseTo(rq, Status.SUCCESS, reply != null);
        if (field == CommandField.N_ACTION_RQ) {
            rsp.set(Command.ACTION_TYPE_ID, typeId);
        } else {
            rsp.set(Command.EVENT_TYPE_ID, typeId);
        }
        association.sendResponse(pc, rsp, reply == null ? null : DataWriter.of(reply));
        req.followUps().forEach(Runnable::run);
    }

    private static QueryRequest queryRequest(Association association, AcceptedContext pc, Command rq, BooleanSupplier cancelled) {
        return new QueryRequest(association.callingAe(), association.calledAe(), rq.commandField(), pc.abstractSyntax(),
                rq.getInt(Command.PRIORITY, 0), rq.getString(Command.MOVE_DESTINATION),
                association.extendedNegotiation(pc.abstractSyntax()), cancelled);
    }

    /** Reads a request identifier (bounded by the configured data set buffer) and parses it. */
    private static Attributes readIdentifier(Association association, AcceptedContext pc, InputStream data)
            throws DimseException, IOException {
        if (data == null) {
            throw new DimseException(Status.CANNOT_UNDERSTAND, "Request without its identifier data set");
        }
        int limit = association.config().maxDataSetBuffer();
        byte[] bytes = data.readNBytes(limit + 1);
        if (bytes.length > limit) {
            throw new DimseException(Status.OUT_OF_RESOURCES, "Identifier larger than " + limit + " bytes");
        }
        try {
            return DicomReader.readDataset(new ByteArrayInputStream(bytes), "identifier", TransferSyntax.of(pc.transferSyntax()),
                    ReadOptions.INCLUDE_ALL);
        } catch (IOException e) {
            throw new DimseException(Status.CANNOT_UNDERSTAND, "Unreadable identifier: " + e.getMessage(), e);
        }
    }
}
