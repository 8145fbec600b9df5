package io.jvppmux.binapi;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Fills a generated message or type with random values through its public fluent setters, the way a
 * user would. A value a setter rejects (an unsigned range, a fixed string size) is retried smaller.
 */
final class RandomFiller {
    private final Random rnd;

    RandomFiller(long seed) {
        this.rnd = new Random(seed);
    }

    <T> T fill(T obj, int depth) {
        for (Method m : obj.getClass().getMethods()) {
            if (Modifier.isStatic(m.getModifiers()) || m.getParameterCount() != 1 || m.getReturnType() != obj.getClass()
                    || m.getParameterTypes()[0] == Set.class || m.getParameterTypes()[0].isEnum()) {
                continue;
            }
            setRandom(obj, m, depth);
        }
        return obj;
    }

    private void setRandom(Object obj, Method setter, int depth) {
        Class<?> p = setter.getParameterTypes()[0];
        Object current = get(obj, setter.getName());
        for (int attempt = 0; attempt < 6; attempt++) {
            Object v = value(p, current, setter, depth, attempt);
            try {
                setter.invoke(obj, v);
                return;
            } catch (InvocationTargetException e) {
                if (!(e.getCause() instanceof IllegalArgumentException)) {
                    throw new AssertionError(setter + ": " + e.getCause(), e.getCause());
                }
            } catch (IllegalAccessException e) {
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("no value accepted by " + setter);
    }

    private Object value(Class<?> p, Object current, Method setter, int depth, int attempt) {
        long bits = attempt == 0 ? rnd.nextLong() : attempt == 1 ? rnd.nextInt() & 0xffffffffL
                : attempt == 2 ? rnd.nextInt(0x10000) : attempt == 3 ? rnd.nextInt(256) : 0;
        if (p == int.class) {
            return (int) bits;
        } else if (p == long.class) {
            return bits;
        } else if (p == short.class) {
            return (short) bits;
        } else if (p == byte.class) {
            return (byte) bits;
        } else if (p == boolean.class) {
            return rnd.nextBoolean();
        } else if (p == double.class) {
            return rnd.nextDouble() * 1e6 - 5e5;
        } else if (p == String.class) {
            int len = attempt == 0 ? rnd.nextInt(20) : Math.max(0, 8 - 2 * attempt);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < len; i++) {
                sb.append((char) ('a' + rnd.nextInt(26)));
            }
            return sb.toString();
        } else if (p.isArray()) {
            return array(p.getComponentType(), current, attempt);
        } else if (p == List.class) {
            return list(setter, current, depth);
        }
        Object o = newInstance(p);
        if (hasRaw(p)) {
            return rawValue(o);
        }
        return depth > 0 ? fill(o, depth - 1) : o;
    }

    private Object array(Class<?> c, Object current, int attempt) {
        int len = current != null && java.lang.reflect.Array.getLength(current) > 0
                ? java.lang.reflect.Array.getLength(current) : rnd.nextInt(attempt == 0 ? 6 : 2);
        Object a = java.lang.reflect.Array.newInstance(c, len);
        for (int i = 0; i < len; i++) {
            long bits = attempt == 0 ? rnd.nextLong() : rnd.nextInt(attempt < 3 ? 0x10000 : 256);
            Object v = c == byte.class ? (byte) bits : c == int.class ? (int) (bits & (attempt == 0 ? 0xff : 0xffff))
                    : c == long.class ? bits & 0xffffffffL : c == short.class ? (short) bits
                    : c == double.class ? (double) bits : c == boolean.class ? (Object) ((bits & 1) == 1) : null;
            java.lang.reflect.Array.set(a, i, v);
        }
        return a;
    }

    private List<Object> list(Method setter, Object current, int depth) {
        Class<?> elem = (Class<?>) ((ParameterizedType) getter(setter.getDeclaringClass(), setter.getName())
                .getGenericReturnType()).getActualTypeArguments()[0];
        int len = current != null && !((List<?>) current).isEmpty() ? ((List<?>) current).size() : rnd.nextInt(4);
        List<Object> l = new ArrayList<>();
        for (int i = 0; i < len; i++) {
            Object o = newInstance(elem);
            l.add(hasRaw(elem) ? rawValue(o) : depth > 0 ? fill(o, depth - 1) : o);
        }
        return l;
    }

    /** Unions and array aliases: random raw bytes. */
    private Object rawValue(Object o) {
        try {
            int size = o.getClass().getField("SIZE").getInt(null);
            byte[] b = new byte[size];
            rnd.nextBytes(b);
            try {
                return o.getClass().getMethod("raw", byte[].class).invoke(o, (Object) b);
            } catch (NoSuchMethodException e) {
                return o.getClass().getConstructor(byte[].class).newInstance((Object) b);
            }
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static boolean hasRaw(Class<?> c) {
        try {
            c.getField("SIZE");
            return true;
        } catch (NoSuchFieldException e) {
            return false;
        }
    }

    private static Object get(Object obj, String name) {
        try {
            return getter(obj.getClass(), name).invoke(obj);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static Method getter(Class<?> c, String name) {
        try {
            return c.getMethod(name);
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }

    static Object newInstance(Class<?> c) {
        try {
            return c.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(c + ": " + e, e);
        }
    }
}
