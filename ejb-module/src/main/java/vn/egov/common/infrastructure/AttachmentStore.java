package vn.egov.common.infrastructure;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.egov.common.DomainException;

/**
 * Attachments on disk, named by their SHA-256, kept once however many documents carry them. A file
 * goes through three folders: {@code tmp/} while it streams in (never whole in memory);
 * {@code staging/<sha256>.<uuid>} once complete and forced to disk, while its send is still being
 * checked and written; {@code <first two hex digits>/<sha256>} once a document that refers to it has
 * committed ({@link #promote}, called after the commit). A refused send's files are staged only, and
 * {@link #discard}ed; so the store proper holds only files some committed document refers to.
 * {@link #sweep} removes what a crash or an older version left behind, and moves in the staged files
 * of documents that committed just before a crash.
 *
 * <p>Moves into place and the sweep's removals take one lock (read and write side), so the sweep
 * never removes a file a document committing at that moment has just found already present.
 */
@ApplicationScoped
public class AttachmentStore {

    private static final Logger LOG = Logger.getLogger(AttachmentStore.class.getName());
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern STAGED = Pattern.compile("([0-9a-f]{64})\\.[0-9a-f-]{36}");
    /** How many hashes one look-up of references asks about. */
    private static final int LOOKUP_CHUNK = 500;

    @Inject
    @ConfigProperty(name = "egov.exchange.store-dir")
    private java.util.Optional<String> configuredDir = java.util.Optional.empty();

    /**
     * Whether each file is forced to disk before the send is acknowledged. Off, a file still
     * survives a crash of the server process (it is in the operating system's cache), but not a
     * crash of the machine; on, every send waits for the disk to flush.
     */
    @Inject
    @ConfigProperty(name = "egov.exchange.store.fsync", defaultValue = "true")
    private boolean fsync = true;

    private final ReadWriteLock placement = new ReentrantReadWriteLock();
    private Path root;

    public AttachmentStore() {}

    /** A store at a known folder, outside the container (tests, tools). */
    public AttachmentStore(Path root) {
        this.configuredDir = java.util.Optional.of(root.toString());
        init();
    }

    @PostConstruct
    void init() {
        root = resolveRoot(configuredDir.orElse(null));
        try {
            Files.createDirectories(root.resolve("tmp"));
            Files.createDirectories(root.resolve("staging"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the attachment store at " + root, e);
        }
    }

    static Path resolveRoot(String configured) {
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String instance = System.getProperty("com.sun.aas.instanceRoot");
        return instance != null
                ? Path.of(instance, "exchange-store")
                : Path.of(System.getProperty("java.io.tmpdir"), "egov-exchange-store");
    }

    /** The folder of the store (for operators' messages and tests). */
    public Path root() {
        return root;
    }

    /** Opens a writer for one file of at most {@code maxBytes}; the caller must finish or abandon it. */
    public Writer newWriter(long maxBytes) {
        return new Writer(root, maxBytes);
    }

    /** Stages a file from a stream; the caller promotes it once its document committed, or discards it. */
    public StoredContent stage(InputStream content, long maxBytes) {
        Writer writer = newWriter(maxBytes);
        try {
            content.transferTo(writer.stream());
            return writer.finish();
        } catch (IOException e) {
            writer.abandon();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            writer.abandon();
            throw e;
        }
    }

    /** Stages a file held in memory (a JSON send's decoded attachment). */
    public StoredContent stage(byte[] content) {
        return stage(new java.io.ByteArrayInputStream(content), content.length);
    }

    /**
     * Moves a staged file into the store, where every reader finds it by its SHA-256; a file
     * already there (the same bytes, from another document) is kept and the staged copy removed.
     * Called once the document that refers to it has committed. Does nothing for content that is
     * not staged.
     */
    public void promote(StoredContent content) throws IOException {
        if (content.staging() == null) {
            return;
        }
        Path staged = stagingPath(content.staging());
        placement.readLock().lock();
        try {
            moveIntoPlace(staged, content.sha256());
        } finally {
            placement.readLock().unlock();
        }
    }

    private void moveIntoPlace(Path staged, String sha256) throws IOException {
        Path target = pathOf(sha256);
        Files.createDirectories(target.getParent());
        if (Files.exists(target)) {
            Files.deleteIfExists(staged);
            return;
        }
        try {
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException raced) {
            Files.deleteIfExists(staged);
        } catch (NoSuchFileException gone) {
            if (!Files.exists(target)) {
                throw gone;
            }
            // the sweep moved it in meanwhile
        }
    }

    /**
     * What a transaction that writes documents registers (as an interposed synchronization): once
     * it has committed, their staged files move into place; on rollback they stay staged, for the
     * sender to {@link #discard} when its send finally fails (a failed batch is written again, one
     * send at a time, with the same files).
     */
    public jakarta.transaction.Synchronization promoteOnCommit(List<StoredContent> contents) {
        List<StoredContent> staged = List.copyOf(contents);
        return new jakarta.transaction.Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the outcome is known
            }

            @Override
            public void afterCompletion(int status) {
                if (status != jakarta.transaction.Status.STATUS_COMMITTED) {
                    return;
                }
                for (StoredContent content : staged) {
                    try {
                        promote(content);
                    } catch (IOException | RuntimeException e) {
                        // The document is committed and its file staged and on disk: the sweep moves it in.
                        LOG.log(
                                Level.SEVERE,
                                "could not move the staged attachment " + content.staging()
                                        + " into the store; the next sweep does",
                                e);
                    }
                }
            }
        };
    }

