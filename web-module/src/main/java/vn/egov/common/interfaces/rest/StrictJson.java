package vn.egov.common.interfaces.rest;

import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigInteger;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAmount;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import vn.egov.common.DomainException;
import vn.egov.common.TextRule;

/**
 * The platform's JSON binding for request bodies: JSON-B (Yasson) after a strict first pass, so a
 * body is bound only when it is exactly what the Java type asks for. The first pass streams the
 * body once with JSON-P: the bytes must be UTF-8 (malformed bytes are refused, never replaced);
 * every string and every member name must pass {@link TextRule}; each value must have the JSON type
 * of the field it binds to — a string for text, enums and dates, {@code true}/{@code false} for
 * booleans, an integral number in range for integers, a number for decimals, an array for
 * collections, an object for objects. Then Yasson binds as usual. Unknown members are ignored (a
 * newer client may send more), but their text is checked too.
 *
 * <p>Hand-written because Yasson coerces by design ({@code {"text":12345}} binds "12345",
 * {@code "yes"} binds false) and its deserializers cannot be registered for primitive fields; the
 * pass walks the same fields Yasson binds (fields, named by {@link JsonbProperty} or their own name).
 * Serialisation is Yasson's, unchanged. {@link StrictJsonResolver} gives it to Jersey.
 */
public final class StrictJson implements Jsonb {

    public static final String TYPE_CODE = "request.json.type";
    public static final String ENCODING_CODE = "request.encoding.invalid";

    private static final JsonProvider JSON = JsonProvider.provider();
    private static final StrictJson INSTANCE = new StrictJson(JsonbBuilder.create());

    private enum Kind {
        ANY,
        STRING,
        BOOLEAN,
        INTEGER,
        NUMBER,
        ARRAY,
        OBJECT
    }

    private final Jsonb yasson;
    private final Map<Class<?>, Map<String, Type>> members = new ConcurrentHashMap<>();

    private StrictJson(Jsonb yasson) {
        this.yasson = yasson;
    }

    public static StrictJson instance() {
        return INSTANCE;
    }

