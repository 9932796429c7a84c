package org.lumen.server.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.data.VR;
import org.lumen.dicom.io.DicomFile;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.DicomWriter;
import org.lumen.dicom.io.ReadOptions;
import org.lumen.dicom.io.TransferSyntax;
import org.lumen.dicom.io.WriteOptions;
import org.lumen.server.index.ArchiveIndex;
import org.lumen.server.index.ArchiveIndex.CommitResult;
import org.lumen.server.index.IndexedInstance;
import org.lumen.server.query.QueryEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The archive: Part 10 files under {@code dataDir/files} and their index. One instance per node; thread-safe.
 *
 * <p>Guarantee: {@link #store} returns only after the file was written to {@code dataDir/tmp}, forced to disk, atomically
 * renamed to its final name (whose folder is forced too) and its index row committed. After a crash at any moment, opening
 * the archive again removes temporary files, indexes files that were renamed but not committed (or removes them when
 * another copy of the same SOP Instance UID is indexed), and drops rows whose file is gone, so that every acknowledged
 * instance is present, byte-identical, and the index matches the files.
 */
public final class Archive implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Archive.class);
    private static final String LOCK_FILE = "archive.lock";
    private static final int BUFFER = 64 * 1024;

    private final ArchiveConfig config;
    private final FileLayout layout;
    private final ArchiveIndex index;
    private final QueryEngine queries;
    private final StudyStableScheduler stable;
    private final FileChannel lockChannel;
    private final FileLock lock;
    /** Stores share it; reindex takes it exclusively. */
    private final ReadWriteLock maintenance = new ReentrantReadWriteLock();
    private volatile boolean closed;

    private Archive(ArchiveConfig config, FileLayout layout, ArchiveIndex index, FileChannel lockChannel, FileLock lock) {
        this.config = config;
        this.layout = layout;
        this.index = index;
        this.queries = new QueryEngine(index);
        this.stable = new StudyStableScheduler(config.studyStable());
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Opens (creating when needed) the archive in {@code config.dataDir()}. When the previous process did not close it (a
     * crash, kill -9), the files are reconciled with the index first.
     *
     * @throws IOException           when the folder cannot be used
     * @throws IllegalStateException when another process has the archive open
     */
    public static Archive open(ArchiveConfig config) throws IOException {
        Path dataDir = config.dataDir().toAbsolutePath();
        FileLayout layout = new FileLayout(dataDir);
        Files.createDirectories(layout.filesDir());
        Files.createDirectories(layout.tmpDir());
        Path lockPath = dataDir.resolve(LOCK_FILE);
        boolean unclean = Files.exists(lockPath);
        FileChannel channel = FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("The archive in " + dataDir + " is open in another process or archive; close it first");
        }
        ArchiveIndex index;
        try {
            index = ArchiveIndex.open(config.effectiveJdbcUrl(), config.jdbcUser(), config.jdbcPassword(), config.maxPoolSize(),
                    dataDir);
        } catch (RuntimeException e) {
            lock.release();
            channel.close();
            throw e;
        }
        Archive archive = new Archive(config, layout, index, channel, lock);
        archive.removeTemporaryFiles();
        if (unclean) {
            LOG.warn("The archive in {} was not closed cleanly; reconciling files with the index", dataDir);
            archive.reconcile();
        }
        return archive;
    }

    public ArchiveConfig config() {
        return config;
    }

    // ---- store -----------------------------------------------------------------------------------------------------

    /**
     * Stores one instance: the one path in for C-STORE, STOW-RS and imports. Returns once the file is durable and indexed.
     *
     * @throws StoreException with the reason to report (invalid data set, too large, duplicate, storage failure)
     */
    public StoreResult store(IncomingInstance in) throws StoreException {
        maintenance.readLock().lock();
        try {
            if (closed) {
                throw new StoreException(StoreException.Reason.UNAVAILABLE, "The archive is closed");
            }
            return doStore(in);
        } finally {
            maintenance.readLock().unlock();
        }
    }

    private StoreResult doStore(IncomingInstance in) throws StoreException {
        String sopUid = IncomingInstance.trimmed(in.sopInstanceUid());
        if (sopUid == null) {
            throw new StoreException(StoreException.Reason.INVALID_DATASET, "The request names no SOP Instance UID");
        }
        if (!TransferSyntax.isKnown(in.transferSyntaxUid().trim())) {
            throw new StoreException(StoreException.Reason.INVALID_DATASET, "Transfer syntax " + in.transferSyntaxUid()
                    + " is not one Lumen can read; send the instance in Explicit VR Little Endian");
        }
        // Duplicates are found by the index commit, on the data set's own SOP Instance UID: a meta header (STOW-RS,
        // imports) or a C-STORE request may announce another one, and trusting it would drop a new instance as a
        // "duplicate". A duplicate is written and then removed, which costs only duplicates, not every store.
        Path temp = layout.newTempFile();
        Path target = null;
        try {
            Written written = writeTemp(in, sopUid, temp);
            DicomFile parsed = parseHeader(temp);
            Attributes dataset = parsed.dataset();
            String studyUid = IncomingInstance.trimmed(dataset.getString(Tag.StudyInstanceUID));
            String seriesUid = IncomingInstance.trimmed(dataset.getString(Tag.SeriesInstanceUID));
            String datasetSop = IncomingInstance.trimmed(dataset.getString(Tag.SOPInstanceUID));
            if (datasetSop == null) {
                throw new StoreException(StoreException.Reason.INVALID_DATASET,
                        "The data set has no SOP Instance UID (the request announced " + sopUid + ")");
            }
            if (!sopUid.equals(datasetSop)) {
                // Some producers write one UID in the meta and another in the data set; the data set is what is stored.
                LOG.warn("SOP Instance UID {} announced, {} in the data set; indexing the data set's", sopUid, datasetSop);
            }
            if (studyUid == null || seriesUid == null) {
                throw new StoreException(StoreException.Reason.INVALID_DATASET,
                        "The data set has no " + (studyUid == null ? "Study" : "Series") + " Instance UID; it cannot be archived");
            }
            String relative = layout.newRelativePath(studyUid, seriesUid, datasetSop);
            target = layout.resolve(relative);
            moveDurably(temp, target);
            IndexedInstance record = IndexedInstance.of(dataset, in.transferSyntaxUid().trim(), relative, written.size(),
                    written.sha256(), Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS), in.source());
            CommitResult committed;
            try {
                committed = index.commit(record, config.duplicatePolicy());
            } catch (RuntimeException e) {
                throw new StoreException(StoreException.Reason.STORAGE_FAILURE, "The index could not record the instance: "
                        + e.getMessage(), e);
            }
            switch (committed.outcome()) {
                case KEPT, REJECTED -> {
                    // Another store of the same SOP Instance UID won the race.
                    deleteQuietly(target);
                    return duplicate(committed.previous());
                }
                case REPLACED -> deleteQuietly(committed.previous().path());
                default -> { }
            }
            Path kept = target;
            target = null; // committed: it stays
            stable.touch(studyUid);
            StoredInstance stored = new StoredInstance(studyUid, seriesUid, datasetSop,
                    record.value(QueryLevel.IMAGE, "sop_class_uid"), record.transferSyntaxUid(), kept, written.size(),
                    written.sha256(), record.receivedAt(), record.sourceAet());
            return new StoreResult(stored, committed.outcome() == CommitResult.Outcome.REPLACED
                    ? StoreResult.Outcome.REPLACED : StoreResult.Outcome.STORED);
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.STORAGE_FAILURE, "Writing the instance failed: " + e.getMessage(), e);
        } finally {
            deleteQuietly(temp);
            if (target != null) {
                deleteQuietly(target);
            }
        }
    }

    private StoreResult duplicate(StoredInstance existing) throws StoreException {
        if (config.duplicatePolicy() == DuplicatePolicy.REJECT) {
            throw new StoreException(StoreException.Reason.DUPLICATE, "SOP Instance UID " + existing.sopInstanceUid()
                    + " is already stored and the archive's duplicate policy is REJECT");
        }
        return new StoreResult(existing, StoreResult.Outcome.KEPT);
    }

    private record Written(long size, String sha256) {
    }

    /** Preamble, file meta, then the data set bytes as they arrive, hashed on the way, forced to disk. */
    private Written writeTemp(IncomingInstance in, String sopUid, Path temp) throws IOException, StoreException {
        MessageDigest digest = sha256();
        byte[] header = part10Header(in, sopUid);
        long size = 0;
        long datasetBytes = 0;
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            digest.update(header);
            writeFully(channel, ByteBuffer.wrap(header));
            size += header.length;
            byte[] buffer = new byte[BUFFER];
            InputStream data = in.dataset();
            int n;
            while ((n = data.read(buffer)) > 0) {
                datasetBytes += n;
                if (datasetBytes > config.maxInstanceBytes()) {
                    throw new StoreException(StoreException.Reason.TOO_LARGE, "The instance is larger than the archive's limit of "
                            + config.maxInstanceBytes() + " bytes; raise maxInstanceBytes or send a smaller instance");
                }
                digest.update(buffer, 0, n);
                writeFully(channel, ByteBuffer.wrap(buffer, 0, n));
                size += n;
            }
            if (datasetBytes == 0) {
                throw new StoreException(StoreException.Reason.INVALID_DATASET, "The data set is empty");
            }
            channel.force(true);
        }
        return new Written(size, HexFormat.of().formatHex(digest.digest()));
    }

    private static void writeFully(FileChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    /**
     * Preamble, "DICM" and the file meta as lumen-dicom's writer encodes them: the writer is asked for a Part 10 stream of
     * an empty data set, and what follows the meta group (nothing, or an empty deflate stream) is cut off.
     */
    private static byte[] part10Header(IncomingInstance in, String sopUid) throws IOException {
        Attributes meta = in.fileMeta() == null ? new Attributes(false, 8) : in.fileMeta().deepCopy();
        meta.setString(Tag.MediaStorageSOPClassUID, VR.UI, in.sopClassUid().trim());
        meta.setString(Tag.MediaStorageSOPInstanceUID, VR.UI, sopUid);
        String source = in.source();
        // Sending Application Entity Title (0002,0017): who sent us this copy ("stow", "import" for the other paths); a
        // reindex reads the source back from it.
        meta.remove(Tag.SendingApplicationEntityTitle);
        if (!source.isBlank() && source.trim().length() <= 16) {
            meta.setString(Tag.SendingApplicationEntityTitle, VR.AE, source.trim());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        DicomWriter.write(out, meta, new Attributes(), in.transferSyntaxUid().trim(), WriteOptions.DEFAULT);
        byte[] bytes = out.toByteArray();
        int groupLength = (bytes[140] & 0xFF) | (bytes[141] & 0xFF) << 8 | (bytes[142] & 0xFF) << 16 | (bytes[143] & 0xFF) << 24;
        return java.util.Arrays.copyOf(bytes, 144 + groupLength);
    }

    private static DicomFile parseHeader(Path file) throws StoreException {
        try {
            return DicomReader.read(file, ReadOptions.DEFAULT);
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.INVALID_DATASET, "The data set cannot be parsed: " + e.getMessage(), e);
        }
    }

    /** Renames into place and forces the folder entries, creating (and forcing) folders as needed. */
    private void moveDurably(Path temp, Path target) throws IOException {
        Path folder = target.getParent();
        List<Path> created = new ArrayList<>();
        for (Path p = folder; p != null && !Files.isDirectory(p); p = p.getParent()) {
            created.add(p);
        }
        Files.createDirectories(folder);
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        forceFolder(folder);
        for (Path p : created) {
            forceFolder(p.getParent());
        }
    }

    private static void forceFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Some file systems cannot sync a folder; the rename itself has happened.
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not delete {}: {}", file, e.toString());
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    // ---- read ------------------------------------------------------------------------------------------------------

    /**
     * C-FIND semantics (PS3.4 C.2.2.2) over the index, for C-FIND and QIDO-RS alike; see {@link QueryEngine}.
     *
     * @throws IllegalArgumentException when the query is not valid for the information model (e.g. PATIENT in Study Root)
     */
    public Stream<Attributes> find(QueryLevel level, Attributes keys, QueryOptions options) {
        return queries.find(level, keys, options);
    }

    public List<StoredInstance> instances(String studyUid, String seriesUid, String sopUid) {
        return index.instances(studyUid, seriesUid, sopUid);
    }

    public Optional<StoredInstance> instance(String sopInstanceUid) {
        return index.instance(sopInstanceUid);
    }

    /** Calls {@code listener} with the Study Instance UID each time a study has been quiet for the configured time. */
    public void onStudyStable(Consumer<String> listener) {
        stable.addListener(listener);
    }

    // ---- maintenance -----------------------------------------------------------------------------------------------

    /** Rebuilds the index from the files: empties it, then indexes every file under {@code files/}. Stores wait meanwhile. */
    public ReindexReport reindex() throws IOException {
        maintenance.writeLock().lock();
        try {
            removeTemporaryFiles();
            index.clear();
            List<Path> files = listFiles();
            List<String> problems = new ArrayList<>();
            int indexed = 0;
            for (Path file : files) {
                String problem = indexFile(file, DuplicatePolicy.KEEP);
                if (problem == null) {
                    indexed++;
                } else {
                    problems.add(layout.relativize(file) + ": " + problem);
                }
            }
            LOG.info("Reindexed {} of {} files", indexed, files.size());
            return new ReindexReport(files.size(), indexed, problems);
        } finally {
            maintenance.writeLock().unlock();
        }
    }

    /** Re-hashes every indexed file; reports mismatches, missing files and files no row names. */
    public VerifyReport verify() throws IOException {
        List<VerifyReport.Problem> mismatches = new ArrayList<>();
        List<VerifyReport.Problem> missing = new ArrayList<>();
        int[] checked = {0};
        index.forEachInstance(stored -> {
            try {
                String hash = hashFile(stored.path());
                checked[0]++;
                long size = Files.size(stored.path());
                if (!hash.equals(stored.sha256()) || size != stored.size()) {
                    mismatches.add(new VerifyReport.Problem(stored.sopInstanceUid(), stored.path(),
                            "sha256 " + hash + " (index " + stored.sha256() + "), size " + size + " (index " + stored.size() + ")"));
                }
            } catch (NoSuchFileException e) {
                missing.add(new VerifyReport.Problem(stored.sopInstanceUid(), stored.path(), "file missing"));
            } catch (IOException e) {
                missing.add(new VerifyReport.Problem(stored.sopInstanceUid(), stored.path(), "unreadable: " + e.getMessage()));
            }
        });
        Set<String> indexed = index.indexedPaths();
        List<Path> unindexed = listFiles().stream().filter(f -> !indexed.contains(layout.relativize(f))).toList();
        return new VerifyReport(checked[0], mismatches, missing, unindexed);
    }

    /** After a crash: files renamed but never committed are indexed (or removed when a copy is indexed); rows without file go. */
    private void reconcile() throws IOException {
        Set<String> indexed = index.indexedPaths();
        int added = 0;
        int removed = 0;
        for (Path file : listFiles()) {
            String relative = layout.relativize(file);
            if (indexed.remove(relative)) {
                continue;
            }
            // A renamed-but-uncommitted file: its store was never acknowledged. Keep it unless a copy is already indexed.
            String problem = indexFile(file, DuplicatePolicy.KEEP);
            if (problem == null) {
                added++;
            } else {
                deleteQuietly(file);
                removed++;
            }
        }
        int dropped = 0;
        for (String relative : indexed) {
            // Only a file deleted behind the archive's back leaves a row without file.
            dropped += dropRowOf(relative);
        }
        LOG.warn("Reconciled the archive: {} files indexed, {} files removed, {} rows without file dropped", added, removed, dropped);
    }

    private int dropRowOf(String relative) {
        Optional<String> sop = index.jdbi().withHandle(h -> h.createQuery("SELECT sop_uid FROM instance WHERE file_path = :p")
                .bind("p", relative).mapTo(String.class).findOne());
        return sop.isPresent() && index.remove(sop.get()) ? 1 : 0;
    }

    /** Indexes a file already in place; returns null on success, else why not (duplicate SOP UID, unreadable). */
    private String indexFile(Path file, DuplicatePolicy policy) {
        try {
            DicomFile parsed = DicomReader.read(file, ReadOptions.HEADER_ONLY);
            Attributes dataset = parsed.dataset();
            String ts = parsed.fileMeta().getString(org.lumen.dicom.data.Tags.TRANSFER_SYNTAX_UID);
            if (dataset.getString(Tag.SOPInstanceUID) == null || dataset.getString(Tag.StudyInstanceUID) == null
                    || dataset.getString(Tag.SeriesInstanceUID) == null) {
                return "no SOP, Study or Series Instance UID";
            }
            String source = parsed.fileMeta().getString(Tag.SendingApplicationEntityTitle, "");
            IndexedInstance record = IndexedInstance.of(dataset, ts == null ? parsed.transferSyntax().uid() : ts.trim(),
                    layout.relativize(file), Files.size(file), hashFile(file), Files.getLastModifiedTime(file).toInstant(), source);
            CommitResult result = index.commit(record, policy);
            return result.outcome() == CommitResult.Outcome.STORED ? null
                    : "another file holds the same SOP Instance UID (" + result.previous().path().getFileName() + ")";
        } catch (IOException | RuntimeException e) {
            return "cannot be indexed: " + e.getMessage();
        }
    }

    private List<Path> listFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(layout.filesDir())) {
            return walk.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(FileLayout.SUFFIX)).toList();
        }
    }

    private void removeTemporaryFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(layout.tmpDir())) {
            walk.filter(Files::isRegularFile).forEach(Archive::deleteQuietly);
        }
    }

    static String hashFile(Path file) throws IOException {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Stops the scheduler, closes the index and marks the archive closed cleanly. Stores after this fail. */
    @Override
    public void close() {
        maintenance.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            stable.close();
            index.close();
            try {
                lock.release();
                lockChannel.close();
                Files.deleteIfExists(config.dataDir().toAbsolutePath().resolve(LOCK_FILE));
            } catch (IOException e) {
                throw new UncheckedIOException("Could not remove the archive lock file", e);
            }
        } finally {
            maintenance.writeLock().unlock();
        }
    }
}
