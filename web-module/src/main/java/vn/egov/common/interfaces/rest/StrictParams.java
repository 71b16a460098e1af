package vn.egov.common.interfaces.rest;

import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.regex.Pattern;
import vn.egov.common.DomainException;

/**
 * Query and form parameters typed boolean or integer are read exactly: a boolean is {@code true}
 * or {@code false} (Jersey's default reads {@code dryRun=yes} as false), an integer is optional
 * minus and decimal digits within the type's range (no spaces, no plus, no overflow). The API's
 * paging parameters, in every list operation, are checked here too: {@code limit} at least 1,
 * {@code offset} at least 0 (each operation keeps its own configured page maximum). A refusal is a
 * 400 {@value #CODE} naming the parameter. Path parameters keep the runtime's reading: an address
 * that cannot name a resource is a 404.
 */
@Provider
public class StrictParams implements ParamConverterProvider {

    public static final String CODE = "request.parameter.invalid";
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,19}");

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = name(annotations);
        if (name == null) {
            return null;
        }
        if (rawType == boolean.class || rawType == Boolean.class) {
            return (ParamConverter<T>)
                    new Converter<>(name, rawType.isPrimitive() ? Boolean.FALSE : null, StrictParams::bool);
        }
        long min = switch (name) {
            case "limit" -> 1;
            case "offset" -> 0;
            default -> Long.MIN_VALUE;
        };
        if (rawType == int.class || rawType == Integer.class) {
            return (ParamConverter<T>) new Converter<>(name, rawType.isPrimitive() ? 0 : null, text ->
                    (int) integer(name, text, Math.max(min, Integer.MIN_VALUE), Integer.MAX_VALUE));
        }
        if (rawType == long.class || rawType == Long.class) {
            return (ParamConverter<T>) new Converter<>(
                    name, rawType.isPrimitive() ? 0L : null, text -> integer(name, text, min, Long.MAX_VALUE));
        }
        return null;
    }

    private static String name(Annotation[] annotations) {
        for (Annotation a : annotations) {
            if (a instanceof QueryParam q) {
                return q.value();
            }
            if (a instanceof FormParam f) {
                return f.value();
            }
        }
        return null;
    }

    private static Boolean bool(String text) {
        return switch (text) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> null;
        };
    }

    private static long integer(String name, String text, long min, long max) {
        if (!INTEGER.matcher(text).matches()) {
            throw refusal(name, "must be a whole number");
        }
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw refusal(name, "is out of range");
        }
        if (value < min) {
            throw refusal(name, "must be at least " + min);
        }
        if (value > max) {
            throw refusal(name, "is out of range");
        }
        return value;
    }

    private static DomainException refusal(String name, String why) {
        return new DomainException(
                DomainException.Kind.INVALID, CODE, "the parameter " + name + " " + why, Map.of("field", name));
    }

    private static final class Converter<T> implements ParamConverter<T> {
        private final String name;
        /** What an absent parameter without a default reads as: null, or a primitive's zero as Jersey gives it. */
        private final T absent;

        private final java.util.function.Function<String, T> parse;

        Converter(String name, T absent, java.util.function.Function<String, T> parse) {
            this.name = name;
            this.absent = absent;
            this.parse = parse;
        }

        @Override
        public T fromString(String value) {
            if (value == null) {
                return absent;
            }
            T parsed = parse.apply(value);
            if (parsed == null) {
                throw refusal(name, "must be true or false");
            }
            return parsed;
        }

        @Override
        public String toString(T value) {
            return String.valueOf(value);
        }
    }
}