    /**
     * Removes a staged file whose send was refused or found to be a duplicate. Never touches the
     * store proper (other documents may refer to the same bytes). Failures are logged: the sweep
     * removes what is left.
     */
    public void discard(StoredContent content) {
        if (content == null || content.staging() == null) {
            return;
        }
        try {
            Files.deleteIfExists(stagingPath(content.staging()));
        } catch (IOException e) {
            LOG.log(
                    Level.WARNING,
                    "could not remove the staged file " + content.staging() + "; the store's sweep removes it later",
                    e);
        }
    }

    /** The file with this SHA-256: in the store, or still staged in the moment after its document committed. */
    public InputStream open(String sha256) throws IOException {
        Path path = pathOf(sha256);
        try {
            return Files.newInputStream(path);
        } catch (NoSuchFileException e) {
            try (DirectoryStream<Path> staged = Files.newDirectoryStream(root.resolve("staging"), sha256 + ".*")) {
                for (Path candidate : staged) {
                    try {
                        return Files.newInputStream(candidate);
                    } catch (NoSuchFileException moved) {
                        // promoted meanwhile: the store has it now
                        return Files.newInputStream(path);
                    }
                }
            }
            throw e;
        }
    }

    /** Whether the store proper holds a file with this SHA-256 (not counting staged files). */
    public boolean holds(String sha256) {
        return Files.exists(pathOf(sha256));
    }