    /** Binds a whole body held in memory, after the strict pass. */
    public <T> T fromJson(byte[] body, Type type) {
        syntax(strictReader(body));
        check(strictReader(body), type);
        return yasson.fromJson(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8), type);
    }

    @Override
    public <T> T fromJson(InputStream stream, Type type) {
        try {
            return fromJson(stream.readAllBytes(), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public <T> T fromJson(InputStream stream, Class<T> type) {
        return fromJson(stream, (Type) type);
    }

    @Override
    public <T> T fromJson(String text, Type type) {
        syntax(new StringReader(text));
        check(new StringReader(text), type);
        return yasson.fromJson(text, type);
    }

    @Override
    public <T> T fromJson(String text, Class<T> type) {
        return fromJson(text, (Type) type);
    }

    @Override
    public <T> T fromJson(Reader reader, Type type) {
        try {
            StringBuilder text = new StringBuilder();
            char[] buffer = new char[8192];
            for (int n; (n = reader.read(buffer)) >= 0; ) {
                text.append(buffer, 0, n);
            }
            return fromJson(text.toString(), type);
        } catch (CharacterCodingException e) {
            throw encoding();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public <T> T fromJson(Reader reader, Class<T> type) {
        return fromJson(reader, (Type) type);
    }

    @Override
    public String toJson(Object object) {
        return yasson.toJson(object);
    }

    @Override
    public String toJson(Object object, Type type) {
        return yasson.toJson(object, type);
    }

    @Override
    public void toJson(Object object, Writer writer) {
        yasson.toJson(object, writer);
    }

    @Override
    public void toJson(Object object, Type type, Writer writer) {
        yasson.toJson(object, type, writer);
    }

    @Override
    public void toJson(Object object, OutputStream stream) {
        yasson.toJson(object, stream);
    }

    @Override
    public void toJson(Object object, Type type, OutputStream stream) {
        yasson.toJson(object, type, stream);
    }

    /** The platform's binding lives as long as the application; nothing to release per caller. */
    @Override
    public void close() {}

    private static Reader strictReader(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new InputStreamReader(new ByteArrayInputStream(body), decoder);
    }

    private static DomainException encoding() {
        return DomainException.invalid(ENCODING_CODE, "the request body is not valid UTF-8");
    }

    /**
     * The syntax pass, before any type is looked at: a truncated or ill-formed body is malformed
     * whatever its first token says ({@code [1, 2} is not "an array where an object was expected").
     */
    private static void syntax(Reader reader) {
        try (JsonParser parser = JSON.createParser(reader)) {
            while (parser.hasNext()) {
                parser.next();
            }
        } catch (JsonException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof CharacterCodingException) {
                    throw encoding();
                }
            }
            throw new JsonbException(e.getMessage(), e);
        }
    }

    /** The strict pass: one JSON value, its text and its types; syntax errors are JSON-B's. */
    private void check(Reader reader, Type type) {
        try (JsonParser parser = JSON.createParser(reader)) {
            if (!parser.hasNext()) {
                throw new JsonbException("the request body is empty");
            }
            value(parser, parser.next(), type, "");
            if (parser.hasNext()) {
                parser.next();
                throw new JsonbException("more than one JSON value in the body");
            }
        } catch (JsonException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof CharacterCodingException) {
                    throw encoding();
                }
            }
            throw new JsonbException(e.getMessage(), e);
        }
    }

    private void value(JsonParser parser, JsonParser.Event event, Type type, String path) {
        Kind expected = kindOf(type);
        switch (event) {
            case START_OBJECT -> {
                expect(expected, Kind.OBJECT, path);
                Map<String, Type> fields = expected == Kind.OBJECT ? membersOf(type) : Map.of();
                Type values = mapValues(type);
                for (JsonParser.Event next = parser.next(); next != JsonParser.Event.END_OBJECT; next = parser.next()) {
                    String name = parser.getString();
                    String member = path.isEmpty() ? name : path + "." + name;
                    TextRule.Violation violation = TextRule.violation(name, true);
                    if (violation != null) {
                        throw TextRule.refusal(member, violation);
                    }
                    value(parser, parser.next(), values != null ? values : fields.get(name), member);
                }
            }
            case START_ARRAY -> {
                expect(expected, Kind.ARRAY, path);
                Type element = elementOf(type);
                int index = 0;
                for (JsonParser.Event next = parser.next(); next != JsonParser.Event.END_ARRAY; next = parser.next()) {
                    value(parser, next, element, path + "[" + index++ + "]");
                }
            }
            case VALUE_STRING -> {
                expect(expected, Kind.STRING, path);
                TextRule.Violation violation = TextRule.violation(parser.getString(), false);
                if (violation != null) {
                    throw TextRule.refusal(path.isEmpty() ? "body" : path, violation);
                }
            }
            case VALUE_TRUE, VALUE_FALSE -> expect(expected, Kind.BOOLEAN, path);
            case VALUE_NUMBER -> {
                if (expected == Kind.INTEGER) {
                    integral(parser, raw(type), path);
                } else if (expected != Kind.NUMBER) {
                    expect(expected, Kind.NUMBER, path);
                }
            }
            case VALUE_NULL -> {
                if (type instanceof Class<?> c && c.isPrimitive()) {
                    throw mismatch(path, expected);
                }
            }
            default -> throw new JsonbException("unexpected " + event + " at " + path);
        }
    }

    private static void expect(Kind expected, Kind actual, String path) {
        if (expected != Kind.ANY && expected != actual) {
            throw mismatch(path, expected);
        }
    }

    private static void integral(JsonParser parser, Class<?> type, String path) {
        if (!parser.isIntegralNumber()) {
            throw mismatch(path, Kind.INTEGER);
        }
        if (type == BigInteger.class) {
            return;
        }
        try {
            long value = parser.getBigDecimal().longValueExact();
            boolean fits = switch (boxed(type).getSimpleName()) {
                case "Integer" -> value == (int) value;
                case "Short" -> value == (short) value;
                case "Byte" -> value == (byte) value;
                default -> true;
            };
            if (fits) {
                return;
            }
        } catch (ArithmeticException e) {
            // beyond a long: out of range below
        }
        throw new DomainException(
                DomainException.Kind.INVALID,
                TYPE_CODE,
                (path.isEmpty() ? "the body" : path) + " is out of range",
                Map.of("field", path, "expected", "integer"));
    }

    private static DomainException mismatch(String path, Kind expected) {
        String wanted = switch (expected) {
            case STRING -> "a string";
            case BOOLEAN -> "true or false";
            case INTEGER -> "an integer";
            case NUMBER -> "a number";
            case ARRAY -> "an array";
            default -> "an object";
        };
        return new DomainException(
                DomainException.Kind.INVALID,
                TYPE_CODE,
                (path.isEmpty() ? "the body" : path) + " must be " + wanted,
                Map.of("field", path, "expected", expected.name().toLowerCase(java.util.Locale.ROOT)));
    }

    private static Kind kindOf(Type type) {
        if (type == null || type instanceof java.lang.reflect.TypeVariable<?> || type instanceof WildcardType) {
            return Kind.ANY;
        }
        if (type instanceof GenericArrayType) {
            return Kind.ARRAY;
        }
        Class<?> raw = boxed(raw(type));
        if (raw == Object.class || JsonValue.class.isAssignableFrom(raw) || raw == Optional.class) {
            return Kind.ANY;
        }
        if (raw == String.class
                || raw == Character.class
                || CharSequence.class.isAssignableFrom(raw)
                || raw.isEnum()
                || TemporalAccessor.class.isAssignableFrom(raw)
                || TemporalAmount.class.isAssignableFrom(raw)
                || ZoneId.class.isAssignableFrom(raw)
                || raw == UUID.class
                || raw == java.net.URI.class
                || raw == java.net.URL.class
                || java.util.Date.class.isAssignableFrom(raw)
                || java.util.Calendar.class.isAssignableFrom(raw)) {
            return Kind.STRING;
        }
        if (raw == Boolean.class) {
            return Kind.BOOLEAN;
        }
        if (raw == Integer.class
                || raw == Long.class
                || raw == Short.class
                || raw == Byte.class
                || raw == BigInteger.class) {
            return Kind.INTEGER;
        }
        if (Number.class.isAssignableFrom(raw)) {
            return Kind.NUMBER;
        }
        if (raw.isArray() && raw != byte[].class || Collection.class.isAssignableFrom(raw)) {
            return Kind.ARRAY;
        }
        if (raw == byte[].class) {
            return Kind.ANY;
        }
        return Kind.OBJECT;
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return raw(p.getRawType());
        }
        if (type instanceof GenericArrayType) {
            return Object[].class;
        }
        return Object.class;
    }

    private static Class<?> boxed(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        return switch (type.getName()) {
            case "boolean" -> Boolean.class;
            case "int" -> Integer.class;
            case "long" -> Long.class;
            case "short" -> Short.class;
            case "byte" -> Byte.class;
            case "char" -> Character.class;
            case "float" -> Float.class;
            case "double" -> Double.class;
            default -> Void.class;
        };
    }

    private static Type elementOf(Type type) {
        if (type instanceof GenericArrayType array) {
            return array.getGenericComponentType();
        }
        if (type instanceof Class<?> c && c.isArray()) {
            return c.getComponentType();
        }
        if (type instanceof ParameterizedType p && p.getActualTypeArguments().length == 1) {
            return p.getActualTypeArguments()[0];
        }
        return null;
    }

    /** The value type of a map (its members are its entries), or null when the type is no map. */
    private static Type mapValues(Type type) {
        if (!Map.class.isAssignableFrom(raw(type))) {
            return null;
        }
        return type instanceof ParameterizedType p && p.getActualTypeArguments().length == 2
                ? p.getActualTypeArguments()[1]
                : Object.class;
    }

    /** The JSON members of a class as Yasson binds them: its fields (any visibility), by their JSON name. */
    private Map<String, Type> membersOf(Type type) {
        Class<?> raw = raw(type);
        if (Map.class.isAssignableFrom(raw)) {
            return Map.of();
        }
        return members.computeIfAbsent(raw, c -> {
            Map<String, Type> found = new HashMap<>();
            for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
                for (Field field : k.getDeclaredFields()) {
                    if (Modifier.isStatic(field.getModifiers())
                            || Modifier.isTransient(field.getModifiers())
                            || field.isAnnotationPresent(JsonbTransient.class)
                            || field.isSynthetic()) {
                        continue;
                    }
                    JsonbProperty name = field.getAnnotation(JsonbProperty.class);
                    found.putIfAbsent(
                            name != null && !name.value().isEmpty() ? name.value() : field.getName(),
                            field.getGenericType());
                }
            }
            return Map.copyOf(found);
        });
    }

    /** Hands the strict binding to Jersey for every JSON body and answer. */
    @jakarta.ws.rs.ext.Provider
    public static class StrictJsonResolver implements jakarta.ws.rs.ext.ContextResolver<Jsonb> {
        @Override
        public Jsonb getContext(Class<?> type) {
            return INSTANCE;
        }
    }
}
