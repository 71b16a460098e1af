package vn.egov.exchange.infrastructure;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.egov.common.DomainException;
import vn.egov.exchange.application.StoredContent;

/**
 * Attachments on disk, named by their SHA-256: written as they stream in (never whole in memory),
 * forced to disk before the send is acknowledged, then moved into place atomically. A file whose
 * document was never committed is harmless (nothing refers to it); equal files are kept once.
 */
@ApplicationScoped
public class AttachmentStore {

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

    private Path root;

    public AttachmentStore() {
    }

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
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the attachment store at " + root, e);
        }
    }

    static Path resolveRoot(String configured) {
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String instance = System.getProperty("com.sun.aas.instanceRoot");
        return instance != null ? Path.of(instance, "exchange-store")
                : Path.of(System.getProperty("java.io.tmpdir"), "egov-exchange-store");
    }

    /** Opens a writer for one file of at most {@code maxBytes}; the caller must finish or abandon it. */
    public Writer newWriter(long maxBytes) {
        return new Writer(root, maxBytes);
    }

    public StoredContent store(InputStream content, long maxBytes) {
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

    public InputStream open(String sha256) throws IOException {
        return Files.newInputStream(pathOf(sha256));
    }

    private Path pathOf(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
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

        /** Forces the file to disk and moves it into place; returns its name and size. */
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
            Path target = pathOf(hash);
            Files.createDirectories(target.getParent());
            if (Files.exists(target)) {
                Files.delete(temp);
            } else {
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException raced) {
                    Files.deleteIfExists(temp);
                }
            }
            return new StoredContent(hash, size);
        }

        public void abandon() {
            try {
                channel.close();
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // Nothing refers to a stray temporary file; say so and carry on with the real failure.
                java.util.logging.Logger.getLogger(AttachmentStore.class.getName())
                        .warning("could not remove " + temp + ": " + e);
            }
        }
    }
}
