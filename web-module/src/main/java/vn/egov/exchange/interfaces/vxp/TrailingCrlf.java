package vn.egov.exchange.interfaces.vxp;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * The body of an SDK's {@code sendEdoc}: the edXML file followed by the CRLF the SDK's multipart
 * helper writes after it. Passes the file through and withholds that final CRLF, so the package
 * kept is the file as the sender had it, whose SHA-256 the SDK signed as {@code hash-file}. Also
 * hashes the whole body, for a client that sent a file ending in CRLF without adding one.
 */
final class TrailingCrlf extends InputStream {

    private final InputStream in;
    private final byte[] buffer = new byte[64 * 1024];
    private final MessageDigest passed = vn.egov.common.Digests.sha256();
    private int start;
    private int end;
    private boolean eof;
    private int dropped;

    TrailingCrlf(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (true) {
            int available = eof ? end - start - dropped : end - start - 2;
            if (available > 0) {
                int n = Math.min(len, available);
                System.arraycopy(buffer, start, b, off, n);
                passed.update(buffer, start, n);
                start += n;
                return n;
            }
            if (eof) {
                return -1;
            }
            fill();
        }
    }

    private void fill() throws IOException {
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        int n = in.read(buffer, end, buffer.length - end);
        if (n < 0) {
            eof = true;
            dropped = end - start >= 2 && buffer[end - 2] == '\r' && buffer[end - 1] == '\n' ? 2 : 0;
        } else {
            end += n;
        }
    }

    /** The SHA-256 (hex) of the whole body, the CRLF withheld included; once everything was read. */
    String wholeBodySha256() {
        try {
            MessageDigest whole = (MessageDigest) passed.clone();
            if (dropped == 2) {
                whole.update(new byte[] {'\r', '\n'});
            } else if (eof && end - start > 0) {
                whole.update(buffer, start, end - start);
            }
            return vn.egov.common.Digests.hex(whole.digest());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }
}
