package io.jvppmux.impl.channel;

import io.jvppmux.api.Message;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;

/**
 * The enable field of a {@code want_*} request ({@code enable} or {@code enable_disable}; bool, u8 or u32
 * depending on the message), read and cleared through the generated accessors. Found once per message
 * class (a {@link ClassValue}); messages that are not {@code want_*} requests, or have no such field
 * (e.g. {@code want_ping_finished_events}), have none.
 */
final class WantToggle {
    private static final String[] FIELD_NAMES = {"enableDisable", "enable"};
    private static final WantToggle NONE = new WantToggle(null, null);
    private static final ClassValue<WantToggle> BY_CLASS = new ClassValue<>() {
        @Override
        protected WantToggle computeValue(Class<?> type) {
            return find(type);
        }
    };

    private final Method getter;
    private final Method setter;

    private WantToggle(Method getter, Method setter) {
        this.getter = getter;
        this.setter = setter;
    }

    /** The toggle of {@code m}'s class, or null when it is not a {@code want_*} request with an enable field. */
    static WantToggle of(Message m) {
        WantToggle t = BY_CLASS.get(m.getClass());
        return t == NONE || !m.messageName().startsWith("want_") ? null : t;
    }

    private static WantToggle find(Class<?> type) {
        for (String name : FIELD_NAMES) {
            try {
                Method get = type.getMethod(name);
                Method set = type.getMethod(name, get.getReturnType());
                return new WantToggle(get, set);
            } catch (NoSuchMethodException e) {
                // try the next name
            }
        }
        return NONE;
    }

    /** Whether the enable field of {@code m} is set. */
    boolean isEnabled(Message m) {
        Object v = invoke(getter, m);
        return v instanceof Boolean b ? b : ((Number) v).longValue() != 0;
    }

    /** The encoded body of {@code m} with its enable field cleared: what identifies the registration. */
    byte[] keyOf(Message m) {
        Message copy = m.descriptor().newInstance();
        copy.decode(ByteBuffer.wrap(body(m)));
        Class<?> t = getter.getReturnType();
        Object zero = t == boolean.class ? Boolean.FALSE : t == long.class ? (Object) 0L : t == int.class ? (Object) 0
                : t == short.class ? (Object) (short) 0 : (Object) (byte) 0;
        invoke(setter, copy, zero);
        return body(copy);
    }

    /** The encoded body of {@code m}. */
    static byte[] body(Message m) {
        byte[] b = new byte[m.encodedSize()];
        m.encode(ByteBuffer.wrap(b));
        return b;
    }

    private static Object invoke(Method method, Object target, Object... args) {
        try {
            return method.invoke(target, args);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot use " + method + " of a want_* request", e);
        }
    }
}
