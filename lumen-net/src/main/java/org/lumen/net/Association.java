package org.lumen.net;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.ReadOptions;
import org.lumen.dicom.io.TransferSyntax;
import org.lumen.net.dimse.Command;
import org.lumen.net.dimse.CommandField;
import org.lumen.net.dimse.DimseFormatException;
import org.lumen.net.pdu.Pdu;
import org.lumen.net.pdu.Pdu.Abort;
import org.lumen.net.pdu.Pdu.AssociateAc;
import org.lumen.net.pdu.Pdu.AssociateRq;
import org.lumen.net.pdu.Pdu.PData;
import org.lumen.net.pdu.Pdu.Pdv;
import org.lumen.net.pdu.Pdu.ReleaseRp;
import org.lumen.net.pdu.Pdu.ReleaseRq;
import org.lumen.net.pdu.PduCodec;
import org.lumen.net.pdu.PduFormatException;
import org.lumen.net.pdu.PresentationContext;
import org.lumen.net.pdu.UserInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One DICOM association, either end. It owns the socket and runs the PS3.8 state machine ({@link State}) in one reader
 * thread: PDUs are read with the ARTIM or idle timeout of the current state, P-DATA fragments are assembled into DIMSE
 * messages, requests go to the {@link DimseServiceRegistry} on worker threads (as many as the negotiated asynchronous
 * operations window), responses go to the request that is waiting for them. Data sets of incoming requests stream through
 * a bounded {@link DataPipe}; nothing holds a whole instance in memory.
 */
