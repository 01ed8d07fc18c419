package dev.tlkit.nn.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.function.LongConsumer;

/**
 * Reads protocol-buffer wire format (varints, length-delimited fields, fixed 32/64-bit values) from a region of
 * a buffer: the few ONNX messages the kit needs, without generated classes. Every length is checked against the
 * region, so a truncated file fails with a clear message instead of reading past its end.
 */
final class ProtoReader {
    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LENGTH_DELIMITED = 2;
    static final int FIXED32 = 5;

    private final ByteBuffer buffer;
    private final String what;
    private int position;
    private final int end;
    private int field;
    private int wireType;

    private ProtoReader(ByteBuffer buffer, int start, int end, String what) {
        this.buffer = buffer;
        this.position = start;
        this.end = end;
        this.what = what;
    }

    /** A reader over the whole buffer; {@code what} names it in errors (e.g. the file). */
    static ProtoReader of(ByteBuffer buffer, String what) {
        return new ProtoReader(buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN), 0, buffer.limit(), what);
    }

    /** Moves to the next field; false at the end of the region. */
    boolean next() {
        if (position >= end) {
            return false;
        }
        long key = readVarint();
        field = (int) (key >>> 3);
        wireType = (int) (key & 7);
        if (field == 0) {
            throw malformed("a field numbered 0");
        }
        return true;
    }

    int field() {
        return field;
    }

    int wireType() {
        return wireType;
    }

    long varint() {
        expect(VARINT);
        return readVarint();
    }

    /** A 4-byte value (a float's bits). */
    int fixed32() {
        expect(FIXED32);
        advance(4);
        return buffer.getInt(position - 4);
    }

    /** The current length-delimited field as a reader of its own (a nested message). */
    ProtoReader message() {
        int length = length();
        ProtoReader nested = new ProtoReader(buffer, position, position + length, what);
        position += length;
        return nested;
    }

    String string() {
        int length = length();
        byte[] bytes = new byte[length];
        buffer.get(position, bytes);
        position += length;
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The current length-delimited field's bytes, as a little-endian view (not a copy). */
    ByteBuffer bytes() {
        int length = length();
        ByteBuffer slice = buffer.slice(position, length).order(ByteOrder.LITTLE_ENDIAN);
        position += length;
        return slice;
    }

    /** A repeated integer field, packed (one length-delimited run of varints) or not (one varint). */
    void varints(LongConsumer each) {
        if (wireType == VARINT) {
            each.accept(readVarint());
            return;
        }
        ProtoReader packed = message();
        while (packed.position < packed.end) {
            each.accept(packed.readVarint());
        }
    }

    /** Skips the current field, whatever its type. */
    void skip() {
        switch (wireType) {
            case VARINT -> readVarint();
            case FIXED64 -> advance(8);
            case LENGTH_DELIMITED -> advance(length());
            case FIXED32 -> advance(4);
            default -> throw malformed("wire type " + wireType + " (field " + field + ")");
        }
    }

    private int length() {
        expect(LENGTH_DELIMITED);
        long length = readVarint();
        if (length < 0 || length > end - position) {
            throw new IllegalArgumentException(what + " is truncated or not an ONNX file: field " + field + " claims "
                    + length + " bytes but only " + (end - position) + " remain");
        }
        return (int) length;
    }

    private void advance(int bytes) {
        if (bytes > end - position) {
            throw new IllegalArgumentException(what + " is truncated: field " + field + " needs " + bytes
                    + " bytes but only " + (end - position) + " remain");
        }
        position += bytes;
    }

    private long readVarint() {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (position >= end) {
                throw new IllegalArgumentException(what + " is truncated: it ends inside a number");
            }
            byte b = buffer.get(position++);
            value |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
                return value;
            }
        }
        throw malformed("a number longer than 10 bytes");
    }

    private void expect(int type) {
        if (wireType != type) {
            throw malformed("field " + field + " of wire type " + wireType + " where " + type + " was expected");
        }
    }

    private IllegalArgumentException malformed(String found) {
        return new IllegalArgumentException(what + " is not an ONNX file (or is damaged): it holds " + found);
    }
}
