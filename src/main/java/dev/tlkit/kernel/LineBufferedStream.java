package dev.tlkit.kernel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Passes text on a line at a time. The base kernel's output stream sends a Jupyter message on every flush, and a
 * PrintStream flushes on every print, so one {@code printf} with padding became dozens of stream outputs; this
 * stream sends each line once (and what is left when it is flushed explicitly, at the end of a cell).
 */
final class LineBufferedStream extends OutputStream {
    private final OutputStream target;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    LineBufferedStream(OutputStream target) {
        this.target = target;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        line.write(b);
        if (b == '\n') {
            send();
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        int lastNewline = -1;
        for (int i = offset + length - 1; i >= offset; i--) {
            if (bytes[i] == '\n') {
                lastNewline = i;
                break;
            }
        }
        if (lastNewline < 0) {
            line.write(bytes, offset, length);
            return;
        }
        line.write(bytes, offset, lastNewline + 1 - offset);
        send();
        line.write(bytes, lastNewline + 1, offset + length - lastNewline - 1);
    }

    /** Sends what is buffered, even without a line end (a cell ends, or a display must come after the text). */
    @Override
    public synchronized void flush() throws IOException {
        if (line.size() > 0) {
            send();
        }
    }

    private void send() throws IOException {
        line.writeTo(target);
        line.reset();
        target.flush();
    }
}