public final class Association implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(Association.class);
    private static final AtomicInteger SERIAL = new AtomicInteger();
    /** Fragments a data set pipe holds: memory per incoming operation is at most this times the maximum PDU length. */
    private static final int PIPE_FRAGMENTS = 8;
    /** What we send per PDU when the peer sets no limit (maximum length 0). */
    private static final int DEFAULT_SEND_PDU = 1 << 20;

    /** Receives the responses to one request this end invoked. */
    interface ResponseListener {
        /** A response; {@code dataset} null when it has none. Called on the reader thread. */
        void onResponse(Command rsp, Attributes dataset);

        /** The association ended (or the response could not be read) before the final response. */
        void onFailure(IOException cause);
    }

    private record Pending(AcceptedContext pc, ResponseListener listener) {
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final AeConfig config;
    private final DimseServiceRegistry registry;
    private final boolean requestor;
    private final String name;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final ReentrantLock messageLock = new ReentrantLock(true);
    private final Map<Integer, AcceptedContext> contexts = new ConcurrentHashMap<>();
    private final Map<Integer, Pending> pending = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicBoolean> running = new ConcurrentHashMap<>();
    private final AtomicInteger nextMessageId = new AtomicInteger(1);
    private final CountDownLatch ended = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile State state = State.STA1;
    private final List<State> history = new ArrayList<>();
    /** Guards the release transitions, which both the reader and a local release() make. */
    private final Object stateLock = new Object();
    private volatile AssociateRq request;
    private volatile AssociateAc accept;
    private volatile int sendPdvData;
    private Semaphore invokeWindow = new Semaphore(1);
    /** Requests of the peer being performed or queued: at most the window we negotiated, else the reader waits. */
    private Semaphore performWindow = new Semaphore(1);
    private ThreadPoolExecutor workers;
    private volatile boolean peerAborted;

    // message assembly, touched by the reader thread only
    private final ByteArrayOutputStream commandBuffer = new ByteArrayOutputStream(256);
    private int commandContext = -1;
    private Command dataCommand;
    private AcceptedContext dataContext;
    private DataPipe dataPipe;
    private ByteArrayOutputStream responseData;

    Association(Socket socket, AeConfig config, DimseServiceRegistry registry, boolean requestor) throws IOException {
        this.socket = socket;
        this.in = new java.io.BufferedInputStream(socket.getInputStream(), 16384);
        this.out = new BufferedOutputStream(socket.getOutputStream(), 65536);
        this.config = config;
        this.registry = registry;
        this.requestor = requestor;
        this.name = (requestor ? "SCU" : "SCP") + "#" + SERIAL.incrementAndGet();
    }

    // ------------------------------------------------------------------ what the association is

    public State state() {
        return state;
    }

    /** The states this association went through, in order (the last 64): the PS3.8 transitions, for tests and diagnosis. */
    public List<State> stateHistory() {
        synchronized (history) {
            return List.copyOf(history);
        }
    }

    private void setState(State next) {
        state = next;
        synchronized (history) {
            if (history.size() == 64) {
                history.remove(0);
            }
            history.add(next);
        }
    }

    public boolean isOpen() {
        return state == State.STA6;
    }

    public boolean isRequestor() {
        return requestor;
    }

    public AeConfig config() {
        return config;
    }

    public String callingAe() {
        return request == null ? null : request.callingAe();
    }

    public String calledAe() {
        return request == null ? null : request.calledAe();
    }

    /** The A-ASSOCIATE-RQ as sent or received. */
    public AssociateRq associateRequest() {
        return request;
    }

    /** The A-ASSOCIATE-AC as sent or received. */
    public AssociateAc associateAccept() {
        return accept;
    }

    public String remoteAddress() {
        return String.valueOf(socket.getRemoteSocketAddress());
    }

    public List<AcceptedContext> acceptedContexts() {
        List<AcceptedContext> list = new ArrayList<>(contexts.values());
        list.sort((a, b) -> Integer.compare(a.id(), b.id()));
        return Collections.unmodifiableList(list);
    }

    /** The accepted context for this SOP class and transfer syntax (any syntax when null), or null. */
    public AcceptedContext context(String abstractSyntax, String transferSyntax) {
        for (AcceptedContext pc : acceptedContexts()) {
            if (pc.abstractSyntax().equals(abstractSyntax) && (transferSyntax == null || pc.transferSyntax().equals(transferSyntax))) {
                return pc;
            }
        }
        return null;
    }

    /**
     * The SOP class extended negotiation bytes in force for this SOP class: those the acceptor answered (the agreement),
     * or, when it answered none, those the requestor proposed (what services that declare no support look at); null if
     * neither.
     */
    public byte[] extendedNegotiation(String sopClassUid) {
        AssociateAc ac = accept;
        if (ac != null) {
            for (UserInfo.ExtendedNegotiation ext : ac.userInfo().extendedNegotiations()) {
                if (ext.sopClassUid().equals(sopClassUid)) {
                    return ext.info().clone();
                }
            }
        }
        AssociateRq rq = request;
        if (rq == null) {
            return null;
        }
        for (UserInfo.ExtendedNegotiation ext : rq.userInfo().extendedNegotiations()) {
            if (ext.sopClassUid().equals(sopClassUid)) {
                return ext.info().clone();
            }
        }
        return null;
    }

    @Override
    public String toString() {
        AssociateRq rq = request;
        return rq == null ? name : name + " " + rq.callingAe() + "->" + rq.calledAe();
    }

    // ------------------------------------------------------------------ establishment

    /** Acceptor side: runs the whole association on the calling thread, from the A-ASSOCIATE-RQ to the close. */
    void serve(boolean overLimit) {
        try {
            setState(State.STA2);
            socket.setSoTimeout(millis(config.artimTimeout()));
            Pdu first;
            try {
                // ARTIM bounds the whole A-ASSOCIATE-RQ, not each read: a peer trickling bytes cannot hold the slot.
                first = PduCodec.read(new DeadlineInputStream(in, socket, System.nanoTime()
                        + TimeUnit.MILLISECONDS.toNanos(millis(config.artimTimeout()))),
                        limits(PduCodec.Limits.DEFAULT.maxAssociateLength()));
            } catch (SocketTimeoutException e) {
                LOG.warn("{}: ARTIM expired: no A-ASSOCIATE-RQ within {} ms from {}; closing", name,
                        millis(config.artimTimeout()), remoteAddress());
                return;
            } catch (PduCodec.UnsupportedProtocolVersionException e) {
                LOG.warn("{}: A-ASSOCIATE-RJ to {}: {}", name, remoteAddress(), e.getMessage());
                sendPdu(new Pdu.AssociateRj(Pdu.AssociateRj.PERMANENT, Pdu.AssociateRj.SOURCE_ACSE,
                        Pdu.AssociateRj.ACSE_PROTOCOL_VERSION_NOT_SUPPORTED));
                setState(State.STA13);
                awaitClose();
                return;
            } catch (PduFormatException e) {
                LOG.warn("{}: malformed PDU from {} while awaiting A-ASSOCIATE-RQ: {}; sending A-ABORT", name, remoteAddress(),
                        e.getMessage());
                abortAndAwaitClose(abortReasonFor(e));
                return;
            }
            if (first == null) {
                LOG.info("{}: {} closed the connection before associating", name, remoteAddress());
                return;
            }
            if (!(first instanceof AssociateRq rq)) {
                LOG.warn("{}: {} sent {} instead of A-ASSOCIATE-RQ; sending A-ABORT", name, remoteAddress(),
                        PduCodec.pduName(first.type()));
                abortAndAwaitClose(Abort.REASON_UNEXPECTED_PDU);
                return;
            }
            request = rq;
            setState(State.STA3);
            Negotiation.Outcome outcome = Negotiation.negotiate(rq, config, registry, overLimit);
            if (outcome.answer() instanceof Pdu.AssociateRj rj) {
                LOG.warn("{}: A-ASSOCIATE-RJ to {} at {}: {} ({})", name, rq.callingAe(), remoteAddress(), outcome.why(),
                        rj.describe());
                sendPdu(rj);
                setState(State.STA13);
                awaitClose();
                return;
            }
            AssociateAc ac = (AssociateAc) outcome.answer();
            establish(rq, ac);
            sendPdu(ac);
            LOG.info("{}: accepted {} from {}, {} of {} presentation contexts{}", this, rq.callingAe(), remoteAddress(),
                    contexts.size(), rq.contexts().size(), outcome.why() == null ? "" : " (" + outcome.why() + ")");
            readLoop();
        } catch (IOException e) {
            LOG.info("{}: connection from {} ended: {}", name, remoteAddress(), e.getMessage());
        } finally {
            cleanup(null);
        }
    }

    /** Requestor side: sends the A-ASSOCIATE-RQ and waits for the answer; starts the reader thread on acceptance. */
    void open(AssociateRq rq) throws IOException {
        request = rq;
        setState(State.STA4);
        socket.setSoTimeout(millis(config.artimTimeout()));
        sendPdu(rq);
        setState(State.STA5);
        Pdu answer;
        try {
            answer = PduCodec.read(new DeadlineInputStream(in, socket, System.nanoTime()
                    + TimeUnit.MILLISECONDS.toNanos(millis(config.artimTimeout()))),
                    limits(PduCodec.Limits.DEFAULT.maxAssociateLength()));
        } catch (SocketTimeoutException e) {
            closeSocket();
            setState(State.STA1);
            throw new IOException("No A-ASSOCIATE-AC or -RJ from " + rq.calledAe() + " at " + remoteAddress() + " within "
                    + millis(config.artimTimeout()) + " ms (ARTIM)");
        } catch (IOException e) {
            closeSocket();
            setState(State.STA1);
            throw e;
        }
        if (answer instanceof Pdu.AssociateRj rj) {
            closeSocket();
            setState(State.STA1);
            throw new AssociationRejectedException(rj, rq.calledAe());
        }
        if (answer instanceof Abort abort) {
            closeSocket();
            setState(State.STA1);
            throw new IOException("Association to " + rq.calledAe() + " " + abort.describe());
        }
        if (!(answer instanceof AssociateAc ac)) {
            abortAndClose(Abort.REASON_UNEXPECTED_PDU);
            throw new IOException("Unexpected " + (answer == null ? "close" : PduCodec.pduName(answer.type())) + " from "
                    + rq.calledAe() + " instead of A-ASSOCIATE-AC");
        }
        establish(rq, ac);
        Thread reader = new Thread(() -> {
            try {
                readLoop();
            } finally {
                cleanup(null);
            }
        }, "lumen-net-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    private void establish(AssociateRq rq, AssociateAc ac) {
        accept = ac;
        for (PresentationContext answer : ac.contexts()) {
            if (answer.accepted()) {
                PresentationContext proposed = rq.contexts().stream().filter(p -> p.id() == answer.id()).findFirst().orElse(null);
                if (proposed != null) {
                    contexts.put(answer.id(), new AcceptedContext(answer.id(), proposed.abstractSyntax(), answer.transferSyntax()));
                }
            }
        }
        // The maximum length the peer receives bounds what we send; ours (maxPduLengthSend) may lower it further.
        long peerMax = requestor ? ac.userInfo().maxLength() : rq.userInfo().maxLength();
        long max = peerMax == 0 ? DEFAULT_SEND_PDU : peerMax;
        if (config.maxPduLengthSend() > 0) {
            max = Math.min(max, config.maxPduLengthSend());
        }
        sendPdvData = (int) Math.max(16, Math.min(max, Integer.MAX_VALUE - 64) - 6);
        // Asynchronous operations window (PS3.7 D.3.3.3): values in the AC are from the requestor's point of view.
        UserInfo.AsyncOps ops = ac.userInfo().asyncOps();
        int invoked = ops == null ? 1 : requestor ? ops.maxInvoked() : ops.maxPerformed();
        int performed = ops == null ? 1 : requestor ? ops.maxPerformed() : ops.maxInvoked();
        invokeWindow = new Semaphore(invoked == 0 ? Integer.MAX_VALUE : invoked);
        int threads = Math.max(1, Math.min(performed == 0 ? config.maxOpsPerformed() : performed, config.maxOpsPerformed()));
        performWindow = new Semaphore(threads);
        workers = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "lumen-net-" + name + "-worker");
            t.setDaemon(true);
            return t;
        });
        workers.allowCoreThreadTimeOut(true);
        setState(State.STA6);
    }

    // ------------------------------------------------------------------ the reader loop: the state machine

    private void readLoop() {
        PduCodec.Limits limits = limits(PduCodec.Limits.DEFAULT.maxAssociateLength());
        while (state != State.STA1) {
            Pdu pdu;
            try {
                socket.setSoTimeout(timeoutFor(state));
                pdu = PduCodec.read(in, limits);
            } catch (SocketTimeoutException e) {
                onTimeout();
                continue;
            } catch (PduFormatException e) {
                LOG.warn("{}: malformed PDU from {}: {}; sending A-ABORT", this, remoteAddress(), e.getMessage());
                abortAndClose(abortReasonFor(e));
                return;
            } catch (IOException e) {
                if (state != State.STA13 && state != State.STA1) {
                    LOG.warn("{}: connection lost in {}: {}", this, state, e.getMessage());
                }
                cleanup(e);
                return;
            }
            if (pdu == null) {
                if (state != State.STA13) {
                    LOG.warn("{}: {} closed the connection in {}", this, remoteAddress(), state);
                    cleanup(new EOFException("The peer closed the connection in " + state));
                } else {
                    cleanup(null);
                }
                return;
            }
            try {
                handle(pdu);
            } catch (PduFormatException | DimseFormatException e) {
                LOG.warn("{}: protocol error from {}: {}; sending A-ABORT", this, remoteAddress(), e.getMessage());
                abortAndClose(e instanceof PduFormatException p ? abortReasonFor(p) : Abort.REASON_INVALID_PDU_PARAMETER_VALUE);
                return;
            } catch (IOException e) {
                LOG.warn("{}: {}; closing", this, e.getMessage());
                cleanup(e);
                return;
            }
        }
    }

    private int timeoutFor(State s) {
        return switch (s) {
            case STA6, STA8 -> millis(config.idleTimeout());
            default -> millis(config.artimTimeout());
        };
    }

    private void onTimeout() {
        switch (state) {
            case STA13 -> {
                LOG.info("{}: ARTIM expired waiting for {} to close; closing", this, remoteAddress());
                cleanup(null);
            }
            case STA6 -> {
                if (pending.isEmpty() && running.isEmpty() && dataCommand == null && commandContext < 0) {
                    LOG.warn("{}: idle for {} ms; aborting", this, millis(config.idleTimeout()));
                    abortAndClose(Abort.REASON_NOT_SPECIFIED);
                }
            }
            case STA7, STA10, STA11 -> {
                LOG.warn("{}: no A-RELEASE-RP within ARTIM ({} ms); aborting", this, millis(config.artimTimeout()));
                abortAndClose(Abort.REASON_NOT_SPECIFIED);
            }
            default -> {
                // Sta8/9/12: our own release response is on its way.
            }
        }
    }

    private void handle(Pdu pdu) throws IOException {
        if (pdu instanceof PData data) {
            if (state != State.STA6 && state != State.STA7) {
                throw unexpected(pdu);
            }
            for (Pdv pdv : data.pdvs()) {
                onPdv(pdv);
            }
        } else if (pdu instanceof ReleaseRq) {
            onReleaseRq();
        } else if (pdu instanceof ReleaseRp) {
            onReleaseRp();
        } else if (pdu instanceof Abort abort) {
            LOG.info("{}: A-ABORT received: {}", this, abort.describe());
            peerAborted = true;
            cleanup(new IOException("Association " + abort.describe()));
        } else {
            throw unexpected(pdu);
        }
    }

    private PduFormatException unexpected(Pdu pdu) {
        return new PduFormatException("Unexpected " + PduCodec.pduName(pdu.type()) + " in " + state);
    }

    private void onReleaseRq() throws IOException {
        boolean answerNow;
        synchronized (stateLock) {
            switch (state) {
                case STA6 -> {
                    setState(State.STA8);
                    answerNow = true;
                }
                case STA7 -> {
                    // Release collision (PS3.8 9.2.2.2 AR-8): the requestor answers first, the acceptor waits for it.
                    if (requestor) {
                        setState(State.STA9);
                        sendPdu(new ReleaseRp());
                        setState(State.STA11);
                    } else {
                        setState(State.STA10);
                    }
                    LOG.info("{}: release collision, now {}", this, state);
                    answerNow = false;
                }
                default -> throw unexpected(new ReleaseRq());
            }
        }
        if (answerNow) {
            failIncompleteMessage("the peer asked to release the association in the middle of a message");
            awaitWorkers();
            sendPdu(new ReleaseRp());
            LOG.info("{}: released by the peer", this);
            setState(State.STA13);
            released.countDown();
        }
    }

    private void onReleaseRp() throws IOException {
        synchronized (stateLock) {
            switch (state) {
                case STA7, STA11 -> {
                    LOG.debug("{}: release confirmed", this);
                    released.countDown();
                    cleanup(null);
                }
                case STA10 -> {
                    setState(State.STA12);
                    sendPdu(new ReleaseRp());
                    setState(State.STA13);
                    released.countDown();
                }
                default -> throw unexpected(new ReleaseRp());
            }
        }
    }

    private void onPdv(Pdv pdv) throws IOException {
        AcceptedContext pc = contexts.get(pdv.contextId());
        if (pc == null) {
            throw new PduFormatException("PDV for presentation context " + pdv.contextId() + ", which was not accepted");
        }
        if (pdv.command()) {
            if (dataCommand != null) {
                throw new PduFormatException("Command fragment while the data set of " + dataCommand + " is still expected");
            }
            if (commandContext >= 0 && commandContext != pdv.contextId()) {
                throw new PduFormatException("Command fragments on presentation contexts " + commandContext + " and "
                        + pdv.contextId());
            }
            if (commandBuffer.size() + pdv.data().length > Command.MAX_ENCODED_LENGTH) {
                throw new DimseFormatException("Command set longer than " + Command.MAX_ENCODED_LENGTH + " bytes");
            }
            commandContext = pdv.contextId();
            commandBuffer.write(pdv.data());
            if (pdv.last()) {
                Command command = Command.decode(commandBuffer.toByteArray());
                commandBuffer.reset();
                commandContext = -1;
                onCommand(pc, command);
            }
            return;
        }
        if (dataCommand == null) {
            throw new PduFormatException("Data set fragment without a command announcing one");
        }
        if (dataContext.id() != pdv.contextId()) {
            throw new PduFormatException("Data set fragment on presentation context " + pdv.contextId() + " for a command on "
                    + dataContext.id());
        }
        if (dataPipe != null) {
            dataPipe.put(pdv.data());
            if (pdv.last()) {
                dataPipe.finish();
                dataPipe = null;
                dataCommand = null;
            }
        } else {
            if (responseData.size() + (long) pdv.data().length > config.maxDataSetBuffer()) {
                throw new DimseFormatException("Response data set longer than " + config.maxDataSetBuffer() + " bytes");
            }
            responseData.write(pdv.data());
            if (pdv.last()) {
                Command rsp = dataCommand;
                dataCommand = null;
                deliver(dataContext, rsp, responseData.toByteArray());
                responseData = null;
            }
        }
    }

    private void onCommand(AcceptedContext pc, Command command) throws IOException {
        LOG.debug("{}: received {}", this, command);
        if (command.isResponse()) {
            if (command.hasDataSet()) {
                dataCommand = command;
                dataContext = pc;
                responseData = new ByteArrayOutputStream();
            } else {
                deliver(pc, command, null);
            }
            return;
        }
        if (command.commandField() == CommandField.C_CANCEL_RQ) {
            AtomicBoolean flag = running.get(command.messageIdBeingRespondedTo());
            if (flag != null) {
                flag.set(true);
            }
            return;
        }
        DataPipe pipe = null;
        if (command.hasDataSet()) {
            pipe = new DataPipe(PIPE_FRAGMENTS);
            dataPipe = pipe;
            dataCommand = command;
            dataContext = pc;
        }
        AtomicBoolean cancelled = new AtomicBoolean();
        int messageId = command.messageId();
        // A peer that invokes more than the window we agreed waits here (and TCP slows it): memory stays bounded.
        try {
            performWindow.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("Interrupted waiting for the operations window");
        }
        running.put(messageId, cancelled);
        DataPipe data = pipe;
        workers.execute(() -> {
            try {
                registry.handle(this, pc, command, data, cancelled::get);
            } finally {
                running.remove(messageId);
                performWindow.release();
            }
        });
    }

    private void deliver(AcceptedContext pc, Command rsp, byte[] data) {
        int id = rsp.messageIdBeingRespondedTo();
        Pending p = pending.get(id);
        if (p == null) {
            LOG.warn("{}: {} answers no outstanding request; ignored", this, rsp);
            return;
        }
        boolean last = !org.lumen.net.dimse.Status.isPending(rsp.status());
        if (last) {
            pending.remove(id);
            invokeWindow.release();
        }
        Attributes dataset = null;
        if (data != null) {
            try {
                dataset = DicomReader.readDataset(new ByteArrayInputStream(data), "response data set",
                        TransferSyntax.of(pc.transferSyntax()), ReadOptions.INCLUDE_ALL);
            } catch (IOException | RuntimeException e) {
                LOG.warn("{}: unreadable data set in {}: {}", this, rsp, e.getMessage());
                if (!last) {
                    pending.remove(id);
                    invokeWindow.release();
                }
                p.listener().onFailure(new IOException("Unreadable data set in " + rsp + ": " + e.getMessage(), e));
                return;
            }
        }
        p.listener().onResponse(rsp, dataset);
    }

    // ------------------------------------------------------------------ sending

    /** Invokes a request: waits for room in the asynchronous operations window, assigns the message ID and sends it. */
    int invoke(AcceptedContext pc, Command rq, DataWriter data, ResponseListener listener) throws IOException {
        try {
            if (!invokeWindow.tryAcquire(responseTimeoutMillis(), TimeUnit.MILLISECONDS)) {
                throw new IOException("The asynchronous operations window stayed full for " + responseTimeoutMillis()
                        + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("Interrupted waiting for the operations window");
        }
        int id = nextMessageId.getAndUpdate(i -> i >= 0xFFFF ? 1 : i + 1);
        rq.set(Command.MESSAGE_ID, id);
        pending.put(id, new Pending(pc, listener));
        try {
            sendMessage(pc, rq, data);
        } catch (IOException | RuntimeException e) {
            if (pending.remove(id) != null) {
                invokeWindow.release();
            }
            throw e;
        }
        return id;
    }

    /** Sends a C-CANCEL-RQ for an outstanding request. */
    void cancel(AcceptedContext pc, int messageId) throws IOException {
        Command cancel = new Command().set(Command.COMMAND_FIELD, CommandField.C_CANCEL_RQ)
                .set(Command.MESSAGE_ID_BEING_RESPONDED_TO, messageId)
                .set(Command.COMMAND_DATA_SET_TYPE, Command.NO_DATA_SET);
        sendMessage(pc, cancel, null);
    }

    void sendResponse(AcceptedContext pc, Command rsp, DataWriter data) throws IOException {
        sendMessage(pc, rsp, data);
    }

    private void sendMessage(AcceptedContext pc, Command command, DataWriter data) throws IOException {
        messageLock.lock();
        try {
            if (!state.canSendData()) {
                throw new IOException("Cannot send " + command + ": the association is in " + state);
            }
            LOG.debug("{}: sending {}", this, command);
            try (PDataOutputStream cmd = new PDataOutputStream(this, pc.id(), true, sendPdvData)) {
                cmd.write(command.encode());
            }
            if (data != null) {
                try (PDataOutputStream ds = new PDataOutputStream(this, pc.id(), false, sendPdvData)) {
                    data.writeTo(ds, pc.transferSyntax());
                }
            }
            flush();
        } finally {
            messageLock.unlock();
        }
    }

    void writePData(int contextId, boolean command, boolean last, byte[] data, int length) throws IOException {
        writeLock.lock();
        try {
            PduCodec.writePData(out, contextId, command, last, data, 0, length);
        } finally {
            writeLock.unlock();
        }
    }

    private void flush() throws IOException {
        writeLock.lock();
        try {
            out.flush();
        } finally {
            writeLock.unlock();
        }
    }

    private void sendPdu(Pdu pdu) throws IOException {
        writeLock.lock();
        try {
            out.write(PduCodec.encode(pdu));
            out.flush();
        } finally {
            writeLock.unlock();
        }
    }

    // ------------------------------------------------------------------ the SCU operations

    /** C-ECHO: the Verification service. */
    public DimseResponse echo() throws IOException {
        AcceptedContext pc = requireContext(org.lumen.dicom.data.UID.Verification, null);
        return await(pc, Command.request(CommandField.C_ECHO_RQ, 0, pc.abstractSyntax(), false), null);
    }

    /**
     * C-STORE of a data set (no file meta) already encoded in {@code transferSyntax}, streamed from {@code dataset}. When no
     * context accepted that syntax this throws {@link NoPresentationContextException} naming the accepted ones, so the caller
     * can transcode and call again.
     */
    public DimseResponse store(String sopClass, String sopInstance, String transferSyntax, java.io.InputStream dataset)
            throws IOException {
        return store(sopClass, sopInstance, transferSyntax, dataset, null, -1);
    }

    /** C-STORE on behalf of a C-MOVE: carries the Move Originator AE title and message ID. */
    public DimseResponse store(String sopClass, String sopInstance, String transferSyntax, java.io.InputStream dataset,
            String moveOriginatorAe, int moveOriginatorMessageId) throws IOException {
        AcceptedContext pc = requireContext(sopClass, transferSyntax);
        Command rq = Command.request(CommandField.C_STORE_RQ, 0, sopClass, true)
                .set(Command.AFFECTED_SOP_INSTANCE_UID, sopInstance).set(Command.PRIORITY, 0);
        if (moveOriginatorAe != null) {
            rq.set(Command.MOVE_ORIGINATOR_AE_TITLE, moveOriginatorAe);
            rq.set(Command.MOVE_ORIGINATOR_MESSAGE_ID, moveOriginatorMessageId);
        }
        return await(pc, rq, DataWriter.of(dataset));
    }

    /** C-STORE on a chosen context with the data set written by {@code data} (sub-operations, transcoded sends). */
    DimseResponse store(AcceptedContext pc, String sopInstance, DataWriter data, String moveOriginatorAe,
            int moveOriginatorMessageId) throws IOException {
        Command rq = Command.request(CommandField.C_STORE_RQ, 0, pc.abstractSyntax(), true)
                .set(Command.AFFECTED_SOP_INSTANCE_UID, sopInstance).set(Command.PRIORITY, 0);
        if (moveOriginatorAe != null) {
            rq.set(Command.MOVE_ORIGINATOR_AE_TITLE, moveOriginatorAe);
            rq.set(Command.MOVE_ORIGINATOR_MESSAGE_ID, moveOriginatorMessageId);
        }
        return await(pc, rq, data);
    }

    /** C-FIND: the matches as they arrive; close the result early to cancel. */
    public FindResults find(String sopClass, Attributes keys) throws IOException {
        return query(CommandField.C_FIND_RQ, sopClass, keys, null);
    }

    /** C-MOVE to {@code destination}; returns the final response with the sub-operation counts. */
    public DimseResponse move(String sopClass, String destination, Attributes keys) throws IOException {
        try (FindResults results = startMove(sopClass, destination, keys)) {
            return results.finalResponse();
        }
    }

    /** C-MOVE whose pending responses (counts) the caller follows with {@link FindResults#nextResponse()} and may cancel. */
    public FindResults startMove(String sopClass, String destination, Attributes keys) throws IOException {
        return query(CommandField.C_MOVE_RQ, sopClass, keys, destination);
    }

    /** C-GET whose pending responses the caller follows and may cancel; see {@link #get}. */
    public FindResults startGet(String sopClass, Attributes keys, StoreService handler) throws IOException {
        registry.registerStorageFallback(handler);
        return query(CommandField.C_GET_RQ, sopClass, keys, null);
    }

    /**
     * C-GET: the instances come back as C-STORE requests on this association, handed to {@code handler}; the storage SOP
     * classes must have been proposed with the SCP role (see {@link ConnectOptions#withScpRole}).
     */
    public DimseResponse get(String sopClass, Attributes keys, StoreService handler) throws IOException {
        try (FindResults results = startGet(sopClass, keys, handler)) {
            return results.finalResponse();
        }
    }

    /** N-ACTION (e.g. a Storage Commitment request); returns the response, with its data set if any. */
    public DimseResponse nAction(String sopClass, String sopInstance, int actionTypeId, Attributes info) throws IOException {
        AcceptedContext pc = requireContext(sopClass, null);
        Command rq = Command.request(CommandField.N_ACTION_RQ, 0, sopClass, info != null)
                .set(Command.REQUESTED_SOP_INSTANCE_UID, sopInstance).set(Command.ACTION_TYPE_ID, actionTypeId);
        return await(pc, rq, info == null ? null : DataWriter.of(info));
    }

    /** N-EVENT-REPORT (e.g. a Storage Commitment result). */
    public DimseResponse nEventReport(String sopClass, String sopInstance, int eventTypeId, Attributes info)
            throws IOException {
        AcceptedContext pc = requireContext(sopClass, null);
        Command rq = Command.request(CommandField.N_EVENT_REPORT_RQ, 0, sopClass, info != null)
                .set(Command.AFFECTED_SOP_INSTANCE_UID, sopInstance).set(Command.EVENT_TYPE_ID, eventTypeId);
        return await(pc, rq, info == null ? null : DataWriter.of(info));
    }

    private FindResults query(int field, String sopClass, Attributes keys, String destination) throws IOException {
        AcceptedContext pc = requireContext(sopClass, null);
        Command rq = Command.request(field, 0, sopClass, true).set(Command.PRIORITY, 0);
        if (destination != null) {
            rq.set(Command.MOVE_DESTINATION, destination);
        }
        long timeout = responseTimeoutMillis();
        FindResults results = new FindResults(this, timeout);
        int id = invoke(pc, rq, DataWriter.of(keys), results.listener());
        results.started(pc, id);
        return results;
    }

    private DimseResponse await(AcceptedContext pc, Command rq, DataWriter data) throws IOException {
        java.util.concurrent.CompletableFuture<DimseResponse> done = new java.util.concurrent.CompletableFuture<>();
        invoke(pc, rq, data, new ResponseListener() {
            @Override
            public void onResponse(Command rsp, Attributes dataset) {
                if (!org.lumen.net.dimse.Status.isPending(rsp.status())) {
                    done.complete(new DimseResponse(rsp, dataset));
                }
            }

            @Override
            public void onFailure(IOException cause) {
                done.completeExceptionally(cause);
            }
        });
        try {
            long timeout = responseTimeoutMillis();
            return done.get(timeout, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof IOException io ? new IOException(io.getMessage(), io)
                    : new IOException(e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IOException("No response to " + rq + " within the idle timeout");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("Interrupted waiting for the response to " + rq);
        }
    }

    private AcceptedContext requireContext(String sopClass, String transferSyntax) throws NoPresentationContextException {
        AcceptedContext pc = context(sopClass, transferSyntax);
        if (pc == null) {
            List<String> accepted = acceptedContexts().stream().filter(c -> c.abstractSyntax().equals(sopClass))
                    .map(AcceptedContext::transferSyntax).toList();
            throw new NoPresentationContextException(sopClass, transferSyntax, accepted);
        }
        return pc;
    }

    // ------------------------------------------------------------------ release and abort

    /**
     * A-RELEASE: waits for our outstanding requests, sends A-RELEASE-RQ and waits (ARTIM) for the A-RELEASE-RP, handling a
     * release collision; aborts when the peer does not answer.
     */
    public void release() throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(responseTimeoutMillis());
        while (!pending.isEmpty() && System.nanoTime() < deadline && state == State.STA6) {
            sleep(5);
        }
        messageLock.lock();
        try {
            synchronized (stateLock) {
                if (state == State.STA6) {
                    setState(State.STA7);
                    sendPdu(new ReleaseRq());
                } else if (state.ordinal() < State.STA6.ordinal() && state != State.STA1) {
                    throw new IOException("Cannot release in " + state);
                }
                // Otherwise a release (the peer's, or a collision) is under way or done: wait for its end below.
            }
        } finally {
            messageLock.unlock();
        }
        try {
            if (!released.await(millis(config.artimTimeout()), TimeUnit.MILLISECONDS)) {
                LOG.warn("{}: no A-RELEASE-RP within {} ms; aborting", this, millis(config.artimTimeout()));
                abort();
                throw new IOException("No A-RELEASE-RP within " + millis(config.artimTimeout()) + " ms; aborted");
            }
            ended.await(millis(config.artimTimeout()), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abort();
        }
    }

    /** A-ABORT (service user): sends the PDU, closes the connection, fails whatever is outstanding. */
    public void abort() {
        if (state == State.STA1) {
            return;
        }
        try {
            if (writeLock.tryLock(1, TimeUnit.SECONDS)) {
                try {
                    out.write(PduCodec.encode(new Abort(Abort.SOURCE_USER, 0)));
                    out.flush();
                } finally {
                    writeLock.unlock();
                }
            }
        } catch (IOException | InterruptedException e) {
            LOG.debug("{}: A-ABORT not sent: {}", this, e.getMessage());
        }
        cleanup(new IOException("Association aborted locally"));
    }

    /** Waits until the association has ended (released, aborted or closed). */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** True if the peer ended the association with an A-ABORT. */
    public boolean abortedByPeer() {
        return peerAborted;
    }

    @Override
    public void close() {
        if (state == State.STA6) {
            try {
                release();
                return;
            } catch (IOException e) {
                LOG.debug("{}: release failed: {}", this, e.getMessage());
            }
        }
        abort();
    }

    /** Provider A-ABORT: send it, then wait (ARTIM) for the peer to close. */
    private void abortAndClose(int reason) {
        try {
            sendPdu(new Abort(Abort.SOURCE_PROVIDER, reason));
        } catch (IOException e) {
            LOG.debug("{}: A-ABORT not sent: {}", this, e.getMessage());
        }
        cleanup(new IOException("Association aborted: protocol error"));
    }

    private void abortAndAwaitClose(int reason) throws IOException {
        sendPdu(new Abort(Abort.SOURCE_PROVIDER, reason));
        setState(State.STA13);
        awaitClose();
    }

    /** Sta13: wait for the peer to close, at most ARTIM, discarding what it still sends. */
    private void awaitClose() {
        try {
            socket.setSoTimeout(millis(config.artimTimeout()));
            byte[] skip = new byte[4096];
            while (in.read(skip) >= 0) {
                // discard
            }
        } catch (IOException e) {
            LOG.debug("{}: closing after {}", name, e.getMessage());
        }
    }

    private static int abortReasonFor(PduFormatException e) {
        return e.getMessage().startsWith("Unknown PDU type") ? Abort.REASON_UNRECOGNIZED_PDU
                : e.getMessage().startsWith("Unexpected") ? Abort.REASON_UNEXPECTED_PDU : Abort.REASON_INVALID_PDU_PARAMETER_VALUE;
    }

    private void failIncompleteMessage(String why) {
        if (dataPipe != null) {
            dataPipe.fail(new IOException(why));
            dataPipe = null;
        }
        dataCommand = null;
        commandBuffer.reset();
        commandContext = -1;
    }

    private void awaitWorkers() {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (!running.isEmpty() && System.nanoTime() < deadline) {
            sleep(5);
        }
    }

    private synchronized void cleanup(IOException cause) {
        if (state == State.STA1 && ended.getCount() == 0) {
            return;
        }
        setState(State.STA1);
        closeSocket();
        IOException failure = cause != null ? cause : new IOException("Association closed");
        if (dataPipe != null) {
            dataPipe.fail(failure);
            dataPipe = null;
        }
        for (AtomicBoolean flag : running.values()) {
            flag.set(true);
        }
        for (Integer id : List.copyOf(pending.keySet())) {
            Pending p = pending.remove(id);
            if (p != null) {
                p.listener().onFailure(failure);
            }
        }
        if (workers != null) {
            workers.shutdown();
        }
        released.countDown();
        ended.countDown();
    }

    private void closeSocket() {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("{}: close: {}", name, e.getMessage());
        }
    }

    private PduCodec.Limits limits(int maxAssociate) {
        return new PduCodec.Limits(config.maxPduLengthReceive(), maxAssociate);
    }

    /** How long we wait for a response or for room in the window: the idle timeout, or a day when there is none. */
    private long responseTimeoutMillis() {
        int idle = millis(config.idleTimeout());
        return idle <= 0 ? TimeUnit.DAYS.toMillis(1) : Math.max(idle, 1000);
    }

    private static int millis(Duration d) {
        return d == null ? 0 : (int) Math.min(Integer.MAX_VALUE, d.toMillis());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
