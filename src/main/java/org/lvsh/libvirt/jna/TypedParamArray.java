package org.lvsh.libvirt.jna;

import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.lvsh.model.TypedParam;

/**
 * An array of virTypedParameter read into {@link TypedParam}s (strings copied), for whoever owns the array to
 * free: the statistics lists, the events that carry parameters (tunable, job-completed).
 */
final class TypedParamArray {
    // virTypedParameter: { char field[80]; int type; union value; } with the union 8-byte aligned.
    private static final int FIELD_LENGTH = 80;
    private static final int PARAM_TYPE = 80;
    private static final int PARAM_VALUE = 88;
    private static final int PARAM_SIZE = 96;

    private TypedParamArray() {
    }

    static List<TypedParam> read(Pointer base, int count) {
        if (base == null || count <= 0) {
            return List.of();
        }
        ByteBuffer buf = base.getByteBuffer(0, (long) count * PARAM_SIZE).order(ByteOrder.nativeOrder());
        List<TypedParam> params = new ArrayList<>(count);
        for (int p = 0; p < count; p++) {
            params.add(param(base, buf, p * PARAM_SIZE));
        }
        return List.copyOf(params);
    }

    private static TypedParam param(Pointer base, ByteBuffer buf, int at) {
        int length = 0;
        while (length < FIELD_LENGTH && buf.get(at + length) != 0) {
            length++;
        }
        byte[] field = new byte[length];
        buf.get(at, field);
        int code = buf.getInt(at + PARAM_TYPE);
        TypedParam.Type type = TypedParam.Type.of(code);
        int v = at + PARAM_VALUE;
        Object value = switch (type) {
            case INT -> buf.getInt(v);
            case UINT -> Integer.toUnsignedLong(buf.getInt(v));
            case LLONG, ULLONG -> buf.getLong(v);
            case DOUBLE -> buf.getDouble(v);
            case BOOLEAN -> buf.get(v) != 0; // a C char
            case STRING -> {
                Pointer s = base.getPointer(v);
                yield s == null ? null : s.getString(0, "UTF-8");
            }
            case UNKNOWN -> code;
        };
        return new TypedParam(new String(field, StandardCharsets.UTF_8), type, value);
    }
}