    private Path pathOf(String sha256) {
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    private Path stagingPath(String name) {
        if (!STAGED.matcher(name).matches()) {
            throw new IllegalArgumentException("not a staged file name: " + name);
        }
        return root.resolve("staging").resolve(name);
    }

    /** What one sweep did. */
    public record Sweep(int orphansRemoved, int stagedRemoved, int stagedPromoted, int temporaryRemoved) {
        public boolean changedAnything() {
            return orphansRemoved + stagedRemoved + stagedPromoted + temporaryRemoved > 0;
        }
    }

    /**
     * Removes the files no committed document refers to: files in the store proper that nothing
     * refers to, staged files older than {@code grace} that nothing refers to (their send was
     * refused, or the server stopped while checking it), and temporary files older than
     * {@code grace}. A staged file that a committed document refers to (the server stopped between
     * the commit and the move) is moved into place, whatever its age.
     *
     * @param referenced of the SHA-256 hashes given, those that some committed document refers to;
     *        asked while no file is being moved into place
     * @param grace how old a staged or temporary file must be before it counts as abandoned: longer
     *        than any send takes to be checked and written
     */
    public Sweep sweep(Function<Collection<String>, Set<String>> referenced, Duration grace) throws IOException {
        Instant abandonedBefore = Instant.now().minus(grace);
        int temporary = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(root.resolve("tmp"))) {
            for (Path file : files) {
                if (olderThan(file, abandonedBefore) && Files.deleteIfExists(file)) {
                    temporary++;
                }
            }
        }
        List<Path> stored = new ArrayList<>();
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(root, "[0-9a-f][0-9a-f]")) {
            for (Path folder : folders) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
                    for (Path file : files) {
                        if (SHA256.matcher(file.getFileName().toString()).matches()) {
                            stored.add(file);
                        }
                    }
                }
            }
        }
        List<Path> staged = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(root.resolve("staging"))) {
            for (Path file : files) {
                if (STAGED.matcher(file.getFileName().toString()).matches()) {
                    staged.add(file);
                }
            }
        }
        int orphans = 0;
        int stagedRemoved = 0;
        int promoted = 0;
        placement.writeLock().lock();
        try {
            Set<String> hashes = new HashSet<>();
            stored.forEach(f -> hashes.add(f.getFileName().toString()));
            staged.forEach(f -> hashes.add(shaOfStaged(f)));
            Set<String> live = lookUp(referenced, hashes);
            for (Path file : stored) {
                if (!live.contains(file.getFileName().toString()) && Files.deleteIfExists(file)) {
                    orphans++;
                }
            }
            for (Path file : staged) {
                String sha = shaOfStaged(file);
                if (live.contains(sha)) {
                    if (Files.exists(file)) {
                        moveIntoPlace(file, sha);
                        promoted++;
                    }
                } else if (olderThan(file, abandonedBefore) && Files.deleteIfExists(file)) {
                    stagedRemoved++;
                }
            }
        } finally {
            placement.writeLock().unlock();
        }
        return new Sweep(orphans, stagedRemoved, promoted, temporary);
    }

    private static Set<String> lookUp(Function<Collection<String>, Set<String>> referenced, Set<String> hashes) {
        Set<String> live = new HashSet<>();
        List<String> all = new ArrayList<>(hashes);
        for (int i = 0; i < all.size(); i += LOOKUP_CHUNK) {
            live.addAll(referenced.apply(all.subList(i, Math.min(all.size(), i + LOOKUP_CHUNK))));
        }
        return live;
    }

    private static String shaOfStaged(Path file) {
        return file.getFileName().toString().substring(0, 64);
    }

    private static boolean olderThan(Path file, Instant instant) {
        try {
            return Files.getLastModifiedTime(file).toInstant().isBefore(instant);
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One file being written: raw bytes through {@link #stream()} or base64 text through {@link #appendBase64}. */
    public final class Writer {
        private final long maxBytes;
        private final Path temp;
        private final FileChannel channel;
        private final MessageDigest sha256;
        private final OutputStream out;
        /** Base64 text not yet decoded, whitespace removed (ASCII, so one byte per character). */
        private final byte[] pendingBase64 = new byte[64 * 1024];

        private int pending;
        private long size;

        Writer(Path root, long maxBytes) {
            this.maxBytes = maxBytes;
            this.temp = root.resolve("tmp").resolve(UUID.randomUUID().toString());
            try {
                this.sha256 = vn.egov.common.Digests.sha256();
                this.channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write into the attachment store", e);
            }
            OutputStream file = java.nio.channels.Channels.newOutputStream(channel);
            this.out = new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    size += len;
                    if (size > Writer.this.maxBytes) {
                        throw new BoundedInputStream.TooLargeException(Writer.this.maxBytes);
                    }
                    sha256.update(b, off, len);
                    file.write(b, off, len);
                }
            };
        }

        public OutputStream stream() {
            return out;
        }

        /** Takes base64 text in any chunks (line breaks and spaces allowed), decoding as it goes. */
        public void appendBase64(char[] text, int offset, int length) throws IOException {
            int i = offset;
            int end = offset + length;
            while (i < end) {
                if (pending == pendingBase64.length) {
                    decodeWholeQuads();
                }
                // A tight loop over locals, bounded by the room left: this runs once per character.
                byte[] buffer = pendingBase64;
                int p = pending;
                int stop = Math.min(end, i + (buffer.length - p));
                for (; i < stop; i++) {
                    char c = text[i];
                    if (c > ' ') {
                        // A character beyond ASCII is not base64; the decoder refuses what it becomes.
                        buffer[p++] = (byte) (c < 128 ? c : '!');
                    }
                }
                pending = p;
            }
        }

        private void decodeWholeQuads() throws IOException {
            int whole = pending - pending % 4;
            decode(java.nio.ByteBuffer.wrap(pendingBase64, 0, whole));
            System.arraycopy(pendingBase64, whole, pendingBase64, 0, pending - whole);
            pending -= whole;
        }

        private void decode(java.nio.ByteBuffer base64) throws IOException {
            java.nio.ByteBuffer bytes;
            try {
                bytes = Base64.getDecoder().decode(base64);
            } catch (IllegalArgumentException e) {
                throw DomainException.invalid("exchange.attachment.base64", "an attachment is not valid base64");
            }
            out.write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
        }

        /**
         * Forces the file to disk and stages it under its SHA-256; returns its name, size and staged
         * file. It reaches the store proper only through {@link AttachmentStore#promote}.
         */
        public StoredContent finish() throws IOException {
            if (pending > 0) {
                decode(java.nio.ByteBuffer.wrap(pendingBase64, 0, pending));
                pending = 0;
            }
            if (fsync) {
                channel.force(true);
            }
            channel.close();
            String hash = vn.egov.common.Digests.hex(sha256.digest());
            String staging = hash + "." + temp.getFileName();
            Files.move(temp, root.resolve("staging").resolve(staging), StandardCopyOption.ATOMIC_MOVE);
            return new StoredContent(hash, size, staging);
        }

        public void abandon() {
            try {
                channel.close();
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // Nothing refers to a stray temporary file; say so and carry on with the real failure.
                LOG.warning("could not remove " + temp + ": " + e);
            }
        }
    }
}
